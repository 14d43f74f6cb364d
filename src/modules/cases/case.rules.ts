/**
 * The case rules, the one home of each: what every workflow action changes, how a pending
 * extension lapses (how a case starts and is numbered: intake.rules.ts; its clocks: case.clocks.ts;
 * overdue and the watcher's marks: case.deadlines.ts; when the system opens a supervision:
 * case.supervision.ts). Pure: `perform`
 * takes a case's state, a command, who acts and when, and returns the new state and the events
 * to append, or throws a CaseRuleError. The API's services, the deadline sweeper (through
 * case.deadlines.ts) and the demo history all go through here; none keeps a copy of a rule.
 */
import {
  CaseAction,
  CaseStatus,
  decide,
  departmentReach,
  type Reach,
  STAGES,
} from "./case.workflow";
import { bad, checkCommand, type Command, noteOf } from "./case.commands";
import { dueTimesOf } from "./case.clocks";
import {
  openSupervision,
  supervisionForDissatisfaction,
  supervisionForReturns,
} from "./case.supervision";
import {
  type Actor,
  type AssignmentRecord,
  type CasePolicy,
  CaseRuleError,
  type CaseState,
  copyState,
  stepped,
  type EventDraft,
  type NewId,
  type RequestKind,
  type RequestRecord,
  SYSTEM,
} from "./case.state";

/** A department's clocks on a part it receives at `at`: the case's limits, from that instant. */
function partClocks(c: CaseState["case"], policy: CasePolicy, at: Date) {
  return dueTimesOf(policy.calendar, at, {
    replyHours: policy.replyHours,
    resolutionDays: c.resolutionDays,
  });
}

/** The actor's relation to the case: its place from the caller, its parts from the state. */
export function reachOf(s: CaseState, actor: Actor): Reach {
  return {
    grid: Boolean(actor.gridOfCase),
    street: Boolean(actor.streetOfCase),
    ...departmentReach(s.assignments, actor.departmentId),
  };
}

const codesOf = (parts: readonly AssignmentRecord[]) => parts.map((a) => a.departmentCode);

const pending = (s: CaseState, kind: RequestKind) =>
  s.requests.find((r) => r.kind === kind && r.status === "pending");

/** A redo: the complainant was unsatisfied and the cause lies with the handler. */
function isRedo(cmd: Command): boolean {
  return (
    cmd.action === CaseAction.callback &&
    cmd.reached &&
    cmd.satisfaction === "unsatisfied" &&
    Boolean(cmd.handlerAtFault)
  );
}

function newRequest(
  kind: RequestKind,
  reason: string,
  assignmentId: string | null,
  requestedDueAt: Date | null,
  by: Actor,
  at: Date,
  newId: NewId,
): RequestRecord {
  return {
    id: newId(at),
    assignmentId,
    kind,
    reason,
    requestedDueAt,
    status: "pending",
    requestedBy: by.subject,
    requestedAt: at,
    ruledBy: null,
    ruledAt: null,
    rulingNote: null,
  };
}

function rule(
  s: CaseState,
  kind: RequestKind,
  granted: boolean,
  by: Actor,
  note: string | null,
  at: Date,
) {
  const req = pending(s, kind);
  if (!req) throw bad("id", `no ${kind} is waiting for a ruling`);
  req.status = granted ? "granted" : "refused";
  req.ruledBy = by.subject;
  req.ruledAt = at;
  req.rulingNote = note;
  return req;
}

export interface Outcome {
  state: CaseState;
  /** The action's event first, then any the system adds in the same step. */
  events: EventDraft[];
}

/**
 * One workflow action: asks the state machine, applies the action's effects, lapses a pending
 * extension when the case leaves dispatch, bumps the version, and says what to log. The caller's
 * state is not changed.
 */
export function perform(
  before: CaseState,
  cmd: Command,
  actor: Actor,
  at: Date,
  policy: CasePolicy,
  newId: NewId,
): Outcome {
  checkCommand(cmd, at);
  const s = copyState(before);
  const c = s.case;
  const note = noteOf(cmd);
  const redo = isRedo(cmd);
  // The actor's own parts (a department's): its reply, reports and requests are on them.
  const mine = s.assignments.filter(
    (a) => actor.departmentId && a.departmentId === actor.departmentId && a.status === "assigned",
  );
  const decision = decide(
    {
      status: c.status,
      stage: c.stage,
      supervised: c.supervised,
      pendingReturn: Boolean(pending(s, "return")),
      pendingExtension: Boolean(pending(s, "extension")),
      // A department replies on its own part, whatever the case had before.
      replied: mine.length > 0 ? mine.every((a) => a.repliedAt !== null) : c.repliedAt !== null,
      gridMayResolve: policy.gridMayResolve,
    },
    cmd.action,
    actor.role,
    reachOf(s, actor),
    { granted: "granted" in cmd ? cmd.granted : undefined, redo },
  );
  if (!decision.ok) throw new CaseRuleError(decision.code, "action", decision.message);
  const from = c.status;
  // The street office settles with the units it pulled in before it resolves or refers up.
  if (
    from === CaseStatus.street_handling &&
    decision.to !== from &&
    s.engagements.some((e) => e.result === null)
  )
    throw bad("action", "record what the joint committee's units did before the case moves on");
  c.status = decision.to;
  if (STAGES.has(decision.to)) c.stage = decision.to;
  const system: EventDraft[] = [];
  let data: Record<string, unknown> = {};

  switch (cmd.action) {
    case CaseAction.reply:
      // The case's first reply is its provisional reply; a department's is also its part's.
      c.repliedAt ??= at;
      for (const a of mine) a.repliedAt ??= at;
      if (mine.length) data = { departments: codesOf(mine) };
      break;
    case CaseAction.assign: {
      // A case assigned again (after a granted return) starts afresh: earlier parts are withdrawn.
      for (const a of s.assignments) if (a.status === "assigned") a.status = "withdrawn";
      // Each department's clocks run from its receipt of the part, as long as the case's own; the
      // command center may set a part's due time by hand.
      const own = partClocks(c, policy, at);
      const added = cmd.parts.map((p) => ({
        id: newId(at),
        departmentId: p.departmentId,
        departmentCode: p.code,
        role: p.role,
        status: "assigned" as const,
        replyDueAt: own.replyDueAt,
        dueAt: p.dueAt ?? own.resolutionDueAt,
        repliedAt: null,
        report: null,
        reportedAt: null,
        warnedAt: null,
        replyBreachedAt: null,
        breachedAt: null,
        assignedAt: at,
      }));
      s.assignments.push(...added);
      data = {
        departments: codesOf(added),
        parts: added.map((a) => ({
          department: a.departmentCode,
          role: a.role,
          replyDueAt: a.replyDueAt.toISOString(),
          dueAt: a.dueAt.toISOString(),
        })),
        // As for the case's create event: a year the calendar lacked was assumed.
        ...(own.assumedYears.length ? { calendarAssumedYears: own.assumedYears } : {}),
      };
      break;
    }
    case CaseAction.report_progress:
      if (cmd.final) {
        if (mine.some((a) => a.role === "lead"))
          throw bad("final", "the lead department ends its part by resolving the case");
        // A co-handling department's final report ends its part.
        for (const a of mine)
          Object.assign(a, { status: "reported", report: note, reportedAt: at });
      }
      data = { final: Boolean(cmd.final), departments: codesOf(mine) };
      break;
    case CaseAction.resolve:
      c.resolution = note;
      c.resolvedAt = at;
      if (c.stage === CaseStatus.dispatched) {
        const lead = s.assignments.filter((a) => a.role === "lead" && a.status === "assigned");
        for (const a of lead)
          Object.assign(a, { status: "reported", report: note, reportedAt: at });
        // A co-handler that had not reported its part is done with it: the case is resolved.
        for (const a of s.assignments) if (a.status === "assigned") a.status = "withdrawn";
        data = { departments: codesOf(lead) };
      }
      break;
    case CaseAction.request_return:
      s.requests.push(newRequest("return", note!, mine[0]?.id ?? null, null, actor, at, newId));
      break;
    case CaseAction.rule_return: {
      rule(s, "return", cmd.granted, actor, note, at);
      data = { granted: cmd.granted };
      if (!cmd.granted) break;
      for (const a of s.assignments) if (a.status === "assigned") a.status = "returned";
      c.returnCount += 1;
      const sup = supervisionForReturns(s, policy, at, newId);
      if (sup) system.push(sup);
      break;
    }
    case CaseAction.request_extension: {
      const due = mine[0]?.dueAt ?? c.resolutionDueAt;
      if (at.getTime() >= due.getTime())
        throw bad("id", "an extension is asked before the due time; it has passed");
      if (cmd.requestedDueAt.getTime() <= due.getTime())
        throw bad("requestedDueAt", "the new due time must be later than the current one");
      s.requests.push(
        newRequest("extension", note!, mine[0]?.id ?? null, cmd.requestedDueAt, actor, at, newId),
      );
      data = { requestedDueAt: cmd.requestedDueAt.toISOString() };
      break;
    }
    case CaseAction.rule_extension: {
      const req = rule(s, "extension", cmd.granted, actor, note, at);
      data = { granted: cmd.granted };
      const moved = req.requestedDueAt;
      if (!cmd.granted || !moved) break;
      const a = s.assignments.find((x) => x.id === req.assignmentId);
      if (a) Object.assign(a, { dueAt: moved, warnedAt: null, breachedAt: null });
      if (moved.getTime() > c.resolutionDueAt.getTime()) {
        c.resolutionDueAt = moved;
        c.warnedAt = null;
      }
      break;
    }
    case CaseAction.callback:
      c.callbackReached = cmd.reached;
      c.satisfaction = cmd.satisfaction ?? null;
      if (redo) {
        c.redoCount += 1;
        c.resolvedAt = null;
        if (c.status === CaseStatus.dispatched) {
          // The lead does its part again, on a fresh clock from the redo.
          const own = partClocks(c, policy, at);
          for (const a of s.assignments)
            if (a.role === "lead" && a.status === "reported")
              Object.assign(a, {
                status: "assigned",
                dueAt: own.resolutionDueAt,
                warnedAt: null,
                breachedAt: null,
              });
        }
      } else {
        c.closedAt = at;
      }
      data = { reached: cmd.reached, satisfaction: cmd.satisfaction ?? null, redo };
      {
        const unsatisfied = cmd.reached && cmd.satisfaction === "unsatisfied";
        const sup = supervisionForDissatisfaction(s, unsatisfied, policy, at, newId);
        if (sup) system.push(sup);
      }
      break;
    case CaseAction.escalate:
      c.escalated = true;
      for (const a of s.assignments) if (a.status === "assigned") a.status = "withdrawn";
      break;
    case CaseAction.supervise:
      // The action's own event says it; the supervision row is what openSupervision adds.
      openSupervision(s, "inspector", note!, actor, at, newId);
      break;
    case CaseAction.engage_units: {
      for (const u of cmd.units) {
        if (!u.ofCaseStreet)
          throw bad("unitIds", `${u.name} is on another street office's joint committee`);
        if (!u.active) throw bad("unitIds", `${u.name} is no longer on the joint committee`);
      }
      const open = new Set(s.engagements.filter((e) => e.result === null).map((e) => e.unitId));
      const again = cmd.units.find((u) => open.has(u.unitId));
      if (again) throw bad("unitIds", `${again.name} is already working on the case`);
      for (const u of cmd.units)
        s.engagements.push({
          id: newId(at),
          unitId: u.unitId,
          unitName: u.name,
          ask: note!,
          engagedBy: actor.subject,
          engagedAt: at,
          result: null,
          resultAt: null,
        });
      data = { units: cmd.units.map((u) => u.name) };
      break;
    }
    case CaseAction.record_unit_result: {
      const e = s.engagements.find((x) => x.id === cmd.engagementId);
      if (!e) throw bad("engagementId", "no such unit's part in this case");
      if (e.result !== null) throw bad("engagementId", "the unit's result is already recorded");
      Object.assign(e, { result: note, resultAt: at });
      data = { unit: e.unitName };
      break;
    }
    case CaseAction.conclude_supervision:
      for (const v of s.supervisions)
        if (v.status === "open")
          Object.assign(v, {
            status: "concluded",
            findings: note,
            concludedBy: actor.subject,
            concludedAt: at,
          });
      c.supervised = false;
      break;
  }

  // A case that leaves dispatch leaves its pending extension with it.
  if (c.status !== CaseStatus.dispatched && c.status !== CaseStatus.return_requested) {
    const lapsed = pending(s, "extension");
    if (lapsed)
      Object.assign(lapsed, {
        status: "refused",
        rulingNote: "lapsed: the case left dispatch",
        ruledBy: SYSTEM.subject,
        ruledAt: at,
      });
  }
  stepped(c, at);
  const main: EventDraft = {
    action: cmd.action,
    actor: actor.subject,
    actorRole: actor.role,
    from,
    to: c.status,
    note,
    data,
    at,
  };
  return { state: s, events: [main, ...system] };
}
