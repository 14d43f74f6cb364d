import { type TenantDb } from "../../db/tenant";
import { UnitLevel } from "../cases/case.measures";

/**
 * Patrol coverage: how a unit's grids were patrolled and its households visited over a period
 * of local days (UTC+8, both ends included). The one home of these definitions; the
 * `patrolCoverage` query, the scoreboard's rows and the formula's patrol terms all read them here.
 *
 *   patrols            patrol records in the period
 *   patrolDays         distinct local days with at least one patrol in the unit's grids
 *   visits             household visits in the period
 *   householdsVisited  distinct households visited in the unit's grids
 *   households         the households registered in the unit's grids now
 *   householdCoverage  householdsVisited / households      (null when the unit has no household)
 *   patrolDayShare     patrolDays / days in the period     (the period has at least one day)
 *
 * A unit's grids are its own (a grid's), its community's, its street office's or its district's,
 * retired ones included: their records stay theirs. Above the grid, patrolDays says on how many
 * days the unit was patrolled somewhere, not how many grids were. A household visited in one grid
 * that has moved to another since counts where it was visited, so coverage can exceed 1.
 */
export interface CoverageCounts {
  patrols: number;
  patrolDays: number;
  visits: number;
  householdsVisited: number;
  households: number;
}

export interface Coverage extends CoverageCounts {
  /** Days in the period. */
  days: number;
  householdCoverage: number | null;
  patrolDayShare: number;
}

/** The levels that patrol: departments do not. */
export type CoverageLevel = Exclude<UnitLevel, UnitLevel.department>;

export function isCoverageLevel(level: UnitLevel): level is CoverageLevel {
  return level !== UnitLevel.department;
}

/** The rates of the counts over a period of `days` days (see above). */
export function coverageOf(c: CoverageCounts, days: number): Coverage {
  return {
    ...c,
    days,
    householdCoverage: c.households > 0 ? c.householdsVisited / c.households : null,
    patrolDayShare: days > 0 ? c.patrolDays / days : 0,
  };
}

const DAY_MS = 86_400_000;

/** The instants a period of local days covers: [start of `from`, start of the day after `to`). */
export function periodInstants(from: string, to: string): { start: Date; end: Date; days: number } {
  const start = new Date(`${from}T00:00:00+08:00`);
  const end = new Date(Date.parse(`${to}T00:00:00+08:00`) + DAY_MS);
  return { start, end, days: Math.round((end.getTime() - start.getTime()) / DAY_MS) };
}

/** The column of a grid row (alias g) that names the unit of a level it belongs to. */
const UNIT_OF_GRID: Record<CoverageLevel, string> = {
  [UnitLevel.district]: "g.district_id",
  [UnitLevel.street_office]: "g.street_office_id",
  [UnitLevel.community]: "g.community_id",
  [UnitLevel.grid]: "g.id",
};

const UNIT_TABLE: Record<CoverageLevel, string> = {
  [UnitLevel.district]: "district",
  [UnitLevel.street_office]: "street_office",
  [UnitLevel.community]: "community",
  [UnitLevel.grid]: "grid",
};

export interface UnitCoverage extends Coverage {
  /** The unit's raw id. */
  unit: string;
  name: string;
}

/**
 * Every unit of a level of the given districts with its coverage over a period whose days have
 * been checked (YYYY-MM-DD, from ≤ to): one statement, units without records included, by name.
 */
export async function coverageByUnit(
  db: TenantDb,
  q: { districtIds: readonly string[]; level: CoverageLevel; from: string; to: string },
): Promise<UnitCoverage[]> {
  const { start, end, days } = periodInstants(q.from, q.to);
  const unit = UNIT_OF_GRID[q.level];
  const own = q.level === UnitLevel.district ? "u.id" : "u.district_id";
  const rows: Array<CoverageCounts & { unit: string; name: string }> = await db.run((m) =>
    m.query(
      `WITH g AS (
         SELECT g.district_id, g.id, ${unit} AS unit FROM grid g WHERE g.district_id = ANY($1::uuid[])
       ), p AS (
         SELECT g.unit,
                count(*) FILTER (WHERE r.kind = 'patrol')::int AS patrols,
                count(DISTINCT (r.at AT TIME ZONE 'Asia/Shanghai')::date)
                  FILTER (WHERE r.kind = 'patrol')::int AS "patrolDays",
                count(*) FILTER (WHERE r.kind = 'visit')::int AS visits,
                count(DISTINCT r.household_id)::int AS "householdsVisited"
           FROM patrol_record r JOIN g ON g.district_id = r.district_id AND g.id = r.grid_id
          WHERE r.district_id = ANY($1::uuid[]) AND r.at >= $2 AND r.at < $3
          GROUP BY g.unit
       ), h AS (
         SELECT g.unit, count(*)::int AS households
           FROM household h JOIN g ON g.district_id = h.district_id AND g.id = h.grid_id
          WHERE h.district_id = ANY($1::uuid[])
          GROUP BY g.unit
       )
       SELECT u.id AS unit, u.name,
              coalesce(p.patrols, 0) AS patrols, coalesce(p."patrolDays", 0) AS "patrolDays",
              coalesce(p.visits, 0) AS visits,
              coalesce(p."householdsVisited", 0) AS "householdsVisited",
              coalesce(h.households, 0) AS households
         FROM ${UNIT_TABLE[q.level]} u
         LEFT JOIN p ON p.unit = u.id
         LEFT JOIN h ON h.unit = u.id
        WHERE ${own} = ANY($1::uuid[])
        ORDER BY u.name, u.id`,
      [q.districtIds, start, end],
    ),
  );
  return rows.map((r) => ({
    unit: r.unit,
    name: r.name,
    ...coverageOf(
      {
        patrols: r.patrols,
        patrolDays: r.patrolDays,
        visits: r.visits,
        householdsVisited: r.householdsVisited,
        households: r.households,
      },
      days,
    ),
  }));
}
