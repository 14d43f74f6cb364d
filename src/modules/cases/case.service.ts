import { In, type EntityManager } from "typeorm";
import { type AuthedContext } from "../../context/context";
import { writableDistrict } from "../../context/principal";
import { uuidv7 } from "../../common/ids";
import { badInput, conflict, forbidden, notFound } from "../../common/errors";
import { Role } from "../tenancy/role.enums";
import { Department } from "../org/department.entity";
import { Building, BuildingUnit, Compound, Grid } from "../grid/tree.entity";
import { idOf } from "../grid/grid.args";
import { reachOf } from "../grid/grid.policy";
import { Case, CaseAssignment, CaseCategory, CaseRequest, Supervision } from "./case.entity";
import { appendEvent, publishAfterCommit, type EventInput } from "./case.events";
import {
  districtCalendar,
  ensureCaseDefaults,
  resolutionDaysOf,
  resolutionDue,
} from "./settings.service";
import { reachOfCase } from "./case.policy";
import { WorkCalendar, localDay } from "./calendar.rules";
import { type ActionParams, type ActorRole, CaseAction, CaseStatus, decide } from "./case.workflow";
import {
  AssignmentRole,
  CaseChannel,
  Satisfaction,
  SupervisionTrigger,
  Urgency,
} from "./case.enums";
import type {
  AssignCaseInput,
  CallbackInput,
  CaseNoteInput,
  CreateCaseInput,
  ExtensionRequestInput,
  ReportProgressInput,
  RulingInput,
} from "./case.inputs";

/** Which roles may take a case in through which channel. */
const CHANNEL_ROLES: Record<CaseChannel, readonly Role[]> = {
  [CaseChannel.hotline]: [Role.operator, Role.command_center],
  [CaseChannel.community_report]: [Role.street_officer, Role.grid_chief, Role.grid_worker],
  [CaseChannel.grid_patrol]: [Role.grid_worker, Role.grid_chief],
  [CaseChannel.resident]: [Role.resident],
};

interface Location {
  gridId: string | null;
  streetOfficeId: string | null;
  compoundId: string | null;
  buildingId: string | null;
  unitId: string | null;
}

/**
 * Completes a location from its most precise part: a unit gives its building, a building its
 * compound, a compound its grid, a grid its street office; with only coordinates, the grid whose
 * centroid is nearest. What is given must agree (a unit in another compound is BAD_USER_INPUT).
 */
async function locate(
  m: EntityManager,
  districtId: string,
  input: CreateCaseInput,
  defaultGridId: string | null,
): Promise<Location> {
  const loc: Location = {
    gridId: null,
    streetOfficeId: null,
    compoundId: null,
    buildingId: null,
    unitId: null,
  };
  const find = async <T extends { id: string }>(
    entity: new () => T,
    globalId: string,
    field: string,
    type: string,
  ) => {
    const row = await m.findOne(entity, {
      where: { districtId, id: idOf(globalId, type, field) } as never,
    });
    if (!row) throw notFound(`no such ${type} in your district (${field})`);
    return row;
  };
  const agree = (field: string, given: string | null, derived: string | null) => {
    if (given && derived && given !== derived)
      throw badInput(field, `the ${field} does not match the rest of the location`);
    return given ?? derived;
  };
  if (input.unitId) {
    const u = await find(BuildingUnit, input.unitId, "unitId", "BuildingUnit");
    loc.unitId = u.id;
    loc.buildingId = u.buildingId;
  }
  if (input.buildingId) {
    const b = await find(Building, input.buildingId, "buildingId", "Building");
    loc.buildingId = agree("buildingId", b.id, loc.buildingId);
  }
  if (loc.buildingId) {
    const b = await m.findOneOrFail(Building, { where: { districtId, id: loc.buildingId } });
    loc.compoundId = b.compoundId;
  }
  if (input.compoundId) {
    const c = await find(Compound, input.compoundId, "compoundId", "Compound");
    loc.compoundId = agree("compoundId", c.id, loc.compoundId);
  }
  if (loc.compoundId) {
    const c = await m.findOneOrFail(Compound, { where: { districtId, id: loc.compoundId } });
    loc.gridId = c.gridId;
  }
  if (input.gridId) {
    const g = await find(Grid, input.gridId, "gridId", "Grid");
    loc.gridId = agree("gridId", g.id, loc.gridId);
  }
  if (!loc.gridId && input.latitude != null && input.longitude != null) {
    const [near] = (await m.query(
      `SELECT id FROM grid WHERE district_id = $1 AND retired_at IS NULL
        ORDER BY (latitude - $2) ^ 2 + ((longitude - $3) * cos(radians($2))) ^ 2 LIMIT 1`,
      [districtId, input.latitude, input.longitude],
    )) as Array<{ id: string }>;
    loc.gridId = near?.id ?? null;
  }
  loc.gridId ??= defaultGridId;
  if (loc.gridId) {
    const g = await m.findOneOrFail(Grid, { where: { districtId, id: loc.gridId } });
    loc.streetOfficeId = g.streetOfficeId;
  }
  return loc;
}

function caseNumber(code: string, receivedAt: Date, position: string): string {
  return `${code.toUpperCase()}-${localDay(receivedAt).replaceAll("-", "")}-${position.padStart(6, "0")}`;
}

/** Takes a case in. The same idempotency key returns the same case, never a second one. */
export async function createCase(ctx: AuthedContext, input: CreateCaseInput): Promise<Case> {
  const p = ctx.principal;
  const districtId = writableDistrict(p);
  if (!CHANNEL_ROLES[input.channel].includes(p.role))
    throw forbidden(
      `the role ${p.role} does not take cases in through the ${input.channel} channel`,
    );
  const reach = await reachOf(ctx);
  if ((p.role === Role.grid_worker || p.role === Role.grid_chief) && reach.gridIds.size === 0)
    throw forbidden("a grid report needs a grid: the token names none of the district's grids");
  const district = await ctx.loaders.district.load(districtId);
  const result = await ctx.db.run(async (m) => {
    if (input.idempotencyKey) {
      // Same-key requests queue here, so the second finds the first's case.
      await m.query("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))", [
        districtId,
        input.idempotencyKey,
      ]);
      const existing = await m.findOne(Case, {
        where: { districtId, idempotencyKey: input.idempotencyKey },
      });
      if (existing) {
        if (existing.createdBy !== p.subject)
          throw conflict("the idempotency key was used by someone else for another case");
        return { c: existing, events: [] };
      }
    }
    const setting = await ensureCaseDefaults(m, districtId);
    const category = await m.findOne(CaseCategory, {
      where: { districtId, code: input.categoryCode, active: true },
    });
    if (!category)
      throw badInput(
        "categoryCode",
        `no active category "${input.categoryCode}" in your district's catalogue`,
      );
    const gridStaff = p.role === Role.grid_worker || p.role === Role.grid_chief;
    const loc = await locate(
      m,
      districtId,
      input,
      gridStaff ? ([...reach.gridIds][0] ?? null) : null,
    );
    const receivedAt = ctx.clock.now();
    const due = resolutionDue(
      await districtCalendar(m, districtId),
      receivedAt,
      resolutionDaysOf(category, setting),
    );
    // Where it starts: a patrol's or grid's own report with its grid (网格领办), a street office's
    // report with the street office (街道首办), a call or a resident's report as received.
    const status =
      input.channel === CaseChannel.grid_patrol ||
      (input.channel === CaseChannel.community_report && p.role !== Role.street_officer)
        ? CaseStatus.grid_handling
        : input.channel === CaseChannel.community_report
          ? CaseStatus.street_handling
          : CaseStatus.received;
    if (
      status === CaseStatus.street_handling &&
      (!loc.streetOfficeId || loc.streetOfficeId !== reach.streetOfficeId)
    )
      throw forbidden("a street office reports cases of its own area");
    if (status === CaseStatus.grid_handling && !(loc.gridId && reach.gridIds.has(loc.gridId)))
      throw forbidden("grid staff report cases of their own grids");
    const id = uuidv7(receivedAt.getTime());
    const c = m.create(Case, {
      districtId,
      id,
      number: `pending-${id}`,
      idempotencyKey: input.idempotencyKey ?? null,
      channel: input.channel,
      categoryId: category.id,
      lineOfWork: input.lineOfWork ?? category.lineOfWork,
      urgency: input.urgency ?? Urgency.normal,
      description: input.description.trim(),
      ...loc,
      address: input.address?.trim() || null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      complainantName: input.complainantName?.trim() || null,
      complainantPhone: input.complainantPhone?.trim() || null,
      attachmentUrls: input.attachmentUrls ?? [],
      status,
      stage: status,
      version: 1,
      receivedAt,
      replyDueAt: WorkCalendar.replyDue(receivedAt, setting.replyHours),
      resolutionDueAt: due.due,
      returnCount: 0,
      redoCount: 0,
      supervised: false,
      escalated: false,
      createdBy: p.subject,
      updatedAt: receivedAt,
    });
    await m.insert(Case, c);
    const event = await appendEvent(m, c, {
      action: CaseAction.create,
      actor: p.subject,
      actorRole: p.role,
      from: null,
      to: status,
      note: null,
      data: {
        channel: input.channel,
        category: category.code,
        ...(due.assumedYears.length ? { calendarAssumedYears: due.assumedYears } : {}),
      },
      at: receivedAt,
    });
    c.number = caseNumber(district?.code ?? "case", receivedAt, event.position);
    await m.update(Case, { districtId, id }, { number: c.number });
    return { c, events: [event] };
  });
  publishAfterCommit(ctx.db, ctx.pubSub, result.events);
  return result.c;
}

/** What an action changes beyond the status, inside the action's transaction, at the action's time. */
type Effect = (m: EntityManager, c: Case, events: EventInput[], now: Date) => Promise<void>;

/**
 * Applies one workflow action: loads the case, checks the version the caller read, asks the state
 * machine, applies the change and the action's effects, bumps the version, and appends the events,
 * all in the request's transaction; the events are published after it commits.
 */
async function act(
  ctx: AuthedContext,
  caseGlobalId: string,
  expectedVersion: number,
  action: CaseAction,
  note: string | null,
  params: ActionParams,
  effect?: Effect,
  extra: Record<string, unknown> = {},
): Promise<Case> {
  const p = ctx.principal;
  const districtId = writableDistrict(p);
  const id = idOf(caseGlobalId, "Case", "id");
  // One instant for the whole action: its effects, the case's updated_at and its events agree.
  const now = ctx.clock.now();
  // The row lock makes concurrent actions on one case take turns: the second then sees the
  // first's version and gets a plain CONFLICT, having done nothing.
  const c = await ctx.db.run((m) =>
    m.findOne(Case, { where: { districtId, id }, lock: { mode: "pessimistic_write" } }),
  );
  if (!c) throw notFound("no such case in your district");
  if (c.version !== expectedVersion)
    throw conflict(`the case is at version ${c.version}, not ${expectedVersion}: read it again`);
  const reach = await reachOfCase(ctx, c);
  const pending = await ctx.db.run((m) =>
    m.find(CaseRequest, { where: { districtId, caseId: c.id, status: "pending" } }),
  );
  const decision = decide(
    {
      status: c.status,
      stage: c.stage,
      supervised: c.supervised,
      pendingReturn: pending.some((r) => r.kind === "return"),
      pendingExtension: pending.some((r) => r.kind === "extension"),
      replied: c.repliedAt !== null,
    },
    action,
    p.role as ActorRole,
    reach,
    params,
  );
  if (!decision.ok) {
    throw decision.code === "FORBIDDEN"
      ? forbidden(decision.message)
      : badInput("action", decision.message);
  }
  const from = c.status;
  const saved = await ctx.db.run(async (m) => {
    const events: EventInput[] = [];
    c.status = decision.to;
    if (
      [
        CaseStatus.grid_handling,
        CaseStatus.street_handling,
        CaseStatus.dispatched,
        CaseStatus.escalated,
      ].includes(decision.to)
    )
      c.stage = decision.to;
    if (effect) await effect(m, c, events, now);
    // A case that leaves dispatch leaves its pending extension with it.
    if (c.status !== CaseStatus.dispatched && c.status !== CaseStatus.return_requested)
      await m.update(
        CaseRequest,
        { districtId, caseId: c.id, kind: "extension", status: "pending" },
        {
          status: "refused",
          rulingNote: "lapsed: the case left dispatch",
          ruledBy: "system",
          ruledAt: now,
        },
      );
    const res = await m
      .createQueryBuilder()
      .update(Case)
      .set({
        status: c.status,
        stage: c.stage,
        repliedAt: c.repliedAt,
        resolutionDueAt: c.resolutionDueAt,
        resolvedAt: c.resolvedAt,
        closedAt: c.closedAt,
        warnedAt: c.warnedAt,
        returnCount: c.returnCount,
        redoCount: c.redoCount,
        supervised: c.supervised,
        escalated: c.escalated,
        callbackReached: c.callbackReached,
        satisfaction: c.satisfaction,
        resolution: c.resolution,
        version: () => "version + 1",
        updatedAt: now,
      })
      .where("district_id = :d AND id = :id AND version = :v", {
        d: districtId,
        id: c.id,
        v: expectedVersion,
      })
      .execute();
    if (!res.affected) throw conflict("the case changed while this action ran: read it again");
    const appended = [
      await appendEvent(m, c, {
        action,
        actor: p.subject,
        actorRole: p.role,
        from,
        to: c.status,
        note,
        data: extra,
        at: now,
      }),
    ];
    for (const e of events) appended.push(await appendEvent(m, c, { ...e, at: now }));
    return { c: (await m.findOneOrFail(Case, { where: { districtId, id: c.id } }))!, appended };
  });
  publishAfterCommit(ctx.db, ctx.pubSub, saved.appended);
  return saved.c;
}

function required(field: string, value: string | null | undefined): string {
  const v = value?.trim();
  if (!v) throw badInput(field, `${field} is required for this action`);
  return v;
}

/** Opens a supervision (inspector, or the system on a breach or too many returns). */
export async function openSupervision(
  m: EntityManager,
  c: Case,
  trigger: SupervisionTrigger,
  reason: string,
  by: string,
  at: Date,
): Promise<void> {
  await m.insert(Supervision, {
    districtId: c.districtId,
    id: uuidv7(),
    caseId: c.id,
    trigger,
    reason,
    status: "open",
    findings: null,
    openedBy: by,
    openedAt: at,
    concludedBy: null,
    concludedAt: null,
  });
  c.supervised = true;
}

export const replyToCase = (ctx: AuthedContext, i: CaseNoteInput) =>
  act(
    ctx,
    i.id,
    i.expectedVersion,
    CaseAction.reply,
    required("note", i.note),
    {},
    async (_m, c, _events, now) => {
      c.repliedAt = now;
    },
  );

export const takeCaseLead = (ctx: AuthedContext, i: CaseNoteInput) =>
  act(ctx, i.id, i.expectedVersion, CaseAction.take_lead, i.note ?? null, {});

export const referCaseToStreet = (ctx: AuthedContext, i: CaseNoteInput) =>
  act(ctx, i.id, i.expectedVersion, CaseAction.refer_to_street, required("note", i.note), {});

export const referCaseToCommandCenter = (ctx: AuthedContext, i: CaseNoteInput) =>
  act(
    ctx,
    i.id,
    i.expectedVersion,
    CaseAction.refer_to_command_center,
    required("note", i.note),
    {},
  );

export async function assignCase(ctx: AuthedContext, i: AssignCaseInput): Promise<Case> {
  const districtId = writableDistrict(ctx.principal);
  const leads = i.assignments.filter((a) => a.role === AssignmentRole.lead);
  if (leads.length !== 1) throw badInput("assignments", "name exactly one lead department");
  const ids = i.assignments.map((a, n) =>
    idOf(a.departmentId, "Department", `assignments.${n}.departmentId`),
  );
  if (new Set(ids).size !== ids.length)
    throw badInput("assignments", "a department is named twice");
  const depts = await ctx.db.run((m) => m.find(Department, { where: { districtId, id: In(ids) } }));
  if (depts.length !== ids.length) throw notFound("no such department in your district");
  const now = ctx.clock.now().getTime();
  for (const [n, a] of i.assignments.entries())
    if (a.dueAt && a.dueAt.getTime() <= now)
      throw badInput(`assignments.${n}.dueAt`, "a due time must be in the future");
  return act(
    ctx,
    i.id,
    i.expectedVersion,
    CaseAction.assign,
    i.note ?? null,
    {},
    async (m, c, _events, at) => {
      // A case assigned again (after a granted return) starts afresh: earlier parts are withdrawn.
      await m.update(
        CaseAssignment,
        { districtId, caseId: c.id, status: "assigned" },
        { status: "withdrawn" },
      );
      await m.insert(
        CaseAssignment,
        i.assignments.map((a, n) => ({
          districtId,
          id: uuidv7(),
          caseId: c.id,
          departmentId: ids[n],
          role: a.role,
          status: "assigned",
          dueAt: a.dueAt ?? c.resolutionDueAt,
          report: null,
          reportedAt: null,
          assignedAt: at,
        })),
      );
    },
    { departments: depts.map((d) => d.code) },
  );
}

export async function reportCaseProgress(ctx: AuthedContext, i: ReportProgressInput) {
  const note = required("note", i.note);
  const dept = i.final ? await myDepartment(ctx) : null;
  if (dept) {
    const lead = await ctx.db.run((m) =>
      m.existsBy(CaseAssignment, {
        districtId: ctx.principal.districtId!,
        caseId: idOf(i.id, "Case", "id"),
        departmentId: dept,
        role: AssignmentRole.lead,
        status: "assigned",
      }),
    );
    if (lead) throw badInput("final", "the lead department ends its part by resolving the case");
  }
  return act(
    ctx,
    i.id,
    i.expectedVersion,
    CaseAction.report_progress,
    note,
    {},
    async (m, c, _events, now) => {
      if (!dept) return;
      // A co-handling department's final report ends its part.
      await m.update(
        CaseAssignment,
        { districtId: c.districtId, caseId: c.id, departmentId: dept, status: "assigned" },
        { status: "reported", report: note, reportedAt: now },
      );
    },
    { final: Boolean(i.final) },
  );
}

async function myDepartment(ctx: AuthedContext): Promise<string> {
  const p = ctx.principal;
  const d = await ctx.db.run((m) =>
    m.findOne(Department, { where: { districtId: p.districtId!, code: p.departmentCode ?? "" } }),
  );
  if (!d) throw forbidden("the token names no department of your district");
  return d.id;
}

export const resolveCase = (ctx: AuthedContext, i: CaseNoteInput) => {
  const resolution = required("note", i.note);
  return act(
    ctx,
    i.id,
    i.expectedVersion,
    CaseAction.resolve,
    resolution,
    {},
    async (m, c, _e, now) => {
      c.resolution = resolution;
      c.resolvedAt = now;
      if (c.stage === CaseStatus.dispatched) {
        await m.update(
          CaseAssignment,
          { districtId: c.districtId, caseId: c.id, role: AssignmentRole.lead, status: "assigned" },
          { status: "reported", report: resolution, reportedAt: now },
        );
      }
    },
  );
};

/** The part of the case that a department still holds, if any. */
function heldBy(m: EntityManager, c: Case, departmentId: string | null) {
  if (!departmentId) return Promise.resolve(null);
  return m.findOne(CaseAssignment, {
    where: { districtId: c.districtId, caseId: c.id, departmentId, status: "assigned" },
  });
}

export async function requestCaseReturn(ctx: AuthedContext, i: CaseNoteInput) {
  const reason = required("note", i.note);
  const dept = ctx.principal.role === Role.department ? await myDepartment(ctx) : null;
  return act(
    ctx,
    i.id,
    i.expectedVersion,
    CaseAction.request_return,
    reason,
    {},
    async (m, c, _e, now) => {
      const a = await heldBy(m, c, dept);
      await m.insert(CaseRequest, newRequest(ctx, c, "return", reason, a?.id ?? null, null, now));
    },
  );
}

function newRequest(
  ctx: AuthedContext,
  c: Case,
  kind: "return" | "extension",
  reason: string,
  assignmentId: string | null,
  requestedDueAt: Date | null,
  at: Date,
): CaseRequest {
  return Object.assign(new CaseRequest(), {
    districtId: c.districtId,
    id: uuidv7(),
    caseId: c.id,
    assignmentId,
    kind,
    reason,
    requestedDueAt,
    status: "pending",
    requestedBy: ctx.principal.subject,
    requestedAt: at,
    ruledBy: null,
    ruledAt: null,
    rulingNote: null,
  });
}

async function rule(
  m: EntityManager,
  ctx: AuthedContext,
  c: Case,
  kind: "return" | "extension",
  i: RulingInput,
  at: Date,
) {
  const req = await m.findOne(CaseRequest, {
    where: { districtId: c.districtId, caseId: c.id, kind, status: "pending" },
  });
  if (!req) throw badInput("id", `no ${kind} is waiting for a ruling`);
  req.status = i.granted ? "granted" : "refused";
  req.ruledBy = ctx.principal.subject;
  req.ruledAt = at;
  req.rulingNote = i.note?.trim() || null;
  await m.save(req);
  return req;
}

export async function ruleOnCaseReturn(ctx: AuthedContext, i: RulingInput) {
  return act(
    ctx,
    i.id,
    i.expectedVersion,
    CaseAction.rule_return,
    i.note ?? null,
    { granted: i.granted },
    async (m, c, events, now) => {
      await rule(m, ctx, c, "return", i, now);
      if (!i.granted) return;
      await m.update(
        CaseAssignment,
        { districtId: c.districtId, caseId: c.id, status: "assigned" },
        { status: "returned" },
      );
      c.returnCount += 1;
      const setting = await ensureCaseDefaults(m, c.districtId);
      if (c.returnCount > setting.maxReturns && !c.supervised) {
        const reason = `returned ${c.returnCount} times (the district allows ${setting.maxReturns})`;
        await openSupervision(m, c, SupervisionTrigger.returns, reason, "system", now);
        events.push({
          action: CaseAction.supervise,
          actor: "system",
          actorRole: "system",
          from: c.status,
          to: c.status,
          note: reason,
          data: { trigger: "returns" },
        });
      }
    },
    { granted: i.granted },
  );
}

export async function requestCaseExtension(ctx: AuthedContext, i: ExtensionRequestInput) {
  const reason = required("note", i.note);
  const dept = await myDepartment(ctx).catch(() => null);
  return act(
    ctx,
    i.id,
    i.expectedVersion,
    CaseAction.request_extension,
    reason,
    {},
    async (m, c, _events, now) => {
      const a = await heldBy(m, c, dept);
      const due = a?.dueAt ?? c.resolutionDueAt;
      if (now.getTime() >= due.getTime())
        throw badInput("id", "an extension is asked before the due time; it has passed");
      if (i.requestedDueAt.getTime() <= due.getTime())
        throw badInput("requestedDueAt", "the new due time must be later than the current one");
      await m.insert(
        CaseRequest,
        newRequest(ctx, c, "extension", reason, a?.id ?? null, i.requestedDueAt, now),
      );
    },
    { requestedDueAt: i.requestedDueAt.toISOString() },
  );
}

export async function ruleOnCaseExtension(ctx: AuthedContext, i: RulingInput) {
  return act(
    ctx,
    i.id,
    i.expectedVersion,
    CaseAction.rule_extension,
    i.note ?? null,
    { granted: i.granted },
    async (m, c, _events, now) => {
      const req = await rule(m, ctx, c, "extension", i, now);
      if (!i.granted || !req.requestedDueAt) return;
      if (req.assignmentId)
        await m.update(
          CaseAssignment,
          { districtId: c.districtId, id: req.assignmentId },
          { dueAt: req.requestedDueAt },
        );
      if (req.requestedDueAt > c.resolutionDueAt) {
        c.resolutionDueAt = req.requestedDueAt;
        c.warnedAt = null;
      }
    },
    { granted: i.granted },
  );
}

export async function recordCallback(ctx: AuthedContext, i: CallbackInput) {
  if (i.reached && !i.satisfaction)
    throw badInput("satisfaction", "say how satisfied the complainant was");
  if (!i.reached && i.satisfaction)
    throw badInput("satisfaction", "an unreached complainant gives no answer");
  if (i.handlerAtFault && i.satisfaction !== Satisfaction.unsatisfied)
    throw badInput("handlerAtFault", "a redo follows an unsatisfied answer only");
  const redo = Boolean(
    i.reached && i.satisfaction === Satisfaction.unsatisfied && i.handlerAtFault,
  );
  return act(
    ctx,
    i.id,
    i.expectedVersion,
    CaseAction.callback,
    i.note ?? null,
    { redo },
    async (m, c, _events, now) => {
      c.callbackReached = i.reached;
      c.satisfaction = i.satisfaction ?? null;
      if (redo) {
        c.redoCount += 1;
        c.resolvedAt = null;
        if (c.status === CaseStatus.dispatched)
          await m.update(
            CaseAssignment,
            {
              districtId: c.districtId,
              caseId: c.id,
              role: AssignmentRole.lead,
              status: "reported",
            },
            { status: "assigned" },
          );
      } else {
        c.closedAt = now;
      }
    },
    { reached: i.reached, satisfaction: i.satisfaction ?? null, redo },
  );
}

export const escalateCase = (ctx: AuthedContext, i: CaseNoteInput) =>
  act(
    ctx,
    i.id,
    i.expectedVersion,
    CaseAction.escalate,
    required("note", i.note),
    {},
    async (m, c) => {
      c.escalated = true;
      await m.update(
        CaseAssignment,
        { districtId: c.districtId, caseId: c.id, status: "assigned" },
        { status: "withdrawn" },
      );
    },
  );

export const superviseCase = (ctx: AuthedContext, i: CaseNoteInput) => {
  const reason = required("note", i.note);
  return act(ctx, i.id, i.expectedVersion, CaseAction.supervise, reason, {}, (m, c, _e, now) =>
    openSupervision(m, c, SupervisionTrigger.inspector, reason, ctx.principal.subject, now),
  );
};

export const concludeSupervision = (ctx: AuthedContext, i: CaseNoteInput) => {
  const findings = required("note", i.note);
  return act(
    ctx,
    i.id,
    i.expectedVersion,
    CaseAction.conclude_supervision,
    findings,
    {},
    async (m, c, _events, now) => {
      await m.update(
        Supervision,
        { districtId: c.districtId, caseId: c.id, status: "open" },
        {
          status: "concluded",
          findings,
          concludedBy: ctx.principal.subject,
          concludedAt: now,
        },
      );
      c.supervised = false;
    },
  );
};
