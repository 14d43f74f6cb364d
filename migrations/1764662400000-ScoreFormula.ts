import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * The scoring formula as versioned data per district. A new version never changes an old one: a
 * ranking of a period is computed with the version in force at the period's end.
 */
export class ScoreFormula1764662400000 implements MigrationInterface {
  name = "ScoreFormula1764662400000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE score_formula (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        rules jsonb NOT NULL,
        note text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT score_formula_version_key UNIQUE (district_id, version)
      );
      ALTER TABLE score_formula ENABLE ROW LEVEL SECURITY;
      ALTER TABLE score_formula FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON score_formula
        USING (district_id = ANY ((SELECT app.current_district_ids())::uuid[]))
        WITH CHECK (district_id = ANY ((SELECT app.current_district_ids())::uuid[]));
      GRANT SELECT, INSERT ON score_formula TO civic_grid_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE score_formula`);
  }
}
