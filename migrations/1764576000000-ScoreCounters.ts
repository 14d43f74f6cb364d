import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Counters of the district's measures per unit (district, street office, community, grid,
 * department) and per day of receipt, kept current in the same transaction as each case event.
 */
export class ScoreCounters1764576000000 implements MigrationInterface {
  name = "ScoreCounters1764576000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE score_counter (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        level text NOT NULL CHECK (level IN ('district', 'street_office', 'community', 'grid', 'department')),
        unit_id uuid NOT NULL,
        day date NOT NULL,
        received integer NOT NULL DEFAULT 0,
        hotline integer NOT NULL DEFAULT 0,
        community_report integer NOT NULL DEFAULT 0,
        grid_patrol integer NOT NULL DEFAULT 0,
        resident_report integer NOT NULL DEFAULT 0,
        replied_on_time integer NOT NULL DEFAULT 0,
        resolved integer NOT NULL DEFAULT 0,
        resolved_on_time integer NOT NULL DEFAULT 0,
        callbacks integer NOT NULL DEFAULT 0,
        callbacks_valid integer NOT NULL DEFAULT 0,
        satisfied integer NOT NULL DEFAULT 0,
        basically_satisfied integer NOT NULL DEFAULT 0,
        unsatisfied integer NOT NULL DEFAULT 0,
        returns integer NOT NULL DEFAULT 0,
        supervisions integer NOT NULL DEFAULT 0,
        breaches integer NOT NULL DEFAULT 0,
        PRIMARY KEY (district_id, id),
        CONSTRAINT score_counter_key UNIQUE (district_id, level, unit_id, day)
      );
      ALTER TABLE score_counter ENABLE ROW LEVEL SECURITY;
      ALTER TABLE score_counter FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON score_counter
        USING (district_id = ANY ((SELECT app.current_district_ids())::uuid[]))
        WITH CHECK (district_id = ANY ((SELECT app.current_district_ids())::uuid[]));
      GRANT SELECT, INSERT, UPDATE, DELETE ON score_counter TO civic_grid_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE score_counter`);
  }
}
