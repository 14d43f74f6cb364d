import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { type AuthedContext } from "../../context/context";
import { ConnectionType, PageArgs, paginate } from "../../common/connection";
import { STAFF_READERS } from "../../auth/roles";
import { District } from "../tenancy/district.entity";
import { PrincipalType } from "../tenancy/principal.type";
import { escapeLike } from "../tenancy/tenancy.resolver";
import { Department } from "./department.entity";
import { StaffAccount } from "./staff-account.entity";
import { DepartmentFilterArgs } from "./department.inputs";

/** What org adds to tenancy's types: a district's departments and staff, the caller's own. */

export const DepartmentConnection = ConnectionType("Department", Department);
export const StaffAccountConnection = ConnectionType("StaffAccount", StaffAccount);

@Resolver(() => District)
export class DistrictOrgResolver {
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

@Resolver(() => PrincipalType)
export class PrincipalOrgResolver {
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
