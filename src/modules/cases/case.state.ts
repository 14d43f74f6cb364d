/**
 * A case as the rules see it: the case's own workflow fields and the rows that hang off it
 * (departments' parts, pending and ruled requests, supervisions). The services load one from the
 * database under the case's row lock and write back what the rules changed; the demo history
 * keeps them in memory. Plain data, no I/O, no GraphQL.
 */
import { uuidv7 } from "../../common/ids";
import { type WorkCalendar } from "./calendar.rules";
import { type CaseAction, type CaseStatus, type ActorRole } from "./case.workflow";

export type Satisfaction = "satisfied" | "basically_satisfied" | "unsatisfied";
export type SupervisionTrigger = "inspector" | "breach" | "returns" | "unsatisfied";
export type AssignmentRole = "lead" | "co";
export type AssignmentStatus = "assigned" | "reported" | "returned" | "withdrawn";
export type RequestKind = "return" | "extension";
export type RequestStatus = "pending" | "granted" | "refused";

/** The workflow fields of a case (the rest of the row, what and where, never changes by rule). */
export interface CaseRecord {
  districtId: string;
  id: string;
  status: CaseStatus;
  /** The stage that last handled the case: where a redo sends it back. */
  stage: CaseStatus;
  version: number;
  receivedAt: Date;
  replyDueAt: Date;
  repliedAt: Date | null;
  resolutionDueAt: Date;
  /** The case's resolution limit in working days, fixed at intake (the category's or the
   * district's): a department's part runs the same number from its own receipt. */
  resolutionDays: number;
  resolvedAt: Date | null;
  closedAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  replyBreachedAt: Date | null;
  returnCount: number;
  redoCount: number;
  supervised: boolean;
  escalated: boolean;
  callbackReached: boolean | null;
  satisfaction: Satisfaction | null;
  resolution: string | null;
  updatedAt: Date;
}

export interface AssignmentRecord {
  id: string;
  departmentId: string;
  /** The department's code (not stored on the row: the log names departments by code). */
  departmentCode: string;
  role: AssignmentRole;
  status: AssignmentStatus;
  /** The department's own clocks, from its receipt of the part (case.clocks.ts); a part
   * assigned before departments had a reply clock has none (null). */
  replyDueAt: Date | null;
  dueAt: Date;
  /** The department's provisional reply on its part. */
  repliedAt: Date | null;
  report: string | null;
  reportedAt: Date | null;
  /** The deadline watcher's marks on the part: a warning before its due time, the breach of its
   * reply limit, the breach of its due time. */
  warnedAt: Date | null;
  replyBreachedAt: Date | null;
  breachedAt: Date | null;
  assignedAt: Date;
}

export interface RequestRecord {
  id: string;
  assignmentId: string | null;
  kind: RequestKind;
  reason: string;
  requestedDueAt: Date | null;
  status: RequestStatus;
  requestedBy: string;
  requestedAt: Date;
  ruledBy: string | null;
  ruledAt: Date | null;
  rulingNote: string | null;
}

export interface SupervisionRecord {
  id: string;
  trigger: SupervisionTrigger;
  reason: string;
  status: "open" | "concluded";
  findings: string | null;
  openedBy: string;
  openedAt: Date;
  concludedBy: string | null;
  concludedAt: Date | null;
}

/** A unit of the street's joint committee (大工委) the street office pulled into a case. */
export interface EngagementRecord {
  id: string;
  unitId: string;
  /** The unit's name (the log names units by name). */
  unitName: string;
  /** What the street asked of it. */
  ask: string;
  engagedBy: string;
  engagedAt: Date;
  /** What the unit did, as the street office records it. */
  result: string | null;
  resultAt: Date | null;
}

export interface CaseState {
  case: CaseRecord;
  assignments: AssignmentRecord[];
  requests: RequestRecord[];
  supervisions: SupervisionRecord[];
  engagements: EngagementRecord[];
}

/** An event the rules produce; the log gives it its position when it is appended. */
export interface EventDraft {
  action: CaseAction;
  actor: string;
  actorRole: string;
  from: CaseStatus | null;
  to: CaseStatus;
  note: string | null;
  data: Record<string, unknown>;
  at: Date;
}

/** Who acts, and what the caller knows of their relation to the case's place. */
export interface Actor {
  subject: string;
  role: ActorRole;
  /** A department's id (department role). */
  departmentId?: string | null;
  /** The case's grid is one of the actor's grids (grid staff). */
  gridOfCase?: boolean;
  /** The case's street office is the actor's (street officers). */
  streetOfCase?: boolean;
}

export const SYSTEM: Actor = { subject: "system", role: "system" };

/** The district's settings that the rules read. */
export interface CasePolicy {
  /** Granted returns allowed before the system opens a supervision. */
  maxReturns: number;
  /** How long before the resolution due time the deadline watcher warns. */
  warningMinutes: number;
  /** An unsatisfied callback opens a supervision by itself. */
  superviseOnUnsatisfied: boolean;
  /** Redos allowed before the system opens a supervision. */
  maxRedos: number;
  /** The provisional reply's limit in hours: a department's part gets it from its receipt. */
  replyHours: number;
  /** The district's working days (the official calendar with its own days laid over). */
  calendar: WorkCalendar;
  /** Grid staff may resolve from grid handling; otherwise the street office handles first. */
  gridMayResolve: boolean;
}

/** A new row id at an instant. */
export type NewId = (at: Date) => string;

/** Ids of the rows a step adds, time-ordered from the step's instant (services, sweeper, demo). */
export const newId: NewId = (at) => uuidv7(at.getTime());

/** A rule refused: the code the API answers with, and the input field at fault if any. */
export class CaseRuleError extends Error {
  constructor(
    readonly code: "FORBIDDEN" | "BAD_USER_INPUT",
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "CaseRuleError";
  }
}

/** A copy the rules may change without touching the caller's. */
export function copyState(s: CaseState): CaseState {
  return {
    case: { ...s.case },
    assignments: s.assignments.map((a) => ({ ...a })),
    requests: s.requests.map((r) => ({ ...r })),
    supervisions: s.supervisions.map((v) => ({ ...v })),
    engagements: s.engagements.map((e) => ({ ...e })),
  };
}

/** Every step of a case, an action or a deadline mark, moves its version by one, at its instant. */
export function stepped(c: CaseRecord, at: Date): void {
  c.version += 1;
  c.updatedAt = at;
}
