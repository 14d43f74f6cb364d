import { clockFrom } from "../../src/common/clock";
import { localDay } from "../../src/common/dates";

/**
 * The instant the test world lives at: a Tuesday morning inside the shipped calendar years, so
 * that no test depends on the day it runs (due times, "today", the demo history's month). The
 * demo history of the run ends here; each test file's clock starts here and runs at the
 * machine's pace. A test that must let time pass moves a clock of its own (ManualClock).
 */
export const TEST_EPOCH = new Date("2026-03-10T09:00:00+08:00");

export const testClock = clockFrom(TEST_EPOCH);

/** Today and the days around it ('YYYY-MM-DD', UTC+8) by the test clock. */
export function testDay(offsetDays = 0): string {
  return localDay(new Date(testClock.now().getTime() + offsetDays * 86_400_000));
}

/**
 * Waits until `condition` holds, checking after every turn of the event loop and then every few
 * milliseconds. The ceiling only catches a hang: on a slow machine the wait is simply longer.
 */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string | (() => string),
  ceilingMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + ceilingMs;
  for (let pause = 1; !(await condition()); pause = Math.min(pause * 2, 50)) {
    if (Date.now() > deadline)
      throw new Error(`waited ${ceilingMs} ms for ${typeof what === "string" ? what : what()}`);
    await new Promise((r) => setTimeout(r, pause));
  }
}
