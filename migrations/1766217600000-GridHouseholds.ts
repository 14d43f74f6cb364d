import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Issue 14, part 2: the households of each grid, kept. Patrol coverage divides the households
 * visited by the households registered in the unit's grids now, and counted them on every read:
 * every household of the districts scanned and hashed by grid, 11,576 of them for Mingshan (about
 * 3.4 ms of each scoreboard's statement on PostgreSQL 15, the server's role, against 0.4 ms to
 * read 702 kept rows).
 *
 * - grid_household_count: per grid, its households. A grid without households has no row, or a
 *   row of 0 once it had some. No CHECK that it is not negative: a row proposed for a grid that
 *   lost households carries its change (−1), which such a check refuses before the conflict makes
 *   it an update.
 *
 * Kept by statement-level triggers on household, in the statement that changes it (the demo's
 * COPY and any other writer, also as a replica: the triggers are ENABLE ALWAYS), by adding each
 * statement's changes per grid (+1 a household written there, −1 one gone from there) to the
 * grid's row: two writers of one grid at once each add their own, the second waiting on the row.
 * patrols/patrol.coverage.ts reads it; `npm run verify-scores` compares it with a count of the
 * households (patrols/grid-households.ts), and `--fix` counts them again with the backfill's
 * function, app.grid_households_recount.
 */

/** The grids' changes of a transition table of household, each row counting `sign`. */
const changes = (rows: string, sign: string) =>
  `SELECT district_id, grid_id, ${sign} AS n FROM ${rows}`;

/** Adds the changes (a query of `changes` rows) to the grids' rows, in key order. */
const addToGrids = (deltas: string) => `
  INSERT INTO grid_household_count AS c (district_id, id, grid_id, households)
  SELECT d.district_id, gen_random_uuid(), d.grid_id, sum(d.n)
    FROM (${deltas}) d
   GROUP BY d.district_id, d.grid_id
  HAVING sum(d.n) <> 0
   ORDER BY d.district_id, d.grid_id
  ON CONFLICT (district_id, grid_id) DO UPDATE SET households = c.households + EXCLUDED.households`;

export class GridHouseholds1766217600000 implements MigrationInterface {
  name = "GridHouseholds1766217600000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE grid_household_count (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        grid_id uuid NOT NULL,
        households integer NOT NULL,
        PRIMARY KEY (district_id, id),
        CONSTRAINT grid_household_count_key UNIQUE (district_id, grid_id)
      );
      ALTER TABLE grid_household_count ENABLE ROW LEVEL SECURITY;
      ALTER TABLE grid_household_count FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON grid_household_count
        USING (district_id = ANY ((SELECT app.current_district_ids())::uuid[]))
        WITH CHECK (district_id = ANY ((SELECT app.current_district_ids())::uuid[]));
      GRANT SELECT, INSERT, UPDATE, DELETE ON grid_household_count TO civic_grid_app;

      -- Runs as the role that changed the households, under the same policies: its tenant context
      -- allows their districts.
      CREATE FUNCTION app.household_to_grids() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${addToGrids(changes("new_rows", "1"))};
        ELSIF TG_OP = 'UPDATE' THEN
          ${addToGrids(`${changes("new_rows", "1")} UNION ALL ${changes("old_rows", "-1")}`)};
        ELSIF TG_OP = 'DELETE' THEN
          ${addToGrids(changes("old_rows", "-1"))};
        ELSE
          TRUNCATE grid_household_count;
        END IF;
        RETURN NULL;
      END $fn$;
      -- Counts the grids' households of some districts again (the backfill; verify-scores --fix).
      CREATE FUNCTION app.grid_households_recount(ds uuid[]) RETURNS integer LANGUAGE sql AS $fn$
        DELETE FROM grid_household_count WHERE district_id = ANY(ds);
        WITH kept AS (
          ${addToGrids("SELECT district_id, grid_id, 1 AS n FROM household WHERE district_id = ANY(ds)").trim()}
          RETURNING 1)
        SELECT count(*)::int FROM kept;
      $fn$;
      CREATE TRIGGER household_grids_insert AFTER INSERT ON household
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION app.household_to_grids();
      CREATE TRIGGER household_grids_update AFTER UPDATE ON household
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION app.household_to_grids();
      CREATE TRIGGER household_grids_delete AFTER DELETE ON household
        REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION app.household_to_grids();
      CREATE TRIGGER household_grids_truncate AFTER TRUNCATE ON household
        FOR EACH STATEMENT EXECUTE FUNCTION app.household_to_grids();
      -- Also where a bulk load runs as a replica to skip the foreign keys (src/demo/lane.ts).
      ALTER TABLE household ENABLE ALWAYS TRIGGER household_grids_insert;
      ALTER TABLE household ENABLE ALWAYS TRIGGER household_grids_update;
      ALTER TABLE household ENABLE ALWAYS TRIGGER household_grids_delete;
      ALTER TABLE household ENABLE ALWAYS TRIGGER household_grids_truncate;

      -- The owner is subject to the forced row-level security: the backfill acts as every district.
      SELECT set_config('app.district_ids', coalesce((SELECT array_agg(id)::text FROM district), '{}'), true);
      SELECT app.grid_households_recount(array_agg(id)) FROM district;
      -- Without statistics the planner takes the new table for one row and joins it to 702 grids
      -- by a nested loop (45 ms instead of 6 for a scoreboard's coverage).
      ANALYZE grid_household_count;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER household_grids_truncate ON household;
      DROP TRIGGER household_grids_delete ON household;
      DROP TRIGGER household_grids_update ON household;
      DROP TRIGGER household_grids_insert ON household;
      DROP FUNCTION app.household_to_grids();
      DROP FUNCTION app.grid_households_recount(uuid[]);
      DROP TABLE grid_household_count;
    `);
  }
}
