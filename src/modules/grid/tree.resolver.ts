import { Arg, Args, Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { type AuthedContext } from "../../context/context";
import { PageArgs } from "../../common/connection";
import { childList, type Filter } from "../../common/batch";
import { District } from "../tenancy/district.entity";
import { districtLoader } from "../tenancy/tenancy.loaders";
import { PEOPLE_READERS } from "../../auth/roles";
import { Community, Compound, Grid, StreetOffice } from "./tree.entity";
import { Organization, Person, StaffAssignment } from "./people.entity";
import { Village } from "./village.entity";
import {
  CommunityFilterArgs,
  CompoundFilterArgs,
  GridFilterArgs,
  OrganizationFilterArgs,
  PersonFilterArgs,
} from "./grid.args";
import {
  CommunityConnection,
  CompoundConnection,
  GridConnection,
  OrganizationConnection,
  PersonConnection,
} from "./grid.connections";
import { childPage, treeChildPage } from "./grid.query";

/** The administrative tree: street offices, their communities and villages, and their grids. */

/** A grid's posts: those held now, or all with `includeEnded`. */
export function staffFilters(includeEnded: boolean): Filter[] {
  return includeEnded ? [] : [(a) => ({ sql: `${a}.ends_on IS NULL`, params: {} })];
}

@Resolver(() => StreetOffice)
export class StreetOfficeResolver {
  @FieldResolver(() => District)
  district(@Root() s: StreetOffice, @Ctx() ctx: AuthedContext) {
    return districtLoader(ctx.loaders).load(s.districtId);
  }

  @FieldResolver(() => CommunityConnection, {
    description: "The street office's communities and villages.",
  })
  communities(
    @Root() s: StreetOffice,
    @Args() page: PageArgs,
    @Args() filter: CommunityFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    return treeChildPage(ctx, Community, "street_office_id", "streetOfficeId", s.id, page, filter);
  }

  @FieldResolver(() => GridConnection, { description: "The street office's grids." })
  grids(
    @Root() s: StreetOffice,
    @Args() page: PageArgs,
    @Args() filter: GridFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    return treeChildPage(ctx, Grid, "street_office_id", "streetOfficeId", s.id, page, filter);
  }
}

@Resolver(() => Community)
export class CommunityResolver {
  @FieldResolver(() => StreetOffice)
  streetOffice(@Root() c: Community, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(StreetOffice).load(c.streetOfficeId);
  }

  @FieldResolver(() => GridConnection, { description: "The community's or village's grids." })
  grids(
    @Root() c: Community,
    @Args() page: PageArgs,
    @Args() filter: GridFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    return treeChildPage(ctx, Grid, "community_id", "communityId", c.id, page, filter);
  }

  @FieldResolver(() => Village, {
    nullable: true,
    description: "Its designation as a beautiful village, if it has one.",
  })
  async village(@Root() c: Community, @Ctx() ctx: AuthedContext) {
    const rows = await childList(
      ctx.loaders,
      { entity: Village, parentColumn: "community_id", parentKey: "communityId", sortColumn: "id" },
      c.id,
    );
    return rows[0] ?? null;
  }
}

@Resolver(() => Grid)
export class GridResolver {
  @FieldResolver(() => Community)
  community(@Root() g: Grid, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(Community).load(g.communityId);
  }

  @FieldResolver(() => StreetOffice)
  streetOffice(@Root() g: Grid, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(StreetOffice).load(g.streetOfficeId);
  }

  @FieldResolver(() => [StaffAssignment], {
    description: "The grid's chain of responsibility: posts held now (or all, with includeEnded).",
  })
  staff(
    @Root() g: Grid,
    @Arg("includeEnded", { defaultValue: false }) includeEnded: boolean,
    @Ctx() ctx: AuthedContext,
  ) {
    return childList(
      ctx.loaders,
      {
        entity: StaffAssignment,
        parentColumn: "grid_id",
        parentKey: "gridId",
        sortColumn: "role",
        filters: staffFilters(includeEnded),
        filterKey: String(includeEnded),
        withOne: {
          property: "holder",
          entity: Person,
          on: "j.district_id = x.district_id AND j.id = x.person_id",
        },
      },
      g.id,
    );
  }

  @FieldResolver(() => CompoundConnection, { description: "Compounds in the grid." })
  compounds(
    @Root() g: Grid,
    @Args() page: PageArgs,
    @Args() filter: CompoundFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    return treeChildPage(ctx, Compound, "grid_id", "gridId", g.id, page, filter);
  }

  @Authorized(...PEOPLE_READERS)
  @FieldResolver(() => PersonConnection, { description: "People registered in the grid, by name." })
  residents(
    @Root() g: Grid,
    @Args() page: PageArgs,
    @Args() filter: PersonFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    return childPage(
      ctx,
      {
        entity: Person,
        parentColumn: "grid_id",
        parentKey: "gridId",
        sortColumn: "name",
        sortKey: "name",
      },
      g.id,
      page,
      filter,
    );
  }

  @FieldResolver(() => OrganizationConnection, { description: "Organizations in the grid." })
  organizations(
    @Root() g: Grid,
    @Args() page: PageArgs,
    @Args() filter: OrganizationFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    return childPage(
      ctx,
      {
        entity: Organization,
        parentColumn: "grid_id",
        parentKey: "gridId",
        sortColumn: "name",
        sortKey: "name",
      },
      g.id,
      page,
      filter,
    );
  }
}
