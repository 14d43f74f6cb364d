import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { City } from "./city.entity";
import { District } from "./district.entity";
import { PrincipalType } from "./principal.type";
import { Role, STAFF_READERS } from "./role.enums";
import { type AuthedContext } from "../../context/context";
import { badInput, notFound } from "../../common/errors";
import { PageArgs, ConnectionType, paginate } from "../../common/connection";
import { Department } from "../org/department.entity";
import { StaffAccount } from "../org/staff-account.entity";
import { DepartmentFilterArgs } from "../org/department.inputs";

export const DepartmentConnection = ConnectionType("Department", Department);
export const StaffAccountConnection = ConnectionType("StaffAccount", StaffAccount);

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
    return me.districtId ? ctx.loaders.district.load(me.districtId) : null;
  }

  @FieldResolver(() => City)
  city(@Root() me: PrincipalType, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.city.load(me.cityId);
  }

  @FieldResolver(() => Department, {
    nullable: true,
    description: "The department the token names, if any.",
  })
  department(@Root() me: PrincipalType, @Ctx() ctx: AuthedContext) {
    if (!me.districtId || !me.departmentCode) return null;
    const code = me.departmentCode;
    return ctx.db.run((m) =>
      m.findOne(Department, { where: { districtId: me.districtId!, code } }),
    );
  }

  @FieldResolver(() => StaffAccount, {
    nullable: true,
    description: "The district's account for this subject, if any.",
  })
  account(@Root() me: PrincipalType, @Ctx() ctx: AuthedContext) {
    if (!me.districtId) return null;
    return ctx.db.run((m) =>
      m.findOne(StaffAccount, { where: { districtId: me.districtId!, subject: me.subject } }),
    );
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
    const d = await ctx.loaders.district.load(id);
    if (!d) throw notFound("your district no longer exists");
    return d;
  }

  @FieldResolver(() => City)
  async city(@Root() d: District, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.city.load(d.cityId);
  }

  @FieldResolver(() => DepartmentConnection, {
    description: "The district's departments, ordered by code.",
  })
  departments(
    @Root() d: District,
    @Args() page: PageArgs,
    @Args() filter: DepartmentFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    return ctx.db.run((m) => {
      const qb = m
        .createQueryBuilder(Department, "d")
        .where("d.district_id = :districtId", { districtId: d.id });
      if (filter.search)
        qb.andWhere("(d.name ILIKE :q OR d.code ILIKE :q)", {
          q: `%${escapeLike(filter.search)}%`,
        });
      return paginate(qb, page, "code", "code");
    });
  }

  @Authorized(...STAFF_READERS)
  @FieldResolver(() => StaffAccountConnection, {
    description: "The district's staff accounts, ordered by subject.",
  })
  staffAccounts(@Root() d: District, @Args() page: PageArgs, @Ctx() ctx: AuthedContext) {
    return ctx.db.run((m) => {
      const qb = m
        .createQueryBuilder(StaffAccount, "s")
        .where("s.district_id = :districtId", { districtId: d.id });
      return paginate(qb, page, "subject", "subject");
    });
  }
}

@Resolver(() => City)
export class CityResolver {
  @Authorized(Role.city_admin)
  @Query(() => City, { description: "The caller's city and its districts (city_admin only)." })
  async city(@Ctx() ctx: AuthedContext): Promise<City> {
    const c = await ctx.loaders.city.load(ctx.principal.cityId);
    if (!c) throw notFound("your city no longer exists");
    return c;
  }

  @FieldResolver(() => [District], {
    description: "The city's districts that the caller may see, ordered by code.",
  })
  async districts(@Root() c: City, @Ctx() ctx: AuthedContext) {
    const visible = ctx.principal.districtIds;
    const rows = await ctx.loaders.district.loadMany(visible);
    return rows
      .filter((d): d is District => d instanceof District && d.cityId === c.id)
      .sort((a, b) => a.code.localeCompare(b.code));
  }
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
