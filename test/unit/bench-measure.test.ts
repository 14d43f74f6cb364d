import { compareConcurrent, comparePairs, compareSustained } from "../../src/bench/measure";

/**
 * `npm run bench` measures each side warm: its warm-up operations first, then the measured ones
 * (README, "Warm-up"). Counted with operations that do nothing, so nothing here depends on time
 * beyond the caps, which are set out of reach.
 */
function counter() {
  const calls: number[] = [];
  return { calls, op: async (i: number) => void calls.push(i) };
}

const FAR = 1e9;

it("runs the warm-up of each side before the measured pairs, and measures only the rest", async () => {
  const api = counter();
  const peer = counter();
  const r = await comparePairs({ warmup: 7, iterations: 5, maxMs: FAR }, api.op, peer.op);
  expect(api.calls).toHaveLength(12);
  expect(peer.calls).toHaveLength(12);
  expect(r.api.n).toBe(5);
  expect(r.peer.n).toBe(5);
  // Every operation got its own index (the intakes' idempotency keys are made from it).
  expect(new Set([...api.calls, ...peer.calls]).size).toBe(24);
  expect(Number.isFinite(r.compiledKB)).toBe(true);
});

it("warms the concurrent scenario in as many rounds as its warm-up needs, each side in turn", async () => {
  const api = counter();
  const peer = counter();
  // 3 clients of 2 operations: 6 a round; a warm-up of 20 takes rounds of 6, 6, 6 and 2.
  const r = await compareConcurrent(
    { warmup: 20, iterations: 12, maxMs: FAR },
    3,
    2,
    api.op,
    peer.op,
  );
  expect(api.calls).toHaveLength(20 + 12);
  expect(peer.calls).toHaveLength(20 + 12);
  expect(r.api.n).toBe(12);
  expect(r.peer.n).toBe(12);
  expect(new Set([...api.calls, ...peer.calls]).size).toBe(64);
  expect(Number.isFinite(r.compiledKB)).toBe(true);
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
