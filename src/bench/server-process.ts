import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../config";
import { prepareDatabase } from "../db/database";
import { loadDemoData } from "../demo/seed";
import { signToken } from "../auth/jwt";
import { throwawayDataDir } from "../db/embedded";

/**
 * What the benchmarks that run the server in a process of its own share (`bench:fanout`,
 * `soak`): the database as `npm start` prepares it, with the demo data, and server processes
 * (fanout-server.ts) started against it, so that the server's memory and event loop are
 * measured apart from the load generator's.
 */

export interface BenchDatabase {
  /** The server's restricted role. */
  appUrl: string;
  /** The HS256 secret the servers verify tokens with. */
  secret: string;
  /** A token signed with that secret. */
  sign(claims: { sub: string; role: string; district: string }): Promise<string>;
  /** Stops the embedded PostgreSQL (if any) and removes its directory. */
  stop(): Promise<void>;
}

/**
 * DATABASE_URL (MIGRATION_DATABASE_URL as owner) when set, otherwise an embedded PostgreSQL in a
 * throw-away directory named after `prefix`; migrated, with the demo data.
 */
export async function prepareBenchDatabase(prefix: string): Promise<BenchDatabase> {
  const dataDir = throwawayDataDir(prefix);
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  const secret = randomBytes(32).toString("base64url");
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    JWT_SECRET: secret,
    JWKS_URL: "",
    LOG_LEVEL: "silent",
  });
  let db;
  try {
    db = await prepareDatabase(config, () => undefined, { seed: loadDemoData });
  } catch (err) {
    removeDir();
    throw err;
  }
  const key = new TextEncoder().encode(secret);
  return {
    appUrl: db.appUrl,
    secret,
    sign: (c) => signToken(key, { ...c, expiresIn: "12h" }),
    async stop() {
      await db.stop();
      removeDir();
    },
  };
}

export interface ServerProcess {
  child: ChildProcess;
  /** The GraphQL endpoint over HTTP. */
  url: string;
  wsUrl: string;
  /** /metrics of the server. */
  metricsUrl: string;
  /** fanout-server's own status endpoint: live subscriptions, rss, heapUsed. */
  statusUrl: string;
  /** Asks the server to stop (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  db: BenchDatabase;
  /** Extra environment (pub/sub, limits); the rest is this process's environment. */
  env?: Record<string, string>;
  /** Where to write the server's CPU profile (.cpuprofile) when it exits. */
  profileDir?: string;
  /** Extra node flags (e.g. `--max-old-space-size=…`). */
  nodeFlags?: string[];
}

/** Starts fanout-server.js on a free port against `db` and waits until it is ready. */
export async function startServerProcess(opts: ServerProcessOptions): Promise<ServerProcess> {
  const prof = opts.profileDir ? ["--cpu-prof", "--cpu-prof-dir", opts.profileDir] : [];
  const child = spawn(
    process.execPath,
    [...(opts.nodeFlags ?? []), ...prof, path.join(__dirname, "fanout-server.js")],
    {
      env: {
        ...process.env,
        JWT_SECRET: opts.db.secret,
        JWKS_URL: "",
        DATABASE_URL: opts.db.appUrl,
        FANOUT_APP_DATABASE_URL: opts.db.appUrl,
        SWEEP_INTERVAL_MS: "0",
        ...opts.env,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c) => {
      out += c;
      const m = /ready (\d+) (\d+)/.exec(out);
      if (m) resolve(m[0]);
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  const [, port, statusPort] = line.split(" ");
  return {
    child,
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    metricsUrl: `http://127.0.0.1:${port}/metrics`,
    statusUrl: `http://127.0.0.1:${statusPort}/`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A process's resident memory in bytes, from /proc (0 when it is gone or not on Linux). */
export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}
