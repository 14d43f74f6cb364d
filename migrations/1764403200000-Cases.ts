import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * 12345 cases: the district's category catalogue and settings, its own calendar days, cases with
 * their department assignments, returns, extensions and supervisions, and the append-only event
 * log whose per-district position is the cursor subscribers resume from.
 */
export class Cases1764403200000 implements MigrationInterface {
  name = "Cases1764403200000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The 12345 hotline operator (话务员) becomes a role of its own.
      ALTER TABLE staff_account DROP CONSTRAINT staff_account_role_check;
      ALTER TABLE staff_account ADD CONSTRAINT staff_account_role_check CHECK (role IN ('resident',
        'operator', 'grid_worker', 'grid_chief', 'street_officer', 'command_center', 'department',
        'inspector', 'district_admin'));

      -- Limits and thresholds of a district (one row per district).
      CREATE TABLE case_setting (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        reply_hours integer NOT NULL DEFAULT 2 CHECK (reply_hours BETWEEN 1 AND 72),
        resolution_days integer NOT NULL DEFAULT 3 CHECK (resolution_days BETWEEN 1 AND 60),
        max_returns integer NOT NULL DEFAULT 2 CHECK (max_returns BETWEEN 0 AND 20),
        warning_minutes integer NOT NULL DEFAULT 240 CHECK (warning_minutes BETWEEN 1 AND 10080),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT case_setting_district_key UNIQUE (district_id)
      );

      -- The district's own calendar days: years the official calendar lacks, and local changes.
      CREATE TABLE calendar_day (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        day date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
        name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT calendar_day_key UNIQUE (district_id, day)
      );

      CREATE TABLE case_category (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        line_of_work text,
        -- Per-category limits; null means the district's.
        resolution_days integer CHECK (resolution_days BETWEEN 1 AND 60),
        department_id uuid,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT case_category_code_key UNIQUE (district_id, code),
        CONSTRAINT case_category_department_fk FOREIGN KEY (district_id, department_id)
          REFERENCES department (district_id, id)
      );

      -- Per district, the last position of its event log. Appending takes this row's lock until
      -- commit, so positions are handed out in commit order with no gaps: a subscriber that has
      -- seen position p has seen everything before p.
      CREATE TABLE case_log_head (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        position bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (district_id, id),
        CONSTRAINT case_log_head_district_key UNIQUE (district_id)
      );

      CREATE TABLE hotline_case (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        number text NOT NULL,
        idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        channel text NOT NULL CHECK (channel IN ('hotline', 'community_report', 'grid_patrol', 'resident')),
        category_id uuid NOT NULL,
        line_of_work text,
        urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent')),
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
        street_office_id uuid,
        grid_id uuid,
        compound_id uuid,
        building_id uuid,
        unit_id uuid,
        address text,
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        complainant_name text,
        complainant_phone text,
        attachment_urls text[] NOT NULL DEFAULT '{}',
        status text NOT NULL,
        stage text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        received_at timestamptz NOT NULL,
        reply_due_at timestamptz NOT NULL,
        replied_at timestamptz,
        resolution_due_at timestamptz NOT NULL,
        resolved_at timestamptz,
        closed_at timestamptz,
        warned_at timestamptz,
        breached_at timestamptz,
        reply_breached_at timestamptz,
        return_count integer NOT NULL DEFAULT 0,
        redo_count integer NOT NULL DEFAULT 0,
        supervised boolean NOT NULL DEFAULT false,
        escalated boolean NOT NULL DEFAULT false,
        callback_reached boolean,
        satisfaction text CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'unsatisfied')),
        resolution text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT hotline_case_number_key UNIQUE (district_id, number),
        CONSTRAINT hotline_case_idempotency_key UNIQUE (district_id, idempotency_key),
        CONSTRAINT hotline_case_category_fk FOREIGN KEY (district_id, category_id)
          REFERENCES case_category (district_id, id),
        CONSTRAINT hotline_case_street_fk FOREIGN KEY (district_id, street_office_id)
          REFERENCES street_office (district_id, id),
        CONSTRAINT hotline_case_grid_fk FOREIGN KEY (district_id, grid_id) REFERENCES grid (district_id, id),
        CONSTRAINT hotline_case_compound_fk FOREIGN KEY (district_id, compound_id)
          REFERENCES compound (district_id, id),
        CONSTRAINT hotline_case_building_fk FOREIGN KEY (district_id, building_id)
          REFERENCES building (district_id, id),
        CONSTRAINT hotline_case_unit_fk FOREIGN KEY (district_id, unit_id)
          REFERENCES building_unit (district_id, id)
      );
      CREATE INDEX hotline_case_received_idx ON hotline_case (district_id, received_at DESC, id);
      CREATE INDEX hotline_case_status_idx ON hotline_case (district_id, status);
      CREATE INDEX hotline_case_grid_idx ON hotline_case (district_id, grid_id);
      CREATE INDEX hotline_case_street_idx ON hotline_case (district_id, street_office_id);
      -- What the sweeper scans: open cases by their next due time.
      CREATE INDEX hotline_case_due_idx ON hotline_case (resolution_due_at)
        WHERE status NOT IN ('resolved', 'closed') AND breached_at IS NULL;
      CREATE INDEX hotline_case_reply_due_idx ON hotline_case (reply_due_at)
        WHERE status NOT IN ('resolved', 'closed') AND replied_at IS NULL
          AND reply_breached_at IS NULL;

      CREATE TABLE case_assignment (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        department_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('lead', 'co')),
        status text NOT NULL CHECK (status IN ('assigned', 'reported', 'returned', 'withdrawn')),
        due_at timestamptz NOT NULL,
        report text,
        reported_at timestamptz,
        -- When the department let its own due time pass (the deadline watcher's mark).
        breached_at timestamptz,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT case_assignment_case_fk FOREIGN KEY (district_id, case_id)
          REFERENCES hotline_case (district_id, id),
        CONSTRAINT case_assignment_department_fk FOREIGN KEY (district_id, department_id)
          REFERENCES department (district_id, id)
      );
      CREATE INDEX case_assignment_case_idx ON case_assignment (district_id, case_id);
      CREATE INDEX case_assignment_department_idx ON case_assignment (district_id, department_id, status);
      CREATE INDEX case_assignment_due_idx ON case_assignment (due_at)
        WHERE status = 'assigned' AND breached_at IS NULL;

      -- Returns (退单) and extensions (延期): requests the command center rules on.
      CREATE TABLE case_request (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        assignment_id uuid,
        kind text NOT NULL CHECK (kind IN ('return', 'extension')),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        requested_due_at timestamptz,
        status text NOT NULL CHECK (status IN ('pending', 'granted', 'refused')),
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        ruled_by text,
        ruled_at timestamptz,
        ruling_note text,
        PRIMARY KEY (district_id, id),
        CONSTRAINT case_request_case_fk FOREIGN KEY (district_id, case_id)
          REFERENCES hotline_case (district_id, id),
        CONSTRAINT case_request_assignment_fk FOREIGN KEY (district_id, assignment_id)
          REFERENCES case_assignment (district_id, id)
      );
      CREATE INDEX case_request_case_idx ON case_request (district_id, case_id);
      CREATE UNIQUE INDEX case_request_one_pending_key ON case_request (district_id, case_id, kind)
        WHERE status = 'pending';

      CREATE TABLE supervision (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        case_id uuid NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('inspector', 'breach', 'returns', 'unsatisfied')),
        reason text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'concluded')),
        findings text,
        opened_by text NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        concluded_by text,
        concluded_at timestamptz,
        PRIMARY KEY (district_id, id),
        CONSTRAINT supervision_case_fk FOREIGN KEY (district_id, case_id)
          REFERENCES hotline_case (district_id, id)
      );
      CREATE INDEX supervision_case_idx ON supervision (district_id, case_id);
      CREATE UNIQUE INDEX supervision_one_open_key ON supervision (district_id, case_id)
        WHERE status = 'open';

      -- The append-only event log. position is per district, gapless, in commit order.
      CREATE TABLE case_event (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        position bigint NOT NULL,
        case_id uuid NOT NULL,
        action text NOT NULL,
        actor text NOT NULL,
        actor_role text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        note text,
        data jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (district_id, id),
        CONSTRAINT case_event_position_key UNIQUE (district_id, position),
        CONSTRAINT case_event_case_fk FOREIGN KEY (district_id, case_id)
          REFERENCES hotline_case (district_id, id)
      );
      CREATE INDEX case_event_case_idx ON case_event (district_id, case_id, position);
    `);
    for (const table of TABLES) await q.query(tenantTable(table));
    // The log is append-only for the server: no UPDATE or DELETE.
    await q.query(`REVOKE UPDATE, DELETE ON case_event FROM civic_grid_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.query(`DROP TABLE ${table}`);
    await q.query(`
      DELETE FROM staff_account WHERE role = 'operator';
      ALTER TABLE staff_account DROP CONSTRAINT staff_account_role_check;
      ALTER TABLE staff_account ADD CONSTRAINT staff_account_role_check CHECK (role IN ('resident',
        'grid_worker', 'grid_chief', 'street_officer', 'command_center', 'department', 'inspector',
        'district_admin'));
    `);
  }
}

const TABLES = [
  "case_setting",
  "calendar_day",
  "case_category",
  "case_log_head",
  "hotline_case",
  "case_assignment",
  "case_request",
  "supervision",
  "case_event",
];

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
