import { Column, Entity } from "typeorm";
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../common/node";
import { TenantRow } from "../../common/tenant-row";

/** The kinds of unit whose work the district rewards or penalizes. */
export enum RewardUnitLevel {
  grid = "grid",
  community = "community",
  street_office = "street_office",
  department = "department",
}

registerEnumType(RewardUnitLevel, {
  name: "RewardUnitLevel",
  description: "The kind of unit a reward or penalty (奖惩) is for.",
});

/** Points are whole numbers in this range, never 0: a reward is positive, a penalty negative. */
export const MAX_POINTS = 100;

/**
 * A reward (positive points) or penalty (negative points) for a unit's work (奖惩), entered by the
 * district admin with a reason. Never changed: a correction is a new entry.
 */
@Entity({ name: "reward_penalty" })
@ObjectType({
  implements: Node,
  description:
    "A reward (points > 0) or penalty (points < 0) for a unit's work (奖惩), by the district admin, with its reason.",
})
export class RewardPenalty extends TenantRow implements Node {
  @Field(() => RewardUnitLevel)
  @Column("text", { name: "unit_level" })
  unitLevel: RewardUnitLevel;

  @Column("uuid", { name: "unit_id" })
  unitId: string;

  @Field(() => Int, { description: `Points: -${MAX_POINTS} to ${MAX_POINTS}, not 0.` })
  @Column("integer")
  points: number;

  @Field({ description: "Why." })
  @Column("text")
  reason: string;

  @Field({ description: "The day it counts on (YYYY-MM-DD, UTC+8)." })
  @Column("date", { name: "awarded_on" })
  awardedOn: string;

  @Field({ description: "Token subject of who entered it." })
  @Column("text", { name: "recorded_by" })
  recordedBy: string;

  @Field({ description: "When it was entered, by the server's clock." })
  @Column("timestamptz", { name: "recorded_at" })
  recordedAt: Date;
}
