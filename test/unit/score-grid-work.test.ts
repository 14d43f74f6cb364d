import {
  DEFAULT_RULES,
  invalidRules,
  score,
  type ScoreInputs,
  withDefaults,
} from "../../src/modules/scores/score.formula";
import { coverageOf, periodInstants } from "../../src/modules/patrols/patrol.coverage";

const cases: ScoreInputs = {
  received: 4,
  supervisions: 0,
  breaches: 0,
  returns: 0,
  proactiveShare: 0.25,
  onTimeCompletionRate: 1,
  satisfactionRate: 1,
  effectiveCallbackRate: 1,
  responseRate: 1,
};

describe("the formula's grid-work terms", () => {
  it("leave a unit without grid work where it was", () => {
    expect(score(cases, DEFAULT_RULES)).toBe(102.5);
    expect(
      score(
        { ...cases, householdCoverage: 0, patrolDayShare: 0, points: 0, accountability: 0 },
        DEFAULT_RULES,
      ),
    ).toBe(102.5);
  });

  it("add 5 × coverage, 5 × day share and 0.1 × points, and take 5 per accountability record", () => {
    const s = score(
      { ...cases, householdCoverage: 0.4, patrolDayShare: 0.5, points: -30, accountability: 2 },
      DEFAULT_RULES,
    );
    expect(s).toBeCloseTo(102.5 + 2 + 2.5 - 3 - 10, 10);
  });

  it("give no score without cases, whatever the grid work", () => {
    expect(score({ ...cases, received: 0, points: 100 }, DEFAULT_RULES)).toBeNull();
  });
});

describe("withDefaults", () => {
  it("fills the keys a version saved before them lacks, and keeps what it has", () => {
    const old = {
      weights: { ...DEFAULT_RULES.weights, responseRate: 0 },
      penalties: { supervision: 3, breach: 1, return: 0.5 },
      bonus: { proactive: 20 },
    };
    expect(withDefaults(old)).toEqual({
      weights: old.weights,
      penalties: { supervision: 3, breach: 1, return: 0.5, accountability: 5 },
      bonus: { proactive: 20, patrolCoverage: 5, patrolDays: 5 },
      rewardsPenalties: 0.1,
    });
    expect(
      withDefaults({ ...old, bonus: { proactive: 20, patrolDays: null } }).bonus.patrolDays,
    ).toBe(5);
    expect(withDefaults(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
  });
});

describe("invalidRules", () => {
  it("checks the new numbers", () => {
    expect(invalidRules(DEFAULT_RULES)).toBeNull();
    const bad = (r: object) => invalidRules({ ...DEFAULT_RULES, ...r })?.field;
    expect(bad({ bonus: { ...DEFAULT_RULES.bonus, patrolCoverage: -1 } })).toBe(
      "bonus.patrolCoverage",
    );
    expect(bad({ bonus: { ...DEFAULT_RULES.bonus, patrolDays: Number.NaN } })).toBe(
      "bonus.patrolDays",
    );
    expect(bad({ penalties: { ...DEFAULT_RULES.penalties, accountability: 1001 } })).toBe(
      "penalties.accountability",
    );
    expect(bad({ rewardsPenalties: 10.5 })).toBe("rewardsPenalties");
    expect(bad({ rewardsPenalties: -0.1 })).toBe("rewardsPenalties");
    expect(bad({ rewardsPenalties: 10 })).toBeUndefined();
  });
});

describe("coverage", () => {
  it("is visited over registered households, and patrol days over the period's days", () => {
    const c = { patrols: 5, patrolDays: 3, visits: 7, householdsVisited: 4, households: 10 };
    expect(coverageOf(c, 6)).toEqual({
      ...c,
      days: 6,
      householdCoverage: 0.4,
      patrolDayShare: 0.5,
    });
    expect(
      coverageOf({ ...c, householdsVisited: 0, households: 0 }, 6).householdCoverage,
    ).toBeNull();
  });

  it("counts a period's days in UTC+8, both ends included", () => {
    const p = periodInstants("2026-03-01", "2026-03-31");
    expect(p.days).toBe(31);
    expect(p.start.toISOString()).toBe("2026-02-28T16:00:00.000Z");
    expect(p.end.toISOString()).toBe("2026-03-31T16:00:00.000Z");
  });
});
