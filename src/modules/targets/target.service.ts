import { type AuthedContext } from "../../context/context";
import { localDay } from "../../common/dates";
import { writableDistrict } from "../../auth/principal";
import { uuidv7 } from "../../common/ids";
import { badInput, conflict, forbidden, notFound } from "../../common/errors";
import { Role } from "../../auth/roles";
import { Department } from "../org/department.entity";
import { idOf } from "../grid/grid.args";
import { Target, TargetProgramme, TargetProgress } from "./target.entity";
import type {
  CreateTargetInput,
  RecordTargetProgressInput,
  UpdateTargetInput,
} from "./target.inputs";

/** Values are stored as numeric(18, 4): at most 4 decimals, and well inside its range. */
const MAX_VALUE = 1e12;

function quantity(field: string, v: number, opts: { zero: boolean }): number {
  if (!Number.isFinite(v) || (opts.zero ? v < 0 : v <= 0))
    throw badInput(field, `${field} must be ${opts.zero ? "0 or more" : "greater than 0"}`);
  if (v > MAX_VALUE) throw badInput(field, `${field} must be at most ${MAX_VALUE}`);
  if (Math.abs(v * 1e4 - Math.round(v * 1e4)) > 1e-6)
    throw badInput(field, `${field} has more than 4 decimals`);
  return v;
}

/** YYYY-MM-DD that is a real calendar day, or BAD_USER_INPUT. */
function day(field: string, v: string): string {
  const [y, mo, d] = v.split("-").map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d)
    throw badInput(field, `${v} is not a calendar date`);
  return v;
}

/** Today in the district (UTC+8), by the platform's clock. */
function today(ctx: AuthedContext): string {
  return localDay(ctx.clock.now());
}

function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw badInput("year", "year must be between 2000 and 2100");
  return year;
}

/** A target of the caller's district by global id; another district's looks like a missing one. */
async function loadTarget(ctx: AuthedContext, globalId: string, field: string): Promise<Target> {
  const districtId = writableDistrict(ctx.principal);
  const id = idOf(globalId, "Target", field);
  const row = await ctx.db.run((m) => m.findOne(Target, { where: { districtId, id } }));
  if (!row) throw notFound("no such target in your district");
  return row;
}

function assertAdmin(ctx: AuthedContext, what: string): void {
  if (ctx.principal.role !== Role.district_admin)
    throw forbidden(`only the district admin may ${what}`);
}

export async function createTarget(ctx: AuthedContext, input: CreateTargetInput): Promise<Target> {
  assertAdmin(ctx, "create targets");
  const districtId = writableDistrict(ctx.principal);
  const targetValue =
    input.targetValue === undefined || input.targetValue === null
      ? null
      : quantity("targetValue", input.targetValue, { zero: false });
  const baseline = quantity("baseline", input.baseline ?? 0, { zero: true });
  const year = checkYear(input.year);
  const dueOn = input.dueOn ? day("dueOn", input.dueOn) : null;
  let departmentId: string | null = null;
  if (input.departmentId) {
    const id = idOf(input.departmentId, "Department", "departmentId");
    const dept = await ctx.db.run((m) => m.findOne(Department, { where: { districtId, id } }));
    if (!dept) throw notFound("no such department in your district");
    departmentId = dept.id;
  }
  return ctx.db.run(async (m) => {
    if (await m.existsBy(Target, { districtId, code: input.code }))
      throw conflict(`a target with code "${input.code}" already exists`);
    return m.save(
      m.create(Target, {
        districtId,
        id: uuidv7(),
        code: input.code,
        name: input.name.trim(),
        programme: input.programme,
        unit: input.unit.trim(),
        targetValue,
        baseline,
        year,
        departmentId,
        dueOn,
        notes: input.notes?.trim() || null,
      }),
    );
  });
}

export async function updateTarget(ctx: AuthedContext, input: UpdateTargetInput): Promise<Target> {
  assertAdmin(ctx, "change targets");
  const target = await loadTarget(ctx, input.id, "id");
  if (input.name !== undefined && input.name !== null) target.name = input.name.trim();
  if (input.targetValue !== undefined)
    target.targetValue =
      input.targetValue === null
        ? null
        : quantity("targetValue", input.targetValue, { zero: false });
  if (input.dueOn !== undefined) target.dueOn = input.dueOn ? day("dueOn", input.dueOn) : null;
  if (input.notes !== undefined) target.notes = input.notes?.trim() || null;
  return ctx.db.run((m) => m.save(target));
}

/**
 * Who may record progress: the district admin, and a department whose token names the target's
 * department (a target without one is the district admin's alone).
 */
async function assertRecorder(ctx: AuthedContext, target: Target): Promise<void> {
  const p = ctx.principal;
  if (p.role === Role.district_admin) return;
  if (p.role === Role.department) {
    const dept = target.departmentId
      ? await ctx.loaders.entity(Department).load(target.departmentId)
      : null;
    if (dept && p.departmentCode && dept.code === p.departmentCode) return;
    throw forbidden("only the department in charge of the target may record its progress");
  }
  throw forbidden(`the role ${p.role} may not record progress on targets`);
}

export async function recordTargetProgress(
  ctx: AuthedContext,
  input: RecordTargetProgressInput,
): Promise<Target> {
  const target = await loadTarget(ctx, input.targetId, "targetId");
  await assertRecorder(ctx, target);
  const amount = quantity("amount", input.amount, { zero: false });
  const recordedOn = input.recordedOn ? day("recordedOn", input.recordedOn) : today(ctx);
  if (recordedOn > today(ctx))
    throw badInput("recordedOn", `${recordedOn} is in the future (today is ${today(ctx)}, UTC+8)`);
  return ctx.db.run(async (m) => {
    await m.insert(TargetProgress, {
      districtId: target.districtId,
      id: uuidv7(),
      targetId: target.id,
      amount,
      recordedOn,
      note: input.note?.trim() || null,
      recordedBy: ctx.principal.subject,
      createdAt: ctx.clock.now(),
    });
    return target;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Sums of progress per target, for every target a request shows at once (one statement). */
export function achievedOf(ctx: AuthedContext, target: Target): Promise<number> {
  return ctx.loaders
    .batch<string, number>("targetProgressSum", (ids) =>
      ctx.db.run(async (m) => {
        const rows: Array<{ tid: string; total: string }> = await m.query(
          `SELECT target_id AS tid, sum(amount)::text AS total FROM target_progress
            WHERE district_id = ANY($1::uuid[]) AND target_id = ANY($2::uuid[])
            GROUP BY target_id`,
          [ctx.loaders.districtIds, [...ids]],
        );
        const by = new Map(rows.map((r) => [r.tid, Number(r.total)]));
        return ids.map((id) => by.get(id) ?? 0);
      }),
    )
    .load(target.id)
    .then((sum) => round4(target.baseline + sum));
}

/** achieved / targetValue; null for an open-ended count. */
export function shareOf(target: Target, achieved: number): number | null {
  return target.targetValue === null ? null : achieved / target.targetValue;
}

/** Sums of numeric(18, 4) values are exact in SQL; keep them so after adding the baseline. */
function round4(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

export interface ProgrammeSummary {
  programme: TargetProgramme;
  targets: number;
  met: number;
  behind: number;
  averageShare: number | null;
}

/** One row per programme (all of them, zeros included), for a year or for every year. */
export async function summarize(
  ctx: AuthedContext,
  districtId: string,
  year: number | null,
): Promise<ProgrammeSummary[]> {
  const rows: Array<{
    programme: TargetProgramme;
    targets: number;
    met: number;
    behind: number;
    average_share: string | null;
  }> = await ctx.db.run((m) =>
    m.query(
      `SELECT t.programme, count(*)::int AS targets,
              count(*) FILTER (WHERE a.achieved >= t.target_value)::int AS met,
              count(*) FILTER (WHERE a.achieved < t.target_value)::int AS behind,
              avg(a.achieved / t.target_value)::text AS average_share
         FROM target t
         CROSS JOIN LATERAL (
           SELECT t.baseline + coalesce(sum(p.amount), 0) AS achieved FROM target_progress p
            WHERE p.district_id = t.district_id AND p.target_id = t.id) a
        WHERE t.district_id = $1 AND ($2::int IS NULL OR t.year = $2::int)
        GROUP BY t.programme`,
      [districtId, year],
    ),
  );
  const by = new Map(rows.map((r) => [r.programme, r]));
  return Object.values(TargetProgramme).map((programme) => {
    const r = by.get(programme);
    return {
      programme,
      targets: r?.targets ?? 0,
      met: r?.met ?? 0,
      behind: r?.behind ?? 0,
      averageShare: r?.average_share == null ? null : Number(r.average_share),
    };
  });
}
