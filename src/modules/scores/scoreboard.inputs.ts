import { Field, Float, InputType } from "type-graphql";
import { IsOptional, Max, Min } from "class-validator";

@InputType()
class WeightsInput {
  @Field(() => Float) @Min(0) @Max(1000) onTimeCompletionRate: number;
  @Field(() => Float) @Min(0) @Max(1000) satisfactionRate: number;
  @Field(() => Float) @Min(0) @Max(1000) effectiveCallbackRate: number;
  @Field(() => Float) @Min(0) @Max(1000) responseRate: number;
}
@InputType()
class PenaltiesInput {
  @Field(() => Float) @Min(0) @Max(1000) supervision: number;
  @Field(() => Float) @Min(0) @Max(1000) breach: number;
  @Field(() => Float) @Min(0) @Max(1000) return: number;
  @Field(() => Float, { nullable: true, description: "Per accountability record; default 5." })
  @IsOptional()
  @Min(0)
  @Max(1000)
  accountability?: number | null;
}
@InputType()
class BonusInput {
  @Field(() => Float) @Min(0) @Max(1000) proactive: number;
  @Field(() => Float, { nullable: true, description: "× household coverage; default 5." })
  @IsOptional()
  @Min(0)
  @Max(1000)
  patrolCoverage?: number | null;
  @Field(() => Float, { nullable: true, description: "× share of days patrolled; default 5." })
  @IsOptional()
  @Min(0)
  @Max(1000)
  patrolDays?: number | null;
}
@InputType({ description: "A new version of the scoring formula." })
export class ScoreFormulaInput {
  @Field(() => WeightsInput) weights: WeightsInput;
  @Field(() => PenaltiesInput) penalties: PenaltiesInput;
  @Field(() => BonusInput) bonus: BonusInput;
  @Field(() => Float, {
    nullable: true,
    description: "Score points per 奖惩 point (0 to 10); default 0.1.",
  })
  @IsOptional()
  @Min(0)
  @Max(10)
  rewardsPenalties?: number | null;
  @Field({ nullable: true }) note?: string;
}
