import { performance } from "node:perf_hooks";
import { getHeapCodeStatistics } from "node:v8";

/**
 * Timing for `npm run bench`. Speed is only ever reported as a ratio against a peer measured in
 * the same run: the two sides of a scenario are interleaved (API, peer, peer, API, …) so that
 * whatever else the machine does falls on both alike.
 *
 * Both sides are measured warm: V8 optimises a function only after it has run for a while, and a
 * function the server runs once per request (HTTP, Apollo's pipeline, the resolver, the rules)
 * needs a thousand requests or more. Measured cold, the API ran partly unoptimised while V8's
 * compiler threads took a core from PostgreSQL; the peer's few functions are warm after a few
 * dozen. How long each scenario's warm-up is, and why, is its plan's (run-scenarios.ts).
 * `compiledKB` shows how much V8's code (the whole process's) grew while the scenario was
 * measured.
 */

/** One side's measurements: per-operation latencies and the time the side was busy. */
export interface SideResult {
  /** Operations measured (after warm-up). */
  n: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Operations per second over the time this side ran (wall time for concurrent scenarios). */
  opsPerSec: number;
  /** SQL statements of one operation. */
  statements?: number;
}

export interface PairResult {
  api: SideResult;
  peer: SideResult;
  /**
   * How much V8's code grew (KB, the whole process's: server, HTTP client, pg, the benchmark)
   * while the two sides were measured, after the warm-up: small when the code was already
   * optimised. It can be negative, when V8 drops code it no longer runs.
   */
  compiledKB: number;
  /** How many times slower the API is: median, p95 and p99 latency API ÷ peer, throughput peer ÷ API. */
  ratio: { median: number; p95: number; p99: number; throughput: number };
}

/** What to run: warm-up operations, measured operations, and a time cap on the measured part. */
export interface Plan {
  /** Operations per side before measuring (see the module's comment). */
  warmup: number;
  iterations: number;
  /** Stop measuring (after at least 3 rounds) once this much time has gone. */
  maxMs: number;
}

type Op = (i: number) => Promise<void>;

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

function summarize(latencies: number[], busyMs: number): SideResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    meanMs: sorted.length ? sum / sorted.length : NaN,
    opsPerSec: busyMs > 0 ? (sorted.length * 1000) / busyMs : NaN,
  };
}

/** The size of V8's compiled code (KB), before and after the measured part of a scenario. */
const compiledCodeKB = () => getHeapCodeStatistics().code_and_metadata_size / 1024;

function pair(api: SideResult, peer: SideResult, codeBefore: number): PairResult {
  return {
    api,
    peer,
    compiledKB: Math.round(compiledCodeKB() - codeBefore),
    ratio: {
      median: api.medianMs / peer.medianMs,
      p95: api.p95Ms / peer.p95Ms,
      p99: api.p99Ms / peer.p99Ms,
      throughput: peer.opsPerSec / api.opsPerSec,
    },
  };
}

async function timed(op: Op, i: number, into: number[]): Promise<number> {
  const t0 = performance.now();
  await op(i);
  const ms = performance.now() - t0;
  into.push(ms);
  return ms;
}

/** Sequential: one operation at a time, the two sides alternating and taking turns going first. */
export async function comparePairs(plan: Plan, api: Op, peer: Op): Promise<PairResult> {
  let i = 0;
  for (let w = 0; w < plan.warmup; w++) {
    await api(i++);
    await peer(i++);
  }
  const a: number[] = [];
  const p: number[] = [];
  let busyA = 0;
  let busyP = 0;
  const code = compiledCodeKB();
  const started = performance.now();
  for (let k = 0; k < plan.iterations; k++) {
    if (k >= 3 && performance.now() - started > plan.maxMs) break;
    if (k % 2 === 0) {
      busyA += await timed(api, i++, a);
      busyP += await timed(peer, i++, p);
    } else {
      busyP += await timed(peer, i++, p);
      busyA += await timed(api, i++, a);
    }
  }
  return pair(summarize(a, busyA), summarize(p, busyP), code);
}

/**
 * Concurrent: rounds of `clients` loops doing `perClient` operations each, API rounds and peer
 * rounds alternating. Throughput is operations over the rounds' wall time; latency is per operation.
 * `plan.iterations` counts operations per side.
 */
export async function compareConcurrent(
  plan: Plan,
  clients: number,
  perClient: number,
  api: Op,
  peer: Op,
): Promise<PairResult> {
  let i = 0;
  const round = async (op: Op, ops: number, into: number[]): Promise<number> => {
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let k = 0; k < perClient && ops > 0; k++) {
          ops--;
          await timed(op, i++, into);
        }
      }),
    );
    return performance.now() - t0;
  };
  const perRound = clients * perClient;
  // Rounds of each side in turn until each has done its warm-up (a round does at most perRound).
  for (let left = plan.warmup; left > 0; left -= perRound) {
    await round(api, Math.min(left, perRound), []);
    await round(peer, Math.min(left, perRound), []);
  }
  const a: number[] = [];
  const p: number[] = [];
  let wallA = 0;
  let wallP = 0;
  const code = compiledCodeKB();
  const rounds = Math.max(1, Math.ceil(plan.iterations / perRound));
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    if (r >= 3 && performance.now() - started > plan.maxMs) break;
    if (r % 2 === 0) {
      wallA += await round(api, perRound, a);
      wallP += await round(peer, perRound, p);
    } else {
      wallP += await round(peer, perRound, p);
      wallA += await round(api, perRound, a);
    }
  }
  return pair(summarize(a, wallA), summarize(p, wallP), code);
}

/** A sustained run: phases of a fixed length, each side in turn, its clients never waiting on each other. */
export interface SustainedPlan extends Plan {
  /** How long each phase issues new operations (those under way then still finish and count). */
  phaseMs: number;
}

/**
 * Sustained: `clients` loops that each start their next operation as soon as the last one ended,
 * for phases of `plan.phaseMs`, API and peer phases alternating (at least 2 each, then until
 * `plan.maxMs` has gone or a side has `plan.iterations` operations). Unlike compareConcurrent's
 * rounds, no client waits for the slowest of its round, so throughput is what the side sustains
 * with that many clients: operations over the phases' wall time, from the first start to the last
 * end. `plan.warmup`: operations per side before measuring, in a phase of their own.
 */
export async function compareSustained(
  plan: SustainedPlan,
  clients: number,
  api: Op,
  peer: Op,
): Promise<PairResult> {
  let i = 0;
  const phase = async (op: Op, into: number[], until: () => boolean): Promise<number> => {
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (!until()) await timed(op, i++, into);
      }),
    );
    return performance.now() - t0;
  };
  for (const op of [api, peer]) {
    const warm: number[] = [];
    await phase(op, warm, () => warm.length >= plan.warmup);
  }
  const a: number[] = [];
  const p: number[] = [];
  let wallA = 0;
  let wallP = 0;
  const code = compiledCodeKB();
  const started = performance.now();
  for (let r = 0; ; r++) {
    if (
      r >= 4 &&
      (performance.now() - started > plan.maxMs || Math.max(a.length, p.length) >= plan.iterations)
    )
      break;
    const [op, into] = r % 4 === 0 || r % 4 === 3 ? [api, a] : [peer, p];
    const end = performance.now() + plan.phaseMs;
    const wall = await phase(op, into, () => performance.now() >= end);
    if (op === api) wallA += wall;
    else wallP += wall;
  }
  return pair(summarize(a, wallA), summarize(p, wallP), code);
}
