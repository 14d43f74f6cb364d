import { type EntityManager } from "typeorm";
import { type TenantDb } from "../../db/tenant";
import { badInput, notFound } from "../../common/errors";
import { uuidv7 } from "../../common/ids";
import { localDay } from "../../common/dates";
import { newestFirstPage, type Page, type PageArgs } from "../../common/connection";
import { Department } from "../org/department.entity";
import { Community, Grid, StreetOffice } from "../grid/tree.entity";
import { MAX_POINTS, RewardPenalty, RewardUnitLevel } from "./reward.entity";
import { type Scope } from "./patrol.policy";
import { calendarDay } from "./days";

/** The table of each level's units. */
const UNIT_TABLE = {
  [RewardUnitLevel.grid]: Grid,
  [RewardUnitLevel.community]: Community,
  [RewardUnitLevel.street_office]: StreetOffice,
  [RewardUnitLevel.department]: Department,
} as const;

/** The GraphQL type of each level's unit ids. */
export const REWARD_UNIT_TYPE: Record<RewardUnitLevel, string> = {
  grid: "Grid",
  community: "Community",
  street_office: "StreetOffice",
  department: "Department",
};

export interface RewardData {
  unitLevel: RewardUnitLevel;
  unitId: string;
  points: number;
  /** Trimmed. */
  reason: string;
  awardedOn: string;
}

/**
 * Enters one reward or penalty (奖惩) for a unit of the caller's district. The unit must exist
 * at the level named (NOT_FOUND: another district's looks like a missing one); points are whole,
 * within ±MAX_POINTS and not 0; the reason is required; the day is not after today (UTC+8).
 */
export async function recordRewardPenalty(
  m: EntityManager,
  caller: { subject: string; districtId: string },
  input: RewardData,
  at: Date,
): Promise<RewardPenalty> {
  const districtId = caller.districtId;
  if (!Number.isInteger(input.points) || input.points === 0 || Math.abs(input.points) > MAX_POINTS)
    throw badInput("points", `whole points from -${MAX_POINTS} to ${MAX_POINTS}, not 0`);
  if (!input.reason) throw badInput("reason", "say why");
  const day = calendarDay("awardedOn", input.awardedOn);
  const today = localDay(at);
  if (day > today)
    throw badInput("awardedOn", `${day} is in the future (today is ${today}, UTC+8)`);
  const exists = await m.exists(UNIT_TABLE[input.unitLevel], {
    where: { districtId, id: input.unitId },
  });
  if (!exists)
    throw notFound(`no ${input.unitLevel.replace("_", " ")} with this id in your district`);
  const row = m.create(RewardPenalty, {
    ...input,
    districtId,
    id: uuidv7(at.getTime()),
    awardedOn: day,
    recordedBy: caller.subject,
    recordedAt: at,
  });
  await m.insert(RewardPenalty, row);
  return row;
}

export interface RewardQuery {
  districtId: string;
  scope: Scope;
  unitLevel?: RewardUnitLevel;
  unitId?: string;
  /** Days of award (checked), both included. */
  from?: string;
  to?: string;
}

/** A page of entries, newest first, counted only when asked. */
export function listRewardPenalties(
  db: TenantDb,
  q: RewardQuery,
  page: PageArgs,
): Promise<Page<RewardPenalty>> {
  return newestFirstPage(db, page, (m) => {
    const qb = m
      .createQueryBuilder(RewardPenalty, "r")
      .where("r.district_id = :districtId", { districtId: q.districtId })
      .andWhere(q.scope.sql, q.scope.params);
    if (q.unitLevel) qb.andWhere("r.unit_level = :unitLevel", { unitLevel: q.unitLevel });
    if (q.unitId) qb.andWhere("r.unit_id = :unitId", { unitId: q.unitId });
    if (q.from) qb.andWhere("r.awarded_on >= :from", { from: q.from });
    if (q.to) qb.andWhere("r.awarded_on <= :to", { to: q.to });
    return qb;
  });
}

/**
 * The sum of the points of each unit of a level awarded in a period (days checked, both
 * included): what the formula's `rewardsPenalties` multiplies. Units without entries are absent.
 */
export async function pointsByUnit(
  db: TenantDb,
  q: { districtIds: readonly string[]; level: RewardUnitLevel; from: string; to: string },
): Promise<Map<string, number>> {
  const rows: Array<{ unit: string; points: number }> = await db.run((m) =>
    m.query(
      `SELECT unit_id AS unit, sum(points)::int AS points FROM reward_penalty
        WHERE district_id = ANY($1::uuid[]) AND unit_level = $2
          AND awarded_on BETWEEN $3::date AND $4::date
        GROUP BY unit_id`,
      [q.districtIds, q.level, q.from, q.to],
    ),
  );
  return new Map(rows.map((r) => [r.unit, r.points]));
}
