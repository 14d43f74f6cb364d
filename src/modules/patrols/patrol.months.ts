import { type Sql } from "../cases/case.counters";

/**
 * The patrol rollups (patrol_grid_month, patrol_visit_month; migration PatrolRollups) checked
 * against a recount of a district's records, for `npm run verify-scores`: per grid and local month
 * (UTC+8) the patrols, the visits, the days with a patrol and the households visited (and their
 * count). The
 * triggers on patrol_record keep them; this says whether they did.
 */
const COMPARE = `
  WITH r AS (
    SELECT grid_id, date_trunc('month', at AT TIME ZONE 'Asia/Shanghai')::date AS month,
           kind, household_id, extract(day FROM at AT TIME ZONE 'Asia/Shanghai')::int AS day
      FROM patrol_record WHERE district_id = $1
  ), want AS (
    SELECT grid_id, month, count(*) FILTER (WHERE kind = 'patrol')::int AS patrols,
           count(*) FILTER (WHERE kind = 'visit')::int AS visits,
           count(DISTINCT household_id)::int AS households_visited,
           coalesce(array_agg(DISTINCT day ORDER BY day) FILTER (WHERE kind = 'patrol'), '{}') AS days,
           coalesce(array_agg(DISTINCT household_id ORDER BY household_id)
                      FILTER (WHERE household_id IS NOT NULL), '{}') AS households
      FROM r GROUP BY 1, 2
  ), got AS (
    SELECT m.grid_id, m.month, m.patrols, m.visits, m.households_visited,
           ARRAY(SELECT i FROM generate_series(1, 31) i WHERE substring(m.days FROM i FOR 1) = B'1') AS days,
           ARRAY(SELECT v.household_id FROM patrol_visit_month v
                  WHERE v.district_id = m.district_id AND v.grid_id = m.grid_id AND v.month = m.month
                  ORDER BY 1) AS households
      FROM patrol_grid_month m WHERE m.district_id = $1
  ), stray AS (
    SELECT DISTINCT v.grid_id, v.month FROM patrol_visit_month v
     WHERE v.district_id = $1
       AND NOT EXISTS (SELECT 1 FROM patrol_grid_month m
                        WHERE m.district_id = v.district_id AND m.grid_id = v.grid_id AND m.month = v.month)
  )
  SELECT coalesce(w.grid_id, g.grid_id) AS grid, to_char(coalesce(w.month, g.month), 'YYYY-MM') AS month,
         row_to_json(w)::text AS want, row_to_json(g)::text AS got
    FROM want w FULL JOIN got g ON g.grid_id = w.grid_id AND g.month = w.month
   WHERE row(w.patrols, w.visits, w.households_visited, w.days, w.households)
         IS DISTINCT FROM row(g.patrols, g.visits, g.households_visited, g.days, g.households)
  UNION ALL
  SELECT grid_id, to_char(month, 'YYYY-MM'), NULL, 'households without the month' FROM stray
   ORDER BY 1, 2`;

/** The district's patrol months that differ from their records (empty: all equal). */
export async function verifyPatrolMonths(sql: Sql, districtId: string): Promise<string[]> {
  const rows = await sql(COMPARE, [districtId]);
  return rows.map(
    (r) =>
      `patrol month ${String(r.month)} of grid ${String(r.grid)}: stored ${String(r.got ?? "none")}, records ${String(r.want ?? "none")}`,
  );
}

/** Recounts every patrol month of a district (those of its records and those stored) from its records. */
export async function rebuildPatrolMonths(sql: Sql, districtId: string): Promise<number> {
  const [r] = await sql(
    `SELECT count(*)::int AS n, app.patrol_months_recount(array_agg(district_id), array_agg(grid_id), array_agg(month)) AS done
       FROM (SELECT district_id, grid_id, date_trunc('month', at AT TIME ZONE 'Asia/Shanghai')::date AS month
               FROM patrol_record WHERE district_id = $1
             UNION
             SELECT district_id, grid_id, month FROM patrol_grid_month WHERE district_id = $1
             UNION
             SELECT district_id, grid_id, month FROM patrol_visit_month WHERE district_id = $1) k`,
    [districtId],
  );
  return r.n as number;
}
