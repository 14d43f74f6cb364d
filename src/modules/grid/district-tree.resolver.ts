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
import { District } from "../tenancy/district.entity";
import { PEOPLE_READERS } from "../../auth/roles";
import { Community, Compound, Grid, StreetOffice } from "./tree.entity";
import { Organization, Person } from "./people.entity";
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
  OrganizationConnection,
  PersonConnection,
  StreetOfficeConnection,
} from "./grid.connections";
import { districtPage, sortOf } from "./grid.query";

/** The district's tree at a glance: its counts, and each level listed across the district. */

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
