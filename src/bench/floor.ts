import "reflect-metadata";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { optionsOf } from "./cli-options";
import { Client } from "pg";
import { prepareDatabase } from "../db/database";
import { postmasterPid, throwawayDataDir } from "../db/embedded";
import { FIRST_LANE_DISTRICT } from "../demo/lanes";
import { loadDemoData } from "../demo/seed";
import { startCpu } from "../demo/timing";
import { differingTables, readRows, writeRows, type DatabaseRows } from "./floor-rows";
import { loads } from "./run-report";

/**
 * `npm run bench:floor`: the database's share of a first start on this machine, with this schema
 * and this demo. It makes the demo once as `npm start` does, keeps every row as PostgreSQL's binary
 * COPY encodes it, then, round after round, makes a new embedded cluster (initdb, the roles, the
 * migrations) and writes those rows back on two connections, as the demo's lanes do: a first start
 * in which making the rows cost nothing, and no server was started. A first start as `npm start`
 * makes it today (its cluster, then its schema, then the demo written this way) is not expected to
 * be ready sooner than the best rounds, and spends their database CPU time besides its own
 * JavaScript. It bounds this machine, this schema and this demo, nothing else.
 */

const USAGE = `Usage: npm run bench:floor [-- options]

The first start's floor on this machine: the demo is made once, in a throw-away embedded
PostgreSQL, and its rows kept in memory as binary COPY; then each round makes a new embedded
cluster (initdb, roles, migrations) and writes the rows back on two connections, the first start's
database work without the work of making the rows or starting the server.

Options:
  --rounds <N>   how many new clusters to make and load (default 3)
  --pause <s>    before each round, the disks flushed (sync) and this many seconds of quiet, as
                 for a measured first start (default 8)
  --out <file>   where to write the results (default bench/floor-results.json)
  -h, --help     this text`;

export interface FloorRound {
  /** Seconds from the round's start: the migrations done, the rows written. */
  migrated: number;
  loaded: number;
  /** CPU-seconds of the round: PostgreSQL's processes, initdb's, and this process's. */
  postgresCpu: number | null;
  initdbCpu: number | null;
  benchCpu: number | null;
  load: number[];
}

/** The demo, made as a first start makes it, read back as rows. */
async function demoRows(progress: (m: string) => void): Promise<DatabaseRows> {
  const dir = throwawayDataDir("floor");
  try {
    const db = await prepareDatabase({ dataDir: dir, logLevel: "silent" }, () => undefined, {
      seed: loadDemoData,
    });
    try {
      const client = new Client({ connectionString: db.ownerUrl });
      await client.connect();
      const { rows } = await client
        .query<{ id: string }>("SELECT id FROM district WHERE code = $1", [FIRST_LANE_DISTRICT])
        .finally(() => client.end());
      if (!rows[0]) throw new Error(`the demo has no district "${FIRST_LANE_DISTRICT}"`);
      const kept = await readRows(db.ownerUrl, rows[0].id);
      const bytes = kept.tables.reduce((s, t) => s + t.lanes[0].length + t.lanes[1].length, 0);
      progress(
        `bench:floor: the demo kept: ${kept.tables.length} tables, ${(bytes / 1e6).toFixed(0)} MB of binary COPY; made by triggers: ${kept.derived.join(", ") || "none"}`,
      );
      return kept;
    } finally {
      await db.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One new cluster, migrated and loaded with `rows`; checked to hold as many rows as the demo. */
async function round(rows: DatabaseRows): Promise<FloorRound> {
  const dir = throwawayDataDir("floor");
  const before = startCpu(null);
  const t0 = performance.now();
  const since = () => (performance.now() - t0) / 1000;
  let migrated = NaN;
  let loaded = NaN;
  try {
    const db = await prepareDatabase({ dataDir: dir, logLevel: "silent" }, () => undefined, {
      seed: async (ownerUrl) => {
        migrated = since();
        await writeRows(ownerUrl, rows);
        loaded = since();
      },
    });
    try {
      const after = startCpu(postmasterPid(dir));
      const differ = await differingTables(db.ownerUrl, rows);
      if (differ.length)
        throw new Error(
          `the new cluster does not hold the demo's rows: ${differ.map((d) => (d.found === d.expected ? `${d.table} (rows differ)` : `${d.table} ${d.found} rows of ${d.expected}`)).join(", ")}`,
        );
      return {
        migrated,
        loaded,
        postgresCpu: after?.postgres ?? null,
        initdbCpu: after && before ? after.children - before.children : null,
        benchCpu: after && before ? after.server - before.server : null,
        load: os.loadavg(),
      };
    } finally {
      await db.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const options = optionsOf("bench:floor", USAGE, () =>
    parseArgs({
      options: {
        rounds: { type: "string", default: "3" },
        pause: { type: "string", default: "8" },
        out: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }),
  );
  if (typeof options === "number") return options;
  const { values } = options;
  const rounds = Number(values.rounds);
  if (!(Number.isInteger(rounds) && rounds > 0 && rounds <= 100)) {
    console.error(`bench:floor: --rounds ${values.rounds}: a number of rounds from 1 to 100`);
    return 2;
  }
  const pause = Number(values.pause);
  if (!(Number.isFinite(pause) && pause >= 0 && pause <= 600)) {
    console.error(`bench:floor: --pause ${values.pause}: seconds from 0 to 600`);
    return 2;
  }
  if (process.env.DATABASE_URL) {
    console.error(
      "bench:floor: measures a new embedded cluster; unset DATABASE_URL (it does not use it)",
    );
    return 2;
  }
  const out = path.resolve(
    values.out ?? path.join(__dirname, "..", "..", "..", "bench", "floor-results.json"),
  );
  const progress = (m: string) => console.error(m);
  progress("bench:floor: making the demo as a first start does (once)…");
  const rows = await demoRows(progress);
  const loadBefore = os.loadavg();
  const results: FloorRound[] = [];
  for (let i = 1; i <= rounds; i++) {
    // As a first start is measured: the machine's pending writes (the last round's deleted
    // directory among them) done, and a few seconds of quiet.
    spawnSync("sync", { stdio: "ignore" });
    await sleep(pause * 1000);
    progress(`bench:floor: round ${i} of ${rounds}: a new cluster, migrated and loaded…`);
    results.push(await round(rows));
  }
  const f = (n: number | null) => (n === null || Number.isNaN(n) ? "–" : n.toFixed(2));
  console.log(
    `\ncivic-grid first-start floor: embedded PostgreSQL, Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "unknown"}), load average ${loads(loadBefore)} → ${loads(os.loadavg())}\n`,
  );
  console.log(
    "round  migrations done s  demo written s  PostgreSQL CPU-s  initdb CPU-s  bench CPU-s  all CPU-s",
  );
  const all = (r: FloorRound) =>
    r.postgresCpu === null || r.initdbCpu === null || r.benchCpu === null
      ? null
      : r.postgresCpu + r.initdbCpu + r.benchCpu;
  results.forEach((r, i) =>
    console.log(
      `${String(i + 1).padStart(5)}  ${f(r.migrated).padStart(17)}  ${f(r.loaded).padStart(13)}  ${f(r.postgresCpu).padStart(16)}  ${f(r.initdbCpu).padStart(12)}  ${f(r.benchCpu).padStart(11)}  ${f(all(r)).padStart(9)}`,
    ),
  );
  const best = Math.min(...results.map((r) => r.loaded));
  const database = results
    .map((r) =>
      r.postgresCpu === null || r.initdbCpu === null ? null : r.postgresCpu + r.initdbCpu,
    )
    .filter((c): c is number => c !== null);
  console.log(
    `\nThe demo was in a new cluster ${f(best)} s after the round began, in the best of ${results.length} round(s): a first start as npm start makes it (its cluster, then its schema, then the demo) is not expected to be ready sooner on this machine, for it also makes the rows and starts the server.` +
      (database.length
        ? ` PostgreSQL and initdb took ${f(Math.min(...database))} CPU-s at best, of the ${os.cpus().length * 5} that ${os.cpus().length} core(s) give in 5 s, besides the start's own JavaScript.`
        : ""),
  );
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        node: process.version,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? "unknown",
        loadBefore,
        loadAfter: os.loadavg(),
        tables: rows.tables.map((t) => ({
          table: t.table,
          rows: t.count,
          bytes: t.lanes[0].length + t.lanes[1].length,
        })),
        derived: rows.derived,
        rounds: results,
      },
      null,
      2,
    ),
  );
  console.log(`written: ${path.relative(process.cwd(), out) || out}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error("bench:floor failed:", err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
