import { Column, CreateDateColumn, Entity, UpdateDateColumn } from "typeorm";
import { Authorized, Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { STAFF_ROLES } from "../../auth/roles";
import { Node } from "../../common/node";
import { numeric, TenantRow } from "../../common/tenant-row";

export enum TargetProgramme {
  livelihood = "livelihood",
  civilized_city = "civilized_city",
  other = "other",
}

registerEnumType(TargetProgramme, {
  name: "TargetProgramme",
  description: "The programme a target belongs to.",
  valuesConfig: {
    livelihood: { description: "民生实事: livelihood projects." },
    civilized_city: { description: "文明城区创建: the civilized-district campaign." },
    other: { description: "Anything else the district tracks." },
  },
});

@Entity({ name: "target" })
@ObjectType({
  implements: Node,
  description:
    "A target the district tracks, e.g. 1,000 parking spaces painted in 2022; achieved = baseline + the sum of its progress entries.",
})
export class Target extends TenantRow implements Node {
  @Field({ description: "Stable code, unique in the district, e.g. `2022-parking-painted`." })
  @Column("text")
  code: string;

  @Field()
  @Column("text")
  name: string;

  @Field(() => TargetProgramme)
  @Column("text")
  programme: TargetProgramme;

  @Field({ description: "What is counted, e.g. 个, 处, 平方米, 户, 万元." })
  @Column("text")
  unit: string;

  @Field(() => Float, {
    nullable: true,
    description: "The value to reach, in `unit`; null for an open-ended count.",
  })
  @Column("numeric", { name: "target_value", nullable: true, transformer: numeric })
  targetValue: number | null;

  @Field(() => Float, { description: "Where the count started (default 0)." })
  @Column("numeric", { transformer: numeric })
  baseline: number;

  @Field(() => Int)
  @Column("integer")
  year: number;

  @Column("uuid", { name: "department_id", nullable: true })
  departmentId: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" })
  @Column("date", { name: "due_on", nullable: true })
  dueOn: string | null;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  notes: string | null;

  @Field()
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}

@Entity({ name: "target_progress" })
@ObjectType({ implements: Node, description: "An increment recorded towards a target." })
export class TargetProgress extends TenantRow implements Node {
  @Column("uuid", { name: "target_id" })
  targetId: string;

  @Field(() => Float, { description: "The increment, in the target's unit (> 0)." })
  @Column("numeric", { transformer: numeric })
  amount: number;

  @Field({ description: "The day the work was done (YYYY-MM-DD)." })
  @Column("date", { name: "recorded_on" })
  recordedOn: string;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  note: string | null;

  @Authorized(...STAFF_ROLES)
  @Field({ description: "Subject of the staff account that recorded it (district staff only)." })
  @Column("text", { name: "recorded_by" })
  recordedBy: string;

  @Field()
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}

export const TARGET_ENTITIES = [Target, TargetProgress];

/** The target types `node(id)` can refetch, by GraphQL type name (= class name). */
export const TARGET_NODE_ENTITIES: Record<string, new () => { id: string; districtId: string }> = {
  Target,
  TargetProgress,
};
