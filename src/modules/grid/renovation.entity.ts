import { Column, Entity, UpdateDateColumn } from "typeorm";
import { Authorized, Field, Float, Int, ObjectType } from "type-graphql";
import { STAFF_ROLES } from "../../auth/roles";
import { Node } from "../../common/node";
import { numeric, TenantRow } from "../../common/tenant-row";
import { ConsultationStatus, ProposalQuestion, RenovationKind, VoteChoice } from "./grid.enums";

@Entity({ name: "renovation_project" })
@ObjectType({ implements: Node, description: "A project renovating old compounds (老旧小区改造)." })
export class RenovationProject extends TenantRow implements Node {
  @Field()
  @Column("text")
  code: string;

  @Field()
  @Column("text")
  name: string;

  @Field(() => RenovationKind)
  @Column("text")
  kind: RenovationKind;

  @Field(() => Int)
  @Column("integer")
  year: number;

  @Field(() => Float, { description: "Investment in yuan." })
  @Column("numeric", { transformer: numeric })
  investment: number;

  @Field(() => Int, { description: "Progress in percent, as last recorded." })
  @Column("integer", { name: "progress_percent" })
  progressPercent: number;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" })
  @Column("date", { name: "planned_completion", nullable: true })
  plannedCompletion: string | null;

  @Column("uuid", { name: "department_id", nullable: true })
  departmentId: string | null;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}

@Entity({ name: "renovation_project_compound" })
export class RenovationProjectCompound {
  @Column("uuid", { name: "district_id", primary: true })
  districtId: string;

  @Column("uuid", { primary: true })
  id: string;

  @Column("uuid", { name: "project_id" })
  projectId: string;

  @Column("uuid", { name: "compound_id" })
  compoundId: string;
}

@Entity({ name: "bid_section" })
@ObjectType({ implements: Node, description: "A bid section (标段) of a renovation project." })
export class BidSection extends TenantRow implements Node {
  @Column("uuid", { name: "project_id" })
  projectId: string;

  @Field()
  @Column("text")
  code: string;

  @Field()
  @Column("text")
  name: string;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  contractor: string | null;

  @Field(() => Float, { nullable: true, description: "Winning amount in yuan." })
  @Column("numeric", { name: "winning_amount", nullable: true, transformer: numeric })
  winningAmount: number | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" })
  @Column("date", { name: "awarded_on", nullable: true })
  awardedOn: string | null;
}

@Entity({ name: "renovation_progress" })
@ObjectType({ implements: Node, description: "A progress entry of a renovation project." })
export class RenovationProgress extends TenantRow implements Node {
  @Column("uuid", { name: "project_id" })
  projectId: string;

  @Field(() => Int)
  @Column("integer")
  percent: number;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  note: string | null;

  @Authorized(...STAFF_ROLES)
  @Field({ description: "Subject of the staff account that recorded it (district staff only)." })
  @Column("text", { name: "recorded_by" })
  recordedBy: string;

  @Field()
  @Column("timestamptz", { name: "recorded_at" })
  recordedAt: Date;
}

@Entity({ name: "consultation" })
@ObjectType({
  implements: Node,
  description: "The residents' consultation on renovating a compound (改不改, 改什么, 怎么改).",
})
export class Consultation extends TenantRow implements Node {
  @Column("uuid", { name: "compound_id" })
  compoundId: string;

  @Column("uuid", { name: "project_id", nullable: true })
  projectId: string | null;

  @Field()
  @Column("text")
  title: string;

  @Column("text")
  status: ConsultationStatus;

  @Field()
  @Column("timestamptz", { name: "opened_at" })
  openedAt: Date;

  @Field()
  @Column("timestamptz", { name: "closes_at" })
  closesAt: Date;

  @Column("text", { name: "opened_by" })
  openedBy: string;
}

@Entity({ name: "proposal" })
@ObjectType({ implements: Node, description: "A proposal put to the households of a compound." })
export class Proposal extends TenantRow implements Node {
  @Column("uuid", { name: "consultation_id" })
  consultationId: string;

  @Field(() => ProposalQuestion)
  @Column("text")
  question: ProposalQuestion;

  @Field(() => Int)
  @Column("integer")
  position: number;

  @Field()
  @Column("text")
  title: string;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  description: string | null;
}

@Entity({ name: "vote" })
export class Vote {
  @Column("uuid", { name: "district_id", primary: true })
  districtId: string;

  @Column("uuid", { primary: true })
  id: string;

  @Column("uuid", { name: "proposal_id" })
  proposalId: string;

  @Column("uuid", { name: "household_id" })
  householdId: string;

  @Column("uuid", { name: "person_id" })
  personId: string;

  @Column("text")
  choice: VoteChoice;

  @Column("timestamptz", { name: "cast_at" })
  castAt: Date;
}

@Entity({ name: "consultation_comment" })
@ObjectType("ConsultationComment", { implements: Node, description: "A resident's comment." })
export class ConsultationComment extends TenantRow implements Node {
  @Column("uuid", { name: "consultation_id" })
  consultationId: string;

  @Column("uuid", { name: "proposal_id", nullable: true })
  proposalId: string | null;

  @Column("uuid", { name: "person_id" })
  personId: string;

  @Field()
  @Column("text")
  body: string;

  @Field()
  @Column("timestamptz", { name: "created_at" })
  createdAt: Date;
}
