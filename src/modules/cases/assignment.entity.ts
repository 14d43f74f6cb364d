import { Column, Entity } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../../common/node";
import { TenantRow } from "../../common/tenant-row";
import { type Department } from "../org/department.entity";
import { AssignmentRole, AssignmentStatus, RequestKind, RequestStatus } from "./case.enums";

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

  @Field(() => Date, {
    nullable: true,
    description:
      "The department's provisional reply is due by then: the district's reply hours from its receipt of the part (null for parts assigned before departments had a reply clock).",
  })
  @Column("timestamptz", { name: "reply_due_at", nullable: true })
  replyDueAt: Date | null;

  @Field({
    description:
      "The department's part is due by then: the case's working days from its receipt of the part, unless the command center set it or an extension moved it.",
  })
  @Column("timestamptz", { name: "due_at" })
  dueAt: Date;

  @Field(() => Date, { nullable: true, description: "The department's provisional reply." })
  @Column("timestamptz", { name: "replied_at", nullable: true })
  repliedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  report: string | null;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { name: "reported_at", nullable: true })
  reportedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "When the deadline watcher warned the department that its due time was near.",
  })
  @Column("timestamptz", { name: "warned_at", nullable: true })
  warnedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "When this department let its reply time pass without a reply.",
  })
  @Column("timestamptz", { name: "reply_breached_at", nullable: true })
  replyBreachedAt: Date | null;

  @Field(() => Date, { nullable: true, description: "When this department let its due time pass." })
  @Column("timestamptz", { name: "breached_at", nullable: true })
  breachedAt: Date | null;

  @Field()
  @Column("timestamptz", { name: "assigned_at" })
  assignedAt: Date;

  /** The department when it was read with the part (a case's assignments); no column. */
  departmentRow?: Department;
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
