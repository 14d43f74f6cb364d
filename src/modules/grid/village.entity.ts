import { Column, Entity } from "typeorm";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { Node } from "../../common/node";
import { numeric, TenantRow } from "../../common/tenant-row";
import { ToiletRemedy, ToiletState, VillageKind } from "./grid.enums";

@Entity({ name: "village_designation" })
@ObjectType({
  implements: Node,
  description: "An administrative village designated a beautiful demonstration or livable village.",
})
export class Village extends TenantRow implements Node {
  @Column("uuid", { name: "community_id" })
  communityId: string;

  @Field(() => VillageKind)
  @Column("text")
  kind: VillageKind;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  theme: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { name: "featured_industry", nullable: true })
  featuredIndustry: string | null;

  @Field(() => Int, { nullable: true })
  @Column("integer", { name: "designated_year", nullable: true })
  designatedYear: number | null;
}

@Entity({ name: "village_project" })
@ObjectType({ implements: Node, description: "A village project with a measure and a target." })
export class VillageProject extends TenantRow implements Node {
  @Column("uuid", { name: "village_id" })
  villageId: string;

  @Field()
  @Column("text")
  name: string;

  @Field({ description: "What is measured, e.g. courtyard fruit trees planted." })
  @Column("text")
  measure: string;

  @Field({ description: "Unit of the measure, e.g. 棵." })
  @Column("text")
  unit: string;

  @Field(() => Float)
  @Column("numeric", { transformer: numeric })
  target: number;

  @Field(() => Float)
  @Column("numeric", { transformer: numeric })
  achieved: number;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  note: string | null;
}

@Entity({ name: "toilet_survey" })
@ObjectType({ implements: Node, description: "A rural toilet survey record for one household." })
export class ToiletSurvey extends TenantRow implements Node {
  @Column("uuid", { name: "household_id" })
  householdId: string;

  @Field({ description: "YYYY-MM-DD" })
  @Column("date", { name: "surveyed_on" })
  surveyedOn: string;

  @Field(() => Int)
  @Column("integer")
  toilets: number;

  @Field(() => ToiletState)
  @Column("text")
  state: ToiletState;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  cause: string | null;

  @Field(() => ToiletRemedy, { nullable: true })
  @Column("text", { nullable: true })
  remedy: ToiletRemedy | null;
}
