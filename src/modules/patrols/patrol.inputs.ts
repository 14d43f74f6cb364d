import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { IsOptional, Length, Matches, MaxLength } from "class-validator";
import { PatrolKind } from "./patrol.entity";
import { RewardUnitLevel } from "./reward.entity";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = "use a date as YYYY-MM-DD";

@InputType({
  description: "A patrol or household visit (每日巡查走访) of one of the caller's grids.",
})
export class RecordPatrolInput {
  @Field(() => ID, { description: "The grid: one of the caller's own." })
  gridId: string;

  @Field(() => PatrolKind)
  kind: PatrolKind;

  @Field({
    description: "When it took place: not in the future, and at most 30 days ago.",
  })
  at: Date;

  @Field(() => ID, {
    nullable: true,
    description:
      "A visit: the household visited, of the grid (required for a visit, none for a patrol).",
  })
  householdId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "A patrol: the compound patrolled, of the grid.",
  })
  compoundId?: string | null;

  @Field(() => ID, { nullable: true, description: "A patrol: the building, of the grid." })
  buildingId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A patrol: the place in words (a street, a market, a river bank).",
  })
  @IsOptional()
  @Length(1, 200)
  place?: string | null;

  @Field({ description: "What was seen or heard (1–2000 characters)." })
  @Length(1, 2000)
  observation: string;

  @Field(() => ID, {
    nullable: true,
    description: "The case this raised, if any: a case of the same grid.",
  })
  caseId?: string | null;
}

@ArgsType()
export class PeriodArgs {
  @Field(() => String, { nullable: true, description: "On or after this day (YYYY-MM-DD, UTC+8)." })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  from?: string;

  @Field(() => String, {
    nullable: true,
    description: "On or before this day (YYYY-MM-DD, UTC+8).",
  })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  to?: string;
}

@ArgsType()
export class PatrolFilterArgs extends PeriodArgs {
  @Field(() => ID, { nullable: true })
  gridId?: string;

  @Field(() => ID, { nullable: true })
  communityId?: string;

  @Field(() => ID, { nullable: true })
  streetOfficeId?: string;

  @Field(() => String, { nullable: true, description: "Recorded by this worker (token subject)." })
  @IsOptional()
  @MaxLength(200)
  recordedBy?: string;

  @Field(() => PatrolKind, { nullable: true })
  kind?: PatrolKind;
}

@InputType({
  description: "A reward (points > 0) or penalty (points < 0) for a unit's work (奖惩).",
})
export class RecordRewardPenaltyInput {
  @Field(() => RewardUnitLevel)
  unitLevel: RewardUnitLevel;

  @Field(() => ID, {
    description: "The unit: a Grid, Community, StreetOffice or Department id, as unitLevel says.",
  })
  unitId: string;

  @Field(() => Int, {
    description: "Points, -100 to 100, not 0: positive a reward, negative a penalty.",
  })
  points: number;

  @Field({ description: "Why (1–500 characters)." })
  @Length(1, 500)
  reason: string;

  @Field({ description: "The day it counts on (YYYY-MM-DD, UTC+8), not in the future." })
  @Matches(DAY, { message: DAY_MESSAGE })
  awardedOn: string;
}

@ArgsType()
export class RewardFilterArgs extends PeriodArgs {
  @Field(() => RewardUnitLevel, { nullable: true })
  unitLevel?: RewardUnitLevel;

  @Field(() => ID, {
    nullable: true,
    description: "Entries of one unit (a Grid, Community, StreetOffice or Department id).",
  })
  unitId?: string;
}
