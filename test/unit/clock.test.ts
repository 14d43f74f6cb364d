import { clockFrom, ManualClock, systemClock } from "../../src/common/clock";
import { localDay } from "../../src/common/dates";
import { LiveSubscriptions } from "../../src/realtime/pubsub";

const start = new Date("2026-03-10T09:00:00+08:00");

it("a clock from a chosen instant starts there and moves forward with the machine", () => {
  const clock = clockFrom(start);
  const first = clock.now().getTime();
  expect(first).toBeGreaterThanOrEqual(start.getTime());
  // However slow the machine, a day cannot pass between two reads in one test.
  expect(localDay(clock.now())).toBe("2026-03-10");
  expect(clock.now().getTime()).toBeGreaterThanOrEqual(first);
  expect(Math.abs(systemClock.now().getTime() - Date.now())).toBeLessThan(86_400_000);
});

it("a manual clock stands still, and wakes its sleepers in order as it is moved", async () => {
  const clock = new ManualClock(start);
  const woke: string[] = [];
  const a = clock.sleep(300).then(() => woke.push("a"));
  const b = clock.sleep(100).then(() => woke.push("b"));
  const now = clock.sleep(0).then(() => woke.push("now"));
  await now;
  expect(clock.waiting).toBe(2);
  clock.advance(99);
  await Promise.resolve();
  expect(woke).toEqual(["now"]);
  clock.advance(1);
  await b;
  expect(woke).toEqual(["now", "b"]);
  clock.set(new Date(start.getTime() + 300));
  await a;
  expect(woke).toEqual(["now", "b", "a"]);
  expect(clock.waiting).toBe(0);
  expect(clock.now().getTime()).toBe(start.getTime() + 300);
  expect(() => clock.advance(-1)).toThrow(RangeError);
});

it("counts live subscriptions by field; leaving twice counts once", () => {
  const live = new LiveSubscriptions();
  const leaveA = live.enter("caseCreated");
  live.enter("caseCreated");
  const leaveB = live.enter("scoreboardChanged");
  expect([live.count("caseCreated"), live.count("scoreboardChanged"), live.count()]).toEqual([
    2, 1, 3,
  ]);
  leaveA();
  leaveA();
  leaveB();
  expect([live.count("caseCreated"), live.count("scoreboardChanged"), live.count()]).toEqual([
    1, 0, 1,
  ]);
});

it("the local day is the district's (UTC+8), whatever the machine's zone", () => {
  expect(localDay(new Date("2026-03-09T15:59:59Z"))).toBe("2026-03-09");
  expect(localDay(new Date("2026-03-09T16:00:00Z"))).toBe("2026-03-10");
  expect(() => localDay(new Date(NaN))).toThrow(RangeError);
});
