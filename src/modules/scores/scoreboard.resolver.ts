import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from "type-graphql";
import { type AuthedContext } from "../../context/context";
import { writableDistrict } from "../../auth/principal";
import { badInput } from "../../common/errors";
import { fromGlobalId } from "../../common/ids";
import { Role, STAFF_ROLES } from "../../auth/roles";
import { reachOf } from "../grid/grid.policy";
import { UnitLevel } from "../cases/case.measures";
import { checkPeriod } from "./measures.service";
import { scoreboardStream } from "./scoreboard.live";
import { buildScoreboard, formulaAt, saveFormula, spansOf } from "./scoreboard.service";
import {
  Bucket,
  ScoreFormula,
  Scoreboard,
  ScoreboardChange,
  ScorePoint,
  ScoreRow,
} from "./scoreboard.types";
import { DISTRICT_WIDE } from "../patrols/patrol.policy";
import { ACCOUNTABILITY_READERS } from "../accountability/accountability.policy";
import { ScoreFormulaInput } from "./scoreboard.inputs";
import { withDefaults } from "./score.formula";

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
  setScoreFormula(
    @Arg("input") input: ScoreFormulaInput,
    @Ctx() ctx: AuthedContext,
  ): Promise<ScoreFormula> {
    return saveFormula(
      ctx,
      writableDistrict(ctx.principal),
      // Terms left out of the input take their defaults, as in versions saved before them.
      withDefaults({
        weights: { ...input.weights },
        penalties: { ...input.penalties },
        bonus: { ...input.bonus },
        rewardsPenalties: input.rewardsPenalties,
      }),
      input.note?.trim() || null,
    );
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
    if (!fromGlobalId(unitId)) throw badInput("unitId", "not a unit id");
    const out: ScorePoint[] = [];
    for (const [a, b] of spansOf(from, to, bucket)) {
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

/**
 * What a row shows of the unit's 奖惩 and accountability: the score counts them for everyone, the
 * figures are for those who may read every unit's entries (the district admin, command center,
 * inspectors, supervision office) and records (the district admin, inspectors, supervision office).
 * Resolved per reader, so that one live board built for all its subscribers shows each its own.
 */
@Resolver(() => ScoreRow)
export class ScoreRowResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "The sum of the unit's 奖惩 points in the period (the district admin, command center, inspectors and supervision office; null for others, whose score still counts them).",
  })
  points(@Root() r: ScoreRow, @Ctx() ctx: AuthedContext): number | null {
    return DISTRICT_WIDE.includes(ctx.principal.role) ? r.pointsTotal : null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "The unit's accountability records decided in the period (those who read accountability: the district admin, inspectors, the supervision office; null for others, and on the city's board, which leaves them out).",
  })
  accountability(@Root() r: ScoreRow, @Ctx() ctx: AuthedContext): number | null {
    return ACCOUNTABILITY_READERS.includes(ctx.principal.role) ? r.accountabilityCount : null;
  }
}
