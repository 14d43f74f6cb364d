import fs from "node:fs";
import path from "node:path";
import { DISTRICT, type ScenarioReport } from "./run-scenarios";

/**
 * How `npm run bench` shows its results: a table of both sides and the ratios with notes on the
 * console, and the same numbers with the plan and the environment in a JSON file.
 */

/** Where the run happened. */
export interface Environment {
  database: string;
  postgres: string;
  node: string;
  cpus: number;
  cpuModel: string;
  /** The machine's load averages (1, 5, 15 minutes) when the scenarios began and when they ended. */
  loadBefore: number[];
  loadAfter: number[];
}

const fmt = (n: number, digits = 1) =>
  Number.isFinite(n)
    ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : "–";

/** Load averages as the reports print them. */
export const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");

function table(reports: ScenarioReport[]): string {
  const head = [
    "scenario",
    "side",
    "n",
    "median ms",
    "p95 ms",
    "p99 ms",
    "ops/s",
    "stmts",
    "× median",
    "× p95",
    "× p99",
    "× ops/s",
  ];
  const rows: string[][] = [];
  for (const r of reports) {
    rows.push([
      r.name,
      "API",
      String(r.api.n),
      fmt(r.api.medianMs, 2),
      fmt(r.api.p95Ms, 2),
      fmt(r.api.p99Ms, 2),
      fmt(r.api.opsPerSec),
      String(r.api.statements ?? "–"),
      "",
      "",
      "",
      "",
    ]);
    rows.push([
      "",
      "SQL",
      String(r.peer.n),
      fmt(r.peer.medianMs, 2),
      fmt(r.peer.p95Ms, 2),
      fmt(r.peer.p99Ms, 2),
      fmt(r.peer.opsPerSec),
      String(r.peer.statements ?? "–"),
      fmt(r.ratio.median, 2),
      fmt(r.ratio.p95, 2),
      fmt(r.ratio.p99, 2),
      fmt(r.ratio.throughput, 2),
    ]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(head), ...rows.map(line)].join("\n");
}

export function printReport(reports: ScenarioReport[], env: Environment, quick: boolean): void {
  console.log(
    `\ncivic-grid bench (${quick ? "quick" : "full"}): ${env.database} ${env.postgres}, Node ${env.node}, ${env.cpus} CPUs, district ${DISTRICT}, load average ${loads(env.loadBefore)} → ${loads(env.loadAfter)}\n`,
  );
  console.log(table(reports));
  console.log("");
  for (const r of reports) {
    const same =
      r.sameAnswer === undefined
        ? ""
        : `; peer's answer ${r.sameAnswer ? "equals" : "DIFFERS FROM"} the API's`;
    const notes = [
      ...r.notes,
      `${fmt(r.plan.warmup, 0)} warm-up per side, then V8's code grew ${fmt(r.compiledKB, 0)} KB while measured`,
    ];
    console.log(`${r.name}: ${r.description} (${notes.join("; ")})${same}`);
    console.log(`${" ".repeat(r.name.length)}  SQL peer: ${r.peerDescription}`);
  }
  console.log(
    [
      "",
      "API: real HTTP to the real server (the client runs in the same process).",
      "SQL: the hand-written peer over pg, as the server's role, in a tenant transaction.",
      "×: how many times slower the API is (latency API ÷ SQL, throughput SQL ÷ API).",
      "ops/s: for concurrent scenarios, operations over the wall time their clients ran.",
      "stmts: SQL statements of one operation, BEGIN, tenant settings and COMMIT included.",
    ].join("\n"),
  );
}

export function writeResults(
  out: string,
  run: { started: number; quick: boolean; env: Environment; reports: ScenarioReport[] },
): void {
  const { started, quick, env, reports } = run;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        startedAt: new Date(started).toISOString(),
        durationMs: Date.now() - started,
        mode: quick ? "quick" : "full",
        district: DISTRICT,
        environment: env,
        ratios: "API ÷ SQL peer for median and p95 latency; SQL peer ÷ API for throughput",
        scenarios: reports,
      },
      null,
      2,
    ) + "\n",
  );
}
