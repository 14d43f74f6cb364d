import "reflect-metadata";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { optionsOf } from "./cli-options";
import { ConfigError } from "../config";
import { createStack } from "./stack";
import { type Ctx, DISTRICT, SCENARIOS, type ScenarioReport } from "./run-scenarios";
import { printReport, writeResults } from "./run-report";
import { loadDemoData } from "../demo/seed";
import { loadScaleCasesApart } from "./scale-load-process";
import { runScale } from "./scale";

/**
 * `npm run bench`: the API over real HTTP against the floor a careful engineer would write by hand
 * over `pg`, both measured in the same run against the same database, and reported as ratios.
 * No timed assertion anywhere: the numbers are for reading, not for failing a build.
 */

const USAGE = `Usage: npm run bench [-- options]

Starts an embedded PostgreSQL in a throw-away directory with the demo data (or uses DATABASE_URL,
with MIGRATION_DATABASE_URL as the owner), the server on a free port of 127.0.0.1, runs each
scenario against its hand-written SQL peer, prints a table and writes bench/results.json.

Options:
  --quick        fewer iterations: a smoke run (under 30 s)
  --only <name>  scenarios whose name starts with <name> (comma-separated list allowed):
                 tree-walk, case-list, case-intake, case-intake-8, case-intake-32
  --out <file>   where to write the results (default bench/results.json)
  --cases <N>    the scale run instead: first brings ${DISTRICT} to N cases (e.g. 1000000) in bulk,
                 its closed demo cases copied back over a year, with their parts, events,
                 counters and the month's patrols (a few minutes for a million; a database that
                 already has N cases is used as it is); then times the scoreboards, the case list
                 with filters and measureCases over HTTP, p50/p95 against a 50 ms bound, and
                 writes bench/scale-results.json (--only filters these scenarios: grid-scoreboard,
                 city-scoreboard, cases-…, measure-cases-…)
  --plans        with --cases: EXPLAIN (ANALYZE, BUFFERS) of every statement of each scenario,
                 written to bench/scale-results-plans.txt
  -h, --help     this text`;

/** The signal that interrupted the run, if any. */
let interrupted: string | null = null;

async function main(): Promise<number> {
  const options = optionsOf("bench", USAGE, () =>
    parseArgs({
      options: {
        quick: { type: "boolean", default: false },
        only: { type: "string" },
        out: { type: "string" },
        cases: { type: "string" },
        plans: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }),
  );
  if (typeof options === "number") return options;
  const { values } = options;
  const wanted = values.only
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const cases = values.cases === undefined ? null : Number(values.cases.replace(/[_,]/g, ""));
  if (cases !== null && !(Number.isInteger(cases) && cases > 0)) {
    console.error(`bench: --cases ${values.cases}: a number of cases, e.g. 1000000`);
    return 2;
  }
  const selected = SCENARIOS.filter((s) => !wanted || wanted.some((w) => s.name.startsWith(w)));
  if (cases === null && selected.length === 0) {
    console.error(
      `bench: --only ${values.only} matches no scenario (${SCENARIOS.map((s) => s.name).join(", ")})`,
    );
    return 2;
  }
  const out = path.resolve(
    values.out ??
      path.join(
        __dirname,
        "..",
        "..",
        "..",
        "bench",
        cases ? "scale-results.json" : "results.json",
      ),
  );
  const quick = values.quick ?? false;
  const progress = (m: string) => console.error(m);
  const started = Date.now();

  progress(
    `bench: starting the database and the server (${process.env.DATABASE_URL ? "DATABASE_URL" : "embedded PostgreSQL, demo data"})…`,
  );
  const handle = createStack((m) => progress(`bench: ${m}`), {
    seed: cases
      ? async (ownerUrl, log) => {
          await loadDemoData(ownerUrl, log);
          // In a process of its own: this one runs the server whose reads are measured next.
          await loadScaleCasesApart(ownerUrl, { district: DISTRICT, cases });
        }
      : undefined,
  });
  const onSignal = (signal: string) => {
    if (interrupted) return;
    interrupted = signal;
    progress(`bench: ${signal}, stopping…`);
    void handle.stop().finally(() => process.exit(130));
  };
  process.on("SIGINT", () => onSignal("SIGINT"));
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  // Whatever goes wrong, the database is stopped and its directory removed.
  const onCrash = (err: unknown) => {
    console.error("bench failed:", err instanceof Error ? (err.stack ?? err.message) : err);
    void handle.stop().finally(() => process.exit(1));
  };
  process.on("uncaughtException", onCrash);
  process.on("unhandledRejection", onCrash);
  try {
    const stack = await handle.start();
    const [d] = (
      await stack.peer.query<{ id: string; code: string; city: string; pg: string }>(
        `SELECT d.id, d.code, c.code AS city, current_setting('server_version') AS pg
           FROM district d JOIN city c ON c.id = d.city_id WHERE d.code = $1`,
        [DISTRICT],
      )
    ).rows;
    if (!d) throw new Error(`the database has no district "${DISTRICT}" (the demo data)`);
    if (cases)
      return await runScale(stack, {
        district: d,
        quick,
        plans: values.plans ?? false,
        only: wanted,
        out,
      });
    const roles = ["district_admin", "command_center", "operator"] as const;
    const tokens = Object.fromEntries(
      await Promise.all(roles.map(async (r) => [r, await stack.token(d, r)] as const)),
    ) as Ctx["tokens"];
    const ctx: Ctx = {
      stack,
      districtId: d.id,
      tokens,
      tenantOf: (role) => ({ districtId: d.id, subject: `${d.code}.${role}`, role }),
      runId: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
      quick,
    };
    progress(
      `bench: ready in ${((Date.now() - started) / 1000).toFixed(1)} s; ${quick ? "quick run" : "full run"}`,
    );

    const reports: ScenarioReport[] = [];
    const loadBefore = os.loadavg();
    for (const s of selected) {
      const t0 = Date.now();
      progress(`bench: ${s.name}…`);
      const r = await s.run(ctx);
      reports.push(r);
      progress(`bench: ${s.name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }

    const env = {
      database: stack.embedded ? "embedded PostgreSQL" : "DATABASE_URL",
      postgres: d.pg,
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      loadBefore,
      loadAfter: os.loadavg(),
    };
    printReport(reports, env, quick);
    writeResults(out, { started, quick, env, reports });
    console.log(
      `\nwritten: ${path.relative(process.cwd(), out) || out}; total ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return reports.some((r) => r.sameAnswer === false) ? 1 : 0;
  } finally {
    await handle.stop();
  }
}

main().then(
  (code) => process.exit(interrupted ? 130 : code),
  (err) => {
    // After a signal, the failures of the interrupted scenario are expected: the database is gone.
    if (interrupted) process.exit(130);
    if (err instanceof ConfigError) console.error(`bench: configuration error: ${err.message}`);
    else console.error("bench failed:", err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
