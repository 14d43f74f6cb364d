import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { type GraphQLResolveInfo } from "graphql";
import { type AuthedContext } from "../../context/context";
import { PageArgs, pageSize } from "../../common/connection";
import { childList } from "../../common/batch";
import { badInput } from "../../common/errors";
import { fromGlobalId } from "../../common/ids";
import { maskName, maskPhone } from "../../common/masking";
import { STAFF_ROLES } from "../../auth/roles";
import { Department } from "../org/department.entity";
import { Compound, Grid, StreetOffice } from "../grid/tree.entity";
import { idOf } from "../grid/grid.args";
import { Case } from "./case.entity";
import { CaseUnitEngagement } from "./engagement.entity";
import { JointCommitteeUnit } from "../grid/joint-committee.entity";
import { CaseAssignment, CaseRequest } from "./assignment.entity";
import { CaseCategory } from "./settings.entity";
import { CaseEvent } from "./case-event.entity";
import { Supervision } from "./supervision.entity";
import { CaseChannel } from "./case.enums";
import {
  maySeeCase,
  mayReadComplainant,
  mayReadComplainantByRole,
  noteComplainantRead,
  singleDistrictOf,
  visibleCasesSql,
} from "./case.policy";
import { isAssignmentOverdue, isOverdue } from "./case.deadlines";
import { type CaseFilter, caseEventsAfter, listCases } from "./case-list.service";
import { type PageWant } from "../../planner/relations";
import { type ReadingOperation } from "../../context/read-audit";
import {
  CaseConnection,
  CaseEventPage,
  CaseFilterArgs,
  CaseOrder,
  Complainant,
} from "./case.types";
import { extend } from "../../common/objects";

@Resolver(() => Case)
export class CaseResolver {
  @Authorized()
  @Query(() => CaseConnection, {
    description:
      "Cases the caller may see (the command center its district's, a street office its own, grid staff their grids', a community worker its community's, a department its assignments, a resident its own, a city admin the escalated ones).",
  })
  cases(@Args() page: PageArgs, @Args() f: CaseFilterArgs, @Ctx() ctx: AuthedContext) {
    // Every column (its field resolvers may read any); the total counted if asked for.
    return casePage(ctx, page, f, { props: null, totalCount: false });
  }

  @Authorized()
  @Query(() => Case, {
    nullable: true,
    description: "A case by id; null if it is not yours to see.",
  })
  async case(@Arg("id", () => ID) id: string, @Ctx() ctx: AuthedContext) {
    const ref = fromGlobalId(id);
    if (!ref || ref.type !== "Case") return null;
    const c = await ctx.loaders.entity(Case).load(ref.id);
    return c && (await maySeeCase(ctx, c)) ? c : null;
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => CaseEventPage, {
    description:
      "The district's case event log from a position on, oldest first (the cases the caller may see).",
  })
  async caseEvents(
    @Arg("after", () => String, { nullable: true, description: "An event's cursor (a position)." })
    after: string | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 100 }) first: number,
    @Ctx() ctx: AuthedContext,
  ): Promise<CaseEventPage> {
    const districtId = singleDistrictOf(ctx);
    if (after !== null && after !== undefined && !/^\d{1,18}$/.test(after))
      throw badInput("after", "the cursor is not valid: use an event's cursor");
    if (!Number.isInteger(first) || first < 1 || first > 500)
      throw badInput("first", "first must be between 1 and 500");
    const vis = await visibleCasesSql(ctx, "c");
    return ctx.db.run((m) =>
      caseEventsAfter(m, { districtId, visibility: vis, after: after ?? null, first }),
    );
  }

  @FieldResolver(() => String, { description: "Category code." })
  async category(@Root() c: Case, @Ctx() ctx: AuthedContext) {
    return (await ctx.loaders.entity(CaseCategory).load(c.categoryId))?.code ?? "";
  }

  @FieldResolver(() => String)
  async categoryName(@Root() c: Case, @Ctx() ctx: AuthedContext) {
    return (await ctx.loaders.entity(CaseCategory).load(c.categoryId))?.name ?? "";
  }

  @FieldResolver(() => StreetOffice, { nullable: true })
  streetOffice(@Root() c: Case, @Ctx() ctx: AuthedContext) {
    return c.streetOfficeId ? ctx.loaders.entity(StreetOffice).load(c.streetOfficeId) : null;
  }

  @FieldResolver(() => Grid, { nullable: true })
  grid(@Root() c: Case, @Ctx() ctx: AuthedContext) {
    return c.gridId ? ctx.loaders.entity(Grid).load(c.gridId) : null;
  }

  @FieldResolver(() => Compound, { nullable: true })
  compound(@Root() c: Case, @Ctx() ctx: AuthedContext) {
    return c.compoundId ? ctx.loaders.entity(Compound).load(c.compoundId) : null;
  }

  @FieldResolver(() => Boolean, { description: "Proactive: found on a grid patrol (未诉先办)." })
  proactive(@Root() c: Case) {
    return c.channel === CaseChannel.grid_patrol;
  }

  @FieldResolver(() => Boolean, {
    description:
      "Not yet resolved (nor closed) and at or past its resolution due time, or marked breached: the definition of `cases(overdue:)` and of the measures' overdueNow.",
  })
  overdue(@Root() c: Case, @Ctx() ctx: AuthedContext) {
    return isOverdue(c, ctx.clock.now());
  }

  @FieldResolver(() => Complainant, { nullable: true })
  complainant(
    @Root() c: Case,
    @Ctx() ctx: AuthedContext,
    @Info() info: GraphQLResolveInfo,
  ): Complainant | null | Promise<Complainant | null> {
    return complainantOf(ctx, info, c);
  }

  @FieldResolver(() => [CaseAssignment], {
    description: "Departments' parts, with their due times.",
  })
  assignments(@Root() c: Case, @Ctx() ctx: AuthedContext) {
    return childList(
      ctx.loaders,
      {
        entity: CaseAssignment,
        parentColumn: "case_id",
        parentKey: "caseId",
        sortColumn: "assigned_at",
        withOne: {
          property: "departmentRow",
          entity: Department,
          on: "j.district_id = x.district_id AND j.id = x.department_id",
        },
      },
      c.id,
    );
  }

  @FieldResolver(() => [CaseRequest], {
    description: "Returns and extensions asked for, and their rulings.",
  })
  requests(@Root() c: Case, @Ctx() ctx: AuthedContext) {
    return childList(
      ctx.loaders,
      { entity: CaseRequest, parentColumn: "case_id", parentKey: "caseId", sortColumn: "id" },
      c.id,
    );
  }

  @FieldResolver(() => [CaseUnitEngagement], {
    description:
      "Units of the street's joint committee (大工委) pulled into the case, with what they did.",
  })
  jointUnits(@Root() c: Case, @Ctx() ctx: AuthedContext) {
    // The district's staff only: residents and the city see the case, not who worked on it.
    if (!STAFF_ROLES.some((r) => r === ctx.principal.role)) return [];
    return childList(
      ctx.loaders,
      {
        entity: CaseUnitEngagement,
        parentColumn: "case_id",
        parentKey: "caseId",
        sortColumn: "id",
      },
      c.id,
    );
  }

  @FieldResolver(() => [Supervision])
  supervisions(@Root() c: Case, @Ctx() ctx: AuthedContext) {
    return childList(
      ctx.loaders,
      { entity: Supervision, parentColumn: "case_id", parentKey: "caseId", sortColumn: "id" },
      c.id,
    );
  }

  @FieldResolver(() => [CaseEvent], { description: "The case's event log, oldest first." })
  timeline(@Root() c: Case, @Ctx() ctx: AuthedContext) {
    return childList(
      ctx.loaders,
      { entity: CaseEvent, parentColumn: "case_id", parentKey: "caseId", sortColumn: "position" },
      c.id,
    );
  }
}

/**
 * A case's complainant as the caller may see it: in full or masked, by the one rule
 * (mayReadComplainant); a read in full is noted on the read audit as `op`'s. What `Case.complainant`
 * answers, and what the cases export writes.
 */
export function complainantOf(
  ctx: AuthedContext,
  op: ReadingOperation,
  c: Case,
): Complainant | null | Promise<Complainant | null> {
  if (!c.complainantName && !c.complainantPhone) return null;
  if (ctx.principal.districtId !== c.districtId) return { name: null, phone: null, visible: false };
  // Answered at once where the role decides (a plain value costs graphql-js far less than a
  // promise per case of a list), after the caller's reach is read otherwise.
  const byRole = mayReadComplainantByRole(ctx, c);
  if (byRole !== undefined) return complainantAs(ctx, op, c, byRole);
  return mayReadComplainant(ctx, c).then((visible) => complainantAs(ctx, op, c, visible));
}

/** The complainant as the caller may see it; a read in full is noted for the read audit. */
function complainantAs(
  ctx: AuthedContext,
  info: ReadingOperation,
  c: Case,
  visible: boolean,
): Complainant {
  if (visible) {
    noteComplainantRead(ctx, info, c);
    return { name: c.complainantName, phone: c.complainantPhone, visible };
  }
  return {
    name: c.complainantName ? maskName(c.complainantName) : null,
    phone: c.complainantPhone ? maskPhone(c.complainantPhone) : null,
    visible,
  };
}

@Resolver(() => CaseAssignment)
export class CaseAssignmentResolver {
  @FieldResolver(() => Department)
  department(@Root() a: CaseAssignment, @Ctx() ctx: AuthedContext) {
    return a.departmentRow ?? ctx.loaders.entity(Department).load(a.departmentId);
  }

  @FieldResolver(() => Boolean, {
    description: "Still held by the department, its case open, and past the part's own due time.",
  })
  async overdue(@Root() a: CaseAssignment, @Ctx() ctx: AuthedContext) {
    const c = await ctx.loaders.entity(Case).load(a.caseId);
    return c !== null && isAssignmentOverdue(a, c.status, ctx.clock.now());
  }
}

@Resolver(() => CaseUnitEngagement)
export class CaseUnitEngagementResolver {
  @FieldResolver(() => JointCommitteeUnit)
  unit(@Root() e: CaseUnitEngagement, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(JointCommitteeUnit).load(e.unitId);
  }
}

@Resolver(() => CaseEvent)
export class CaseEventResolver {
  @FieldResolver(() => ID, { description: "The case's global id." })
  caseId(@Root() e: CaseEvent) {
    return Buffer.from(`Case:${e.caseId}`, "utf8").toString("base64url");
  }
}

/**
 * A page of `cases` for the caller: who may see which case, the filters, the order; `want`: what
 * the selection needs of it (the planned read path's; planner/relations.ts).
 */
export async function casePage(
  ctx: AuthedContext,
  page: PageArgs,
  f: CaseFilterArgs,
  want: PageWant,
) {
  pageSize(page);
  const vis = await visibleCasesSql(ctx, "c");
  const filter: CaseFilter = extend(f, {
    streetOfficeId: f.streetOfficeId
      ? idOf(f.streetOfficeId, "StreetOffice", "streetOfficeId")
      : null,
    gridId: f.gridId ? idOf(f.gridId, "Grid", "gridId") : null,
    departmentId: f.departmentId ? idOf(f.departmentId, "Department", "departmentId") : null,
    newestFirst: f.orderBy !== CaseOrder.oldest,
  });
  const districtIds = ctx.principal.districtIds;
  const now = ctx.clock.now();
  return listCases(ctx.db, {
    districtIds,
    visibility: vis,
    filter,
    page,
    now,
    props: want.props,
    withTotal: want.totalCount,
  });
}
