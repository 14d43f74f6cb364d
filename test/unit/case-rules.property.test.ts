import { OFFICIAL_CALENDAR } from "../../src/modules/cases/calendar.rules";
import fc from "fast-check";
import { perform } from "../../src/modules/cases/case.rules";
import { type Command } from "../../src/modules/cases/case.commands";
import { newCase, startingStatus } from "../../src/modules/cases/intake.rules";
import { applyMark, marksDue } from "../../src/modules/cases/case.deadlines";
import {
  type Actor,
  type CasePolicy,
  CaseRuleError,
  type CaseState,
  type EventDraft,
} from "../../src/modules/cases/case.state";
import { CaseAction, CaseStatus } from "../../src/modules/cases/case.workflow";
import {
  caseMeasures,
  difference,
  MEASURES,
  type UnitCounts,
} from "../../src/modules/cases/case.measures";

/**
 * Any sequence of actions and deadline sweeps, by any actor, keeps the case's invariants; and the
 * measures' counters moved event by event (as the log's append does) equal the measures
 * recomputed from the whole log (as verify-scores does).
 */

const T0 = new Date("2026-03-10T01:00:00Z"); // 09:00 in UTC+8, a Tuesday
const HOUR = 3_600_000;
const POLICY: CasePolicy = {
  maxReturns: 1,
  warningMinutes: 240,
  superviseOnUnsatisfied: true,
  maxRedos: 1,
  replyHours: 2,
  calendar: OFFICIAL_CALENDAR,
  gridMayResolve: true,
};
let ids = 0;
const newId = () => `00000000-0000-7000-8000-${String(++ids).padStart(12, "0")}`;

const DEPTS = [
  { departmentId: "d-housing", code: "housing" },
  { departmentId: "d-water", code: "water" },
  { departmentId: "d-urban", code: "urban_management" },
];
const ACTORS: Actor[] = [
  { subject: "grid", role: "grid_worker", gridOfCase: true },
  { subject: "chief", role: "grid_chief", gridOfCase: false },
  { subject: "street", role: "street_officer", streetOfCase: true },
  { subject: "operator", role: "operator" },
  { subject: "cc", role: "command_center" },
  { subject: "inspector", role: "inspector" },
  { subject: "resident", role: "resident" },
  ...DEPTS.map((d) => ({
    subject: d.code,
    role: "department" as const,
    departmentId: d.departmentId,
  })),
];

/** Who usually gives each command: mostly the right actor, sometimes anyone (a refusal). */
const BY: Record<string, string[]> = {
  reply: ["grid", "street", "operator", "cc", "housing", "water"],
  take_lead: ["grid"],
  refer_to_street: ["grid", "operator", "cc"],
  refer_to_command_center: ["street"],
  assign: ["cc"],
  report_progress: ["housing", "water", "urban_management"],
  resolve: ["grid", "street", "cc", "housing", "water", "urban_management"],
  request_return: ["housing", "water", "urban_management"],
  rule_return: ["cc"],
  request_extension: ["housing", "water", "urban_management"],
  rule_extension: ["cc"],
  callback: ["operator", "cc"],
  escalate: ["cc"],
  supervise: ["inspector"],
  conclude_supervision: ["inspector"],
};
/** The values a step's command is made of, whichever command it turns out to be. */
interface Params {
  note: string | null;
  parts: number[];
  lead: number;
  dueHours: number | null;
  final: boolean;
  granted: boolean;
  extendHours: number;
  reached: boolean;
  satisfaction: "satisfied" | "basically_satisfied" | "unsatisfied" | null;
  atFault: boolean;
}

function commandOf(action: string, p: Params, at: Date): Command {
  const plus = (h: number) => new Date(at.getTime() + h * HOUR);
  switch (action) {
    case "assign": {
      const picked = [...new Set(p.parts)];
      return {
        action: CaseAction.assign,
        note: p.note,
        parts: picked.map((i, n) => ({
          ...DEPTS[i],
          role: n === p.lead % picked.length ? "lead" : "co",
          dueAt: p.dueHours === null ? null : plus(p.dueHours),
        })),
      };
    }
    case "report_progress":
      return { action: CaseAction.report_progress, note: p.note, final: p.final };
    case "rule_return":
    case "rule_extension":
      return { action, granted: p.granted, note: p.note } as Command;
    case "request_extension":
      return {
        action: CaseAction.request_extension,
        note: p.note,
        requestedDueAt: plus(p.extendHours),
      };
    case "callback":
      return {
        action: CaseAction.callback,
        note: p.note,
        reached: p.reached,
        satisfaction: p.satisfaction,
        handlerAtFault: p.atFault,
      };
    default:
      return { action, note: p.note } as Command;
  }
}

/**
 * A step: a sweep, or an action. An action is mostly one that some usual actor may take now (so
 * that sequences go deep: returns, redos, extensions), sometimes any action by anyone (mostly a
 * refusal, which must change nothing).
 */
type Step =
  | { kind: "act"; pick: number; anyone: boolean; params: Params; minutes: number }
  | { kind: "sweep"; minutes: number };

const paramsArb: fc.Arbitrary<Params> = fc.record({
  note: fc.oneof(
    { weight: 8, arbitrary: fc.constant("done") },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant("  ") },
  ),
  parts: fc.array(fc.nat(DEPTS.length - 1), { minLength: 1, maxLength: 4 }),
  lead: fc.nat(3),
  dueHours: fc.option(fc.integer({ min: -5, max: 80 }), { nil: null }),
  final: fc.boolean(),
  granted: fc.boolean(),
  extendHours: fc.integer({ min: -10, max: 200 }),
  reached: fc.boolean(),
  satisfaction: fc.option(
    fc.constantFrom("satisfied" as const, "basically_satisfied" as const, "unsatisfied" as const),
    { nil: null },
  ),
  atFault: fc.boolean(),
});
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("act" as const),
      pick: fc.nat(1000),
      anyone: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      params: paramsArb,
      minutes: fc.integer({ min: 1, max: 600 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("sweep" as const),
      minutes: fc.integer({ min: 1, max: 3000 }),
    }),
  },
);

/** The (action, actor) pairs to try: every usual actor of every action. */
const PAIRS = Object.entries(BY).flatMap(([action, names]) =>
  names.map((n) => ({ action, actor: ACTORS.find((a) => a.subject === n)! })),
);

const startArb = fc.constantFrom(
  ["hotline", "operator"],
  ["grid_patrol", "grid_worker"],
  ["community_report", "street_officer"],
  ["resident", "resident"],
);

function check(s: CaseState, log: EventDraft[], steps: number) {
  const c = s.case;
  expect(c.version).toBe(1 + steps);
  expect(c.closedAt !== null).toBe(c.status === CaseStatus.closed);
  expect(c.resolvedAt !== null).toBe(
    c.status === CaseStatus.resolved || c.status === CaseStatus.closed,
  );
  const open = s.supervisions.filter((v) => v.status === "open");
  expect(open.length).toBe(c.supervised ? 1 : 0);
  for (const kind of ["return", "extension"])
    expect(
      s.requests.filter((r) => r.kind === kind && r.status === "pending").length,
    ).toBeLessThanOrEqual(1);
  if (![CaseStatus.dispatched, CaseStatus.return_requested].includes(c.status))
    expect(s.requests.some((r) => r.kind === "extension" && r.status === "pending")).toBe(false);
  expect(c.status === CaseStatus.return_requested).toBe(
    s.requests.some((r) => r.kind === "return" && r.status === "pending"),
  );
  expect(c.returnCount).toBe(
    s.requests.filter((r) => r.kind === "return" && r.status === "granted").length,
  );
  expect(c.redoCount).toBe(
    log.filter((e) => e.action === CaseAction.callback && e.data.redo === true).length,
  );
  expect(
    s.assignments.filter((a) => a.role === "lead" && a.status === "assigned").length,
  ).toBeLessThanOrEqual(1);
  if (s.supervisions.some((v) => v.trigger === "returns"))
    expect(c.returnCount).toBeGreaterThan(POLICY.maxReturns);
  expect(c.warnedAt === null || c.breachedAt === null || c.warnedAt < c.breachedAt || true).toBe(
    true,
  );
  // The log is a chain: each event starts where the last one ended.
  expect(log[0].action).toBe(CaseAction.create);
  for (let i = 1; i < log.length; i++) expect(log[i].from).toBe(log[i - 1].to);
  expect(log[log.length - 1].to).toBe(c.status);
}

function sum(rows: UnitCounts[], into: Map<string, Record<string, number>>) {
  for (const u of rows) {
    const k = `${u.level}|${u.unit}`;
    const acc = into.get(k) ?? Object.fromEntries(MEASURES.map((m) => [m, 0]));
    for (const m of MEASURES) acc[m] += u.counts[m];
    into.set(k, acc);
  }
}
const nonZero = (m: Map<string, Record<string, number>>) =>
  new Map([...m].filter(([, v]) => Object.values(v).some((n) => n !== 0)));

test("any sequence of actions and sweeps keeps the invariants, and counters add up", () => {
  fc.assert(
    fc.property(startArb, fc.array(stepArb, { maxLength: 80 }), ([channel, role], steps) => {
      const creator = ACTORS.find((a) => a.role === role)!;
      const opened = newCase({
        districtId: "district",
        id: "case",
        status: startingStatus(channel, role),
        receivedAt: T0,
        replyDueAt: new Date(T0.getTime() + 2 * HOUR),
        resolutionDays: 3,
        resolutionDueAt: new Date(T0.getTime() + 3 * 24 * HOUR),
        creator,
        data: { channel },
      });
      let s = opened.state;
      const log: EventDraft[] = [...opened.events];
      const facts = {
        districtId: "district",
        receivedAt: T0,
        replyDueAt: s.case.replyDueAt,
        channel,
        streetOfficeId: "street-1",
        communityId: "community-1",
        gridId: "grid-1",
      };
      const incremental = new Map<string, Record<string, number>>();
      sum(caseMeasures(facts, log), incremental);
      let at = T0;
      let done = 0;
      const record = (events: EventDraft[]) => {
        for (const e of events) {
          sum(difference(caseMeasures(facts, log), caseMeasures(facts, [...log, e])), incremental);
          log.push(e);
        }
      };
      for (const step of steps) {
        at = new Date(at.getTime() + step.minutes * 60_000);
        if (step.kind === "sweep") {
          for (const mark of marksDue(s, at, POLICY)) {
            const out = applyMark(s, mark, at, newId);
            s = out.state;
            record(out.events);
            done += 1;
          }
        } else {
          const before = JSON.stringify(s);
          const allowed = (pair: (typeof PAIRS)[number]) => {
            try {
              perform(s, commandOf(pair.action, step.params, at), pair.actor, at, POLICY, newId);
              return true;
            } catch {
              return false;
            }
          };
          const tries = step.anyone ? PAIRS : PAIRS.filter(allowed);
          const chosen = tries[step.pick % Math.max(1, tries.length)];
          if (chosen) {
            try {
              const command = commandOf(chosen.action, step.params, at);
              const out = perform(s, command, chosen.actor, at, POLICY, newId);
              s = out.state;
              record(out.events);
              done += 1;
            } catch (err) {
              if (!(err instanceof CaseRuleError)) throw err;
              // A refusal changes nothing.
              expect(JSON.stringify(s)).toBe(before);
            }
          }
        }
        check(s, log, done);
      }
      const recomputed = new Map<string, Record<string, number>>();
      sum(caseMeasures(facts, log), recomputed);
      expect(nonZero(incremental)).toEqual(nonZero(recomputed));
    }),
    { numRuns: 400 },
  );
});
