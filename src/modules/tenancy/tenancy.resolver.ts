import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { City } from "./city.entity";
import { District } from "./district.entity";
import { PrincipalType } from "./principal.type";
import { cityLoader, districtLoader } from "./tenancy.loaders";
import { Role } from "../../auth/roles";
import { type AuthedContext } from "../../context/context";
import { badInput, notFound } from "../../common/errors";

// Modules above add their own fields to these types (org: departments and staff; grid: the tree).

@Resolver(() => PrincipalType)
export class PrincipalResolver {
  @Authorized()
  @Query(() => PrincipalType, { description: "Who the caller is: role, district and city." })
  me(@Ctx() ctx: AuthedContext): PrincipalType {
    const p = ctx.principal;
    return {
      subject: p.subject,
      role: p.role,
      gridCodes: p.gridCodes,
      streetOfficeCode: p.streetOfficeCode,
      communityCode: p.communityCode,
      districtId: p.districtId,
      cityId: p.cityId,
      departmentCode: p.departmentCode,
    };
  }

  @FieldResolver(() => District, {
    nullable: true,
    description: "The caller's district; null for city scope.",
  })
  district(@Root() me: PrincipalType, @Ctx() ctx: AuthedContext) {
    return me.districtId ? districtLoader(ctx.loaders).load(me.districtId) : null;
  }

  @FieldResolver(() => City)
  city(@Root() me: PrincipalType, @Ctx() ctx: AuthedContext) {
    return cityLoader(ctx.loaders).load(me.cityId);
  }
}

@Resolver(() => District)
export class DistrictResolver {
  @Authorized()
  @Query(() => District, { description: "The caller's own district (the tenant of the token)." })
  async district(@Ctx() ctx: AuthedContext): Promise<District> {
    const id = ctx.principal.districtId;
    if (!id) {
      throw badInput(
        "district",
        "a city-scope caller has no single district: query city { districts } instead",
      );
    }
    const d = await districtLoader(ctx.loaders).load(id);
    if (!d) throw notFound("your district no longer exists");
    return d;
  }

  @FieldResolver(() => City)
  async city(@Root() d: District, @Ctx() ctx: AuthedContext) {
    return cityLoader(ctx.loaders).load(d.cityId);
  }
}

@Resolver(() => City)
export class CityResolver {
  @Authorized(Role.city_admin)
  @Query(() => City, { description: "The caller's city and its districts (city_admin only)." })
  async city(@Ctx() ctx: AuthedContext): Promise<City> {
    const c = await cityLoader(ctx.loaders).load(ctx.principal.cityId);
    if (!c) throw notFound("your city no longer exists");
    return c;
  }

  @FieldResolver(() => [District], {
    description: "The city's districts that the caller may see, ordered by code.",
  })
  async districts(@Root() c: City, @Ctx() ctx: AuthedContext) {
    const visible = ctx.principal.districtIds;
    const rows = await districtLoader(ctx.loaders).loadMany(visible);
    return rows
      .filter((d): d is District => d instanceof District && d.cityId === c.id)
      .sort((a, b) => a.code.localeCompare(b.code));
  }
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
