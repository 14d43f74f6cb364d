import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { UnitLevel } from "../cases/case.measures";
import { type Rates } from "../cases/case.rates";
import { PatrolCoverage } from "../patrols/coverage.types";
import { UnitMeasures } from "./measures.types";

// These types are plain data with no field middleware or role: `simpleResolvers` lets GraphQL
// read their properties directly (a grid scoreboard is some 17,000 fields).

@ObjectType({ simpleResolvers: true })
class FormulaWeights {
  @Field(() => Float) onTimeCompletionRate: number;
  @Field(() => Float) satisfactionRate: number;
  @Field(() => Float) effectiveCallbackRate: number;
  @Field(() => Float) responseRate: number;
}
@ObjectType({ simpleResolvers: true })
class FormulaPenalties {
  @Field(() => Float, { description: "Points per supervision, per 100 cases received." })
  supervision: number;
  @Field(() => Float, { description: "Points per breached case, per 100 cases received." })
  breach: number;
  @Field(() => Float, { description: "Points per granted return, per 100 cases received." })
  return: number;
  @Field(() => Float, {
    description: "Points per accountability record (追责问责) of the unit decided in the period.",
  })
  accountability: number;
}
@ObjectType({ simpleResolvers: true })
class FormulaBonus {
  @Field(() => Float, { description: "Points × the proactive share." }) proactive: number;
  @Field(() => Float, { description: "Points × the household coverage of visits." })
  patrolCoverage: number;
  @Field(() => Float, { description: "Points × the share of days patrolled." }) patrolDays: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "A version of the district's scoring formula: score = 100 × weighted mean of the defined rates − penalties per 100 cases − accountability × records + bonus × proactive share + patrolCoverage × household coverage + patrolDays × share of days patrolled + rewardsPenalties × 奖惩 points. Version 0 is the default; a version saved before a term existed reads with its default.",
})
export class ScoreFormula {
  @Field(() => Int) version: number;
  @Field(() => FormulaWeights) weights: FormulaWeights;
  @Field(() => FormulaPenalties) penalties: FormulaPenalties;
  @Field(() => FormulaBonus) bonus: FormulaBonus;
  @Field(() => Float, {
    description: "Score points per point of the unit's rewards and penalties (奖惩) in the period.",
  })
  rewardsPenalties: number;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => Date, {
    nullable: true,
    description: "When it came into force (null: the default).",
  })
  createdAt: Date | null;
}

@ObjectType({ simpleResolvers: true, description: "A unit's place on a scoreboard." })
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
  @Field(() => PatrolCoverage, {
    nullable: true,
    description:
      "Patrols and visits behind the patrol terms (null for departments, which do not patrol).",
  })
  patrol: PatrolCoverage | null;
  /** The sum of the unit's 奖惩 points in the period (served as `points` to those who may read it). */
  pointsTotal: number;
  /** Its accountability records decided in the period; null on the city's board (served as `accountability`). */
  accountabilityCount: number | null;
}

@ObjectType({ simpleResolvers: true })
export class Scoreboard {
  @Field(() => UnitLevel) level: UnitLevel;
  @Field() from: string;
  @Field() to: string;
  @Field(() => Int, { description: "The formula version the ranking was computed with." })
  formulaVersion: number;
  @Field(() => [ScoreRow]) rows: ScoreRow[];
}

@ObjectType({ simpleResolvers: true })
export class ScorePoint {
  @Field() from: string;
  @Field() to: string;
  @Field(() => Int, { nullable: true }) rank: number | null;
  @Field(() => Float, { nullable: true }) score: number | null;
  @Field(() => Int) received: number;
  @Field(() => Int) units: number;
}

@ObjectType({
  simpleResolvers: true,
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
  @Field(() => Int, { description: "Cases whose resolution limit was breached." }) breaches: number;
  @Field(() => Int, { description: "Cases whose provisional reply limit (2 hours) was breached." })
  replyBreaches: number;
  @Field(() => Int) overdueNow: number;
  @Field(() => Float, { nullable: true }) proactiveShare: number | null;
  @Field(() => Float, { nullable: true }) responseRate: number | null;
  @Field(() => Float, { nullable: true }) onTimeCompletionRate: number | null;
  @Field(() => Float, { nullable: true }) resolutionRate: number | null;
  @Field(() => Float, { nullable: true }) satisfactionRate: number | null;
  @Field(() => Float, { nullable: true }) effectiveCallbackRate: number | null;
  @Field(() => Float, { nullable: true }) partReplyRate: number | null;
  @Field(() => Float, { nullable: true }) partOnTimeRate: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "Rows of a scoreboard that changed after case events (coalesced).",
})
export class ScoreboardChange {
  @Field(() => Scoreboard, { description: "The scoreboard now, with only the rows that changed." })
  scoreboard: Scoreboard;
  @Field(() => Int, {
    description:
      "How many case events and grid-work records (patrols, 奖惩 entries, accountability records) this push covers.",
  })
  events: number;
}

export enum Bucket {
  day = "day",
  week = "week",
  month = "month",
}
registerEnumType(Bucket, { name: "Bucket" });
