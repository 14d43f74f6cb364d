import { shiftDays } from "../../src/bench/scale-load";

/**
 * The copies of `npm run bench -- --cases N` take their ids from the template's, moved by their
 * shift: two copies with one shift would collide, and a copy must land before the template's
 * window. The first round fills each month once (the copies that bring the patrols along).
 */
it("gives every copy its own shift, before the template's window, the first round whole months", () => {
  const window = 30;
  const span = 365;
  const months = Math.floor(span / window);
  const seen = new Set<number>();
  for (let k = 0; k < months * window; k++) {
    const days = shiftDays(k, window, span);
    expect(days).toBeGreaterThanOrEqual(window);
    expect(seen.has(days)).toBe(false);
    seen.add(days);
    expect(days % window === 0).toBe(k < months);
  }
  expect(() => shiftDays(months * window, window, span)).toThrow(/more copies/);
});
