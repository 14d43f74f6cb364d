import { percentile } from "./measure";

/** What `npm run soak` measured in one interval. */
export interface IntervalRow {
  /** Seconds since the load started, at the end of the interval. */
  t: number;
  /** `{ me { role } }`: requests answered, latency percentiles (ms). */
  me: { n: number; p50: number; p95: number; p99: number };
  /** The ordinary lists (cases, grid page): requests answered, p95 (ms). */
  lists: { n: number; p95: number };
  /** Ordinary requests not answered in full, by code. */
  ordinaryFailed: Record<string, number>;
  /** Whole-tree walks by outcome (`ok`, `RATE_LIMITED`, `SERVER_BUSY`, …). */
  walks: Record<string, number>;
  /** Median latency of the walks answered in full (ms). */
  walkOkP50: number;
  /** Walks in flight at the end of the interval. */
  walksInFlight: number;
  abusive: { sent: number; refused: number; unexpected: number };
  /** The server process: resident memory and V8 heap used (MB), CPU (% of one core). */
  rssMB: number;
  heapMB: number;
  cpuPct: number;
  /** The server's event-loop delay, p99 (ms), and queries waiting for a pool connection. */
  loopP99Ms: number;
  poolWaiting: number;
  /** The machine's 1-minute load average. */
  load1: number;
}

export interface Verdict {
  /** `{ me { role } }` p95 over the run must stay under this (ms). */
  meP95Ms: number;
  /** The server's RSS must stay under this (MB). */
  rssBoundMB: number;
  /** After the first interval, RSS may grow at most this fast (MB per minute). */
  slopeMBPerMin: number;
}

export const DEFAULT_VERDICT: Verdict = { meP95Ms: 100, rssBoundMB: 800, slopeMBPerMin: 10 };

const r1 = (n: number) => Math.round(n * 10) / 10;
const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)}` : "–");

/** Latency percentiles (ms), rounded to 0.1. */
export function spread(values: number[]): { n: number; p50: number; p95: number; p99: number } {
  const s = [...values].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: r1(percentile(s, 50)),
    p95: r1(percentile(s, 95)),
    p99: r1(percentile(s, 99)),
  };
}

/** Least-squares slope of y over x. */
export function slope(points: Array<{ x: number; y: number }>): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? NaN : num / den;
}

const codes = (c: Record<string, number>) =>
  Object.entries(c)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(", ") || "none";

/** One line per interval. */
export function intervalLine(row: IntervalRow): string {
  const failed = Object.values(row.ordinaryFailed).reduce((a, b) => a + b, 0);
  return [
    `${String(row.t).padStart(4)} s`,
    `me p50/p95/p99 ${ms(row.me.p50)}/${ms(row.me.p95)}/${ms(row.me.p99)} ms (${row.me.n})`,
    `lists p95 ${ms(row.lists.p95)} ms (${row.lists.n}${failed ? `, ${failed} failed` : ""})`,
    `walks ${codes(row.walks)} (ok p50 ${ms(row.walkOkP50)} ms, ${row.walksInFlight} in flight)`,
    `abusive ${row.abusive.refused}/${row.abusive.sent} refused`,
    `server RSS ${Math.round(row.rssMB)} MB heap ${Math.round(row.heapMB)} MB cpu ${Math.round(row.cpuPct)}% loop p99 ${ms(row.loopP99Ms)} ms pool wait ${row.poolWaiting}`,
    `load ${row.load1}`,
  ].join(" | ");
}

export interface AbusiveSummary {
  name: string;
  sent: number;
  refused: number;
  /** Answers other than the expected refusal, by code. */
  unexpected: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
}

export interface Summary {
  meP95Ms: number;
  meP99Ms: number;
  meCount: number;
  meP95ByInterval: number[];
  listsP95Ms: number;
  ordinaryFailed: Record<string, number>;
  walks: Record<string, number>;
  walkOkPerSec: number;
  abusive: AbusiveSummary[];
  abusiveRefusal: { p50Ms: number; p99Ms: number };
  memory: {
    firstRssMB: number;
    lastRssMB: number;
    firstHeapMB: number;
    lastHeapMB: number;
    peakRssMB: number;
    /** Slope of RSS after the warm-up (the first third of the run), MB per minute. */
    rssSlopeMBPerMin: number;
    heapSlopeMBPerMin: number;
  };
  checks: Array<{ what: string; ok: boolean }>;
  pass: boolean;
}

/** The summary lines, ending with the verdict. */
export function summaryLines(s: Summary, v: Verdict): string[] {
  const m = s.memory;
  return [
    "",
    `ordinary: { me { role } } p95 ${s.meP95Ms} ms, p99 ${s.meP99Ms} ms over ${s.meCount} requests; per interval p95: ${s.meP95ByInterval.map(ms).join(", ")} ms`,
    `          lists p95 ${s.listsP95Ms} ms; not answered in full: ${codes(s.ordinaryFailed)}`,
    `walks:    ${codes(s.walks)}; ${r1(s.walkOkPerSec)} answered in full per second`,
    `abusive:  refusal p50 ${s.abusiveRefusal.p50Ms} ms, p99 ${s.abusiveRefusal.p99Ms} ms`,
    ...s.abusive.map(
      (a) =>
        `          ${a.name.padEnd(34)} ${a.refused}/${a.sent} refused as expected, p50 ${a.p50Ms} ms, p99 ${a.p99Ms} ms${
          Object.keys(a.unexpected).length ? `; unexpected: ${codes(a.unexpected)}` : ""
        }`,
    ),
    `memory:   RSS ${m.firstRssMB} MB (first interval) → ${m.lastRssMB} MB (last), peak ${m.peakRssMB} MB, slope ${m.rssSlopeMBPerMin} MB/min after the first third`,
    `          heap ${m.firstHeapMB} MB → ${m.lastHeapMB} MB, slope ${m.heapSlopeMBPerMin} MB/min after the first third`,
    ...s.checks.map((c) => `${c.ok ? "PASS" : "FAIL"}  ${c.what}`),
    `verdict:  ${s.pass ? "PASS" : "FAIL"} (bounds: me p95 < ${v.meP95Ms} ms, RSS < ${v.rssBoundMB} MB, RSS slope < ${v.slopeMBPerMin} MB/min)`,
  ];
}

export interface SummaryInput {
  rows: IntervalRow[];
  /** Latencies of the whole run (ms). */
  me: number[];
  lists: number[];
  ordinaryFailed: Record<string, number>;
  walks: Record<string, number>;
  abusive: Array<{ name: string; ms: number[]; unexpected: Record<string, number> }>;
  /** Samples of the server's RSS and heap: x in minutes since the load began, y in MB. */
  rss: Array<{ x: number; y: number }>;
  heap: Array<{ x: number; y: number }>;
  durationS: number;
  verdict: Verdict;
}

/** Below this, a run is too short for a memory trend: most of it is warm-up. */
const MIN_TREND_S = 120;

const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

/**
 * The run's figures and its verdict. Memory trends are read after the first third of the run:
 * before it, V8 is still sizing its heap and the pools are still filling, which is growth but
 * not a leak.
 */
export function summarize(i: SummaryInput): Summary {
  const v = i.verdict;
  const me = spread(i.me);
  const warm = i.durationS / 60 / 3;
  const abusiveRefusal = spread(i.abusive.flatMap((a) => a.ms));
  const first = i.rows[0];
  const last = i.rows[i.rows.length - 1];
  const memory = {
    firstRssMB: Math.round(first.rssMB),
    lastRssMB: Math.round(last.rssMB),
    firstHeapMB: Math.round(first.heapMB),
    lastHeapMB: Math.round(last.heapMB),
    peakRssMB: Math.round(Math.max(...i.rss.map((p) => p.y))),
    rssSlopeMBPerMin: r1(slope(i.rss.filter((p) => p.x >= warm))),
    heapSlopeMBPerMin: r1(slope(i.heap.filter((p) => p.x >= warm))),
  };
  const unexpected = i.abusive.reduce((n, a) => n + total(a.unexpected), 0);
  const failed = total(i.ordinaryFailed);
  const checks = [
    { what: `{ me { role } } p95 ${me.p95} ms < ${v.meP95Ms} ms`, ok: me.p95 < v.meP95Ms },
    { what: `ordinary requests all answered (${failed} not)`, ok: failed === 0 },
    {
      what: `abusive requests all refused with their code (${unexpected} not)`,
      ok: unexpected === 0,
    },
    {
      what: `server RSS peak ${memory.peakRssMB} MB < ${v.rssBoundMB} MB`,
      ok: memory.peakRssMB < v.rssBoundMB,
    },
    i.durationS < MIN_TREND_S
      ? {
          what: `RSS slope not judged: the run is shorter than ${MIN_TREND_S} s (still warming up)`,
          ok: true,
        }
      : {
          what: `RSS slope ${memory.rssSlopeMBPerMin} MB/min < ${v.slopeMBPerMin} MB/min (no growth trend)`,
          // Too few samples for a slope is not growth.
          ok: !(memory.rssSlopeMBPerMin >= v.slopeMBPerMin),
        },
  ];
  return {
    meP95Ms: me.p95,
    meP99Ms: me.p99,
    meCount: me.n,
    meP95ByInterval: i.rows.map((r) => r.me.p95),
    listsP95Ms: spread(i.lists).p95,
    ordinaryFailed: i.ordinaryFailed,
    walks: i.walks,
    walkOkPerSec: (i.walks.ok ?? 0) / i.durationS,
    abusive: i.abusive.map((a) => {
      const s = spread(a.ms);
      return {
        name: a.name,
        sent: s.n,
        refused: s.n - total(a.unexpected),
        unexpected: a.unexpected,
        p50Ms: s.p50,
        p99Ms: s.p99,
      };
    }),
    abusiveRefusal: { p50Ms: abusiveRefusal.p50, p99Ms: abusiveRefusal.p99 },
    memory,
    checks,
    pass: checks.every((c) => c.ok),
  };
}
