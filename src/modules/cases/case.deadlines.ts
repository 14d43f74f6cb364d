/**
 * The time limits of a case, the one home of each: when the provisional reply and the resolution
 * are due, what "overdue" means, and when the deadline watcher marks a case. Pure: the callers
 * (intake, the actions, the sweeper, the list filters, the measures, the demo history) bring the
 * calendar, the settings and the instant.
 */
import { CalendarYearMissing, WorkCalendar } from "./calendar.rules";
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
import { type Outcome, openSupervision } from "./case.rules";

/** The settings that set a case's clocks (the district's, or the category's own days). */
export interface ClockSettings {
  replyHours: number;
  resolutionDays: number;
}

/** The category's own resolution days, else the district's. */
export function resolutionDaysOf(
  category: { resolutionDays: number | null },
  setting: { resolutionDays: number },
): number {
  return category.resolutionDays ?? setting.resolutionDays;
}

/**
 * A case's two due times from its receipt. A case is never refused because a year's calendar is
 * missing: the missing year is counted with its 1 January off and otherwise Monday to Friday, and
 * `assumedYears` says so, so that the district can add the year and the event log shows which
 * cases it touched. (`WorkCalendar.resolutionDue` is the strict count, which refuses instead.)
 */
export function dueTimesOf(
  calendar: WorkCalendar,
  receivedAt: Date,
  clocks: ClockSettings,
): { replyDueAt: Date; resolutionDueAt: Date; assumedYears: number[] } {
  const assumedYears: number[] = [];
  let cal = calendar;
  for (;;) {
    try {
      return {
        replyDueAt: WorkCalendar.replyDue(receivedAt, clocks.replyHours),
        resolutionDueAt: cal.resolutionDue(receivedAt, clocks.resolutionDays),
        assumedYears,
      };
    } catch (err) {
      if (!(err instanceof CalendarYearMissing) || assumedYears.length > 3) throw err;
      assumedYears.push(err.year);
      cal = cal.withOverrides([{ day: `${err.year}-01-01`, kind: "holiday" }]);
    }
  }
}

/** Statuses in which a case no longer runs against its resolution limit. */
export const FINISHED_STATUSES: readonly string[] = ["resolved", "closed"];

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
    !FINISHED_STATUSES.includes(c.status) &&
    (c.breachedAt !== null || c.resolutionDueAt.getTime() <= now.getTime())
  );
}

export function overdueSql(c: string, now: string): string {
  const finished = FINISHED_STATUSES.map((s) => `'${s}'`).join(", ");
  return `(${c}.status NOT IN (${finished}) AND (${c}.resolution_due_at <= ${now} OR ${c}.breached_at IS NOT NULL))`;
}

/** A department's part is overdue while it still holds it past its own due time. */
export function isAssignmentOverdue(a: { status: string; dueAt: Date }, now: Date): boolean {
  return a.status === "assigned" && a.dueAt.getTime() <= now.getTime();
}

/**
 * The deadline watcher's marks: a warning some minutes before the resolution due time, a breach
 * of the resolution limit (which opens a supervision), a breach of the reply limit, and a breach
 * of a department's own due time while it still holds its part. A finished case is not marked.
 */
export type Mark =
  | { kind: "breach" | "reply_breach" | "warning" }
  | { kind: "assignment_breach"; assignmentId: string };

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
    c.resolutionDueAt.getTime() - policy.warningMinutes * 60_000 <= t
  )
    marks.push({ kind: "warning" });
  for (const a of s.assignments)
    if (a.status === "assigned" && a.breachedAt === null && a.dueAt.getTime() <= t)
      marks.push({ kind: "assignment_breach", assignmentId: a.id });
  return marks;
}

/** The first instant at which some mark falls due (null when none can). */
export function nextMarkAt(s: CaseState, policy: CasePolicy): Date | null {
  const c = s.case;
  if (FINISHED_STATUSES.includes(c.status)) return null;
  const times: number[] = [];
  if (c.breachedAt === null) times.push(c.resolutionDueAt.getTime());
  if (c.repliedAt === null && c.replyBreachedAt === null) times.push(c.replyDueAt.getTime());
  if (c.warnedAt === null && c.breachedAt === null)
    times.push(c.resolutionDueAt.getTime() - policy.warningMinutes * 60_000);
  for (const a of s.assignments)
    if (a.status === "assigned" && a.breachedAt === null) times.push(a.dueAt.getTime());
  return times.length ? new Date(Math.min(...times)) : null;
}

/** Makes one mark: the case's version moves by one, and the log says what passed. */
export function applyMark(before: CaseState, mark: Mark, at: Date, newId: NewId): Outcome {
  const s = copyState(before);
  const c = s.case;
  const base = {
    actor: SYSTEM.subject,
    actorRole: SYSTEM.role,
    from: c.status,
    to: c.status,
    note: null,
    at,
  };
  const events: EventDraft[] = [];
  if (mark.kind === "warning") {
    c.warnedAt = at;
    events.push({
      ...base,
      action: CaseAction.warn,
      data: { limit: "resolution", dueAt: c.resolutionDueAt.toISOString() },
    });
  } else if (mark.kind === "reply_breach") {
    c.replyBreachedAt = at;
    events.push({
      ...base,
      action: CaseAction.breach,
      data: { limit: "reply", dueAt: c.replyDueAt.toISOString() },
    });
  } else if (mark.kind === "breach") {
    c.breachedAt = at;
    events.push({
      ...base,
      action: CaseAction.breach,
      data: { limit: "resolution", dueAt: c.resolutionDueAt.toISOString() },
    });
    if (!c.supervised) {
      const reason = `the resolution limit passed at ${c.resolutionDueAt.toISOString()}`;
      events.push(openSupervision(s, "breach", reason, SYSTEM, at, newId));
    }
  } else if ("assignmentId" in mark) {
    const a = s.assignments.find((x) => x.id === mark.assignmentId);
    if (!a) throw new Error(`no assignment ${mark.assignmentId} on case ${c.id}`);
    a.breachedAt = at;
    events.push({
      ...base,
      action: CaseAction.breach,
      data: { limit: "assignment", department: a.departmentCode, dueAt: a.dueAt.toISOString() },
    });
  }
  stepped(c, at);
  return { state: s, events };
}
