import { type EntityManager } from "typeorm";
import { type TenantDb } from "../../db/tenant";
import { badInput, conflict, forbidden, notFound } from "../../common/errors";
import { uuidv7 } from "../../common/ids";
import { newestFirstPage, type Page, type PageArgs } from "../../common/connection";
import { Building, Compound, Grid, Household } from "../grid/tree.entity";
import { Case } from "../cases/case.entity";
import { PatrolKind, PatrolRecord } from "./patrol.entity";
import { periodInstants } from "./patrol.coverage";
import { type Scope } from "./patrol.policy";

/** How far back a patrol or visit may be recorded: a worker catches up, but not on last season. */
export const MAX_BACKDATE_DAYS = 30;

/** Who records, as the service needs it: from the verified token, its grids resolved. */
export interface PatrolRecorder {
  subject: string;
  districtId: string;
  gridIds: ReadonlySet<string>;
}

/** What was recorded, with ids already read from global ids and texts trimmed. */
export interface PatrolData {
  gridId: string;
  kind: PatrolKind;
  at: Date;
  householdId: string | null;
  compoundId: string | null;
  buildingId: string | null;
  place: string | null;
  observation: string;
  caseId: string | null;
}

/**
 * Records one patrol or visit of one of the caller's grids. The grid must be the district's
 * (NOT_FOUND), the caller's own (FORBIDDEN) and in use; the instant not in the future by the
 * platform's clock and at most MAX_BACKDATE_DAYS back; a visit names a household of the grid and
 * nothing else, a patrol optionally a compound or building of the grid or a place in words; the
 * case raised, if any, is of the same grid (NOT_FOUND otherwise). The same worker recording the
 * same grid, kind and instant again gets its first record back when nothing differs, and CONFLICT
 * when something does.
 */
export async function recordPatrol(
  m: EntityManager,
  caller: PatrolRecorder,
  input: PatrolData,
  now: Date,
): Promise<PatrolRecord> {
  const districtId = caller.districtId;
  const grid = await m.findOne(Grid, { where: { districtId, id: input.gridId } });
  if (!grid) throw notFound("no grid with this id in your district");
  if (!caller.gridIds.has(grid.id))
    throw forbidden("grid staff record the patrols and visits of their own grids");
  if (grid.retiredAt) throw badInput("gridId", "the grid is retired");
  checkWhen(input.at, now);
  if (!input.observation) throw badInput("observation", "say what was seen");
  const where =
    input.kind === PatrolKind.visit
      ? await visitPlace(m, districtId, grid.id, input)
      : await patrolPlace(m, districtId, grid.id, input);
  if (input.caseId) {
    const c = await m.findOne(Case, {
      where: { districtId, id: input.caseId },
      select: { id: true, gridId: true },
    });
    if (!c || c.gridId !== grid.id) throw notFound("no case of this grid with this id");
  }
  const row = m.create(PatrolRecord, {
    districtId,
    id: uuidv7(input.at.getTime()),
    gridId: grid.id,
    kind: input.kind,
    at: input.at,
    ...where,
    observation: input.observation,
    raisedCaseId: input.caseId,
    recordedBy: caller.subject,
    recordedAt: now,
  });
  // Inserted unless this worker already recorded this kind on this grid at this instant (a retry,
  // perhaps at the same moment: the unique key makes the later one wait and then find the first).
  const inserted = await m
    .createQueryBuilder()
    .insert()
    .into(PatrolRecord)
    .values(row)
    .orIgnore()
    .returning("id")
    .execute();
  if ((inserted.raw as unknown[]).length > 0) return row;
  const twin = await m.findOneOrFail(PatrolRecord, {
    where: {
      districtId,
      recordedBy: caller.subject,
      gridId: grid.id,
      kind: input.kind,
      at: input.at,
    },
  });
  if (sameRecord(twin, row)) return twin;
  throw conflict(`you recorded another ${input.kind} of this grid at this instant`);
}

function checkWhen(at: Date, now: Date): void {
  if (!Number.isFinite(at.getTime())) throw badInput("at", "not a valid instant");
  if (at.getTime() > now.getTime())
    throw badInput("at", `${at.toISOString()} is in the future (now is ${now.toISOString()})`);
  if (at.getTime() < now.getTime() - MAX_BACKDATE_DAYS * 86_400_000)
    throw badInput("at", `patrols and visits are recorded within ${MAX_BACKDATE_DAYS} days`);
}

type Where = Pick<PatrolRecord, "householdId" | "compoundId" | "buildingId" | "place">;

/** A visit's place is its household, of the grid; its compound is the household's. */
async function visitPlace(
  m: EntityManager,
  districtId: string,
  gridId: string,
  input: PatrolData,
): Promise<Where> {
  if (!input.householdId) throw badInput("householdId", "a visit names the household visited");
  for (const field of ["compoundId", "buildingId", "place"] as const)
    if (input[field]) throw badInput(field, "a visit's place is its household");
  const h = await m.findOne(Household, { where: { districtId, id: input.householdId } });
  if (!h) throw notFound("no household with this id in your district");
  if (h.gridId !== gridId) throw badInput("householdId", "the household is not of this grid");
  return { householdId: h.id, compoundId: h.compoundId, buildingId: null, place: null };
}

/** A patrol's place: a compound or building of the grid (a building gives its compound), or words. */
async function patrolPlace(
  m: EntityManager,
  districtId: string,
  gridId: string,
  input: PatrolData,
): Promise<Where> {
  if (input.householdId)
    throw badInput("householdId", "a patrol visits no household: record a visit");
  let compoundId = input.compoundId;
  if (input.buildingId) {
    const b = await m.findOne(Building, { where: { districtId, id: input.buildingId } });
    if (!b) throw notFound("no building with this id in your district");
    if (compoundId && b.compoundId !== compoundId)
      throw badInput("buildingId", "the building is not in that compound");
    compoundId = b.compoundId;
  }
  if (compoundId) {
    const c = await m.findOne(Compound, { where: { districtId, id: compoundId } });
    if (!c) throw notFound("no compound with this id in your district");
    if (c.gridId !== gridId)
      throw badInput(input.buildingId ? "buildingId" : "compoundId", "not in this grid");
  }
  return { householdId: null, compoundId, buildingId: input.buildingId, place: input.place };
}

function sameRecord(a: PatrolRecord, b: PatrolRecord): boolean {
  return (
    a.householdId === b.householdId &&
    a.compoundId === b.compoundId &&
    a.buildingId === b.buildingId &&
    a.place === b.place &&
    a.observation === b.observation &&
    a.raisedCaseId === b.raisedCaseId
  );
}

/** Which records to list, ids decoded; filters combine with AND, inside the caller's scope. */
export interface PatrolQuery {
  districtId: string;
  scope: Scope;
  gridId?: string;
  communityId?: string;
  streetOfficeId?: string;
  recordedBy?: string;
  kind?: PatrolKind;
  /** Local days (YYYY-MM-DD, checked), both included. */
  from?: string;
  to?: string;
}

/** A page of records, newest first (ids follow the time of the patrol), counted only when asked. */
export function listPatrols(
  db: TenantDb,
  q: PatrolQuery,
  page: PageArgs,
): Promise<Page<PatrolRecord>> {
  return newestFirstPage(db, page, (m) => {
    const qb = m
      .createQueryBuilder(PatrolRecord, "r")
      .where("r.district_id = :districtId", { districtId: q.districtId })
      .andWhere(q.scope.sql, q.scope.params);
    if (q.gridId) qb.andWhere("r.grid_id = :gridId", { gridId: q.gridId });
    const inGrids = (column: string, value: string) =>
      qb.andWhere(
        `r.grid_id IN (SELECT fg.id FROM grid fg WHERE fg.district_id = r.district_id AND fg.${column} = :${column})`,
        { [column]: value },
      );
    if (q.communityId) inGrids("community_id", q.communityId);
    if (q.streetOfficeId) inGrids("street_office_id", q.streetOfficeId);
    if (q.recordedBy) qb.andWhere("r.recorded_by = :recordedBy", { recordedBy: q.recordedBy });
    if (q.kind) qb.andWhere("r.kind = :kind", { kind: q.kind });
    if (q.from) qb.andWhere("r.at >= :fromAt", { fromAt: periodInstants(q.from, q.from).start });
    if (q.to) qb.andWhere("r.at < :toAt", { toAt: periodInstants(q.to, q.to).end });
    return qb;
  });
}
