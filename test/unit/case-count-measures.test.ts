import fc from "fast-check";
import {
  CASE_COUNT_MEASURES,
  caseMeasures,
  type EventFacts,
  MAP_LEVELS,
  MEASURE_ACTIONS,
  MEASURES,
} from "../../src/modules/cases/case.measures";

/**
 * What a drill-down takes for granted of the measures, held against `caseMeasures` over arbitrary
 * logs, in any order, with any data the actions carry: CASE_COUNT_MEASURES count a case at most
 * once in any unit (their figure is the number of cases behind it), a case whose log has none
 * of a measure's MEASURE_ACTIONS counts 0 in it, and a case counts the same in each of its units
 * of MAP_LEVELS.
 */

const T0 = Date.parse("2026-03-02T01:00:00Z");
const DEPTS = ["housing", "water", "urban"];

const event: fc.Arbitrary<EventFacts> = fc
  .record({
    action: fc.constantFrom(
      "create",
      "reply",
      "assign",
      "rule_return",
      "resolve",
      "report_progress",
      "callback",
      "supervise",
      "breach",
      "warn",
    ),
    minutes: fc.integer({ min: 0, max: 10_000 }),
    departments: fc.subarray(DEPTS),
    granted: fc.boolean(),
    final: fc.boolean(),
    reached: fc.boolean(),
    satisfaction: fc.constantFrom("satisfied", "basically_satisfied", "unsatisfied", null),
    limit: fc.constantFrom("resolution", "reply", "assignment", undefined),
  })
  .map((r) => ({
    action: r.action,
    at: new Date(T0 + r.minutes * 60_000),
    data: {
      departments: r.departments,
      parts: r.departments.map((d) => ({
        department: d,
        role: "lead",
        replyDueAt: new Date(T0 + 120 * 60_000).toISOString(),
      })),
      granted: r.granted,
      final: r.final,
      reached: r.reached,
      satisfaction: r.satisfaction,
      limit: r.limit,
      department: r.departments[0],
    },
  }));

const logs = fc
  .tuple(fc.array(event, { maxLength: 30 }), fc.boolean())
  .map(([events, withCreate]) =>
    withCreate ? [{ action: "create", at: new Date(T0), data: {} }, ...events] : events,
  );

const measuresOf = (log: EventFacts[]) =>
  caseMeasures(
    {
      districtId: "d",
      receivedAt: new Date(T0),
      replyDueAt: new Date(T0 + 120 * 60_000),
      channel: "hotline",
      streetOfficeId: "s",
      communityId: "c",
      gridId: "g",
    },
    log,
  );

it("counts a case at most once in every unit for the measures that count cases", () => {
  fc.assert(
    fc.property(logs, (log) => {
      for (const u of measuresOf(log))
        for (const m of CASE_COUNT_MEASURES) expect(u.counts[m]).toBeLessThanOrEqual(1);
    }),
    { numRuns: 500 },
  );
});

it("counts 0 in a measure for a case whose log has none of the measure's actions", () => {
  fc.assert(
    fc.property(logs, (log) => {
      const actions = new Set(log.map((e) => e.action));
      for (const u of measuresOf(log))
        for (const [m, need] of Object.entries(MEASURE_ACTIONS))
          if (!need!.some((a) => actions.has(a)))
            expect(u.counts[m as keyof typeof u.counts]).toBe(0);
    }),
    { numRuns: 500 },
  );
});

it("counts a case the same in its grid as in its community, street office and district", () => {
  fc.assert(
    fc.property(logs, (log) => {
      const units = measuresOf(log).filter((u) => MAP_LEVELS.has(u.level));
      expect(units.map((u) => u.level).sort()).toEqual(
        units.length === 0 ? [] : [...MAP_LEVELS].sort(),
      );
      for (const u of units) expect(u.counts).toEqual(units[0].counts);
    }),
    { numRuns: 500 },
  );
});

it("names only measures, and leaves out those that count several per case", () => {
  for (const m of CASE_COUNT_MEASURES) expect(MEASURES).toContain(m);
  for (const m of ["callbacks", "returns", "supervisions", "parts"] as const)
    expect(CASE_COUNT_MEASURES.has(m)).toBe(false);
});

describe("replyBreaches", () => {
  const at = (minutes: number) => new Date(T0 + minutes * 60_000);
  const create: EventFacts = { action: "create", at: at(0), data: {} };
  const breach = (minutes: number, data: Record<string, unknown>): EventFacts => ({
    action: "breach",
    at: at(minutes),
    data,
  });
  const figures = (log: EventFacts[]) =>
    Object.fromEntries(
      measuresOf(log).map((u) => [
        `${u.level}:${u.unit}`,
        [u.counts.replyBreaches, u.counts.breaches],
      ]),
    );

  it("counts a case whose reply limit was breached once, in each of its units", () => {
    const log = [create, breach(120, { limit: "reply" }), breach(240, { limit: "reply" })];
    expect(figures(log)).toEqual({
      "district:d": [1, 0],
      "street_office:s": [1, 0],
      "community:c": [1, 0],
      "grid:g": [1, 0],
    });
  });

  it("does not take a resolution breach (with or without its limit named) for a reply breach, nor the reverse", () => {
    expect(figures([create, breach(500, { limit: "resolution" })])["district:d"]).toEqual([0, 1]);
    expect(figures([create, breach(500, {})])["district:d"]).toEqual([0, 1]);
    expect(
      figures([create, breach(120, { limit: "reply" }), breach(500, { limit: "resolution" })])[
        "district:d"
      ],
    ).toEqual([1, 1]);
  });

  it("leaves the departments' own reply and due-time breaches to their parts", () => {
    const assign: EventFacts = {
      action: "assign",
      at: at(10),
      data: {
        departments: ["water"],
        parts: [{ department: "water", role: "lead", replyDueAt: at(130).toISOString() }],
      },
    };
    const log = [
      create,
      assign,
      breach(130, { limit: "assignment_reply", department: "water" }),
      breach(600, { limit: "assignment", department: "water" }),
    ];
    expect(figures(log)).toMatchObject({ "district:d": [0, 0], "department:water": [0, 0] });
    // The department holding the case carries the case's reply breach, as its other counts.
    expect(figures([...log, breach(140, { limit: "reply" })])).toMatchObject({
      "district:d": [1, 0],
      "department:water": [1, 0],
    });
  });

  it("counts nothing for a case the log never created", () => {
    expect(measuresOf([breach(120, { limit: "reply" })])).toEqual([]);
  });
});
