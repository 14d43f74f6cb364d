import { type Sql } from "../cases/case.counters";

/**
 * Each grid's households as kept (grid_household_count; migration GridHouseholds) against a count
 * of a district's households, for `npm run verify-scores`. The triggers on household keep them;
 * this says whether they did. A kept 0 and no row are the same figure.
 */
const COMPARE = `
  WITH want AS (
    SELECT grid_id, count(*)::int AS households FROM household WHERE district_id = $1 GROUP BY 1
  ), got AS (
    SELECT grid_id, households FROM grid_household_count WHERE district_id = $1 AND households <> 0
  )
  SELECT coalesce(w.grid_id, g.grid_id) AS grid, g.households AS got, w.households AS want
    FROM want w FULL JOIN got g ON g.grid_id = w.grid_id
   WHERE w.households IS DISTINCT FROM g.households
   ORDER BY 1`;

/** The district's grids whose kept households differ from their households (empty: all equal). */
export async function verifyGridHouseholds(sql: Sql, districtId: string): Promise<string[]> {
  const rows = await sql(COMPARE, [districtId]);
  return rows.map(
    (r) =>
      `households of grid ${String(r.grid)}: kept ${String(r.got ?? 0)}, registered ${String(r.want ?? 0)}`,
  );
}

/** Counts every grid's households of a district again; returns how many grids hold some. */
export async function rebuildGridHouseholds(sql: Sql, districtId: string): Promise<number> {
  // The migration's backfill, the one home of the count (migration GridHouseholds).
  const [r] = await sql("SELECT app.grid_households_recount(ARRAY[$1::uuid]) AS n", [districtId]);
  return r.n as number;
}
