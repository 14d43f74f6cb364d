/**
 * The time the platform's rules read: when a case is received and due, what "today" and "overdue"
 * mean, when the deadline watcher looks, how long a live push waits for more events. It is a
 * dependency, not `new Date()` spread through the code, so that a test (or a replay, or a demo)
 * can run the rules at a chosen instant and let time pass when it says so, instead of depending
 * on the day it happens to run or on how fast the machine is.
 *
 * Token expiry is not the platform's rule but the identity provider's, and stays on the
 * machine's clock (see auth/).
 */
export interface Clock {
  now(): Date;
  /** Resolves once `ms` of this clock's time have passed (at once for `ms` ≤ 0). */
  sleep(ms: number): Promise<void>;
}

function realSleep(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** The machine's clock: what production runs on. */
export const systemClock: Clock = {
  now: () => new Date(),
  sleep: realSleep,
};

/**
 * A clock that reads `start` when it is made and then runs at the machine's pace: time passes as
 * usual, but the days it falls on are chosen (inside the shipped calendar years, say).
 */
export function clockFrom(start: Date): Clock {
  const shift = start.getTime() - Date.now();
  return {
    now: () => new Date(Date.now() + shift),
    sleep: realSleep,
  };
}

/**
 * A clock that stands still until it is told to move: `advance` moves it and wakes every sleeper
 * whose time has come, in order. For tests that must let time pass without waiting for it.
 */
export class ManualClock implements Clock {
  private t: number;
  private sleepers: Array<{ at: number; wake: () => void }> = [];

  constructor(start: Date) {
    this.t = start.getTime();
  }

  now(): Date {
    return new Date(this.t);
  }

  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((wake) => {
      this.sleepers.push({ at: this.t + ms, wake });
      this.sleepers.sort((a, b) => a.at - b.at);
    });
  }

  /** How many sleepers are waiting for this clock to move. */
  get waiting(): number {
    return this.sleepers.length;
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`a clock moves forward, not by ${ms} ms`);
    this.t += ms;
    const due = this.sleepers.filter((s) => s.at <= this.t);
    this.sleepers = this.sleepers.filter((s) => s.at > this.t);
    for (const s of due) s.wake();
  }

  set(at: Date): void {
    this.advance(at.getTime() - this.t);
  }
}
