import { Column, Entity } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../../common/node";
import { TenantRow } from "../../common/tenant-row";

@Entity({ name: "case_unit_engagement" })
@ObjectType({
  implements: Node,
  description:
    "A joint committee unit (大工委) the street office pulled into a case: what it was asked, and what it did.",
})
export class CaseUnitEngagement extends TenantRow implements Node {
  @Column("uuid", { name: "case_id" })
  caseId: string;

  @Column("uuid", { name: "unit_id" })
  unitId: string;

  @Field({ description: "The unit's name when it was pulled in." })
  @Column("text", { name: "unit_name" })
  unitName: string;

  @Field({ description: "What the street office asked of the unit." })
  @Column("text")
  ask: string;

  @Field()
  @Column("text", { name: "engaged_by" })
  engagedBy: string;

  @Field()
  @Column("timestamptz", { name: "engaged_at" })
  engagedAt: Date;

  @Field(() => String, {
    nullable: true,
    description: "What the unit did, as the street records it.",
  })
  @Column("text", { nullable: true })
  result: string | null;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { name: "result_at", nullable: true })
  resultAt: Date | null;
}
