import {
  Arg,
  Authorized,
  Ctx,
  Field,
  Float,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  Subscription,
  registerEnumType,
} from "type-graphql";
import { Max, Min } from "class-validator";
import { type AuthedContext } from "../../context/context";
import { writableDistrict } from "../../context/principal";
import { badInput } from "../../common/errors";
import { fromGlobalId, uuidv7 } from "../../common/ids";
import { Role, STAFF_ROLES } from "../tenancy/role.enums";
import { scoreboardStream } from "./scoreboard.live";
import { reachOf } from "../grid/grid.policy";
import { checkPeriod, computeMeasures, rate, UnitMeasures } from "./measures.resolver";
import { UnitLevel } from "./score.measures";
import { DEFAULT_RULES, type FormulaRules, invalidRules, rank, score } from "./score.formula";

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
class ScoreFormulaInput {
  @Field(() => WeightsInput) weights: WeightsInput;
  @Field(() => PenaltiesInput) penalties: PenaltiesInput;
  @Field(() => BonusInput) bonus: BonusInput;
  @Field({ nullable: true }) note?: string;
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
export class CityTotals {
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

export enum Bucket {
  day = "day",
  week = "week",
  month = "month",
}
registerEnumType(Bucket, { name: "Bucket" });

const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);

function toFormula(
  version: number,
  rules: FormulaRules,
  note: string | null,
  createdAt: Date | null,
): ScoreFormula {
  return { version, ...rules, note, createdAt } as ScoreFormula;
}

/** The formula in force at the end of a day (the latest version saved before the next day began, UTC+8). */
async function formulaAt(
  ctx: AuthedContext,
  districtId: string,
  day: string | null,
): Promise<ScoreFormula> {
  const rows: Array<{
    version: number;
    rules: FormulaRules;
    note: string | null;
    created_at: Date;
  }> = await ctx.db.run((m) =>
    m.query(
      `SELECT version, rules, note, created_at FROM score_formula
        WHERE district_id = $1 AND ($2::date IS NULL OR created_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
        ORDER BY version DESC LIMIT 1`,
      [districtId, day],
    ),
  );
  const r = rows[0];
  return r
    ? toFormula(r.version, r.rules, r.note, r.created_at)
    : toFormula(0, DEFAULT_RULES, "default", null);
}

/**
 * A ranking of a level's units over a period. A district's units are ranked with the formula in
 * force at the period's end; a city admin's districts with the default formula, so that every
 * district is held to the same rule.
 */
export async function buildScoreboard(
  ctx: AuthedContext,
  level: UnitLevel,
  from: string,
  to: string,
): Promise<Scoreboard> {
  checkPeriod(from, to);
  const city = ctx.principal.role === Role.city_admin;
  if (city && level !== UnitLevel.district)
    throw badInput("level", "a city admin ranks districts: use level district");
  const formula = city
    ? toFormula(0, DEFAULT_RULES, "default", null)
    : await formulaAt(ctx, ctx.principal.districtId!, to);
  const measures = await computeMeasures(ctx, level, from, to);
  const rows = rank(
    measures.map((m) => ({ score: score(m, formula as unknown as FormulaRules), measures: m })),
  );
  return { level, from, to, formulaVersion: formula.version, rows };
}

/** The spans of a period; stops after 63 (callers refuse more than 62). */
function* buckets(from: string, to: string, b: Bucket): Generator<[string, string]> {
  let start = from;
  let n = 0;
  while (start <= to && n++ < 63) {
    let end: string;
    if (b === Bucket.day) end = start;
    else if (b === Bucket.week) end = addDays(start, 6);
    else {
      const d = new Date(`${start}T00:00:00Z`);
      end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0))
        .toISOString()
        .slice(0, 10);
    }
    if (end > to) end = to;
    yield [start, end];
    start = addDays(end, 1);
  }
}

@ObjectType({ description: "Rows of a scoreboard that changed after case events (coalesced)." })
export class ScoreboardChange {
  @Field(() => Scoreboard, { description: "The scoreboard now, with only the rows that changed." })
  scoreboard: Scoreboard;
  @Field(() => Int, { description: "How many case events this push covers." })
  events: number;
}

@Resolver()
export class ScoreboardResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => ScoreFormula, {
    description: "The district's scoring formula now (version 0: the default).",
  })
  scoreFormula(@Ctx() ctx: AuthedContext) {
    return formulaAt(ctx, writableDistrict(ctx.principal), null);
  }

  @Authorized(Role.district_admin)
  @Mutation(() => ScoreFormula, {
    description: "Saves a new version of the formula; earlier periods keep theirs.",
  })
  async setScoreFormula(
    @Arg("input") input: ScoreFormulaInput,
    @Ctx() ctx: AuthedContext,
  ): Promise<ScoreFormula> {
    const districtId = writableDistrict(ctx.principal);
    const rules: FormulaRules = {
      weights: { ...input.weights },
      penalties: { ...input.penalties },
      bonus: { ...input.bonus },
    };
    const bad = invalidRules(rules);
    if (bad) throw badInput(bad.field, bad.message);
    const row = await ctx.db.run(async (m) => {
      await m.query("SELECT pg_advisory_xact_lock(hashtext('score_formula'), hashtext($1))", [
        districtId,
      ]);
      const [r] = (await m.query(
        `INSERT INTO score_formula (district_id, id, version, rules, note, created_by, created_at)
         SELECT $1, $2, coalesce(max(version), 0) + 1, $3::jsonb, $4, $5, $6 FROM score_formula WHERE district_id = $1
         RETURNING version, created_at`,
        [
          districtId,
          uuidv7(),
          JSON.stringify(rules),
          input.note?.trim() || null,
          ctx.principal.subject,
          // The platform's clock, as for the cases it ranks (a period's formula is the one in force at its end).
          ctx.clock.now(),
        ],
      )) as Array<{ version: number; created_at: Date }>;
      return r;
    });
    return toFormula(row.version, rules, input.note?.trim() || null, row.created_at);
  }

  @Authorized(...STAFF_ROLES, Role.city_admin)
  @Query(() => Scoreboard, {
    description:
      "Units of a level ranked by score over a period (ties share a rank), with the figures behind each score. A city admin ranks its districts.",
  })
  scoreboard(
    @Arg("level", () => UnitLevel) level: UnitLevel,
    @Arg("from") from: string,
    @Arg("to") to: string,
    @Ctx() ctx: AuthedContext,
  ) {
    return buildScoreboard(ctx, level, from, to);
  }

  @Authorized(...STAFF_ROLES, Role.city_admin)
  @Query(() => [ScorePoint], {
    description: "A unit's score and rank per day, week or month of a period (at most 62 points).",
  })
  async scoreHistory(
    @Arg("level", () => UnitLevel) level: UnitLevel,
    @Arg("unitId", () => ID) unitId: string,
    @Arg("from") from: string,
    @Arg("to") to: string,
    @Arg("bucket", () => Bucket, { defaultValue: Bucket.week }) bucket: Bucket,
    @Ctx() ctx: AuthedContext,
  ): Promise<ScorePoint[]> {
    checkPeriod(from, to);
    const ref = fromGlobalId(unitId);
    if (!ref) throw badInput("unitId", "not a unit id");
    const spans = [...buckets(from, to, bucket)];
    if (spans.length > 62)
      throw badInput("bucket", "at most 62 points: use a larger bucket or a shorter period");
    const out: ScorePoint[] = [];
    for (const [a, b] of spans) {
      const board = await buildScoreboard(ctx, level, a, b);
      const row = board.rows.find((r) => r.measures.unitId === unitId);
      out.push({
        from: a,
        to: b,
        rank: row?.rank ?? null,
        score: row?.score ?? null,
        received: row?.measures.received ?? 0,
        units: board.rows.length,
      });
    }
    return out;
  }

  @Authorized(Role.city_admin)
  @Query(() => Scoreboard, {
    description:
      "The city's districts ranked over a period by the default formula, with each district's figures (city_admin only; no personal data). The same numbers the districts see in `measures`.",
  })
  cityScoreboard(@Arg("from") from: string, @Arg("to") to: string, @Ctx() ctx: AuthedContext) {
    return buildScoreboard(ctx, UnitLevel.district, from, to);
  }

  @Authorized(Role.city_admin)
  @Query(() => CityTotals, {
    description:
      "The city's totals over a period: its districts' figures added up, with the rates of the sums (city_admin only).",
  })
  async cityTotals(
    @Arg("from") from: string,
    @Arg("to") to: string,
    @Ctx() ctx: AuthedContext,
  ): Promise<CityTotals> {
    const board = await buildScoreboard(ctx, UnitLevel.district, from, to);
    const sum = (k: keyof UnitMeasures) =>
      board.rows.reduce((n, r) => n + (r.measures[k] as number), 0);
    const received = sum("received");
    return {
      from,
      to,
      districts: board.rows.length,
      received,
      gridPatrol: sum("gridPatrol"),
      resolved: sum("resolved"),
      resolvedOnTime: sum("resolvedOnTime"),
      callbacks: sum("callbacks"),
      callbacksValid: sum("callbacksValid"),
      supervisions: sum("supervisions"),
      breaches: sum("breaches"),
      overdueNow: sum("overdueNow"),
      proactiveShare: rate(sum("gridPatrol"), received),
      responseRate: rate(sum("repliedOnTime"), received),
      onTimeCompletionRate: rate(sum("resolvedOnTime"), received),
      resolutionRate: rate(sum("resolved"), received),
      satisfactionRate: rate(sum("satisfied") + sum("basicallySatisfied"), sum("callbacksValid")),
      effectiveCallbackRate: rate(sum("callbacksValid"), sum("callbacks")),
    };
  }

  @Authorized(Role.city_admin)
  @Query(() => [Scoreboard], {
    description:
      "The city's ranking of its districts per day, week or month of a period: trends and comparisons (city_admin only; at most 62).",
  })
  async cityTrend(
    @Arg("from") from: string,
    @Arg("to") to: string,
    @Arg("bucket", () => Bucket, { defaultValue: Bucket.week }) bucket: Bucket,
    @Ctx() ctx: AuthedContext,
  ): Promise<Scoreboard[]> {
    checkPeriod(from, to);
    const spans = [...buckets(from, to, bucket)];
    if (spans.length > 62)
      throw badInput("bucket", "at most 62 points: use a larger bucket or a shorter period");
    const out: Scoreboard[] = [];
    for (const [a, b] of spans) out.push(await buildScoreboard(ctx, UnitLevel.district, a, b));
    return out;
  }

  @Authorized(Role.grid_worker, Role.grid_chief)
  @Query(() => Scoreboard, {
    description: "The standing of the caller's grids among all the district's grids.",
  })
  async myGridStanding(
    @Arg("from") from: string,
    @Arg("to") to: string,
    @Ctx() ctx: AuthedContext,
  ) {
    const board = await buildScoreboard(ctx, UnitLevel.grid, from, to);
    const mine = (await reachOf(ctx)).gridIds;
    return {
      ...board,
      rows: board.rows.filter((r) => mine.has(fromGlobalId(r.measures.unitId)!.id)),
    };
  }

  @Authorized(...STAFF_ROLES, Role.city_admin)
  @Subscription(() => ScoreboardChange, {
    subscribe: ({ args, context }) =>
      scoreboardStream(
        context as AuthedContext,
        args as { level: UnitLevel; from?: string; to?: string },
        buildScoreboard,
      ),
    description:
      "The rows of a scoreboard that changed, pushed within a second of the case events that changed them; events arriving together are coalesced into one push. Default period: today.",
  })
  scoreboardChanged(
    @Root() change: ScoreboardChange,
    @Arg("level", () => UnitLevel) _level: UnitLevel,
    @Arg("from", { nullable: true }) _from?: string,
    @Arg("to", { nullable: true }) _to?: string,
  ): ScoreboardChange {
    return change;
  }
}
