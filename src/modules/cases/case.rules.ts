/**
 * The case rules, the one home of each: what every workflow action changes, when the system opens
 * a supervision, how a pending extension lapses (how a case starts and is numbered: intake.rules.ts;
 * its time limits and the watcher's marks: case.deadlines.ts). Pure: `perform`
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
import {
  type Actor,
  type CasePolicy,
  CaseRuleError,
  type CaseState,
  copyState,
  stepped,
  type EventDraft,
  type NewId,
  type RequestKind,
  type RequestRecord,
  type SupervisionTrigger,
  SYSTEM,
} from "./case.state";

/** The actor's relation to the case: its place from the caller, its parts from the state. */
export function reachOf(s: CaseState, actor: Actor): Reach {
  return {
    grid: Boolean(actor.gridOfCase),
    street: Boolean(actor.streetOfCase),
    ...departmentReach(s.assignments, actor.departmentId),
  };
}

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

/**
 * Opens a supervision on the state and returns its event. One open supervision at a time: the
 * callers check `supervised` first (the workflow refuses a second for an inspector).
 */
export function openSupervision(
  s: CaseState,
  trigger: SupervisionTrigger,
  reason: string,
  by: Actor,
  at: Date,
  newId: NewId,
): EventDraft {
  s.supervisions.push({
    id: newId(at),
    trigger,
    reason,
    status: "open",
    findings: null,
    openedBy: by.subject,
    openedAt: at,
    concludedBy: null,
    concludedAt: null,
  });
  s.case.supervised = true;
  const status = s.case.status;
  return {
    action: CaseAction.supervise,
    actor: by.subject,
    actorRole: by.role,
    from: status,
    to: status,
    note: reason,
    data: { trigger },
    at,
  };
}

/**
 * The system's supervision on dissatisfaction (群众满意度不高), if the district's settings say so: an
 * unsatisfied answer, or more redos than the district allows.
 */
function supervisionForDissatisfaction(
  s: CaseState,
  unsatisfied: boolean,
  policy: CasePolicy,
  at: Date,
  newId: NewId,
) {
  const c = s.case;
  if (c.supervised) return null;
  if (unsatisfied && policy.superviseOnUnsatisfied)
    return openSupervision(s, "unsatisfied", "the complainant was unsatisfied", SYSTEM, at, newId);
  if (c.redoCount > policy.maxRedos)
    return openSupervision(
      s,
      "unsatisfied",
      `redone ${c.redoCount} times (the district allows ${policy.maxRedos})`,
      SYSTEM,
      at,
      newId,
    );
  return null;
}

/** The system's supervision after too many granted returns, if this one tipped it over. */
function supervisionForReturns(s: CaseState, policy: CasePolicy, at: Date, newId: NewId) {
  const c = s.case;
  if (c.returnCount <= policy.maxReturns || c.supervised) return null;
  const reason = `returned ${c.returnCount} times (the district allows ${policy.maxReturns})`;
  return openSupervision(s, "returns", reason, SYSTEM, at, newId);
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
  const decision = decide(
    {
      status: c.status,
      stage: c.stage,
      supervised: c.supervised,
      pendingReturn: Boolean(pending(s, "return")),
      pendingExtension: Boolean(pending(s, "extension")),
      replied: c.repliedAt !== null,
    },
    cmd.action,
    actor.role,
    reachOf(s, actor),
    { granted: "granted" in cmd ? cmd.granted : undefined, redo },
  );
  if (!decision.ok) throw new CaseRuleError(decision.code, "action", decision.message);
  const from = c.status;
  c.status = decision.to;
  if (STAGES.has(decision.to)) c.stage = decision.to;
  const mine = s.assignments.filter(
    (a) => actor.departmentId && a.departmentId === actor.departmentId && a.status === "assigned",
  );
  const system: EventDraft[] = [];
  let data: Record<string, unknown> = {};

  switch (cmd.action) {
    case CaseAction.reply:
      c.repliedAt = at;
      break;
    case CaseAction.assign:
      // A case assigned again (after a granted return) starts afresh: earlier parts are withdrawn.
      for (const a of s.assignments) if (a.status === "assigned") a.status = "withdrawn";
      for (const p of cmd.parts)
        s.assignments.push({
          id: newId(at),
          departmentId: p.departmentId,
          departmentCode: p.code,
          role: p.role,
          status: "assigned",
          dueAt: p.dueAt ?? c.resolutionDueAt,
          report: null,
          reportedAt: null,
          breachedAt: null,
          assignedAt: at,
        });
      data = { departments: cmd.parts.map((p) => p.code) };
      break;
    case CaseAction.report_progress:
      if (cmd.final) {
        if (mine.some((a) => a.role === "lead"))
          throw bad("final", "the lead department ends its part by resolving the case");
        // A co-handling department's final report ends its part.
        for (const a of mine)
          Object.assign(a, { status: "reported", report: note, reportedAt: at });
      }
      data = { final: Boolean(cmd.final) };
      break;
    case CaseAction.resolve:
      c.resolution = note;
      c.resolvedAt = at;
      if (c.stage === CaseStatus.dispatched)
        for (const a of s.assignments)
          if (a.role === "lead" && a.status === "assigned")
            Object.assign(a, { status: "reported", report: note, reportedAt: at });
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
      if (a) a.dueAt = moved;
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
        if (c.status === CaseStatus.dispatched)
          for (const a of s.assignments)
            if (a.role === "lead" && a.status === "reported") a.status = "assigned";
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
