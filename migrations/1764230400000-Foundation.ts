import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * The foundation: reference tables (city, district), the first tenant tables (department,
 * staff_account), and the row-level security every tenant table carries.
 *
 * Tenant tables follow one pattern, which test/db/catalogue.test.ts checks for every table:
 * district_id NOT NULL, primary key (district_id, id), every foreign key and unique constraint
 * led by district_id (so Citus can distribute all of them by district_id, co-located), and a
 * forced RLS policy comparing district_id with the transaction's app.district_ids.
 *
 * The server's role is a member of civic_grid_app (made by `npm run db:setup`); grants go to that
 * group so that migrations need not know the login role's name.
 */
export class Foundation1764230400000 implements MigrationInterface {
  name = "Foundation1764230400000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'civic_grid_app') THEN
          RAISE EXCEPTION 'role civic_grid_app is missing: run "npm run db:setup" first';
        END IF;
      END $$;

      CREATE SCHEMA app;
      GRANT USAGE ON SCHEMA app TO civic_grid_app;

      -- The districts the current transaction may touch, as set by the server with
      -- set_config('app.district_ids', '{…}', true). Unset or empty means none. Policies call it
      -- as (SELECT app.current_district_ids())::uuid[], an InitPlan that PostgreSQL evaluates once per
      -- statement rather than once per row, and that lets district_id = ANY(...) use an index.
      CREATE FUNCTION app.current_district_ids() RETURNS uuid[]
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $fn$ SELECT coalesce(nullif(current_setting('app.district_ids', true), ''), '{}')::uuid[] $fn$;
      GRANT EXECUTE ON FUNCTION app.current_district_ids() TO civic_grid_app;

      CREATE TABLE city (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      COMMENT ON TABLE city IS 'reference: a city (市); shared by its districts';

      CREATE TABLE district (
        id uuid PRIMARY KEY,
        city_id uuid NOT NULL REFERENCES city (id),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        kind text NOT NULL CHECK (kind IN ('district', 'county')),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX district_city_idx ON district (city_id);
      COMMENT ON TABLE district IS 'reference: a district or county, the tenant';
      GRANT SELECT ON city, district TO civic_grid_app;

      CREATE TABLE department (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT department_code_key UNIQUE (district_id, code)
      );

      CREATE TABLE staff_account (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
        role text NOT NULL CHECK (role IN ('resident', 'grid_worker', 'grid_chief', 'street_officer',
          'command_center', 'department', 'inspector', 'district_admin')),
        department_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT staff_account_subject_key UNIQUE (district_id, subject),
        CONSTRAINT staff_account_department_fk FOREIGN KEY (district_id, department_id)
          REFERENCES department (district_id, id)
      );
      CREATE INDEX staff_account_department_idx ON staff_account (district_id, department_id);
    `);
    for (const table of ["department", "staff_account"]) {
      await q.query(tenantTable(table));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE staff_account;
      DROP TABLE department;
      DROP TABLE district;
      DROP TABLE city;
      DROP SCHEMA app CASCADE;
    `);
  }
}

/**
 * Row-level security and grants for one tenant table. Kept here, not imported, because a landed
 * migration must never change when shared code does.
 */
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
