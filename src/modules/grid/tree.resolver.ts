import {
  Arg,
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
import { childList } from "../../common/batch";
import { District } from "../tenancy/district.entity";
import { PEOPLE_READERS } from "../tenancy/role.enums";
import {
  Building,
  BuildingUnit,
  Community,
  Compound,
  Grid,
  Household,
  StreetOffice,
} from "./tree.entity";
import { Organization, OwnerCommittee, Person, StaffAssignment } from "./people.entity";
import { Village } from "./village.entity";
import { Consultation, RenovationProject, RenovationProjectCompound } from "./renovation.entity";
import {
  CommunityFilterArgs,
  CompoundFilterArgs,
  GridFilterArgs,
  OrganizationFilterArgs,
  PersonFilterArgs,
  StreetOfficeFilterArgs,
} from "./grid.args";
import {
  CommunityConnection,
  CompoundConnection,
  GridConnection,
  HouseholdConnection,
  OrganizationConnection,
  PersonConnection,
  StreetOfficeConnection,
} from "./grid.connections";
import { childPage, districtPage, sortOf, treeChildPage } from "./grid.query";

const NAME_SORT = { key: "name", column: "name" } as const;

@ObjectType({ description: "How many of each thing the district's tree holds." })
export class TreeCounts {
  @Field(() => Int) streetOffices: number;
  @Field(() => Int) communities: number;
  @Field(() => Int) villages: number;
  @Field(() => Int, { description: "Grids in use (not retired)." }) grids: number;
  @Field(() => Int) compounds: number;
  @Field(() => Int) oldCompounds: number;
  @Field(() => Int) selfManagedCompounds: number;
  @Field(() => Int) ownerCommittees: number;
  @Field(() => Int) households: number;
  @Field(() => Int) persons: number;
}

@Resolver(() => District)
export class DistrictTreeResolver {
  @FieldResolver(() => TreeCounts, { description: "The tree's counts in one look." })
  treeCounts(@Root() d: District, @Ctx() ctx: AuthedContext): Promise<TreeCounts> {
    return ctx.db.run(async (m) => {
      const [r] = await m.query(
        `SELECT
          (SELECT count(*) FROM street_office WHERE district_id = $1)::int AS "streetOffices",
          (SELECT count(*) FROM community WHERE district_id = $1 AND kind = 'community')::int AS communities,
          (SELECT count(*) FROM community WHERE district_id = $1 AND kind = 'village')::int AS villages,
          (SELECT count(*) FROM grid WHERE district_id = $1 AND retired_at IS NULL)::int AS grids,
          (SELECT count(*) FROM compound WHERE district_id = $1)::int AS compounds,
          (SELECT count(*) FROM compound WHERE district_id = $1 AND is_old)::int AS "oldCompounds",
          (SELECT count(*) FROM compound WHERE district_id = $1 AND self_managed)::int AS "selfManagedCompounds",
          (SELECT count(*) FROM owner_committee WHERE district_id = $1)::int AS "ownerCommittees",
          (SELECT count(*) FROM household WHERE district_id = $1)::int AS households,
          (SELECT count(*) FROM person WHERE district_id = $1)::int AS persons`,
        [d.id],
      );
      return r as TreeCounts;
    });
  }

  @FieldResolver(() => StreetOfficeConnection, { description: "The district's street offices." })
  streetOffices(
    @Root() d: District,
    @Args() page: PageArgs,
    @Args() filter: StreetOfficeFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    return districtPage(ctx, StreetOffice, d.id, filter.filters(), page, sortOf(filter.orderBy));
  }

  @FieldResolver(() => CommunityConnection, {
    description: "Communities and administrative villages, across street offices.",
  })
  communities(
    @Root() d: District,
    @Args() page: PageArgs,
    @Args() filter: CommunityFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    return districtPage(ctx, Community, d.id, filter.filters(), page, sortOf(filter.orderBy));
  }

  @FieldResolver(() => GridConnection, {
    description: "Grids in use (or all, with includeRetired).",
  })
  grids(
    @Root() d: District,
    @Args() page: PageArgs,
    @Args() filter: GridFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    return districtPage(ctx, Grid, d.id, filter.filters(), page, sortOf(filter.orderBy));
  }

  @FieldResolver(() => CompoundConnection, { description: "Residential compounds." })
  compounds(
    @Root() d: District,
    @Args() page: PageArgs,
    @Args() filter: CompoundFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    return districtPage(ctx, Compound, d.id, filter.filters(), page, sortOf(filter.orderBy));
  }

  @Authorized(...PEOPLE_READERS)
  @FieldResolver(() => PersonConnection, {
    description:
      "People registered in the district's grids, by name (district staff; masked by role).",
  })
  persons(
    @Root() d: District,
    @Args() page: PageArgs,
    @Args() filter: PersonFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    return districtPage(ctx, Person, d.id, filter.filters(), page, NAME_SORT);
  }

  @FieldResolver(() => OrganizationConnection, {
    description: "Organizations in the grids, by name.",
  })
  organizations(
    @Root() d: District,
    @Args() page: PageArgs,
    @Args() filter: OrganizationFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    return districtPage(ctx, Organization, d.id, filter.filters(), page, NAME_SORT);
  }
}

@Resolver(() => StreetOffice)
export class StreetOfficeResolver {
  @FieldResolver(() => District)
  district(@Root() s: StreetOffice, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.district.load(s.districtId);
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
        filters: includeEnded ? [] : [(a) => ({ sql: `${a}.ends_on IS NULL`, params: {} })],
        filterKey: String(includeEnded),
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

@Resolver(() => Compound)
export class CompoundResolver {
  @FieldResolver(() => Grid)
  grid(@Root() c: Compound, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(Grid).load(c.gridId);
  }

  @FieldResolver(() => [Building], { description: "Its buildings, by number." })
  buildings(@Root() c: Compound, @Ctx() ctx: AuthedContext) {
    return childList(
      ctx.loaders,
      {
        entity: Building,
        parentColumn: "compound_id",
        parentKey: "compoundId",
        sortColumn: "number",
      },
      c.id,
    ).then(byNumber);
  }

  @FieldResolver(() => OwnerCommittee, {
    nullable: true,
    description: "Its owner committee, if formed.",
  })
  async ownerCommittee(@Root() c: Compound, @Ctx() ctx: AuthedContext) {
    const rows = await childList(
      ctx.loaders,
      {
        entity: OwnerCommittee,
        parentColumn: "compound_id",
        parentKey: "compoundId",
        sortColumn: "id",
      },
      c.id,
    );
    return rows[0] ?? null;
  }

  @Authorized(...PEOPLE_READERS)
  @FieldResolver(() => HouseholdConnection, { description: "Registered households, by address." })
  households(@Root() c: Compound, @Args() page: PageArgs, @Ctx() ctx: AuthedContext) {
    return childPage(
      ctx,
      {
        entity: Household,
        parentColumn: "compound_id",
        parentKey: "compoundId",
        sortColumn: "address",
        sortKey: "address",
      },
      c.id,
      page,
      { filters: () => [] },
    );
  }

  @FieldResolver(() => [Consultation], {
    description: "Residents' consultations on this compound.",
  })
  consultations(@Root() c: Compound, @Ctx() ctx: AuthedContext) {
    return childList(
      ctx.loaders,
      {
        entity: Consultation,
        parentColumn: "compound_id",
        parentKey: "compoundId",
        sortColumn: "opened_at",
      },
      c.id,
    );
  }

  @FieldResolver(() => [RenovationProject], { description: "Renovation projects that cover it." })
  async renovationProjects(@Root() c: Compound, @Ctx() ctx: AuthedContext) {
    const links = await childList(
      ctx.loaders,
      {
        entity: RenovationProjectCompound,
        parentColumn: "compound_id",
        parentKey: "compoundId",
        sortColumn: "id",
      },
      c.id,
    );
    const rows = await ctx.loaders
      .entity(RenovationProject)
      .loadMany(links.map((l) => l.projectId));
    return rows.filter((r): r is RenovationProject => r instanceof RenovationProject);
  }
}

/** Building and unit numbers are text ("3", "12", "3A"): sort them as people read them. */
function byNumber<T extends { number: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => a.number.localeCompare(b.number, "en", { numeric: true }));
}

@Resolver(() => Building)
export class BuildingResolver {
  @FieldResolver(() => Compound)
  compound(@Root() b: Building, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(Compound).load(b.compoundId);
  }

  @FieldResolver(() => [BuildingUnit], { description: "Its units, by number." })
  units(@Root() b: Building, @Ctx() ctx: AuthedContext) {
    return childList(
      ctx.loaders,
      {
        entity: BuildingUnit,
        parentColumn: "building_id",
        parentKey: "buildingId",
        sortColumn: "number",
      },
      b.id,
    ).then(byNumber);
  }
}

@Resolver(() => BuildingUnit)
export class BuildingUnitResolver {
  @FieldResolver(() => Building)
  building(@Root() u: BuildingUnit, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(Building).load(u.buildingId);
  }

  @Authorized(...PEOPLE_READERS)
  @FieldResolver(() => [Household], { description: "Households in this unit." })
  households(@Root() u: BuildingUnit, @Ctx() ctx: AuthedContext) {
    return childList(
      ctx.loaders,
      { entity: Household, parentColumn: "unit_id", parentKey: "unitId", sortColumn: "address" },
      u.id,
    );
  }
}

@Resolver(() => Household)
export class HouseholdResolver {
  @FieldResolver(() => Grid)
  grid(@Root() h: Household, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(Grid).load(h.gridId);
  }

  @FieldResolver(() => Compound, { nullable: true })
  compound(@Root() h: Household, @Ctx() ctx: AuthedContext) {
    return h.compoundId ? ctx.loaders.entity(Compound).load(h.compoundId) : null;
  }

  @FieldResolver(() => BuildingUnit, { nullable: true })
  unit(@Root() h: Household, @Ctx() ctx: AuthedContext) {
    return h.unitId ? ctx.loaders.entity(BuildingUnit).load(h.unitId) : null;
  }

  @Authorized(...PEOPLE_READERS)
  @FieldResolver(() => [Person], { description: "Its members, by name." })
  members(@Root() h: Household, @Ctx() ctx: AuthedContext) {
    return childList(
      ctx.loaders,
      {
        entity: Person,
        parentColumn: "household_id",
        parentKey: "householdId",
        sortColumn: "name",
      },
      h.id,
    );
  }
}
