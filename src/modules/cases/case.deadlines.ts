/**
 * The time limits of a case, the one home of each: when the provisional reply and the resolution
 * are due, what "overdue" means, and when the deadline watcher marks a case. Pure: the callers
 * (intake, the actions, the sweeper, the list filters, the measures, the demo history) bring the
 * calendar, the settings and the instant.
 */
import { CaseAction } from "./case.workflow";
import {
  type CasePolicy,
  type CaseState,
  copyState,
  stepped,
  type EventDraft,
  type NewId,
  SYSTEM,
} from "./case.state";
import { type Outcome } from "./case.rules";
import { openSupervision } from "./case.supervision";

/**
 * Statuses in which a case no longer runs against its resolution limit. A case in any other
 * status is open: the one definition, of the measures' openNow and overdueNow as of the open
 * cases' index (hotline_case_open_idx).
 */
export const FINISHED_STATUSES: readonly string[] = ["resolved", "closed"];

/** A case is open: not yet resolved, nor closed. `openSql` says the same in SQL (`c` the case's alias). */
export function isOpen(status: string): boolean {
  return !FINISHED_STATUSES.includes(status);
}

export function openSql(c: string): string {
  return `${c}.status NOT IN (${FINISHED_STATUSES.map((s) => `'${s}'`).join(", ")})`;
}

/**
 * Overdue, the one definition: not yet resolved (nor closed), and at or past its resolution due
 * time (from that instant the deadline watcher marks a breach) or already marked breached. A case
 * resolved late is not overdue: the measures count it as not resolved on time, and its breach
 * stays in its log.
 * `isOverdue` is the rule; `overdueSql` says the same in SQL for filters and counts (`c` is the
 * case table's alias, `now` a parameter); a test holds the two to the same answers.
 */
export function isOverdue(
  c: { status: string; resolutionDueAt: Date; breachedAt: Date | null },
  now: Date,
): boolean {
  return (
    isOpen(c.status) && (c.breachedAt !== null || c.resolutionDueAt.getTime() <= now.getTime())
  );
}

export function overdueSql(c: string, now: string): string {
  return `(${openSql(c)} AND (${c}.resolution_due_at <= ${now} OR ${c}.breached_at IS NOT NULL))`;
}

/**
 * A department's part is overdue while it still holds it, its case is not finished, and its own
 * due time has come (as for the watcher's mark of the part).
 * `assignmentOverdueSql` says the same in SQL (`a` the assignment's alias, `c` its case's).
 */
export function isAssignmentOverdue(
  a: { status: string; dueAt: Date },
  caseStatus: string,
  now: Date,
): boolean {
  return a.status === "assigned" && isOpen(caseStatus) && a.dueAt.getTime() <= now.getTime();
}

export function assignmentOverdueSql(a: string, c: string, now: string): string {
  return `(${assignmentHeldSql(a, c)} AND ${a}.due_at <= ${now})`;
}

/** A department still holds its part of an open case (its openNow), in SQL as above. */
export function assignmentHeldSql(a: string, c: string): string {
  return `${a}.status = 'assigned' AND ${openSql(c)}`;
}

/**
 * The deadline watcher's marks: on the case, a warning some minutes before the resolution due
 * time, a breach of the resolution limit (which opens a supervision) and a breach of the reply
 * limit; on each part a department still holds, the same three against the department's own
 * clocks (a warning before its due time, a breach of its reply time, a breach of its due time).
 * A finished case is not marked.
 */
export type Mark =
  | { kind: "breach" | "reply_breach" | "warning" }
  | {
      kind: "assignment_breach" | "assignment_reply_breach" | "assignment_warning";
      assignmentId: string;
    };

export type MarkKind = Mark["kind"];

/** When a warning falls due: the district's warning minutes before a due time. */
const warnFrom = (due: Date, policy: CasePolicy) => due.getTime() - policy.warningMinutes * 60_000;

/** The marks that may still fall on a part, with the instant each falls due. */
function partMarks(
  a: CaseState["assignments"][number],
  policy: CasePolicy,
): Array<{ mark: Mark; at: number }> {
  if (a.status !== "assigned") return [];
  const out: Array<{ mark: Mark; at: number }> = [];
  const assignmentId = a.id;
  if (a.breachedAt === null)
    out.push({ mark: { kind: "assignment_breach", assignmentId }, at: a.dueAt.getTime() });
  if (a.replyDueAt !== null && a.repliedAt === null && a.replyBreachedAt === null)
    out.push({
      mark: { kind: "assignment_reply_breach", assignmentId },
      at: a.replyDueAt.getTime(),
    });
  if (a.warnedAt === null && a.breachedAt === null)
    out.push({ mark: { kind: "assignment_warning", assignmentId }, at: warnFrom(a.dueAt, policy) });
  return out;
}

/** The marks due on a case at an instant, in the order one sweep makes them. */
export function marksDue(s: CaseState, at: Date, policy: CasePolicy): Mark[] {
  const c = s.case;
  if (FINISHED_STATUSES.includes(c.status)) return [];
  const t = at.getTime();
  const marks: Mark[] = [];
  if (c.breachedAt === null && c.resolutionDueAt.getTime() <= t) marks.push({ kind: "breach" });
  if (c.repliedAt === null && c.replyBreachedAt === null && c.replyDueAt.getTime() <= t)
    marks.push({ kind: "reply_breach" });
  if (
    c.warnedAt === null &&
    c.breachedAt === null &&
    c.resolutionDueAt.getTime() > t &&
    warnFrom(c.resolutionDueAt, policy) <= t
  )
    marks.push({ kind: "warning" });
  for (const a of s.assignments)
    for (const p of partMarks(a, policy))
      // A warning is for a due time still ahead: once it has passed, the breach says it.
      if (p.at <= t && !(p.mark.kind === "assignment_warning" && a.dueAt.getTime() <= t))
        marks.push(p.mark);
  return marks;
}

/** The first instant at which some mark falls due (null when none can). */
export function nextMarkAt(s: CaseState, policy: CasePolicy): Date | null {
  const c = s.case;
  if (FINISHED_STATUSES.includes(c.status)) return null;
  const times: number[] = [];
  if (c.breachedAt === null) times.push(c.resolutionDueAt.getTime());
  if (c.repliedAt === null && c.replyBreachedAt === null) times.push(c.replyDueAt.getTime());
  if (c.warnedAt === null && c.breachedAt === null) times.push(warnFrom(c.resolutionDueAt, policy));
  for (const a of s.assignments) for (const p of partMarks(a, policy)) times.push(p.at);
  return times.length ? new Date(Math.min(...times)) : null;
}

/** Makes one mark: the case's version moves by one, and the log says what passed. */
export function applyMark(before: CaseState, mark: Mark, at: Date, newId: NewId): Outcome {
  const s = copyState(before);
  const c = s.case;
  const status = c.status;
  // The system's entry, the status unchanged: one literal, not a spread given more keys, which
  // makes V8 a new hidden class each time (common/objects.ts says why that matters).
  const entry = (action: CaseAction, data: Record<string, unknown>): EventDraft => ({
    actor: SYSTEM.subject,
    actorRole: SYSTEM.role,
    from: status,
    to: status,
    note: null,
    at,
    action,
    data,
  });
  const events: EventDraft[] = [];
  if (mark.kind === "warning") {
    c.warnedAt = at;
    events.push(
      entry(CaseAction.warn, { limit: "resolution", dueAt: c.resolutionDueAt.toISOString() }),
    );
  } else if (mark.kind === "reply_breach") {
    c.replyBreachedAt = at;
    events.push(entry(CaseAction.breach, { limit: "reply", dueAt: c.replyDueAt.toISOString() }));
  } else if (mark.kind === "breach") {
    c.breachedAt = at;
    events.push(
      entry(CaseAction.breach, { limit: "resolution", dueAt: c.resolutionDueAt.toISOString() }),
    );
    if (!c.supervised) {
      const reason = `the resolution limit passed at ${c.resolutionDueAt.toISOString()}`;
      events.push(openSupervision(s, "breach", reason, SYSTEM, at, newId));
    }
  } else if ("assignmentId" in mark) {
    const a = s.assignments.find((x) => x.id === mark.assignmentId);
    if (!a) throw new Error(`no assignment ${mark.assignmentId} on case ${c.id}`);
    const department = a.departmentCode;
    if (mark.kind === "assignment_warning") {
      a.warnedAt = at;
      events.push(
        entry(CaseAction.warn, { limit: "assignment", department, dueAt: a.dueAt.toISOString() }),
      );
    } else if (mark.kind === "assignment_reply_breach") {
      a.replyBreachedAt = at;
      events.push(
        entry(CaseAction.breach, {
          limit: "assignment_reply",
          department,
          dueAt: a.replyDueAt!.toISOString(),
        }),
      );
    } else {
      a.breachedAt = at;
      events.push(
        entry(CaseAction.breach, { limit: "assignment", department, dueAt: a.dueAt.toISOString() }),
      );
    }
  }
  stepped(c, at);
  return { state: s, events };
}
