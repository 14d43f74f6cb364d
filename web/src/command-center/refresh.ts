import { useEffect, useRef, useState } from "react";

/** Case events come in bursts: the figures are read again once a burst has passed… */
export const REFRESH_DEBOUNCE_MS = 400;
/** …and at least this often while one goes on, so that a busy hour still moves the screen. */
export const REFRESH_MAX_WAIT_MS = 2_000;

/**
 * `bump` (a count of case events and reconnections), settled: it follows `bump` once
 * REFRESH_DEBOUNCE_MS pass without another change, and at least every REFRESH_MAX_WAIT_MS while
 * changes keep coming. A read that depends on the settled value runs at once on the first render
 * and then once per burst.
 */
export function useSettled(bump: number): number {
  const [settled, setSettled] = useState(bump);
  /** When the changes not yet followed began (performance.now), or null. */
  const since = useRef<number | null>(null);
  useEffect(() => {
    if (bump === settled) return;
    const now = performance.now();
    since.current ??= now;
    const wait = Math.max(
      0,
      Math.min(REFRESH_DEBOUNCE_MS, since.current + REFRESH_MAX_WAIT_MS - now),
    );
    const timer = setTimeout(() => {
      since.current = null;
      setSettled(bump);
    }, wait);
    return () => clearTimeout(timer);
  }, [bump, settled]);
  return settled;
}

/**
 * Orders the answers of overlapping reads: `ask()` numbers a read; `fresh(seq)` says whether its
 * answer (or its failure) is the latest to show, and from then on no earlier read's is.
 */
export function useLatest(): { ask: () => number; fresh: (seq: number) => boolean } {
  const asked = useRef(0);
  const shown = useRef(0);
  return useRef({
    ask: () => ++asked.current,
    fresh: (seq: number) => {
      if (seq < shown.current) return false;
      shown.current = seq;
      return true;
    },
  }).current;
}
