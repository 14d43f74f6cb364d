import { type EntityManager } from "typeorm";
import { type TenantDb } from "../../db/tenant";
import { badInput, notFound } from "../../common/errors";
import { uuidv7 } from "../../common/ids";
import { localDay } from "../../common/dates";
import { newestFirstPage, type Page, type PageArgs } from "../../common/connection";
import { Department } from "../org/department.entity";
import { Community, Grid, StreetOffice } from "../grid/tree.entity";
import { Case } from "../cases/case.entity";
import { Supervision } from "../cases/supervision.entity";
import {
  AccountabilityRecord,
  AccountableUnitLevel,
  HandlingFailing,
  type Sanction,
} from "./accountability.entity";

/** Who records, as the service needs it: taken from the verified token by the resolver. */
export interface Recorder {
  subject: string;
  districtId: string;
}

/** The decision, with its ids already read from global ids. */
export interface AccountabilityData {
  caseId: string;
  supervisionId: string | null;
  unitLevel: AccountableUnitLevel;
  unitId: string;
  person: string | null;
  failing: HandlingFailing;
  outcome: string;
  sanction: Sanction;
  decidedOn: string;
}

/** The table of each level's units below the district (the district is its own unit). */
const UNIT_TABLE = {
  [AccountableUnitLevel.street_office]: StreetOffice,
  [AccountableUnitLevel.community]: Community,
  [AccountableUnitLevel.grid]: Grid,
  [AccountableUnitLevel.department]: Department,
} as const;

/** The GraphQL type of each level's unit ids. */
export const UNIT_TYPE: Record<AccountableUnitLevel, string> = {
  district: "District",
  street_office: "StreetOffice",
  community: "Community",
  grid: "Grid",
  department: "Department",
};

/**
 * Records one decision of accountability. Everything it names must be the caller's district's:
 * the case (NOT_FOUND otherwise, as for any case one cannot see), the supervision (of that case)
 * and the unit (at the level given). The day is a calendar day, not after today (UTC+8).
 */
export async function recordAccountability(
  m: EntityManager,
  caller: Recorder,
  input: AccountabilityData,
  at: Date,
): Promise<AccountabilityRecord> {
  const districtId = caller.districtId;
  const c = await m.findOne(Case, {
    where: { districtId, id: input.caseId },
    select: { id: true },
  });
  if (!c) throw notFound("no case with this id in your district");
  if (input.supervisionId) {
    const s = await m.findOne(Supervision, { where: { districtId, id: input.supervisionId } });
    if (!s) throw notFound("no supervision with this id in your district");
    if (s.caseId !== c.id) throw badInput("supervisionId", "the supervision is of another case");
  }
  if (!(await unitExists(m, districtId, input.unitLevel, input.unitId)))
    throw badInput(
      "unitId",
      `no ${input.unitLevel.replace("_", " ")} with this id in your district`,
    );
  const today = localDay(at);
  const decidedOn = calendarDay("decidedOn", input.decidedOn);
  if (decidedOn > today)
    throw badInput("decidedOn", `${decidedOn} is in the future (today is ${today}, UTC+8)`);
  const row = m.create(AccountabilityRecord, {
    ...input,
    districtId,
    id: uuidv7(at.getTime()),
    decidedOn,
    recordedBy: caller.subject,
    recordedAt: at,
  });
  await m.insert(AccountabilityRecord, row);
  return row;
}

async function unitExists(
  m: EntityManager,
  districtId: string,
  level: AccountableUnitLevel,
  id: string,
): Promise<boolean> {
  if (level === AccountableUnitLevel.district) return id === districtId;
  return m.exists(UNIT_TABLE[level], { where: { districtId, id } });
}

function calendarDay(field: string, v: string): string {
  const [y, mo, d] = v.split("-").map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d)
    throw badInput(field, `${v} is not a calendar date`);
  return v;
}

/** Which records of one district to list or count. Filters combine with AND. */
export interface AccountabilityQuery {
  districtId: string;
  caseId?: string;
  unitId?: string;
  failing?: HandlingFailing;
  unitLevel?: AccountableUnitLevel;
  /** Decided on or after / on or before these days (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

/** A page of records, newest first (ids are time-ordered), the total counted only when asked. */
export function listAccountability(
  db: TenantDb,
  q: AccountabilityQuery,
  page: PageArgs,
): Promise<Page<AccountabilityRecord>> {
  return newestFirstPage(db, page, (m) => filtered(m, q));
}

/** One unit's records counted by failing. */
export interface UnitCounts {
  unitLevel: AccountableUnitLevel;
  unitId: string;
  counts: Record<HandlingFailing, number>;
  total: number;
}

/** Records per unit of one level and per failing: what measures and boards can count. */
export async function countAccountability(
  db: TenantDb,
  q: AccountabilityQuery & { unitLevel: AccountableUnitLevel },
): Promise<UnitCounts[]> {
  const rows = await db.run((m) =>
    filtered(m, q)
      .select("r.unit_id", "unitId")
      .addSelect("r.failing", "failing")
      .addSelect("count(*)::int", "n")
      .groupBy("r.unit_id")
      .addGroupBy("r.failing")
      .orderBy("r.unit_id")
      .getRawMany<{ unitId: string; failing: HandlingFailing; n: number }>(),
  );
  const units = new Map<string, UnitCounts>();
  for (const r of rows) {
    let u = units.get(r.unitId);
    if (!u) {
      const counts = Object.fromEntries(Object.values(HandlingFailing).map((f) => [f, 0]));
      u = { unitLevel: q.unitLevel, unitId: r.unitId, counts, total: 0 } as UnitCounts;
      units.set(r.unitId, u);
    }
    u.counts[r.failing] += r.n;
    u.total += r.n;
  }
  return [...units.values()];
}

function filtered(m: EntityManager, q: AccountabilityQuery) {
  const qb = m
    .createQueryBuilder(AccountabilityRecord, "r")
    .where("r.district_id = :districtId", { districtId: q.districtId });
  if (q.caseId) qb.andWhere("r.case_id = :caseId", { caseId: q.caseId });
  if (q.unitId) qb.andWhere("r.unit_id = :unitId", { unitId: q.unitId });
  if (q.unitLevel) qb.andWhere("r.unit_level = :unitLevel", { unitLevel: q.unitLevel });
  if (q.failing) qb.andWhere("r.failing = :failing", { failing: q.failing });
  if (q.from) qb.andWhere("r.decided_on >= :from", { from: q.from });
  if (q.to) qb.andWhere("r.decided_on <= :to", { to: q.to });
  return qb;
}
