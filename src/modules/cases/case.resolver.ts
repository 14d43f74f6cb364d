import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  InputType,
  Root,
  Subscription,
  registerEnumType,
} from "type-graphql";
import { ArrayMaxSize, IsOptional, Matches, Max, Min } from "class-validator";
import { In } from "typeorm";
import { type GraphQLResolveInfo } from "graphql";
import { type AuthedContext } from "../../context/context";
import { writableDistrict } from "../../context/principal";
import { ConnectionType, PageArgs, paginate, pageSize } from "../../common/connection";
import { childList } from "../../common/batch";
import { badInput, notFound } from "../../common/errors";
import { fromGlobalId, uuidv7 } from "../../common/ids";
import { Role, STAFF_ROLES } from "../tenancy/role.enums";
import { Department } from "../org/department.entity";
import { Compound, Grid, StreetOffice } from "../grid/tree.entity";
import { idOf } from "../grid/grid.args";
import { maskPhone } from "../grid/grid.policy";
import {
  CalendarDay,
  Case,
  CaseAssignment,
  CaseCategory,
  CaseEvent,
  CaseRequest,
  CaseSetting,
  Supervision,
} from "./case.entity";
import { CaseChannel, CaseStatus, DeadlineKind } from "./case.enums";
import { CaseAction } from "./case.workflow";
import {
  AssignCaseInput,
  CallbackInput,
  CaseNoteInput,
  CreateCaseInput,
  ExtensionRequestInput,
  ReportProgressInput,
  RulingInput,
} from "./case.inputs";
import * as svc from "./case.service";
import { maySeeCase, mayReadComplainant, visibleCasesSql } from "./case.policy";
import { ensureCaseDefaults, isOverdue, overdueSql } from "./settings.service";
import { caseStream, SUBSCRIBERS, type CaseFeedItem, type StreamItem } from "./case.subscriptions";
import { noteComplainantRead } from "../audit/read.policy";

export enum CaseOrder {
  newest = "newest",
  oldest = "oldest",
}
registerEnumType(CaseOrder, { name: "CaseOrder", description: "By time of receipt." });

export const CaseConnection = ConnectionType("Case", Case);

@ObjectType({
  description:
    "The complainant, masked unless the caller handles the case; reads in full are recorded in the read audit.",
})
export class Complainant {
  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field({ description: "Whether name and phone are shown in full." })
  visible: boolean;
}

@ArgsType()
export class CaseFilterArgs {
  @Field(() => [CaseStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(9)
  status?: CaseStatus[];

  @Field(() => CaseChannel, { nullable: true })
  channel?: CaseChannel;

  @Field({ nullable: true, description: "Category code." })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{1,39}$/)
  category?: string;

  @Field(() => ID, { nullable: true })
  streetOfficeId?: string;

  @Field(() => ID, { nullable: true })
  gridId?: string;

  @Field(() => ID, { nullable: true, description: "Cases this department is or was assigned." })
  departmentId?: string;

  @Field({ nullable: true, description: "Open and past the resolution due time (or breached)." })
  overdue?: boolean;

  @Field({ nullable: true })
  supervised?: boolean;

  @Field({ nullable: true })
  escalated?: boolean;

  @Field({ nullable: true, description: "Received at or after." })
  receivedFrom?: Date;

  @Field({ nullable: true, description: "Received before." })
  receivedTo?: Date;

  @Field(() => CaseOrder, { nullable: true, description: "Default newest first." })
  orderBy?: CaseOrder;
}

@ArgsType()
// Read once by the stream when the subscription starts (no validators); each delivered event
// re-runs the field's resolver, so its arguments are not validated again per event.
export class StreamArgs {
  @Field(() => String, {
    nullable: true,
    description:
      "The cursor of the last event you received: first every event you missed, then live ones.",
  })
  after?: string;

  @Field(() => ID, { nullable: true })
  streetOfficeId?: string;

  @Field(() => ID, { nullable: true })
  gridId?: string;

  @Field(() => ID, { nullable: true, description: "Cases assigned to this department." })
  departmentId?: string;

  @Field(() => [CaseStatus], { nullable: true, description: "The case's status after the event." })
  status?: CaseStatus[];
}

@ObjectType({
  description: "A case event as delivered to a subscriber, with the case as it is now.",
})
export class CaseEventMessage {
  @Field({ description: "Pass as `after` when subscribing again, to miss nothing." })
  cursor: string;

  @Field(() => CaseEvent)
  event: CaseEvent;

  @Field(() => Case)
  case: Case;
}

@ObjectType({ description: "A deadline warning or breach." })
export class CaseDeadlineMessage extends CaseEventMessage {
  @Field(() => DeadlineKind)
  kind: DeadlineKind;

  @Field({ description: "`resolution` or `reply`." })
  limit: string;
}

@ObjectType("CaseEventEdge")
class CaseEventEdge {
  @Field()
  cursor: string;

  @Field(() => CaseEvent)
  node: CaseEvent;
}

@ObjectType({ description: "A page of the district's case event log, oldest first." })
export class CaseEventPage {
  @Field(() => [CaseEventEdge])
  edges: CaseEventEdge[];

  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page." })
  endCursor: string | null;
}

@InputType()
class CalendarDayInput {
  @Field({ description: "YYYY-MM-DD" })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: "use a date as YYYY-MM-DD" })
  day: string;

  @Field({ description: "`holiday` or `workday`." })
  @Matches(/^(holiday|workday)$/, { message: "holiday or workday" })
  kind: "holiday" | "workday";

  @Field({ nullable: true })
  name?: string;
}

@InputType()
class CaseSettingsInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(72)
  replyHours?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(60)
  resolutionDays?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(20)
  maxReturns?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(10080)
  warningMinutes?: number;
}

function ownDistrictOf(ctx: AuthedContext): string {
  const id = ctx.principal.districtId;
  if (!id) throw badInput("district", "a city-scope caller has no single district");
  return id;
}

@Resolver(() => Case)
export class CaseResolver {
  @Authorized()
  @Query(() => CaseConnection, {
    description:
      "Cases the caller may see (the command center its district's, a street office its own, grid staff their grids', a department its assignments, a resident its own, a city admin the escalated ones).",
  })
  async cases(@Args() page: PageArgs, @Args() f: CaseFilterArgs, @Ctx() ctx: AuthedContext) {
    pageSize(page);
    const vis = await visibleCasesSql(ctx, "c");
    return ctx.db.run(async (m) => {
      const qb = m
        .createQueryBuilder(Case, "c")
        .where("c.district_id = ANY(CAST(:districtIds AS uuid[]))", {
          districtIds: ctx.principal.districtIds,
        })
        .andWhere(vis.sql, vis.params);
      if (f.status?.length) qb.andWhere("c.status IN (:...fStatus)", { fStatus: f.status });
      if (f.channel) qb.andWhere("c.channel = :fChannel", { fChannel: f.channel });
      if (f.category)
        qb.andWhere(
          "c.category_id IN (SELECT k.id FROM case_category k WHERE k.district_id = c.district_id AND k.code = :fCat)",
          { fCat: f.category },
        );
      if (f.streetOfficeId)
        qb.andWhere("c.street_office_id = :fSo", {
          fSo: idOf(f.streetOfficeId, "StreetOffice", "streetOfficeId"),
        });
      if (f.gridId) qb.andWhere("c.grid_id = :fGrid", { fGrid: idOf(f.gridId, "Grid", "gridId") });
      if (f.departmentId)
        qb.andWhere(
          "EXISTS (SELECT 1 FROM case_assignment fa WHERE fa.district_id = c.district_id AND fa.case_id = c.id AND fa.department_id = :fDept)",
          { fDept: idOf(f.departmentId, "Department", "departmentId") },
        );
      if (f.overdue !== undefined && f.overdue !== null)
        qb.andWhere(`${f.overdue ? "" : "NOT "}${overdueSql("c", ":fNow")}`, {
          fNow: ctx.clock.now(),
        });
      if (f.supervised !== undefined && f.supervised !== null)
        qb.andWhere("c.supervised = :fSup", { fSup: f.supervised });
      if (f.escalated !== undefined && f.escalated !== null)
        qb.andWhere("c.escalated = :fEsc", { fEsc: f.escalated });
      if (f.receivedFrom) qb.andWhere("c.received_at >= :fFrom", { fFrom: f.receivedFrom });
      if (f.receivedTo) qb.andWhere("c.received_at < :fTo", { fTo: f.receivedTo });
      // uuidv7 ids follow the time of receipt.
      return paginate(qb, page, "id", "id", "uuid", f.orderBy !== CaseOrder.oldest);
    });
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
    const districtId = ownDistrictOf(ctx);
    if (after !== null && after !== undefined && !/^\d{1,18}$/.test(after))
      throw badInput("after", "the cursor is not valid: use an event's cursor");
    if (!Number.isInteger(first) || first < 1 || first > 500)
      throw badInput("first", "first must be between 1 and 500");
    const vis = await visibleCasesSql(ctx, "c");
    const rows = await ctx.db.run((m) =>
      m
        .createQueryBuilder(CaseEvent, "e")
        .innerJoin(Case, "c", "c.district_id = e.district_id AND c.id = e.case_id")
        .where("e.district_id = :districtId AND e.position > :after", {
          districtId,
          after: after ?? "0",
        })
        .andWhere(vis.sql, vis.params)
        .orderBy("e.position", "ASC")
        .limit(first + 1)
        .getMany(),
    );
    const edges = rows.slice(0, first).map((e) => ({ cursor: e.position, node: e }));
    return {
      edges,
      hasNextPage: rows.length > first,
      endCursor: edges.at(-1)?.cursor ?? after ?? null,
    };
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
    description: "Not yet resolved and past its resolution due time.",
  })
  overdue(@Root() c: Case, @Ctx() ctx: AuthedContext) {
    return isOverdue(c, ctx.clock.now());
  }

  @FieldResolver(() => Complainant, { nullable: true })
  async complainant(
    @Root() c: Case,
    @Ctx() ctx: AuthedContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Complainant | null> {
    if (!c.complainantName && !c.complainantPhone) return null;
    if (ctx.principal.districtId !== c.districtId)
      return { name: null, phone: null, visible: false };
    const visible = await mayReadComplainant(ctx, c);
    if (visible) noteComplainantRead(ctx, info, c);
    return {
      name: visible
        ? c.complainantName
        : c.complainantName
          ? c.complainantName.slice(0, 1) + "**"
          : null,
      phone: visible
        ? c.complainantPhone
        : c.complainantPhone
          ? maskPhone(c.complainantPhone)
          : null,
      visible,
    };
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

  // ---- mutations

  @Authorized(
    Role.operator,
    Role.command_center,
    Role.street_officer,
    Role.grid_chief,
    Role.grid_worker,
    Role.resident,
  )
  @Mutation(() => Case, {
    description:
      "Takes a case in: hotline (operator, command center), community_report (street officer, grid staff), grid_patrol (grid staff: proactive), resident (residents).",
  })
  createCase(@Arg("input") input: CreateCaseInput, @Ctx() ctx: AuthedContext) {
    return svc.createCase(ctx, input);
  }

  @Authorized()
  @Mutation(() => Case, {
    description: "The provisional reply to the complainant (due within 2 hours).",
  })
  replyToCase(@Arg("input") i: CaseNoteInput, @Ctx() ctx: AuthedContext) {
    return svc.replyToCase(ctx, i);
  }

  @Authorized()
  @Mutation(() => Case, { description: "网格领办: the case's grid takes the lead (grid staff)." })
  takeCaseLead(@Arg("input") i: CaseNoteInput, @Ctx() ctx: AuthedContext) {
    return svc.takeCaseLead(ctx, i);
  }

  @Authorized()
  @Mutation(() => Case, {
    description: "To the street office (grid staff; operator or command center for a new case).",
  })
  referCaseToStreet(@Arg("input") i: CaseNoteInput, @Ctx() ctx: AuthedContext) {
    return svc.referCaseToStreet(ctx, i);
  }

  @Authorized()
  @Mutation(() => Case, { description: "To the command center (the case's street office)." })
  referCaseToCommandCenter(@Arg("input") i: CaseNoteInput, @Ctx() ctx: AuthedContext) {
    return svc.referCaseToCommandCenter(ctx, i);
  }

  @Authorized()
  @Mutation(() => Case, {
    description:
      "指挥中心交办: one lead department and co-handlers, each with a due time (command center).",
  })
  assignCase(@Arg("input") i: AssignCaseInput, @Ctx() ctx: AuthedContext) {
    return svc.assignCase(ctx, i);
  }

  @Authorized()
  @Mutation(() => Case, {
    description: "Progress from an assigned department; `final` ends a co-handler's part.",
  })
  reportCaseProgress(@Arg("input") i: ReportProgressInput, @Ctx() ctx: AuthedContext) {
    return svc.reportCaseProgress(ctx, i);
  }

  @Authorized()
  @Mutation(() => Case, {
    description: "The resolution, by whoever handles the case now (note: what was done).",
  })
  resolveCase(@Arg("input") i: CaseNoteInput, @Ctx() ctx: AuthedContext) {
    return svc.resolveCase(ctx, i);
  }

  @Authorized()
  @Mutation(() => Case, {
    description: "退单: an assigned department asks to return the case (note: why).",
  })
  requestCaseReturn(@Arg("input") i: CaseNoteInput, @Ctx() ctx: AuthedContext) {
    return svc.requestCaseReturn(ctx, i);
  }

  @Authorized()
  @Mutation(() => Case, {
    description: "The command center grants (back to dispatch) or refuses a return.",
  })
  ruleOnCaseReturn(@Arg("input") i: RulingInput, @Ctx() ctx: AuthedContext) {
    return svc.ruleOnCaseReturn(ctx, i);
  }

  @Authorized()
  @Mutation(() => Case, {
    description: "延期: an assigned department asks, before its due time, for a later one.",
  })
  requestCaseExtension(@Arg("input") i: ExtensionRequestInput, @Ctx() ctx: AuthedContext) {
    return svc.requestCaseExtension(ctx, i);
  }

  @Authorized()
  @Mutation(() => Case, {
    description: "The command center grants (the due time moves) or refuses an extension.",
  })
  ruleOnCaseExtension(@Arg("input") i: RulingInput, @Ctx() ctx: AuthedContext) {
    return svc.ruleOnCaseExtension(ctx, i);
  }

  @Authorized()
  @Mutation(() => Case, {
    description:
      "回访: the callback's result (operator or command center); closes or sends back to be redone.",
  })
  recordCallback(@Arg("input") i: CallbackInput, @Ctx() ctx: AuthedContext) {
    return svc.recordCallback(ctx, i);
  }

  @Authorized()
  @Mutation(() => Case, { description: "Escalates to the city's departments (command center)." })
  escalateCase(@Arg("input") i: CaseNoteInput, @Ctx() ctx: AuthedContext) {
    return svc.escalateCase(ctx, i);
  }

  @Authorized()
  @Mutation(() => Case, {
    description: "纪检监察督办: opens a supervision (inspector; note: the reason).",
  })
  superviseCase(@Arg("input") i: CaseNoteInput, @Ctx() ctx: AuthedContext) {
    return svc.superviseCase(ctx, i);
  }

  @Authorized()
  @Mutation(() => Case, {
    description: "Concludes the open supervision with findings (inspector).",
  })
  concludeSupervision(@Arg("input") i: CaseNoteInput, @Ctx() ctx: AuthedContext) {
    return svc.concludeSupervision(ctx, i);
  }

  // ---- subscriptions

  @Authorized(...SUBSCRIBERS)
  @Subscription(() => CaseEventMessage, {
    subscribe: ({ args, context }) =>
      caseStream(
        context as AuthedContext,
        "caseCreated",
        (args as StreamArgs).after,
        acceptor(args as StreamArgs, (e) => e.action === CaseAction.create),
      ),
    description: "New cases the caller may see, as they are taken in.",
  })
  caseCreated(
    @Root() item: StreamItem,
    @Args({ validate: false }) _args: StreamArgs,
  ): CaseEventMessage {
    return item;
  }

  @Authorized(...SUBSCRIBERS)
  @Subscription(() => CaseEventMessage, {
    subscribe: ({ args, context }) =>
      caseStream(
        context as AuthedContext,
        "caseUpdated",
        (args as StreamArgs).after,
        acceptor(args as StreamArgs, (e) => e.action !== CaseAction.create),
      ),
    description:
      "Every change of the cases the caller may see (not their creation; see caseCreated).",
  })
  caseUpdated(
    @Root() item: StreamItem,
    @Args({ validate: false }) _args: StreamArgs,
  ): CaseEventMessage {
    return item;
  }

  @Authorized(...SUBSCRIBERS)
  @Subscription(() => CaseDeadlineMessage, {
    subscribe: ({ args, context }) =>
      caseStream(
        context as AuthedContext,
        "caseDeadline",
        (args as StreamArgs).after,
        acceptor(
          args as StreamArgs,
          (e) => e.action === CaseAction.warn || e.action === CaseAction.breach,
        ),
      ),
    description: "Warnings before a due time and breaches after it.",
  })
  caseDeadline(
    @Root() item: StreamItem,
    @Args({ validate: false }) _args: StreamArgs,
  ): CaseDeadlineMessage {
    return {
      ...item,
      kind: item.event.action === CaseAction.warn ? DeadlineKind.warning : DeadlineKind.breach,
      limit: String(item.event.data.limit ?? "resolution"),
    };
  }
}

/** The per-event test of a subscription, in memory: kind of event, then the subscriber's filters. */
function acceptor(args: StreamArgs, kind: (e: CaseEvent) => boolean) {
  const so = args.streetOfficeId
    ? idOf(args.streetOfficeId, "StreetOffice", "streetOfficeId")
    : null;
  const grid = args.gridId ? idOf(args.gridId, "Grid", "gridId") : null;
  const dept = args.departmentId ? idOf(args.departmentId, "Department", "departmentId") : null;
  const statuses = args.status?.length ? new Set(args.status) : null;
  return ({ event: e, case: c, assignments }: CaseFeedItem) =>
    kind(e) &&
    (!so || c.streetOfficeId === so) &&
    (!grid || c.gridId === grid) &&
    (!statuses || statuses.has(e.toStatus)) &&
    (!dept || assignments.some((a) => a.departmentId === dept));
}

@Resolver(() => CaseAssignment)
export class CaseAssignmentResolver {
  @FieldResolver(() => Department)
  department(@Root() a: CaseAssignment, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.department.load(a.departmentId);
  }

  @FieldResolver(() => Boolean, { description: "Still working and past its own due time." })
  overdue(@Root() a: CaseAssignment, @Ctx() ctx: AuthedContext) {
    return a.status === "assigned" && a.dueAt < ctx.clock.now();
  }
}

@Resolver(() => CaseEvent)
export class CaseEventResolver {
  @FieldResolver(() => ID, { description: "The case's global id." })
  caseId(@Root() e: CaseEvent) {
    return Buffer.from(`Case:${e.caseId}`, "utf8").toString("base64url");
  }
}

@ObjectType()
class CaseLimits {
  @Field(() => CaseSetting)
  settings: CaseSetting;

  @Field(() => [CaseCategory])
  categories: CaseCategory[];

  @Field(() => [CalendarDay], {
    description: "The district's own calendar days (beside the official 2025–2026).",
  })
  calendarDays: CalendarDay[];
}

@Resolver()
export class CaseSettingsResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => CaseLimits, {
    description: "The district's case catalogue, limits and own calendar days.",
  })
  async caseLimits(@Ctx() ctx: AuthedContext): Promise<CaseLimits> {
    const districtId = ownDistrictOf(ctx);
    return ctx.db.run(async (m) => ({
      settings: await ensureCaseDefaults(m, districtId),
      categories: await m.find(CaseCategory, { where: { districtId }, order: { code: "ASC" } }),
      calendarDays: await m.find(CalendarDay, { where: { districtId }, order: { day: "ASC" } }),
    }));
  }

  @Authorized(Role.district_admin)
  @Mutation(() => CaseSetting, { description: "Changes the district's limits (new cases only)." })
  async updateCaseSettings(@Arg("input") input: CaseSettingsInput, @Ctx() ctx: AuthedContext) {
    const districtId = writableDistrict(ctx.principal);
    return ctx.db.run(async (m) => {
      const s = await ensureCaseDefaults(m, districtId);
      Object.assign(
        s,
        Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null)),
      );
      return m.save(s);
    });
  }

  @Authorized(Role.district_admin)
  @Mutation(() => CaseCategory, {
    description: "Sets a category's resolution limit in working days (null: the district's).",
  })
  async setCategoryResolutionDays(
    @Arg("code") code: string,
    @Arg("days", () => Int, { nullable: true }) days: number | null,
    @Ctx() ctx: AuthedContext,
  ) {
    const districtId = writableDistrict(ctx.principal);
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > 60))
      throw badInput("days", "between 1 and 60 working days");
    return ctx.db.run(async (m) => {
      await ensureCaseDefaults(m, districtId);
      const k = await m.findOne(CaseCategory, { where: { districtId, code } });
      if (!k) throw notFound(`no category "${code}" in your district`);
      k.resolutionDays = days;
      return m.save(k);
    });
  }

  @Authorized(Role.district_admin)
  @Mutation(() => [CalendarDay], {
    description:
      "Adds or changes the district's own calendar days, e.g. a year the official calendar lacks.",
  })
  async setCalendarDays(
    @Arg("days", () => [CalendarDayInput]) days: CalendarDayInput[],
    @Ctx() ctx: AuthedContext,
  ) {
    const districtId = writableDistrict(ctx.principal);
    if (days.length === 0 || days.length > 400) throw badInput("days", "give 1 to 400 days");
    for (const [n, d] of days.entries()) {
      const t = new Date(`${d.day}T00:00:00Z`);
      if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== d.day)
        throw badInput(`days.${n}.day`, `${d.day} is not a calendar date`);
    }
    return ctx.db.run(async (m) => {
      await m.query(
        `INSERT INTO calendar_day (district_id, id, day, kind, name)
         SELECT $1, x.id, x.day, x.kind, x.name FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, day date, kind text, name text)
         ON CONFLICT (district_id, day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name`,
        [
          districtId,
          JSON.stringify(
            days.map((d) => ({ id: uuidv7(), day: d.day, kind: d.kind, name: d.name ?? null })),
          ),
        ],
      );
      return m.find(CalendarDay, {
        where: { districtId, day: In(days.map((d) => d.day)) },
        order: { day: "ASC" },
      });
    });
  }
}
