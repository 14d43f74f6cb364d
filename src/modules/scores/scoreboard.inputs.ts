import { Field, Float, InputType } from "type-graphql";
import { Max, Min } from "class-validator";

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
}
@InputType()
class BonusInput {
  @Field(() => Float) @Min(0) @Max(1000) proactive: number;
}
@InputType({ description: "A new version of the scoring formula." })
export class ScoreFormulaInput {
  @Field(() => WeightsInput) weights: WeightsInput;
  @Field(() => PenaltiesInput) penalties: PenaltiesInput;
  @Field(() => BonusInput) bonus: BonusInput;
  @Field({ nullable: true }) note?: string;
}
