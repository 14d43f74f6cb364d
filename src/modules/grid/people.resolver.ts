import { Args, Ctx, FieldResolver, Info, Int, Resolver, Root } from "type-graphql";
import { type GraphQLResolveInfo } from "graphql";
import { type AuthedContext } from "../../context/context";
import { PageArgs } from "../../common/connection";
import { childList } from "../../common/batch";
import { forbidden } from "../../common/errors";
import { District } from "../tenancy/district.entity";
import { PrincipalType } from "../tenancy/principal.type";
import { Building, BuildingUnit, Compound, Grid, Household } from "./tree.entity";
import {
  CommitteeMember,
  Organization,
  OwnerCommittee,
  Person,
  StaffAssignment,
} from "./people.entity";
import { CommitteeFilterArgs } from "./grid.args";
import { OwnerCommitteeConnection } from "./grid.connections";
import { districtPage } from "./grid.query";
import { maskIdNumber, maskPhone } from "../../common/masking";
import {
  callerPerson,
  mayReadPersonalData,
  mayReadPersonDetails,
  notePersonRead,
} from "./grid.policy";
import { Gender, PersonTag } from "./grid.enums";

/**
 * A person's phone or ID number as the caller may see it: null where it may not see the person's
 * details, masked where not in full, and in full with a note for the read audit. Synchronous
 * whenever the rule can decide at once (a list of thousands of people then costs no promise each).
 */
function personalValue(
  ctx: AuthedContext,
  info: GraphQLResolveInfo,
  p: Person,
  field: "phone" | "idNumber",
  mask: (v: string) => string,
): string | null | Promise<string | null> {
  const value = p[field];
  if (!value || !mayReadPersonDetails(ctx, p)) return null;
  const full = mayReadPersonalData(ctx, p);
  // No closure for the synchronous case: a tree of thousands of people calls this per person.
  return typeof full === "boolean"
    ? shown(ctx, info, p, field, value, mask, full)
    : full.then((f) => shown(ctx, info, p, field, value, mask, f));
}

/** The value in full (noted for the read audit) or masked. */
function shown(
  ctx: AuthedContext,
  info: GraphQLResolveInfo,
  p: Person,
  field: "phone" | "idNumber",
  value: string,
  mask: (v: string) => string,
  full: boolean,
): string {
  if (!full) return mask(value);
  notePersonRead(ctx, info, p, field === "phone" ? "phone" : "id_number");
  return value;
}

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Phone number: in full for the district admin, the staff of the person's own street office and grid, and the person; otherwise masked as 138****5678. City-scope callers always get it masked. Every read in full by someone else is recorded in the read audit.",
  })
  phone(@Root() p: Person, @Ctx() ctx: AuthedContext, @Info() info: GraphQLResolveInfo) {
    return personalValue(ctx, info, p, "phone", maskPhone);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "ID-card number, shown under the same rule as `phone` (masked as 2105**********1234).",
  })
  idNumber(@Root() p: Person, @Ctx() ctx: AuthedContext, @Info() info: GraphQLResolveInfo) {
    return personalValue(ctx, info, p, "idNumber", maskIdNumber);
  }

  @FieldResolver(() => Boolean, {
    description: "Whether `phone` and `idNumber` are shown in full to the caller.",
  })
  personalDataVisible(@Root() p: Person, @Ctx() ctx: AuthedContext) {
    return mayReadPersonalData(ctx, p);
  }

  @FieldResolver(() => Gender, {
    nullable: true,
    description: "Null for residents but the person.",
  })
  gender(@Root() p: Person, @Ctx() ctx: AuthedContext) {
    return mayReadPersonDetails(ctx, p) ? p.gender : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: "Null for residents but the person." })
  birthYear(@Root() p: Person, @Ctx() ctx: AuthedContext) {
    return mayReadPersonDetails(ctx, p) ? p.birthYear : null;
  }

  @FieldResolver(() => [PersonTag], { description: "Empty for residents but the person." })
  tags(@Root() p: Person, @Ctx() ctx: AuthedContext) {
    return mayReadPersonDetails(ctx, p) ? p.tags : [];
  }

  @FieldResolver(() => Grid)
  grid(@Root() p: Person, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(Grid).load(p.gridId);
  }

  @FieldResolver(() => Household, {
    nullable: true,
    description: "The person's household (district staff, city admins, and the person itself).",
  })
  household(@Root() p: Person, @Ctx() ctx: AuthedContext) {
    if (!mayReadPersonDetails(ctx, p))
      throw forbidden("only district staff may see where a person lives");
    return p.householdId ? ctx.loaders.entity(Household).load(p.householdId) : null;
  }

  @FieldResolver(() => [StaffAssignment], { description: "Posts the person holds or held." })
  assignments(@Root() p: Person, @Ctx() ctx: AuthedContext) {
    return childList(
      ctx.loaders,
      {
        entity: StaffAssignment,
        parentColumn: "person_id",
        parentKey: "personId",
        sortColumn: "starts_on",
      },
      p.id,
    );
  }
}

@Resolver(() => PrincipalType)
export class PrincipalPersonResolver {
  @FieldResolver(() => Person, {
    nullable: true,
    description:
      "The person this account belongs to in the district's register (residents and grid staff).",
  })
  person(@Root() _me: PrincipalType, @Ctx() ctx: AuthedContext) {
    return callerPerson(ctx);
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => Grid)
  grid(@Root() o: Organization, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(Grid).load(o.gridId);
  }
}

@Resolver(() => StaffAssignment)
export class StaffAssignmentResolver {
  @FieldResolver(() => Person)
  person(@Root() a: StaffAssignment, @Ctx() ctx: AuthedContext) {
    return a.holder ?? ctx.loaders.entity(Person).load(a.personId);
  }

  @FieldResolver(() => Grid)
  grid(@Root() a: StaffAssignment, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(Grid).load(a.gridId);
  }

  @FieldResolver(() => Building, { nullable: true, description: "For building and unit heads." })
  building(@Root() a: StaffAssignment, @Ctx() ctx: AuthedContext) {
    return a.buildingId ? ctx.loaders.entity(Building).load(a.buildingId) : null;
  }

  @FieldResolver(() => BuildingUnit, { nullable: true, description: "For unit heads." })
  unit(@Root() a: StaffAssignment, @Ctx() ctx: AuthedContext) {
    return a.unitId ? ctx.loaders.entity(BuildingUnit).load(a.unitId) : null;
  }

  @FieldResolver(() => Boolean, { description: "Whether the post is held now." })
  current(@Root() a: StaffAssignment) {
    return a.endsOn === null;
  }
}

@Resolver(() => OwnerCommittee)
export class OwnerCommitteeResolver {
  @FieldResolver(() => Compound)
  compound(@Root() c: OwnerCommittee, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(Compound).load(c.compoundId);
  }

  @FieldResolver(() => [CommitteeMember], {
    description: "Members: chair first, then vice chairs.",
  })
  async members(@Root() c: OwnerCommittee, @Ctx() ctx: AuthedContext) {
    const rows = await childList(
      ctx.loaders,
      {
        entity: CommitteeMember,
        parentColumn: "committee_id",
        parentKey: "committeeId",
        sortColumn: "created_at",
      },
      c.id,
    );
    const rank = { chair: 0, vice_chair: 1, member: 2 };
    return rows.sort((a, b) => rank[a.role] - rank[b.role]);
  }
}

@Resolver(() => CommitteeMember)
export class CommitteeMemberResolver {
  @FieldResolver(() => Person)
  person(@Root() m: CommitteeMember, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(Person).load(m.personId);
  }

  @FieldResolver(() => OwnerCommittee)
  committee(@Root() m: CommitteeMember, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(OwnerCommittee).load(m.committeeId);
  }
}

@Resolver(() => District)
export class DistrictCommitteeResolver {
  @FieldResolver(() => OwnerCommitteeConnection, { description: "Owner committees, by name." })
  ownerCommittees(
    @Root() d: District,
    @Args() page: PageArgs,
    @Args() filter: CommitteeFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    return districtPage(ctx, OwnerCommittee, d.id, filter.filters(), page, {
      key: "name",
      column: "name",
    });
  }
}
