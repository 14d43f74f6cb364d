import {
  compareConcurrent,
  comparePairs,
  compareSustained,
  type PairResult,
} from "../../src/bench/measure";

/**
 * `npm run bench` measures each side warm: its warm-up operations first, then the measured ones
 * (docs/performance.md, "Warm-up"). Counted with operations that do nothing, so nothing here depends on time
 * beyond the caps, which are set out of reach.
 */
function counter() {
  const calls: number[] = [];
  return { calls, op: async (i: number) => void calls.push(i) };
}

const FAR = 1e9;

type Counter = ReturnType<typeof counter>;

/** Each side did its warm-up and then `measured` operations, and only those were measured. */
function expectWarmThenMeasured(
  sides: { api: Counter; peer: Counter },
  r: PairResult,
  warmup: number,
  measured: number,
) {
  expect(sides.api.calls).toHaveLength(warmup + measured);
  expect(sides.peer.calls).toHaveLength(warmup + measured);
  expect(r.api.n).toBe(measured);
  expect(r.peer.n).toBe(measured);
  // Every operation got its own index (the intakes' idempotency keys are made from it).
  expect(new Set([...sides.api.calls, ...sides.peer.calls]).size).toBe(2 * (warmup + measured));
  expect(Number.isFinite(r.compiledKB)).toBe(true);
}

it("runs the warm-up of each side before the measured pairs, and measures only the rest", async () => {
  const sides = { api: counter(), peer: counter() };
  const plan = { warmup: 7, iterations: 5, maxMs: FAR };
  const r = await comparePairs(plan, sides.api.op, sides.peer.op);
  expectWarmThenMeasured(sides, r, 7, 5);
});

it("warms the concurrent scenario in as many rounds as its warm-up needs, each side in turn", async () => {
  const sides = { api: counter(), peer: counter() };
  // 3 clients of 2 operations: 6 a round; a warm-up of 20 takes rounds of 6, 6, 6 and 2.
  const plan = { warmup: 20, iterations: 12, maxMs: FAR };
  const r = await compareConcurrent(plan, 3, 2, sides.api.op, sides.peer.op);
  expectWarmThenMeasured(sides, r, 20, 12);
});

it("warms the sustained scenario before its phases, and measures only what follows", async () => {
  const api = counter();
  const peer = counter();
  const r = await compareSustained(
    { warmup: 40, iterations: 1, maxMs: 0, phaseMs: 1 },
    4,
    api.op,
    peer.op,
  );
  // Each client checks the warm-up's count before its next call, so up to one call a client may
  // be under way when it is reached: at most 40 + 3. (A measured phase may hold no call at all if
  // the process is held up for its millisecond; what is measured is what is left.)
  for (const side of [api, peer]) {
    const measured = side === api ? r.api.n : r.peer.n;
    const warm = side.calls.length - measured;
    expect(warm).toBeGreaterThanOrEqual(40);
    expect(warm).toBeLessThanOrEqual(43);
  }
  expect(Number.isFinite(r.compiledKB)).toBe(true);
});
