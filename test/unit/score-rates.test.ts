import { type Counts, sumCounts, zero } from "../../src/modules/cases/case.measures";
import { ratesOf, RATES } from "../../src/modules/cases/case.rates";

const counts = (c: Partial<Counts>): Counts => ({ ...zero(), ...c });

describe("ratesOf", () => {
  it("is null for every rate when nothing was received or called back", () => {
    const r = ratesOf(zero());
    expect(Object.keys(r).sort()).toEqual([...RATES].sort());
    for (const k of RATES) expect(r[k]).toBeNull();
  });

  it.each([
    // [what, counts, expected rates]
    [
      "cases received, no callbacks: the callback rates are null, the others defined",
      counts({ received: 4, repliedOnTime: 3, resolved: 2, resolvedOnTime: 1, gridPatrol: 1 }),
      {
        responseRate: 0.75,
        onTimeCompletionRate: 0.25,
        resolutionRate: 0.5,
        satisfactionRate: null,
        effectiveCallbackRate: null,
        proactiveShare: 0.25,
        partReplyRate: null,
        partOnTimeRate: null,
      },
    ],
    [
      "departments' parts: their own reply and on-time rates, of the parts they were given",
      counts({ received: 1, parts: 4, partsRepliedOnTime: 3, partsOnTime: 1, partBreaches: 2 }),
      {
        responseRate: 0,
        onTimeCompletionRate: 0,
        resolutionRate: 0,
        satisfactionRate: null,
        effectiveCallbackRate: null,
        proactiveShare: 0,
        partReplyRate: 0.75,
        partOnTimeRate: 0.25,
      },
    ],
    [
      "callbacks made, none reached: effective callback 0, satisfaction null",
      counts({ received: 2, callbacks: 3 }),
      {
        responseRate: 0,
        onTimeCompletionRate: 0,
        resolutionRate: 0,
        satisfactionRate: null,
        effectiveCallbackRate: 0,
        proactiveShare: 0,
        partReplyRate: null,
        partOnTimeRate: null,
      },
    ],
    [
      "satisfaction counts the basically satisfied, not the unsatisfied",
      counts({
        received: 5,
        callbacks: 5,
        callbacksValid: 4,
        satisfied: 1,
        basicallySatisfied: 2,
        unsatisfied: 1,
      }),
      {
        responseRate: 0,
        onTimeCompletionRate: 0,
        resolutionRate: 0,
        satisfactionRate: 0.75,
        effectiveCallbackRate: 0.8,
        proactiveShare: 0,
        partReplyRate: null,
        partOnTimeRate: null,
      },
    ],
    [
      "each rate has its own denominator: callbacks without cases received give only the callback rates",
      counts({ callbacks: 2, callbacksValid: 2, satisfied: 2 }),
      {
        responseRate: null,
        onTimeCompletionRate: null,
        resolutionRate: null,
        satisfactionRate: 1,
        effectiveCallbackRate: 1,
        proactiveShare: null,
        partReplyRate: null,
        partOnTimeRate: null,
      },
    ],
  ])("%s", (_what, c, expected) => {
    expect(ratesOf(c)).toEqual(expected);
  });

  it("the rates of several units are the rates of their sums, not the mean of their rates", () => {
    const small = counts({ received: 1, resolvedOnTime: 1, callbacks: 1, callbacksValid: 1 });
    const large = counts({ received: 99, resolvedOnTime: 0, callbacks: 3, callbacksValid: 0 });
    const total = sumCounts([small, large]);
    expect(total).toEqual(
      counts({ received: 100, resolvedOnTime: 1, callbacks: 4, callbacksValid: 1 }),
    );
    const r = ratesOf(total);
    expect(r.onTimeCompletionRate).toBe(0.01);
    expect(r.effectiveCallbackRate).toBe(0.25);
    // One valid callback and no one satisfied: 0, which is not the same as no answer at all.
    expect(r.satisfactionRate).toBe(0);
  });

  it("sums of no units are zero, so their rates are null", () => {
    expect(sumCounts([])).toEqual(zero());
    for (const k of RATES) expect(ratesOf(sumCounts([]))[k]).toBeNull();
  });
});
