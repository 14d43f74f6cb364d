import { type Filter } from "../../common/batch";
import {
  argsOf,
  type ChildShape,
  type PlannedRelation,
  type PlannedRelations,
  type RowEntity,
} from "../../planner/relations";
import { District } from "../tenancy/district.entity";
import { CommunityFilterArgs, GridFilterArgs, StreetOfficeFilterArgs } from "./grid.args";
import { sortOf } from "./grid.query";
import { Person, StaffAssignment } from "./people.entity";
import { Community, Grid, StreetOffice } from "./tree.entity";
import { staffFilters } from "./tree.resolver";

/**
 * The district's tree for the planned read path (planner/): the same children, filters and order
 * as the resolvers in tree.resolver.ts and district-tree.resolver.ts, from the same helpers.
 */

type FilterArgsClass = new () => { filters(): Filter[]; orderBy?: Parameters<typeof sortOf>[0] };

function treeConnection(
  entity: RowEntity,
  parentColumn: string,
  Args: FilterArgsClass,
): PlannedRelation {
  return {
    kind: "connection",
    entity,
    parentColumn,
    shape(args): ChildShape {
      const { first: _first, after: _after, ...rest } = args;
      const f = argsOf(Args, rest);
      return { sort: sortOf(f.orderBy), filters: f.filters() };
    },
  };
}

const one = (entity: RowEntity, idKey: string): PlannedRelation => ({ kind: "one", entity, idKey });

export const GRID_PLANS: PlannedRelations = {
  "Query.district": {
    kind: "root",
    entity: District,
    id: (ctx) => ctx.principal.districtId ?? null,
  },
  "District.streetOffices": treeConnection(StreetOffice, "district_id", StreetOfficeFilterArgs),
  "District.communities": treeConnection(Community, "district_id", CommunityFilterArgs),
  "District.grids": treeConnection(Grid, "district_id", GridFilterArgs),
  "StreetOffice.communities": treeConnection(Community, "street_office_id", CommunityFilterArgs),
  "StreetOffice.grids": treeConnection(Grid, "street_office_id", GridFilterArgs),
  "Community.grids": treeConnection(Grid, "community_id", GridFilterArgs),
  "Community.streetOffice": one(StreetOffice, "streetOfficeId"),
  "Grid.community": one(Community, "communityId"),
  "Grid.streetOffice": one(StreetOffice, "streetOfficeId"),
  "Grid.staff": {
    kind: "list",
    entity: StaffAssignment,
    parentColumn: "grid_id",
    sortColumn: "role",
    filters: (args) => staffFilters(Boolean(args.includeEnded)),
  },
  "StaffAssignment.person": one(Person, "personId"),
  // What PersonResolver's fields read of a person (grid.policy.ts: the person's grid decides who
  // sees it in full, its subject whether it is the caller's own record).
  "Person.phone": { kind: "reads", props: ["gridId", "subject", "phone"] },
  "Person.idNumber": { kind: "reads", props: ["gridId", "subject", "idNumber"] },
  "Person.personalDataVisible": { kind: "reads", props: ["gridId", "subject"] },
  "Person.gender": { kind: "reads", props: ["subject", "gender"] },
  "Person.birthYear": { kind: "reads", props: ["subject", "birthYear"] },
  "Person.tags": { kind: "reads", props: ["subject", "tags"] },
  "StaffAssignment.grid": one(Grid, "gridId"),
};
