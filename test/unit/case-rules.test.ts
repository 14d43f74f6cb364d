import { OFFICIAL_CALENDAR } from "../../src/modules/cases/calendar.rules";
import { perform } from "../../src/modules/cases/case.rules";
import { checkCommand, type Command } from "../../src/modules/cases/case.commands";
import { caseNumber, newCase, startingStatus } from "../../src/modules/cases/intake.rules";
import {
  applyMark,
  isAssignmentOverdue,
  isOverdue,
  marksDue,
  nextMarkAt,
} from "../../src/modules/cases/case.deadlines";
import {
  type Actor,
  type CasePolicy,
  CaseRuleError,
  type CaseState,
} from "../../src/modules/cases/case.state";
import { CaseAction, CaseStatus } from "../../src/modules/cases/case.workflow";

/** The case rules on small hand-made cases, with exact expectations. */

const T0 = new Date("2026-03-10T01:00:00Z");
const H = 3_600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * H);
const POLICY: CasePolicy = {
  maxReturns: 1,
  warningMinutes: 240,
  superviseOnUnsatisfied: true,
  maxRedos: 1,
  replyHours: 2,
  calendar: OFFICIAL_CALENDAR,
  gridMayResolve: true,
};
let n = 0;
const newId = () => `id-${++n}`;

const cc: Actor = { subject: "cc", role: "command_center" };
const operator: Actor = { subject: "op", role: "operator" };
const housing: Actor = { subject: "h", role: "department", departmentId: "d-h" };
const water: Actor = { subject: "w", role: "department", departmentId: "d-w" };
const inspector: Actor = { subject: "i", role: "inspector" };

function hotline(): CaseState {
  return newCase({
    districtId: "d",
    id: "c",
    status: CaseStatus.received,
    receivedAt: T0,
    replyDueAt: at(2),
    resolutionDueAt: at(72),
    resolutionDays: 3,
    creator: operator,
    data: { channel: "hotline" },
  }).state;
}
const run = (s: CaseState, cmd: Command, who: Actor, hours: number) =>
  perform(s, cmd, who, at(hours), POLICY, newId);
const assign = (s: CaseState, hours: number, lead = "d-h") =>
  run(
    s,
    {
      action: CaseAction.assign,
      parts: [
        { departmentId: lead, code: lead, role: "lead" },
        { departmentId: lead === "d-h" ? "d-w" : "d-h", code: "co", role: "co" },
      ],
    },
    cc,
    hours,
  ).state;
function refused(f: () => unknown): { code: string; field: string } {
  try {
    f();
  } catch (err) {
    if (err instanceof CaseRuleError) return { code: err.code, field: err.field };
    throw err;
  }
  throw new Error("not refused");
}

test.each([
  ["hotline", "operator", CaseStatus.received],
  ["hotline", "command_center", CaseStatus.received],
  ["resident", "resident", CaseStatus.received],
  ["grid_patrol", "grid_worker", CaseStatus.grid_handling],
  ["community_report", "grid_chief", CaseStatus.grid_handling],
  ["community_report", "street_officer", CaseStatus.street_handling],
  ["community_report", "community_worker", CaseStatus.awaiting_dispatch],
])("a %s case taken in by a %s starts %s", (channel, role, status) => {
  expect(startingStatus(channel, role)).toBe(status);
});

test("the case number: district code, local day of receipt, create event's position", () => {
  // 23:30 UTC is the next morning in UTC+8.
  expect(caseNumber("ms", new Date("2026-09-30T23:30:00Z"), "123")).toBe("MS-20261001-000123");
  expect(caseNumber("bx", T0, 1234567)).toBe("BX-20260310-1234567");
});

test.each<[string, Command, string]>([
  ["a resolution without a note", { action: CaseAction.resolve, note: "  " }, "note"],
  [
    "a reached complainant without an answer",
    { action: CaseAction.callback, reached: true },
    "satisfaction",
  ],
  [
    "an answer from an unreached complainant",
    { action: CaseAction.callback, reached: false, satisfaction: "satisfied" },
    "satisfaction",
  ],
  [
    "a redo after a satisfied answer",
    { action: CaseAction.callback, reached: true, satisfaction: "satisfied", handlerAtFault: true },
    "handlerAtFault",
  ],
  [
    "two leads",
    {
      action: CaseAction.assign,
      parts: [
        { departmentId: "a", code: "a", role: "lead" },
        { departmentId: "b", code: "b", role: "lead" },
      ],
    },
    "assignments",
  ],
  [
    "a department twice",
    {
      action: CaseAction.assign,
      parts: [
        { departmentId: "a", code: "a", role: "lead" },
        { departmentId: "a", code: "a", role: "co" },
      ],
    },
    "assignments",
  ],
  [
    "a due time in the past",
    {
      action: CaseAction.assign,
      parts: [{ departmentId: "a", code: "a", role: "lead", dueAt: at(-1) }],
    },
    "assignments.0.dueAt",
  ],
])("a command is refused before the case is read: %s", (_what, cmd, field) => {
  expect(refused(() => checkCommand(cmd, T0))).toEqual({ code: "BAD_USER_INPUT", field });
});

test("refusals by the state machine say FORBIDDEN or BAD_USER_INPUT, and change nothing", () => {
  const s = hotline();
  const copy = JSON.stringify(s);
  expect(refused(() => run(s, { action: CaseAction.resolve, note: "x" }, housing, 1))).toEqual({
    code: "BAD_USER_INPUT",
    field: "action",
  });
  expect(refused(() => run(s, { action: CaseAction.escalate, note: "x" }, operator, 1))).toEqual({
    code: "FORBIDDEN",
    field: "action",
  });
  expect(JSON.stringify(s)).toBe(copy);
});

test("a granted return past the district's limit opens a supervision, by the system", () => {
  let s = assign(hotline(), 1);
  for (const [i, lead] of [
    ["d-h", "d-w"],
    ["d-w", "d-h"],
  ].entries()) {
    const leadActor = lead[0] === "d-h" ? housing : water;
    s = run(s, { action: CaseAction.request_return, note: "not ours" }, leadActor, 2 + i * 3).state;
    const out = run(s, { action: CaseAction.rule_return, granted: true }, cc, 3 + i * 3);
    s = out.state;
    expect(s.case.returnCount).toBe(i + 1);
    expect(s.case.status).toBe(CaseStatus.awaiting_dispatch);
    expect(s.assignments.filter((a) => a.status === "assigned")).toHaveLength(0);
    if (i === 0) {
      expect(out.events.map((e) => e.action)).toEqual([CaseAction.rule_return]);
      s = assign(s, 4, lead[1]);
    } else {
      expect(out.events.map((e) => [e.action, e.actor, e.data])).toEqual([
        [CaseAction.rule_return, "cc", { granted: true }],
        [CaseAction.supervise, "system", { trigger: "returns" }],
      ]);
      expect(s.supervisions).toMatchObject([{ trigger: "returns", status: "open" }]);
      expect(s.case.supervised).toBe(true);
    }
  }
});

test("a pending extension lapses when the case leaves dispatch", () => {
  let s = assign(hotline(), 1);
  s = run(
    s,
    { action: CaseAction.request_extension, note: "parts", requestedDueAt: at(120) },
    housing,
    2,
  ).state;
  expect(s.requests).toMatchObject([{ kind: "extension", status: "pending" }]);
  s = run(s, { action: CaseAction.escalate, note: "city" }, cc, 3).state;
  expect(s.requests).toMatchObject([
    { kind: "extension", status: "refused", ruledBy: "system", ruledAt: at(3) },
  ]);
  expect(s.assignments.every((a) => a.status === "withdrawn")).toBe(true);
});

test("a granted extension moves the department's due time and, if later, the case's", () => {
  let s = assign(hotline(), 1);
  s = run(
    s,
    { action: CaseAction.request_extension, note: "parts", requestedDueAt: at(120) },
    housing,
    2,
  ).state;
  s = run(s, { action: CaseAction.rule_extension, granted: true }, cc, 3).state;
  expect(s.case.resolutionDueAt).toEqual(at(120));
  expect(s.assignments.find((a) => a.departmentId === "d-h")?.dueAt).toEqual(at(120));
  expect(s.assignments.find((a) => a.departmentId === "d-w")?.dueAt).toEqual(at(87));
  expect(
    refused(() =>
      run(
        s,
        { action: CaseAction.request_extension, note: "again", requestedDueAt: at(100) },
        housing,
        4,
      ),
    ),
  ).toEqual({ code: "BAD_USER_INPUT", field: "requestedDueAt" });
});

test("a redo sends a dispatched case back to its lead department", () => {
  let s = assign(hotline(), 1);
  s = run(s, { action: CaseAction.resolve, note: "fixed" }, housing, 5).state;
  // The lead's part is reported; the co-handler, which had not reported, is done with its part.
  expect(s.assignments.map((a) => [a.role, a.status])).toEqual([
    ["lead", "reported"],
    ["co", "withdrawn"],
  ]);
  // Called back on Saturday 14 March, after the part's own due time (at(87)) had passed.
  const out = run(
    s,
    {
      action: CaseAction.callback,
      reached: true,
      satisfaction: "unsatisfied",
      handlerAtFault: true,
    },
    operator,
    100,
  );
  s = out.state;
  expect(s.case).toMatchObject({
    status: CaseStatus.dispatched,
    redoCount: 1,
    resolvedAt: null,
    closedAt: null,
  });
  // The lead does its part again on a fresh clock from the redo (Monday to Wednesday), unmarked.
  expect(s.assignments.find((a) => a.role === "lead")).toMatchObject({
    status: "assigned",
    dueAt: new Date("2026-03-18T16:00:00Z"),
    warnedAt: null,
    breachedAt: null,
  });
  expect(marksDue(s, at(101), POLICY).filter((m) => m.kind === "assignment_breach")).toEqual([]);
  expect(out.events[0].data).toEqual({ reached: true, satisfaction: "unsatisfied", redo: true });
});

test("an inspector supervises once at a time, and concludes with findings", () => {
  let s = run(hotline(), { action: CaseAction.supervise, note: "slow" }, inspector, 1).state;
  expect(
    refused(() => run(s, { action: CaseAction.supervise, note: "again" }, inspector, 2)),
  ).toEqual({ code: "BAD_USER_INPUT", field: "action" });
  s = run(s, { action: CaseAction.conclude_supervision, note: "warned" }, inspector, 3).state;
  expect(s.case.supervised).toBe(false);
  expect(s.supervisions).toMatchObject([
    { trigger: "inspector", status: "concluded", findings: "warned", concludedBy: "i" },
  ]);
});

describe("deadlines", () => {
  // Assigned at 10:00 on Tuesday 10 March (UTC+8): each part's reply is due at 12:00 (at(3)),
  // its resolution at the end of Friday 13 March (at(87)), 3 working days from its own receipt;
  // the case's own clocks (hand-made here) are at(2) and at(72).
  test("the watcher's marks, in the order one sweep makes them", () => {
    let s = assign(hotline(), 1);
    const lead = s.assignments.find((a) => a.role === "lead")!.id;
    const co = s.assignments.find((a) => a.role === "co")!.id;
    expect(s.assignments.map((a) => [a.replyDueAt, a.dueAt])).toEqual([
      [at(3), at(87)],
      [at(3), at(87)],
    ]);
    expect(nextMarkAt(s, POLICY)).toEqual(at(2));
    expect(marksDue(s, at(1.9), POLICY)).toEqual([]);
    expect(marksDue(s, at(2), POLICY)).toEqual([{ kind: "reply_breach" }]);
    expect(marksDue(s, at(3), POLICY)).toEqual([
      { kind: "reply_breach" },
      { kind: "assignment_reply_breach", assignmentId: lead },
      { kind: "assignment_reply_breach", assignmentId: co },
    ]);
    // The lead replies on its part in time: the case's reply is its too, and only the co-handler
    // lets its reply time pass.
    s = run(s, { action: CaseAction.reply, note: "on our way" }, housing, 2.5).state;
    expect(s.case.repliedAt).toEqual(at(2.5));
    expect(marksDue(s, at(68), POLICY)).toEqual([
      { kind: "warning" },
      { kind: "assignment_reply_breach", assignmentId: co },
    ]);
    expect(marksDue(s, at(72), POLICY)).toEqual([
      { kind: "breach" },
      { kind: "assignment_reply_breach", assignmentId: co },
    ]);
    for (const mark of marksDue(s, at(72), POLICY)) s = applyMark(s, mark, at(72), newId).state;
    expect(s.case.version).toBe(3 + 2);
    expect(s.case.supervised).toBe(true);
    expect(s.supervisions).toMatchObject([{ trigger: "breach", openedBy: "system" }]);
    expect(nextMarkAt(s, POLICY)).toEqual(at(83));
    expect(marksDue(s, at(83), POLICY)).toEqual([
      { kind: "assignment_warning", assignmentId: lead },
      { kind: "assignment_warning", assignmentId: co },
    ]);
    // Past the parts' due time the breach says it, and no warning comes late.
    expect(marksDue(s, at(87), POLICY)).toEqual([
      { kind: "assignment_breach", assignmentId: lead },
      { kind: "assignment_breach", assignmentId: co },
    ]);
    for (const mark of marksDue(s, at(87), POLICY)) s = applyMark(s, mark, at(87), newId).state;
    expect(s.assignments.map((a) => [a.replyBreachedAt, a.breachedAt])).toEqual([
      [null, at(87)],
      [at(72), at(87)],
    ]);
    expect(marksDue(s, at(500), POLICY)).toEqual([]);
    expect(nextMarkAt(s, POLICY)).toBeNull();
  });

  test("a department's part runs from its own receipt: assigned later, due later", () => {
    // Referred on and assigned on Thursday 12 March at 10:00 (at(49)): its reply is due at 12:00,
    // its part at the end of Tuesday 17 March (Friday, Monday and Tuesday are its 3 working days).
    const s = assign(hotline(), 49);
    expect(s.case.resolutionDueAt).toEqual(at(72));
    for (const a of s.assignments) {
      expect(a.replyDueAt).toEqual(at(51));
      expect(a.dueAt).toEqual(new Date("2026-03-17T16:00:00Z"));
    }
    // A due time the command center sets by hand is kept.
    const set = run(
      hotline(),
      {
        action: CaseAction.assign,
        parts: [{ departmentId: "d-h", code: "d-h", role: "lead", dueAt: at(30) }],
      },
      cc,
      1,
    ).state;
    expect(set.assignments[0]).toMatchObject({ replyDueAt: at(3), dueAt: at(30) });
  });

  test("a department replies once on its own part, after the case's reply too", () => {
    let s = run(hotline(), { action: CaseAction.reply, note: "noted" }, operator, 0.5).state;
    s = assign(s, 1);
    s = run(s, { action: CaseAction.reply, note: "on our way" }, water, 1.5).state;
    expect(s.case.repliedAt).toEqual(at(0.5));
    expect(s.assignments.map((a) => a.repliedAt)).toEqual([null, at(1.5)]);
    expect(refused(() => run(s, { action: CaseAction.reply, note: "again" }, water, 1.6))).toEqual({
      code: "BAD_USER_INPUT",
      field: "action",
    });
    // The operator's reply was the case's: it is not the department's.
    expect(
      refused(() => run(s, { action: CaseAction.reply, note: "again" }, operator, 1.6)),
    ).toEqual({ code: "BAD_USER_INPUT", field: "action" });
  });

  test("a granted extension moves a warned part's due time and warns again before it", () => {
    let s = assign(hotline(), 1);
    const lead = s.assignments.find((a) => a.role === "lead")!.id;
    s = applyMark(s, { kind: "assignment_warning", assignmentId: lead }, at(83), newId).state;
    s = run(
      s,
      { action: CaseAction.request_extension, note: "parts", requestedDueAt: at(140) },
      housing,
      84,
    ).state;
    s = run(s, { action: CaseAction.rule_extension, granted: true }, cc, 85).state;
    const part = s.assignments.find((a) => a.id === lead)!;
    expect(part).toMatchObject({ dueAt: at(140), warnedAt: null, breachedAt: null });
    expect(marksDue(s, at(136), POLICY)).toContainEqual({
      kind: "assignment_warning",
      assignmentId: lead,
    });
  });

  test("a resolved or closed case is not marked", () => {
    let s = assign(hotline(), 1);
    s = run(s, { action: CaseAction.resolve, note: "fixed" }, housing, 5).state;
    expect(marksDue(s, at(500), POLICY)).toEqual([]);
    expect(nextMarkAt(s, POLICY)).toBeNull();
  });

  test.each([
    ["open, before its due time", "dispatched", 72, null, false],
    ["open, past its due time", "dispatched", 1, null, true],
    ["open, marked breached (due time since extended)", "dispatched", 100, 50, true],
    ["resolved late", "resolved", 1, 50, false],
    ["closed late", "closed", 1, 50, false],
  ])("overdue: %s", (_what, status, dueHours, breachedHours, expected) => {
    const c = {
      status,
      resolutionDueAt: at(dueHours as number),
      breachedAt: breachedHours === null ? null : at(breachedHours as number),
    };
    expect(isOverdue(c, at(60))).toBe(expected);
  });

  test("a department's part is overdue while it holds it past its own due time", () => {
    expect(isAssignmentOverdue({ status: "assigned", dueAt: at(1) }, "dispatched", at(2))).toBe(
      true,
    );
    expect(isAssignmentOverdue({ status: "assigned", dueAt: at(2) }, "dispatched", at(2))).toBe(
      true,
    );
    expect(isAssignmentOverdue({ status: "reported", dueAt: at(1) }, "dispatched", at(2))).toBe(
      false,
    );
    expect(isAssignmentOverdue({ status: "assigned", dueAt: at(3) }, "dispatched", at(2))).toBe(
      false,
    );
    // A co-handler's part left open on a resolved case is no longer running.
    expect(isAssignmentOverdue({ status: "assigned", dueAt: at(1) }, "resolved", at(2))).toBe(
      false,
    );
  });
});

describe("dissatisfaction opens a supervision (群众满意度不高)", () => {
  const unsatisfied = (atFault: boolean): Command => ({
    action: CaseAction.callback,
    reached: true,
    satisfaction: "unsatisfied",
    handlerAtFault: atFault,
  });
  const resolved = () =>
    run(assign(hotline(), 1), { action: CaseAction.resolve, note: "fixed" }, housing, 5).state;

  test("an unsatisfied answer, by the system, when the district says so (the default)", () => {
    const out = run(resolved(), unsatisfied(false), operator, 6);
    expect(out.state.case.status).toBe(CaseStatus.closed);
    expect(out.events.map((e) => [e.action, e.actor, e.note, e.data])).toEqual([
      [
        CaseAction.callback,
        "op",
        null,
        { reached: true, satisfaction: "unsatisfied", redo: false },
      ],
      [
        CaseAction.supervise,
        "system",
        "the complainant was unsatisfied",
        { trigger: "unsatisfied" },
      ],
    ]);
    expect(out.state.supervisions).toMatchObject([{ trigger: "unsatisfied", status: "open" }]);
  });

  test("with the setting off, only more redos than the district allows do", () => {
    const quiet = { ...POLICY, superviseOnUnsatisfied: false, maxRedos: 1 };
    const redo = (s: CaseState, hours: number) =>
      perform(s, unsatisfied(true), operator, at(hours), quiet, newId);
    let out = redo(resolved(), 6);
    expect(out.events.map((e) => e.action)).toEqual([CaseAction.callback]);
    let s = run(out.state, { action: CaseAction.resolve, note: "again" }, housing, 7).state;
    out = redo(s, 8);
    expect(out.state.case.redoCount).toBe(2);
    expect(out.events.map((e) => [e.action, e.note])).toEqual([
      [CaseAction.callback, null],
      [CaseAction.supervise, "redone 2 times (the district allows 1)"],
    ]);
    s = run(out.state, { action: CaseAction.resolve, note: "third" }, housing, 9).state;
    expect(
      perform(
        s,
        { action: CaseAction.callback, reached: true, satisfaction: "satisfied" },
        operator,
        at(10),
        quiet,
        newId,
      ).events,
    ).toHaveLength(1);
  });

  test("a satisfied or unreached callback opens nothing", () => {
    for (const cmd of [
      { action: CaseAction.callback, reached: true, satisfaction: "satisfied" },
      { action: CaseAction.callback, reached: false },
    ] as Command[])
      expect(run(resolved(), cmd, operator, 6).events).toHaveLength(1);
  });
});
