import { type EntityManager } from "typeorm";
import { type AuthedContext } from "../../context/context";
import { localDay } from "../../common/dates";
import { uuidv7 } from "../../common/ids";
import { badInput, conflict, forbidden, notFound } from "../../common/errors";
import { Role } from "../../auth/roles";
import { Department } from "../org/department.entity";
import { Target, TargetProgramme, TargetProgress } from "./target.entity";

/**
 * Targets and their progress. The writes run in the caller's transaction; ids are the rows' own
 * (the resolver decodes global ids, naming the input's fields).
 */

/** Who writes targets, from the verified token. */
export interface TargetCaller {
  subject: string;
  role: Role;
  /** The district the caller writes to. */
  districtId: string;
  /** The department a department-role caller works for (token claim `department`). */
  departmentCode: string | null;
}

export interface NewTarget {
  code: string;
  name: string;
  programme: TargetProgramme;
  unit: string;
  /** null or left out: an open-ended count. */
  targetValue?: number | null;
  baseline?: number | null;
  year: number;
  departmentId?: string | null;
  /** YYYY-MM-DD */
  dueOn?: string | null;
  notes?: string | null;
}

/** Changes to a target: fields left out stay; an explicit null clears targetValue, dueOn, notes. */
export interface TargetChanges {
  id: string;
  name?: string | null;
  targetValue?: number | null;
  dueOn?: string | null;
  notes?: string | null;
}

export interface TargetProgressEntry {
  targetId: string;
  /** In the target's unit (> 0). */
  amount: number;
  /** YYYY-MM-DD, not after the day of `at`; default that day. */
  recordedOn?: string | null;
  note?: string | null;
}

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

function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw badInput("year", "year must be between 2000 and 2100");
  return year;
}

/** A target of the caller's district; another district's looks like a missing one. */
async function loadTarget(m: EntityManager, districtId: string, id: string): Promise<Target> {
  const row = await m.findOne(Target, { where: { districtId, id } });
  if (!row) throw notFound("no such target in your district");
  return row;
}

function assertAdmin(caller: TargetCaller, what: string): void {
  if (caller.role !== Role.district_admin) throw forbidden(`only the district admin may ${what}`);
}

export async function createTarget(
  m: EntityManager,
  { caller, input }: { caller: TargetCaller; input: NewTarget },
): Promise<Target> {
  assertAdmin(caller, "create targets");
  const districtId = caller.districtId;
  const targetValue =
    input.targetValue === undefined || input.targetValue === null
      ? null
      : quantity("targetValue", input.targetValue, { zero: false });
  const baseline = quantity("baseline", input.baseline ?? 0, { zero: true });
  const year = checkYear(input.year);
  const dueOn = input.dueOn ? day("dueOn", input.dueOn) : null;
  let departmentId: string | null = null;
  if (input.departmentId) {
    const dept = await m.findOne(Department, { where: { districtId, id: input.departmentId } });
    if (!dept) throw notFound("no such department in your district");
    departmentId = dept.id;
  }
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
}

export async function updateTarget(
  m: EntityManager,
  { caller, input }: { caller: TargetCaller; input: TargetChanges },
): Promise<Target> {
  assertAdmin(caller, "change targets");
  const target = await loadTarget(m, caller.districtId, input.id);
  if (input.name !== undefined && input.name !== null) target.name = input.name.trim();
  if (input.targetValue !== undefined)
    target.targetValue =
      input.targetValue === null
        ? null
        : quantity("targetValue", input.targetValue, { zero: false });
  if (input.dueOn !== undefined) target.dueOn = input.dueOn ? day("dueOn", input.dueOn) : null;
  if (input.notes !== undefined) target.notes = input.notes?.trim() || null;
  return m.save(target);
}

/**
 * Who may record progress: the district admin, and a department whose token names the target's
 * department (a target without one is the district admin's alone).
 */
async function assertRecorder(m: EntityManager, caller: TargetCaller, target: Target) {
  if (caller.role === Role.district_admin) return;
  if (caller.role === Role.department) {
    const dept = target.departmentId
      ? await m.findOne(Department, {
          where: { districtId: target.districtId, id: target.departmentId },
        })
      : null;
    if (dept && caller.departmentCode && dept.code === caller.departmentCode) return;
    throw forbidden("only the department in charge of the target may record its progress");
  }
  throw forbidden(`the role ${caller.role} may not record progress on targets`);
}

/** Records an increment at `at`; the day it is for may not be after `at`'s (UTC+8). */
export async function recordTargetProgress(
  m: EntityManager,
  { caller, input, at }: { caller: TargetCaller; input: TargetProgressEntry; at: Date },
): Promise<Target> {
  const target = await loadTarget(m, caller.districtId, input.targetId);
  await assertRecorder(m, caller, target);
  const amount = quantity("amount", input.amount, { zero: false });
  const today = localDay(at);
  const recordedOn = input.recordedOn ? day("recordedOn", input.recordedOn) : today;
  if (recordedOn > today)
    throw badInput("recordedOn", `${recordedOn} is in the future (today is ${today}, UTC+8)`);
  await m.insert(TargetProgress, {
    districtId: target.districtId,
    id: uuidv7(),
    targetId: target.id,
    amount,
    recordedOn,
    note: input.note?.trim() || null,
    recordedBy: caller.subject,
    createdAt: at,
  });
  return target;
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
  m: EntityManager,
  { districtId, year }: { districtId: string; year: number | null },
): Promise<ProgrammeSummary[]> {
  const rows: Array<{
    programme: TargetProgramme;
    targets: number;
    met: number;
    behind: number;
    average_share: string | null;
  }> = await m.query(
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
