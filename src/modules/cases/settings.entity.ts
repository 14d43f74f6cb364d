import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../common/node";
import { TenantRow } from "../../common/tenant-row";
import { LineOfWork } from "../grid/grid.enums";

/** Who handles first what grid staff find and residents ask (the district's rule). */
export enum HandlingRule {
  street_first = "street_first",
  grid_may_resolve = "grid_may_resolve",
}
registerEnumType(HandlingRule, {
  name: "HandlingRule",
  description: "Who handles first what grid staff find and residents ask.",
  valuesConfig: {
    street_first: {
      description:
        "由街道首办 (the report's rule, the default): grid staff take the lead and refer the case to the street office, which resolves it or refers it to the command center.",
    },
    grid_may_resolve: {
      description:
        "Grid staff may also resolve from grid handling what they settle on the spot; the rest goes to the street office as above.",
    },
  },
});

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

  @Field(() => HandlingRule, {
    description: "Who handles first (default street_first, 由街道首办, as the report has it).",
  })
  @Column("text", { name: "handling_rule" })
  handlingRule: HandlingRule;
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
