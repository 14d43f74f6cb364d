import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { type AuthedContext } from "../../context/context";
import { PageArgs } from "../../common/connection";
import { childList } from "../../common/batch";
import { PEOPLE_READERS } from "../../auth/roles";
import { Building, BuildingUnit, Compound, Grid, Household } from "./tree.entity";
import { OwnerCommittee, Person } from "./people.entity";
import { Consultation, RenovationProject, RenovationProjectCompound } from "./renovation.entity";
import { HouseholdConnection } from "./grid.connections";
import { childPage } from "./grid.query";

/** Where people live under a grid: compounds, their buildings and units, and households. */

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
