import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { percentile } from "./measure";
import { loads } from "./run-report";
import { gql, type Stack } from "./stack";
import { scaleFixture, scaleScenarios, type ScaleRole } from "./scale-scenarios";
import { captureStatements, explainStatements, keyLines, type StatementPlan } from "./scale-plans";

/**
 * The scale run of `npm run bench -- --cases N`: each scenario of scale-scenarios.ts timed one
 * request at a time over real HTTP, its p50 and p95 held against the bound, with the load average
 * of the machine beside them (the figures are for reading, never a failed build); with --plans,
 * the EXPLAIN (ANALYZE, BUFFERS) of every statement each request ran.
 */

/** The p95 each scenario is held to, ms. */
export const SCALE_BOUND_MS = 50;

export interface ScaleOptions {
  district: { id: string; code: string; city: string };
  quick: boolean;
  plans: boolean;
  only?: string[];
  /** Where to write the results; the plans go beside them (…-plans.txt). */
  out: string;
}

export interface ScaleReport {
  name: string;
  description: string;
  role: ScaleRole;
  n: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  statements: number;
  /** What the answer held: rows, cases, totals. */
  answer: string;
  /** Requests before the measured ones, and their times (ms, to 0.1). */
  warmup: number;
  warmupMs: number[];
  /** Each measured request's time, in the order they ran (ms, to 0.1). */
  inOrderMs: number[];
  plans?: StatementPlan[];
}

/**
 * Each read is measured warm, as `npm run bench`'s scenarios are: the first requests of a read the
 * server has not served yet run while V8 still compiles its path and each connection still plans
 * its prepared statements (on the eighteenth machine the grid scoreboard's first six after five
 * of warm-up took 41–59 ms, the rest 26–36 ms), and would be its p95 without being its cost.
 */
const plan = (quick: boolean) =>
  quick
    ? { warmup: 2, iterations: 15, maxMs: 5_000 }
    : { warmup: 20, iterations: 100, maxMs: 30_000 };

/** A short account of an answer, to read beside the times. */
function summary(data: Record<string, unknown>): string {
  const [value] = Object.values(data) as Array<Record<string, unknown>>;
  if (Array.isArray(value?.rows)) return `${value.rows.length} rows`;
  if (typeof value?.totalCount === "number")
    return `${value.totalCount} cases, ${(value.edges as unknown[]).length} on the page`;
  if (typeof value?.total === "number")
    return `${value.total} cases, ${(value.cases as unknown[]).length} listed`;
  return "";
}

export async function runScale(stack: Stack, o: ScaleOptions): Promise<number> {
  const log = (m: string) => console.error(`bench: ${m}`);
  const tenantOf = (role: string) => ({
    districtId: o.district.id,
    subject: `${o.district.code}.${role}`,
    role,
  });
  const fixture = await scaleFixture(stack, tenantOf("district_admin"));
  const roles: ScaleRole[] = ["district_admin", "command_center", "city_admin"];
  const tokens = Object.fromEntries(
    await Promise.all(roles.map(async (r) => [r, await stack.token(o.district, r)] as const)),
  ) as Record<ScaleRole, string>;
  const selected = scaleScenarios(fixture).filter(
    (s) => !o.only || o.only.some((w) => s.name.startsWith(w)),
  );
  if (selected.length === 0) {
    log(`--only ${o.only?.join(",")} matches no scale scenario`);
    return 2;
  }
  const loadBefore = os.loadavg();
  log(
    `${o.district.code}: ${fixture.cases.toLocaleString("en-US")} cases; period ${fixture.from} … ${fixture.to}; load average ${loads(loadBefore)}`,
  );
  const p = plan(o.quick);
  const reports: ScaleReport[] = [];
  for (const s of selected) {
    const request = () =>
      gql<Record<string, unknown>>(stack.url, tokens[s.role], s.query, s.variables);
    const before = stack.serverStatements();
    let answer: Record<string, unknown> = {};
    const statements = await captureStatements(async () => void (answer = await request()));
    const count = stack.serverStatements() - before;
    const warmupMs: number[] = [];
    for (let i = 0; i < p.warmup; i++) {
      const t0 = performance.now();
      await request();
      warmupMs.push(Math.round((performance.now() - t0) * 10) / 10);
    }
    const times: number[] = [];
    const started = performance.now();
    for (let i = 0; i < p.iterations; i++) {
      if (i >= 5 && performance.now() - started > p.maxMs) break;
      const t0 = performance.now();
      await request();
      times.push(performance.now() - t0);
    }
    const inOrderMs = times.map((t) => Math.round(t * 10) / 10);
    times.sort((a, b) => a - b);
    const r: ScaleReport = {
      name: s.name,
      description: s.description,
      role: s.role,
      n: times.length,
      p50Ms: percentile(times, 50),
      p95Ms: percentile(times, 95),
      maxMs: times[times.length - 1],
      statements: count,
      answer: summary(answer),
      warmup: p.warmup,
      warmupMs,
      inOrderMs,
      plans: o.plans ? await explainStatements(stack.peer, statements) : undefined,
    };
    reports.push(r);
    log(`${s.name}: p50 ${r.p50Ms.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms (${r.answer})`);
  }
  const loadAfter = os.loadavg();
  printScale(reports, { cases: fixture.cases, loadBefore, loadAfter, quick: o.quick });
  fs.mkdirSync(path.dirname(o.out), { recursive: true });
  fs.writeFileSync(
    o.out,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        district: o.district.code,
        cases: fixture.cases,
        period: { from: fixture.from, to: fixture.to },
        boundMs: SCALE_BOUND_MS,
        loadAverage: { before: loadBefore, after: loadAfter },
        cpus: os.cpus().length,
        scenarios: reports.map((r) => ({ ...r, plans: undefined })),
      },
      null,
      2,
    ) + "\n",
  );
  console.log(`\nwritten: ${path.relative(process.cwd(), o.out) || o.out}`);
  if (o.plans) {
    const file = o.out.replace(/\.json$/, "") + "-plans.txt";
    fs.writeFileSync(file, plansText(reports));
    console.log(`plans:   ${path.relative(process.cwd(), file) || file}`);
  }
  return 0;
}

function printScale(
  reports: ScaleReport[],
  env: { cases: number; loadBefore: number[]; loadAfter: number[]; quick: boolean },
): void {
  console.log(
    `\ncivic-grid bench at scale (${env.quick ? "quick" : "full"}): ${env.cases.toLocaleString("en-US")} cases in the district, ${os.cpus().length} CPUs, load average ${loads(env.loadBefore)} → ${loads(env.loadAfter)}; each read after ${reports[0]?.warmup ?? 0} of warm-up\n`,
  );
  const head = ["scenario", "n", "p50 ms", "p95 ms", "max ms", "stmts", `p95 ≤ ${SCALE_BOUND_MS}`];
  const rows = reports.map((r) => [
    r.name,
    String(r.n),
    r.p50Ms.toFixed(1),
    r.p95Ms.toFixed(1),
    r.maxMs.toFixed(1),
    String(r.statements),
    r.p95Ms <= SCALE_BOUND_MS ? "yes" : "NO",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log([line(head), ...rows.map(line)].join("\n"));
  console.log("");
  for (const r of reports) console.log(`${r.name}: ${r.description} as ${r.role}; ${r.answer}`);
}

/** Every statement of every scenario with its plan, after a summary of their key lines. */
function plansText(reports: ScaleReport[]): string {
  const out: string[] = [
    "Summary: each statement's time, then its plan's scans, joins and sorts.",
    "",
  ];
  for (const r of reports) {
    out.push(`${r.name} (p95 ${r.p95Ms.toFixed(1)} ms)`);
    for (const s of r.plans ?? [])
      out.push(
        `  ${s.executionMs.toFixed(2)} ms  ${s.text.replace(/\s+/g, " ").trim().slice(0, 100)}`,
        ...keyLines(s.plan)
          .slice(1)
          .map((l) => `      ${l.trim()}`),
      );
  }
  out.push("");
  for (const r of reports) {
    out.push(`=== ${r.name}: ${r.description} (p95 ${r.p95Ms.toFixed(1)} ms)`);
    for (const s of r.plans ?? []) {
      out.push("", `--- ${s.executionMs.toFixed(2)} ms: ${s.text.replace(/\s+/g, " ").trim()}`);
      out.push(...s.plan);
    }
    out.push("");
  }
  return out.join("\n");
}
