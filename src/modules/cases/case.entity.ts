import { Column, Entity } from "typeorm";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { Node } from "../../common/node";
import { TenantRow } from "../../common/tenant-row";
import { LineOfWork } from "../grid/grid.enums";
import { CaseChannel, CaseStatus, Satisfaction, Urgency } from "./case.enums";

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

  @Field(() => Int, {
    description:
      "The case's resolution limit in working days, fixed at intake (its category's, else the district's); each department's part runs as many from its own receipt.",
  })
  @Column("smallint", { name: "resolution_days" })
  resolutionDays: number;

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
