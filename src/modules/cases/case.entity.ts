import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { Node } from "../node/node.interface";
import { TenantRow } from "../../common/tenant-row";
import { LineOfWork } from "../grid/grid.enums";
import {
  AssignmentRole,
  AssignmentStatus,
  CaseAction,
  CaseChannel,
  CaseStatus,
  RequestKind,
  RequestStatus,
  Satisfaction,
  SupervisionTrigger,
  Urgency,
} from "./case.enums";

@Entity({ name: "case_setting" })
@ObjectType({ description: "A district's time limits and thresholds for cases." })
export class CaseSetting {
  @PrimaryColumn("uuid", { name: "district_id" })
  districtId: string;

  @PrimaryColumn("uuid")
  id: string;

  @Field(() => Int, {
    description: "Provisional reply within this many hours of receipt (clock time).",
  })
  @Column("integer", { name: "reply_hours" })
  replyHours: number;

  @Field(() => Int, {
    description: "Resolution within this many working days (default per category).",
  })
  @Column("integer", { name: "resolution_days" })
  resolutionDays: number;

  @Field(() => Int, { description: "A case returned more times than this goes to supervision." })
  @Column("integer", { name: "max_returns" })
  maxReturns: number;

  @Field(() => Int, { description: "The warning comes this many minutes before a due time." })
  @Column("integer", { name: "warning_minutes" })
  warningMinutes: number;
}

@Entity({ name: "calendar_day" })
@ObjectType({ description: "A day of the district's own calendar (added years, local changes)." })
export class CalendarDay {
  @PrimaryColumn("uuid", { name: "district_id" })
  districtId: string;

  @PrimaryColumn("uuid")
  id: string;

  @Field({ description: "YYYY-MM-DD" })
  @Column("date")
  day: string;

  @Field({ description: "`holiday` (a day off) or `workday` (a weekend day worked)." })
  @Column("text")
  kind: "holiday" | "workday";

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  name: string | null;
}

@Entity({ name: "case_category" })
@ObjectType({ implements: Node, description: "A category of the district's case catalogue." })
export class CaseCategory extends TenantRow implements Node {
  @Field()
  @Column("text")
  code: string;

  @Field()
  @Column("text")
  name: string;

  @Field(() => LineOfWork, { nullable: true })
  @Column("text", { name: "line_of_work", nullable: true })
  lineOfWork: LineOfWork | null;

  @Field(() => Int, {
    nullable: true,
    description: "Working days to resolve; null: the district's.",
  })
  @Column("integer", { name: "resolution_days", nullable: true })
  resolutionDays: number | null;

  @Column("uuid", { name: "department_id", nullable: true })
  departmentId: string | null;

  @Field()
  @Column("boolean")
  active: boolean;
}

@Entity({ name: "case_log_head" })
export class CaseLogHead {
  @PrimaryColumn("uuid", { name: "district_id" })
  districtId: string;

  @PrimaryColumn("uuid")
  id: string;

  @Column("bigint")
  position: string;
}

@Entity({ name: "hotline_case" })
@ObjectType("Case", {
  implements: Node,
  description: "A citizen's appeal (诉求) and its handling.",
})
export class Case extends TenantRow implements Node {
  @Field({ description: "Human-readable number, e.g. MS-20260930-0001." })
  @Column("text")
  number: string;

  @Column("text", { name: "idempotency_key", nullable: true })
  idempotencyKey: string | null;

  @Field(() => CaseChannel)
  @Column("text")
  channel: CaseChannel;

  @Column("uuid", { name: "category_id" })
  categoryId: string;

  @Field(() => LineOfWork, { nullable: true })
  @Column("text", { name: "line_of_work", nullable: true })
  lineOfWork: LineOfWork | null;

  @Field(() => Urgency)
  @Column("text")
  urgency: Urgency;

  @Field()
  @Column("text")
  description: string;

  @Column("uuid", { name: "street_office_id", nullable: true })
  streetOfficeId: string | null;

  @Column("uuid", { name: "grid_id", nullable: true })
  gridId: string | null;

  @Column("uuid", { name: "compound_id", nullable: true })
  compoundId: string | null;

  @Column("uuid", { name: "building_id", nullable: true })
  buildingId: string | null;

  @Column("uuid", { name: "unit_id", nullable: true })
  unitId: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  address: string | null;

  @Field(() => Float, { nullable: true })
  @Column("double precision", { nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  @Column("double precision", { nullable: true })
  longitude: number | null;

  @Column("text", { name: "complainant_name", nullable: true })
  complainantName: string | null;

  @Column("text", { name: "complainant_phone", nullable: true })
  complainantPhone: string | null;

  @Field(() => [String])
  @Column("text", { name: "attachment_urls", array: true })
  attachmentUrls: string[];

  @Field(() => CaseStatus)
  @Column("text")
  status: CaseStatus;

  @Field(() => CaseStatus, {
    description: "The stage that last handled it (where a redo returns).",
  })
  @Column("text")
  stage: CaseStatus;

  @Field(() => Int, { description: "Pass as `expectedVersion` to act on this case." })
  @Column("integer")
  version: number;

  @Field()
  @Column("timestamptz", { name: "received_at" })
  receivedAt: Date;

  @Field({ description: "The provisional reply is due by then (2 hours, clock time)." })
  @Column("timestamptz", { name: "reply_due_at" })
  replyDueAt: Date;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { name: "replied_at", nullable: true })
  repliedAt: Date | null;

  @Field({ description: "Resolution due (working days on the district's calendar)." })
  @Column("timestamptz", { name: "resolution_due_at" })
  resolutionDueAt: Date;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { name: "resolved_at", nullable: true })
  resolvedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { name: "closed_at", nullable: true })
  closedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "When the warning before the due time went out.",
  })
  @Column("timestamptz", { name: "warned_at", nullable: true })
  warnedAt: Date | null;

  @Field(() => Date, { nullable: true, description: "When the resolution limit was breached." })
  @Column("timestamptz", { name: "breached_at", nullable: true })
  breachedAt: Date | null;

  @Field(() => Date, { nullable: true, description: "When the 2-hour reply limit was breached." })
  @Column("timestamptz", { name: "reply_breached_at", nullable: true })
  replyBreachedAt: Date | null;

  @Field(() => Int)
  @Column("integer", { name: "return_count" })
  returnCount: number;

  @Field(() => Int)
  @Column("integer", { name: "redo_count" })
  redoCount: number;

  @Field()
  @Column("boolean")
  supervised: boolean;

  @Field()
  @Column("boolean")
  escalated: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether the callback reached the complainant.",
  })
  @Column("boolean", { name: "callback_reached", nullable: true })
  callbackReached: boolean | null;

  @Field(() => Satisfaction, { nullable: true })
  @Column("text", { nullable: true })
  satisfaction: Satisfaction | null;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  resolution: string | null;

  @Column("text", { name: "created_by" })
  createdBy: string;

  @Field()
  @Column("timestamptz", { name: "updated_at" })
  updatedAt: Date;
}

@Entity({ name: "case_assignment" })
@ObjectType({
  implements: Node,
  description: "A department's part in a case, with its own due time.",
})
export class CaseAssignment extends TenantRow implements Node {
  @Column("uuid", { name: "case_id" })
  caseId: string;

  @Column("uuid", { name: "department_id" })
  departmentId: string;

  @Field(() => AssignmentRole)
  @Column("text")
  role: AssignmentRole;

  @Field(() => AssignmentStatus)
  @Column("text")
  status: `${AssignmentStatus}`;

  @Field()
  @Column("timestamptz", { name: "due_at" })
  dueAt: Date;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  report: string | null;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { name: "reported_at", nullable: true })
  reportedAt: Date | null;

  @Field(() => Date, { nullable: true, description: "When this department let its due time pass." })
  @Column("timestamptz", { name: "breached_at", nullable: true })
  breachedAt: Date | null;

  @Field()
  @Column("timestamptz", { name: "assigned_at" })
  assignedAt: Date;
}

@Entity({ name: "case_request" })
@ObjectType({ implements: Node, description: "A return (退单) or an extension (延期) asked for." })
export class CaseRequest extends TenantRow implements Node {
  @Column("uuid", { name: "case_id" })
  caseId: string;

  @Column("uuid", { name: "assignment_id", nullable: true })
  assignmentId: string | null;

  @Field(() => RequestKind)
  @Column("text")
  kind: `${RequestKind}`;

  @Field()
  @Column("text")
  reason: string;

  @Field(() => Date, { nullable: true, description: "Extensions: the due time asked for." })
  @Column("timestamptz", { name: "requested_due_at", nullable: true })
  requestedDueAt: Date | null;

  @Field(() => RequestStatus)
  @Column("text")
  status: `${RequestStatus}`;

  @Field()
  @Column("text", { name: "requested_by" })
  requestedBy: string;

  @Field()
  @Column("timestamptz", { name: "requested_at" })
  requestedAt: Date;

  @Field(() => String, { nullable: true })
  @Column("text", { name: "ruled_by", nullable: true })
  ruledBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { name: "ruled_at", nullable: true })
  ruledAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column("text", { name: "ruling_note", nullable: true })
  rulingNote: string | null;
}

@Entity({ name: "supervision" })
@ObjectType({
  implements: Node,
  description: "Supervision by discipline inspection (纪检监察督办).",
})
export class Supervision extends TenantRow implements Node {
  @Column("uuid", { name: "case_id" })
  caseId: string;

  @Field(() => SupervisionTrigger)
  @Column("text")
  trigger: SupervisionTrigger;

  @Field()
  @Column("text")
  reason: string;

  @Field()
  @Column("text")
  status: "open" | "concluded";

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  findings: string | null;

  @Field()
  @Column("text", { name: "opened_by" })
  openedBy: string;

  @Field()
  @Column("timestamptz", { name: "opened_at" })
  openedAt: Date;

  @Field(() => String, { nullable: true })
  @Column("text", { name: "concluded_by", nullable: true })
  concludedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { name: "concluded_at", nullable: true })
  concludedAt: Date | null;
}

@Entity({ name: "case_event" })
@ObjectType({ description: "An entry of a case's event log." })
export class CaseEvent {
  @PrimaryColumn("uuid", { name: "district_id" })
  districtId: string;

  @PrimaryColumn("uuid")
  id: string;

  /** Position in the district's log (bigint, as a string). */
  @Column("bigint")
  position: string;

  @Column("uuid", { name: "case_id" })
  caseId: string;

  @Field(() => CaseAction)
  @Column("text")
  action: CaseAction;

  @Field({ description: "Subject of who acted (`system` for the deadline watcher)." })
  @Column("text")
  actor: string;

  @Field()
  @Column("text", { name: "actor_role" })
  actorRole: string;

  @Field(() => CaseStatus, { nullable: true })
  @Column("text", { name: "from_status", nullable: true })
  fromStatus: CaseStatus | null;

  @Field(() => CaseStatus)
  @Column("text", { name: "to_status" })
  toStatus: CaseStatus;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  note: string | null;

  @Column("jsonb")
  data: Record<string, unknown>;

  @Field()
  @Column("timestamptz")
  at: Date;

  @Field({ description: "Position in the district's log: resume a subscription after it." })
  get cursor(): string {
    return this.position;
  }
}

export const CASE_ENTITIES = [
  CaseSetting,
  CalendarDay,
  CaseCategory,
  CaseLogHead,
  Case,
  CaseAssignment,
  CaseRequest,
  Supervision,
  CaseEvent,
];

/** Case types that `node(id)` refetches (those with a caseId are seen through their case). */
export const CASE_NODE_ENTITIES: Record<string, new () => { id: string; districtId: string }> = {
  Case,
  CaseCategory,
  CaseAssignment,
  CaseRequest,
  Supervision,
};
