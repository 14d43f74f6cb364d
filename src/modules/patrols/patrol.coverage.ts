import { type TenantDb } from "../../db/tenant";
import { DAY_MS, monthsAndDays } from "../../common/dates";
import { UnitLevel } from "../cases/case.measures";
import { queryPrepared } from "../../db/statements";

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
  // Field by field, not spread (see unitCoverageOf).
  return {
    patrols: c.patrols,
    patrolDays: c.patrolDays,
    visits: c.visits,
    householdsVisited: c.householdsVisited,
    households: c.households,
    days,
    householdCoverage: c.households > 0 ? c.householdsVisited / c.households : null,
    patrolDayShare: days > 0 ? c.patrolDays / days : 0,
  };
}

/**
 * A unit's coverage with its id and name, field by field: spreading a row into a new object cost
 * a few microseconds a row (3 ms of CPU for a district's 702 grids), a literal almost nothing.
 */
function unitCoverageOf(unit: string, name: string, c: Coverage): UnitCoverage {
  return {
    unit,
    name,
    patrols: c.patrols,
    patrolDays: c.patrolDays,
    visits: c.visits,
    householdsVisited: c.householdsVisited,
    households: c.households,
    days: c.days,
    householdCoverage: c.householdCoverage,
    patrolDayShare: c.patrolDayShare,
  };
}

/** The day before a day (YYYY-MM-DD). */
const lastDayBefore = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

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
 * The per-grid sums as the units' (p, v, h), for the grid level: a grid is its own unit. For a
 * period of one whole month, a grid's households visited are its month's count (`rollup`: the
 * month rows' condition); otherwise its distinct pairs.
 */
const gridsAsUnits = (oneMonth: string | null) => `p AS (
         SELECT grid_id AS unit, patrols::int AS patrols,
                coalesce(bit_count(days), 0)::int AS "patrolDays", visits::int AS visits FROM pg
       ), v AS (${
         oneMonth
           ? `
         SELECT m.grid_id AS unit, m.households_visited AS "householdsVisited"
           FROM patrol_grid_month m WHERE ${oneMonth}`
           : `
         SELECT grid_id AS unit, count(*)::int AS "householdsVisited"
           FROM (SELECT DISTINCT district_id, grid_id, household_id FROM vg) x
          GROUP BY district_id, grid_id`
       }
       ), h AS (
         SELECT grid_id AS unit, n::int AS households FROM hg
       )`;

/**
 * The per-grid sums added up per unit above the grid (`unit`: the grid's column that names it):
 * patrol days as the union of its grids' days, households visited counted once in the unit (its
 * distinct (unit, household) pairs hashed, then counted: count(DISTINCT) per unit sorted them).
 * A district's grids are those its rows already name (a record's and a household's grid is of
 * their district): its sums need no grid to join.
 */
const gridsToUnits = (unit: string) => {
  if (unit === UNIT_OF_GRID[UnitLevel.district])
    return `p AS (
         SELECT district_id AS unit, sum(patrols)::int AS patrols,
                coalesce(bit_count(bit_or(days)), 0)::int AS "patrolDays", sum(visits)::int AS visits
           FROM pg GROUP BY district_id
       ), v AS (
         SELECT district_id AS unit, count(*)::int AS "householdsVisited"
           FROM (SELECT DISTINCT district_id, household_id FROM vg) x
          GROUP BY district_id
       ), h AS (
         SELECT district_id AS unit, sum(n)::int AS households FROM hg GROUP BY district_id
       )`;
  return `g AS (
         SELECT g.district_id, g.id, ${unit} AS unit FROM grid g WHERE g.district_id = ANY($1::uuid[])
       ), p AS (
         SELECT g.unit, sum(pg.patrols)::int AS patrols,
                coalesce(bit_count(bit_or(pg.days)), 0)::int AS "patrolDays",
                sum(pg.visits)::int AS visits
           FROM pg JOIN g ON g.district_id = pg.district_id AND g.id = pg.grid_id
          GROUP BY g.unit
       ), v AS (
         SELECT unit, count(*)::int AS "householdsVisited"
           FROM (SELECT DISTINCT g.unit, vg.household_id
                   FROM vg JOIN g ON g.district_id = vg.district_id AND g.id = vg.grid_id) x
          GROUP BY unit
       ), h AS (
         SELECT g.unit, sum(hg.n)::int AS households
           FROM hg JOIN g ON g.district_id = hg.district_id AND g.id = hg.grid_id
          GROUP BY g.unit
       )`;
};

/**
 * Every unit of a level of the given districts with its coverage over a period whose days have
 * been checked (YYYY-MM-DD, from ≤ to): one statement, units without records included, by name.
 *
 * The records are summed per grid before they meet the units, each figure in one pass of hashing:
 * a grid's patrol days as a bit string of the period's days (bit d: a patrol on day d), which a
 * unit's grids OR together and PostgreSQL counts, so that no per-unit sort of days is needed; the
 * households visited as (grid, household) pairs (`vg`, from the records and the months, repeats
 * included), made distinct in one hashing pass per level: per grid for the grid level, per unit
 * above it (a household visited in two grids of one unit counts once). For the grid level the
 * grids' sums are the answer; above it they are added up per unit.
 *
 * The period's whole calendar months are read from the rollups the records' triggers keep
 * (migration PatrolRollups): per grid and month its patrols, visits and patrol days (a bit per day
 * of the month, placed at the month's days of the period), its visited households and their
 * count (a grid's figure when the period is that one month); only the days of partial months are
 * read from the records. A month of a 1,000,000-case district: 702
 * grid rows and 6,800 household pairs, against 20,000 records read twice. The households of each
 * grid are those the households' triggers keep (migration GridHouseholds), not a count of them.
 */
export async function coverageByUnit(
  db: TenantDb,
  q: { districtIds: readonly string[]; level: CoverageLevel; from: string; to: string },
): Promise<UnitCoverage[]> {
  const { start, end, days } = periodInstants(q.from, q.to);
  const { months, days: partial } = monthsAndDays(q.from, q.to);
  // The whole months' instants ($6, $7: an empty range, inside the period, when there is none)
  // and first days ($8, $9).
  const inMonths = months ? periodInstants(months[0], lastDayBefore(months[1])) : null;
  const own = q.level === UnitLevel.district ? "u.id" : "u.district_id";
  // Records of the period's days outside its whole months, in the districts: $1 the districts,
  // $2 and $3 the period's instants; two ranges of the index.
  const records = `r.district_id = ANY($1::uuid[])
            AND ((r.at >= $2 AND r.at < $6) OR (r.at >= $7 AND r.at < $3))`;
  const rollup = "m.district_id = ANY($1::uuid[]) AND m.month >= $8::date AND m.month < $9::date";
  // The period is one calendar month: each grid's households visited are its month's count.
  const oneMonth =
    months !== null &&
    partial.length === 0 &&
    lastDayBefore(months[1]).slice(0, 7) === q.from.slice(0, 7);
  const rows: Array<CoverageCounts & { unit: string; name: string }> = await db.run((m) =>
    queryPrepared(
      m,
      `WITH pg AS (
         SELECT district_id, grid_id, sum(patrols) AS patrols, bit_or(days) AS days,
                sum(visits) AS visits
           FROM (
             SELECT r.district_id, r.grid_id,
                    count(*) FILTER (WHERE r.kind = 'patrol') AS patrols,
                    bit_or(set_bit(repeat('0', $5)::varbit,
                                   (r.at AT TIME ZONE 'Asia/Shanghai')::date - $4::date, 1))
                      FILTER (WHERE r.kind = 'patrol') AS days,
                    count(*) FILTER (WHERE r.kind = 'visit') AS visits
               FROM patrol_record r
              WHERE ${records}
              GROUP BY r.district_id, r.grid_id
             UNION ALL
             SELECT m.district_id, m.grid_id, m.patrols,
                    repeat('0', m.month - $4::date)::varbit
                      || substring(m.days::varbit FROM 1 FOR ((m.month + interval '1 month')::date - m.month))
                      || repeat('0', $5 - ((m.month + interval '1 month')::date - $4::date))::varbit,
                    m.visits
               FROM patrol_grid_month m
              WHERE ${rollup}
           ) x
          GROUP BY district_id, grid_id
       ), vg AS (
         SELECT r.district_id, r.grid_id, r.household_id
           FROM patrol_record r
          WHERE ${records} AND r.household_id IS NOT NULL
         UNION ALL
         SELECT m.district_id, m.grid_id, m.household_id
           FROM patrol_visit_month m
          WHERE ${rollup}
       ), hg AS (
         SELECT h.district_id, h.grid_id, h.households AS n
           FROM grid_household_count h WHERE h.district_id = ANY($1::uuid[])
       ), ${q.level === UnitLevel.grid ? gridsAsUnits(oneMonth ? rollup : null) : gridsToUnits(UNIT_OF_GRID[q.level])}
       SELECT u.id AS unit, u.name,
              coalesce(p.patrols, 0) AS patrols, coalesce(p."patrolDays", 0) AS "patrolDays",
              coalesce(p.visits, 0) AS visits,
              coalesce(v."householdsVisited", 0) AS "householdsVisited",
              coalesce(h.households, 0) AS households
         FROM ${UNIT_TABLE[q.level]} u
         LEFT JOIN p ON p.unit = u.id
         LEFT JOIN v ON v.unit = u.id
         LEFT JOIN h ON h.unit = u.id
        WHERE ${own} = ANY($1::uuid[])
        ORDER BY u.name, u.id`,
      [
        q.districtIds,
        start,
        end,
        q.from,
        days,
        inMonths?.start ?? start,
        inMonths?.end ?? start,
        months?.[0] ?? q.from,
        months?.[1] ?? q.from,
      ],
    ),
  );
  return rows.map((r) => unitCoverageOf(r.unit, r.name, coverageOf(r, days)));
}
