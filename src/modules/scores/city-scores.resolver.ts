import { Arg, Authorized, Ctx, Query, Resolver } from "type-graphql";
import { type AuthedContext } from "../../context/context";
import { Role } from "../../auth/roles";
import { UnitLevel } from "../cases/case.measures";
import { buildScoreboard, cityTotalsOf, spansOf } from "./scoreboard.service";
import { Bucket, CityTotals, Scoreboard } from "./scoreboard.types";

/** The city admin's views: its districts compared, all by the default formula. */
@Resolver()
export class CityScoresResolver {
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
    return cityTotalsOf(await buildScoreboard(ctx, UnitLevel.district, from, to));
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
    const out: Scoreboard[] = [];
    for (const [a, b] of spansOf(from, to, bucket))
      out.push(await buildScoreboard(ctx, UnitLevel.district, a, b));
    return out;
  }
}
