import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Targets and results a district tracks beside its cases: livelihood projects (民生实事), the
 * civilized-district campaign (文明城区创建) and others. A target has an optional value to reach
 * and a baseline; progress is recorded as dated increments, and what is achieved is the baseline
 * plus their sum (never stored, so that it cannot drift from the entries).
 *
 * Both tables are tenant tables with the foundation's pattern: district_id NOT NULL, primary key
 * (district_id, id), foreign keys and unique constraints led by district_id, forced RLS.
 */
export class Targets1764489600000 implements MigrationInterface {
  name = "Targets1764489600000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE target (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        programme text NOT NULL CHECK (programme IN ('livelihood', 'civilized_city', 'other')),
        unit text NOT NULL CHECK (length(unit) BETWEEN 1 AND 20),
        -- NULL for an open-ended count (e.g. fines imposed): tracked, but with nothing to reach.
        target_value numeric(18, 4) CHECK (target_value > 0),
        baseline numeric(18, 4) NOT NULL DEFAULT 0 CHECK (baseline >= 0),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        department_id uuid,
        due_on date,
        notes text CHECK (length(notes) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT target_code_key UNIQUE (district_id, code),
        CONSTRAINT target_department_fk FOREIGN KEY (district_id, department_id)
          REFERENCES department (district_id, id)
      );
      CREATE INDEX target_year_idx ON target (district_id, year, programme);
      CREATE INDEX target_department_idx ON target (district_id, department_id);

      -- An increment towards a target: amounts are added, never overwritten.
      CREATE TABLE target_progress (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        target_id uuid NOT NULL,
        amount numeric(18, 4) NOT NULL CHECK (amount > 0),
        recorded_on date NOT NULL,
        note text CHECK (length(note) <= 1000),
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT target_progress_target_fk FOREIGN KEY (district_id, target_id)
          REFERENCES target (district_id, id)
      );
      CREATE INDEX target_progress_target_idx
        ON target_progress (district_id, target_id, recorded_on);
    `);
    for (const table of TABLES) await q.query(tenantTable(table));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.query(`DROP TABLE ${table}`);
  }
}

const TABLES = ["target", "target_progress"];

/** Row-level security and grants for one tenant table (a copy: landed migrations never change). */
function tenantTable(table: string): string {
  return `
    ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
    ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON ${table}
      USING (district_id = ANY ((SELECT app.current_district_ids())::uuid[]))
      WITH CHECK (district_id = ANY ((SELECT app.current_district_ids())::uuid[]));
    GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO civic_grid_app;
  `;
}
