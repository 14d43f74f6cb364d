import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { type Rates, UnitLevel } from "../cases/case.measures";
import { UnitMeasures } from "./measures.types";

@ObjectType()
class FormulaWeights {
  @Field(() => Float) onTimeCompletionRate: number;
  @Field(() => Float) satisfactionRate: number;
  @Field(() => Float) effectiveCallbackRate: number;
  @Field(() => Float) responseRate: number;
}
@ObjectType()
class FormulaPenalties {
  @Field(() => Float, { description: "Points per supervision, per 100 cases received." })
  supervision: number;
  @Field(() => Float, { description: "Points per breached case, per 100 cases received." })
  breach: number;
  @Field(() => Float, { description: "Points per granted return, per 100 cases received." })
  return: number;
}
@ObjectType()
class FormulaBonus {
  @Field(() => Float, { description: "Points × the proactive share." }) proactive: number;
}

@ObjectType({
  description:
    "A version of the district's scoring formula: score = 100 × weighted mean of the defined rates − penalties per 100 cases + bonus × proactive share. Version 0 is the default.",
})
export class ScoreFormula {
  @Field(() => Int) version: number;
  @Field(() => FormulaWeights) weights: FormulaWeights;
  @Field(() => FormulaPenalties) penalties: FormulaPenalties;
  @Field(() => FormulaBonus) bonus: FormulaBonus;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => Date, {
    nullable: true,
    description: "When it came into force (null: the default).",
  })
  createdAt: Date | null;
}

@ObjectType({ description: "A unit's place on a scoreboard." })
export class ScoreRow {
  @Field(() => Int, {
    nullable: true,
    description: "Rank; equal scores share one (1, 2, 2, 4); null without cases.",
  })
  rank: number | null;
  @Field(() => Float, { nullable: true }) score: number | null;
  @Field(() => UnitMeasures, {
    description: "The figures behind the score (drill down with measureCases).",
  })
  measures: UnitMeasures;
}

@ObjectType()
export class Scoreboard {
  @Field(() => UnitLevel) level: UnitLevel;
  @Field() from: string;
  @Field() to: string;
  @Field(() => Int, { description: "The formula version the ranking was computed with." })
  formulaVersion: number;
  @Field(() => [ScoreRow]) rows: ScoreRow[];
}

@ObjectType()
export class ScorePoint {
  @Field() from: string;
  @Field() to: string;
  @Field(() => Int, { nullable: true }) rank: number | null;
  @Field(() => Float, { nullable: true }) score: number | null;
  @Field(() => Int) received: number;
  @Field(() => Int) units: number;
}

@ObjectType({
  description:
    "A city's figures over a period; rates are of the sums (null with an empty denominator).",
})
export class CityTotals implements Rates {
  @Field() from: string;
  @Field() to: string;
  @Field(() => Int) districts: number;
  @Field(() => Int) received: number;
  @Field(() => Int) gridPatrol: number;
  @Field(() => Int) resolved: number;
  @Field(() => Int) resolvedOnTime: number;
  @Field(() => Int) callbacks: number;
  @Field(() => Int) callbacksValid: number;
  @Field(() => Int) supervisions: number;
  @Field(() => Int) breaches: number;
  @Field(() => Int) overdueNow: number;
  @Field(() => Float, { nullable: true }) proactiveShare: number | null;
  @Field(() => Float, { nullable: true }) responseRate: number | null;
  @Field(() => Float, { nullable: true }) onTimeCompletionRate: number | null;
  @Field(() => Float, { nullable: true }) resolutionRate: number | null;
  @Field(() => Float, { nullable: true }) satisfactionRate: number | null;
  @Field(() => Float, { nullable: true }) effectiveCallbackRate: number | null;
}

@ObjectType({ description: "Rows of a scoreboard that changed after case events (coalesced)." })
export class ScoreboardChange {
  @Field(() => Scoreboard, { description: "The scoreboard now, with only the rows that changed." })
  scoreboard: Scoreboard;
  @Field(() => Int, { description: "How many case events this push covers." })
  events: number;
}

export enum Bucket {
  day = "day",
  week = "week",
  month = "month",
}
registerEnumType(Bucket, { name: "Bucket" });
