import {
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Int,
  ObjectType,
  Resolver,
  Root,
} from "type-graphql";
import { type AuthedContext } from "../../context/context";
import { PageArgs } from "../../common/connection";
import { applyFilters, childList } from "../../common/batch";
import { District } from "../tenancy/district.entity";
import { Community, Household } from "./tree.entity";
import { ToiletSurvey, Village, VillageProject } from "./village.entity";
import { ToiletSurveyFilterArgs, VillageFilterArgs } from "./grid.args";
import { ToiletSurveyConnection, VillageConnection } from "./grid.connections";
import { districtPage } from "./grid.query";
import { PEOPLE_READERS } from "../../auth/roles";

@ObjectType({
  description: "Totals of the rural toilet survey (for the records matching the filters).",
})
export class ToiletSurveySummary {
  @Field(() => Int, { description: "Households surveyed." }) households: number;
  @Field(() => Int, { description: "Toilets counted." }) toilets: number;
  @Field(() => Int, { description: "Households whose toilets are usable." }) usable: number;
  @Field(() => Int) unusable: number;
  @Field(() => Int) hardToUse: number;
  @Field(() => Int, { description: "Households whose toilets were repaired." }) repaired: number;
  @Field(() => Int, { description: "Households whose toilets were brought back into use." })
  restored: number;
  @Field(() => Int, { description: "Street offices the surveyed households are in." })
  streetOffices: number;
}

@Resolver(() => Village)
export class VillageResolver {
  @FieldResolver(() => String, { description: "The village's name (its administrative village)." })
  async name(@Root() v: Village, @Ctx() ctx: AuthedContext) {
    return (await ctx.loaders.entity(Community).load(v.communityId))?.name ?? "";
  }

  @FieldResolver(() => Community, { description: "The administrative village." })
  community(@Root() v: Village, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(Community).load(v.communityId);
  }

  @FieldResolver(() => [VillageProject], { description: "Its projects with their targets." })
  projects(@Root() v: Village, @Ctx() ctx: AuthedContext) {
    return childList(
      ctx.loaders,
      {
        entity: VillageProject,
        parentColumn: "village_id",
        parentKey: "villageId",
        sortColumn: "name",
      },
      v.id,
    );
  }
}

@Resolver(() => VillageProject)
export class VillageProjectResolver {
  @FieldResolver(() => Village)
  village(@Root() p: VillageProject, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(Village).load(p.villageId);
  }
}

@Resolver(() => ToiletSurvey)
export class ToiletSurveyResolver {
  @FieldResolver(() => Household)
  household(@Root() t: ToiletSurvey, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(Household).load(t.householdId);
  }
}

@Resolver(() => District)
export class DistrictVillageResolver {
  @FieldResolver(() => VillageConnection, {
    description: "Beautiful villages: demonstration villages first, then livable ones.",
  })
  villages(
    @Root() d: District,
    @Args() page: PageArgs,
    @Args() filter: VillageFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    return districtPage(ctx, Village, d.id, filter.filters(), page, {
      key: "kind",
      column: "kind",
    });
  }

  @Authorized(...PEOPLE_READERS)
  @FieldResolver(() => ToiletSurveyConnection, {
    description: "Rural toilet survey records, by survey date (district staff).",
  })
  toiletSurveys(
    @Root() d: District,
    @Args() page: PageArgs,
    @Args() filter: ToiletSurveyFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    return districtPage(ctx, ToiletSurvey, d.id, filter.filters(), page, {
      key: "surveyedOn",
      column: "surveyed_on",
      kind: "date",
    });
  }

  @FieldResolver(() => ToiletSurveySummary, { description: "Totals of the rural toilet survey." })
  toiletSurveySummary(
    @Root() d: District,
    @Args() filter: ToiletSurveyFilterArgs,
    @Ctx() ctx: AuthedContext,
  ): Promise<ToiletSurveySummary> {
    return ctx.db.run(async (m) => {
      const f = applyFilters(filter.filters(), "t");
      const row = await m
        .createQueryBuilder()
        .from(ToiletSurvey, "t")
        .innerJoin(Household, "h", "h.district_id = t.district_id AND h.id = t.household_id")
        .innerJoin("grid", "g", "g.district_id = h.district_id AND g.id = h.grid_id")
        .select("count(*)::int", "households")
        .addSelect("coalesce(sum(t.toilets), 0)::int", "toilets")
        .addSelect("(count(*) FILTER (WHERE t.state = 'usable'))::int", "usable")
        .addSelect("(count(*) FILTER (WHERE t.state = 'unusable'))::int", "unusable")
        .addSelect("(count(*) FILTER (WHERE t.state = 'hard_to_use'))::int", "hardToUse")
        .addSelect("(count(*) FILTER (WHERE t.remedy = 'repaired'))::int", "repaired")
        .addSelect("(count(*) FILTER (WHERE t.remedy = 'restored'))::int", "restored")
        .addSelect("count(DISTINCT g.street_office_id)::int", "streetOffices")
        .where("t.district_id = :districtId", { districtId: d.id })
        .andWhere(f.sql, f.params)
        .getRawOne<ToiletSurveySummary>();
      return row!;
    });
  }
}
