import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { Node } from "../../common/node";
import { TenantRow } from "../../common/tenant-row";
import { LineOfWork } from "../grid/grid.enums";

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

  @Field({
    description:
      "An unsatisfied callback (群众不满意) opens a supervision by itself (default on, as the report holds low satisfaction to account).",
  })
  @Column("boolean", { name: "supervise_on_unsatisfied" })
  superviseOnUnsatisfied: boolean;

  @Field(() => Int, {
    description: "A case redone more times than this goes to supervision (whatever the above).",
  })
  @Column("integer", { name: "max_redos" })
  maxRedos: number;
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
