import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { MeDocument, MyCityDocument } from "./generated/graphql";
import { gql } from "./helpers/server";
import { tokenFor } from "./factories";
import { embeddedMemory, freePort, runningAdminUrl } from "../src/db/embedded";
import { throwawayDataDir } from "../src/db/embedded";

/**
 * The whole program as a user runs it (`node dist/src/main.js`, built by `npm test`): from an
 * empty data directory to ready on an embedded PostgreSQL, a query, a clean SIGTERM; then a warm
 * start on the same directory and a clean SIGINT.
 */
const main = path.join(__dirname, "..", "dist", "src", "main.js");
let dataDir: string;

beforeAll(() => {
  dataDir = throwawayDataDir("start");
});
const children: ChildProcess[] = [];
afterAll(() => {
  // A failed assertion must not leave a server (and its PostgreSQL) running behind the test run.
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  const pidFile = path.join(dataDir, "pg", "postmaster.pid");
  if (fs.existsSync(pidFile)) {
    try {
      process.kill(Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]), "SIGQUIT");
    } catch {
      // already gone
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  output: () => string;
  url: string;
  readyMs: number;
}

async function start(port: number, opts: { ownGroup?: boolean } = {}): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "info",
  };
  delete env.DATABASE_URL;
  delete env.MIGRATION_DATABASE_URL;
  const t0 = Date.now();
  // ownGroup: as a terminal runs it, the leader of a process group that a Ctrl-C signals whole.
  const child = spawn(process.execPath, [main], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: opts.ownGroup ?? false,
  });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (c) => (out += c));
  child.stderr!.on("data", (c) => (out += c));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`not ready after 240 s:\n${out}`));
    }, 240_000);
    const check = () => {
      if (/civic-grid ready/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ready:\n${out}`));
    });
  });
  return {
    child,
    output: () => out,
    url: `http://127.0.0.1:${port}/graphql`,
    readyMs: Date.now() - t0,
  };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

it("starts from an empty data directory, answers, and stops cleanly on SIGTERM; restarts warm", async () => {
  const cold = await start(await freePort());
  expect(cold.output()).toMatch(/migration applied/);
  expect(cold.output()).toMatch(/loading the demo data of 8 new districts[^]*demo data loaded/);
  expect(cold.output()).toMatch(/npm run token/);
  const ready = await fetch(cold.url.replace("/graphql", "/readyz"));
  expect(await ready.json()).toEqual({ status: "ready" });
  const health = await fetch(cold.url.replace("/graphql", "/healthz"));
  expect(health.status).toBe(200);
  // The embedded cluster runs with the memory sized for the demo's load (embeddedMemory).
  const { sharedBuffersMb, walBuffersMb } = embeddedMemory();
  const memory = [`${sharedBuffersMb}MB`, `${walBuffersMb}MB`];
  expect(await embeddedSettings(["shared_buffers", "wal_buffers"])).toEqual(memory);

  // The data directory's own secret signs tokens: JWT_SECRET comes from the test run here.
  const token = await tokenFor({ district: { code: "mingshan" }, role: "district_admin" });
  const me = await gql({ url: cold.url }, MeDocument, {}, token);
  expect(me.data?.me).toMatchObject({
    role: "district_admin",
    district: { name: "明山区", city: { name: "本溪市" } },
  });

  const exit = exited(cold.child);
  cold.child.kill("SIGTERM");
  expect(await exit).toBe(0);
  expect(cold.output()).toMatch(/SIGTERM: shutting down[\s\S]*stopped/);
  expect(fs.existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);

  const warm = await start(await freePort());
  expect(warm.output()).not.toMatch(/migration applied|loading the demo data|demo data loaded/);
  expect(await embeddedSettings(["shared_buffers", "wal_buffers"])).toEqual(memory);
  const city = await gql(
    { url: warm.url },
    MyCityDocument,
    {},
    await tokenFor({ city: { code: "benxi" }, role: "city_admin" }, { sub: "benxi.city_admin" }),
  );
  expect(city.data?.city.districts).toHaveLength(6);
  const exit2 = exited(warm.child);
  warm.child.kill("SIGINT");
  expect(await exit2).toBe(0);
  console.log(`start to ready: cold ${cold.readyMs} ms, warm ${warm.readyMs} ms`);
  // The cold start loads a month of demo history; on a busy two-core machine it takes a while.
}, 540_000);

/** Settings of the running embedded cluster, asked as its superuser. */
async function embeddedSettings(names: string[]): Promise<string[]> {
  const url = runningAdminUrl(dataDir);
  if (!url) throw new Error(`no embedded cluster runs in ${dataDir}`);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const values: string[] = [];
    for (const name of names) values.push((await client.query(`SHOW ${name}`)).rows[0][name]);
    return values;
  } finally {
    await client.end();
  }
}

/** A process's group (Linux: /proc/PID/stat, the field after the state and the parent). */
function groupOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
}

const linux = fs.existsSync("/proc/self/stat") ? it : it.skip;

linux(
  "a Ctrl-C in its terminal (SIGINT to its whole process group) stops it as SIGINT does: PostgreSQL is in a group of its own, stopped by the server last",
  async () => {
    const s = await start(await freePort(), { ownGroup: true });
    const pidFile = path.join(dataDir, "pg", "postmaster.pid");
    const postmaster = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    expect(groupOf(s.child.pid!)).toBe(s.child.pid);
    // A Ctrl-C does not reach PostgreSQL, which would take it as a fast shutdown and cut the
    // connections of the requests the server is still draining.
    expect(groupOf(postmaster)).not.toBe(s.child.pid);
    const exit = exited(s.child);
    process.kill(-s.child.pid!, "SIGINT");
    expect(await exit).toBe(0);
    expect(s.output()).toMatch(/SIGINT: shutting down[\s\S]*stopped/);
    expect(s.output()).not.toMatch(/"level":"error"/);
    expect(fs.existsSync(pidFile)).toBe(false);
  },
  240_000,
);

it("refuses to start with a clear message when the configuration is wrong", async () => {
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: "not-a-port", DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr!.on("data", (c) => (err += c));
  expect(await exited(child)).toBe(1);
  expect(err).toMatch(/configuration error: PORT must be an integer/);
});
