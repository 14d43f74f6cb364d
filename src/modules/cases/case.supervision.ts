/**
 * Supervision (督查督办), the one home of when one opens: by hand (an inspector or the supervision
 * office, through `perform`), and by the system on a breach of the resolution limit
 * (case.deadlines.ts), on too many granted returns, and on dissatisfaction (群众满意度不高) as the
 * district's settings say. Pure.
 */
import { CaseAction } from "./case.workflow";
import {
  type Actor,
  type CasePolicy,
  type CaseState,
  type EventDraft,
  type NewId,
  type SupervisionTrigger,
  SYSTEM,
} from "./case.state";

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
export function supervisionForDissatisfaction(
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
export function supervisionForReturns(s: CaseState, policy: CasePolicy, at: Date, newId: NewId) {
  const c = s.case;
  if (c.returnCount <= policy.maxReturns || c.supervised) return null;
  const reason = `returned ${c.returnCount} times (the district allows ${policy.maxReturns})`;
  return openSupervision(s, "returns", reason, SYSTEM, at, newId);
}
