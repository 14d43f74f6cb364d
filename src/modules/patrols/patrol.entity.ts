import { Column, Entity } from "typeorm";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../common/node";
import { TenantRow } from "../../common/tenant-row";

/** What a grid worker did: walked the grid (巡查) or called on one household (走访). */
export enum PatrolKind {
  patrol = "patrol",
  visit = "visit",
}

registerEnumType(PatrolKind, {
  name: "PatrolKind",
  description: "A grid patrol or a household visit (每日巡查走访).",
  valuesConfig: {
    patrol: {
      description: "A patrol of the grid (巡查), optionally at a compound, building or place.",
    },
    visit: { description: "A visit to one household of the grid (走访)." },
  },
});

/**
 * One patrol or household visit, as the grid worker or chief recorded it. Never changed: a
 * correction is a new record.
 */
@Entity({ name: "patrol_record" })
@ObjectType({
  implements: Node,
  description:
    "A grid patrol or household visit (每日巡查走访): where, when, what was seen, and the case it raised, if any.",
})
export class PatrolRecord extends TenantRow implements Node {
  @Column("uuid", { name: "grid_id" })
  gridId: string;

  @Field(() => PatrolKind)
  @Column("text")
  kind: PatrolKind;

  @Field({ description: "When it took place." })
  @Column("timestamptz")
  at: Date;

  @Column("uuid", { name: "household_id", nullable: true })
  householdId: string | null;

  @Column("uuid", { name: "compound_id", nullable: true })
  compoundId: string | null;

  @Column("uuid", { name: "building_id", nullable: true })
  buildingId: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A patrol's place in words, where no compound or building says it.",
  })
  @Column("text", { nullable: true })
  place: string | null;

  @Field({ description: "What was seen or heard." })
  @Column("text")
  observation: string;

  /** Not `caseId`: node(id) takes a row with a caseId for a part of that case. */
  @Column("uuid", { name: "case_id", nullable: true })
  raisedCaseId: string | null;

  @Field({ description: "Token subject of who recorded it (the worker)." })
  @Column("text", { name: "recorded_by" })
  recordedBy: string;

  @Field({ description: "When it was recorded, by the server's clock." })
  @Column("timestamptz", { name: "recorded_at" })
  recordedAt: Date;
}
