import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Departments' own clocks (issue 13): the report sets the 2-hour provisional reply and the
 * resolution limit "自收到问题件起", from when a department receives the case. A case keeps the
 * resolution limit it was given at intake (its category's or the district's working days), so
 * that each part assigned later runs as many days from its own receipt; a part gets its own reply
 * due time, reply and the deadline watcher's warning and reply breach.
 *
 * Rows from before: a case's limit is read back from its category and the district's setting; a
 * part assigned before has no reply clock (reply_due_at NULL), since none ran then, and the
 * watcher leaves it alone. The score counters gain the departments' own timeliness; events from
 * before carry no part's due times and add nothing to them, so the counters stay equal to the
 * log's measures.
 */
export class DepartmentClocks1765180800000 implements MigrationInterface {
  name = "DepartmentClocks1765180800000";

  async up(q: QueryRunner): Promise<void> {
    // The owner is subject to the forced row-level security: the UPDATE acts as every district.
    await q.query(`
      SELECT set_config('app.district_ids', coalesce((SELECT array_agg(id)::text FROM district), '{}'), true);
      ALTER TABLE hotline_case ADD COLUMN resolution_days smallint;
      UPDATE hotline_case c SET resolution_days = coalesce(
        (SELECT k.resolution_days FROM case_category k WHERE k.district_id = c.district_id AND k.id = c.category_id),
        (SELECT s.resolution_days FROM case_setting s WHERE s.district_id = c.district_id),
        3);
      ALTER TABLE hotline_case
        ALTER COLUMN resolution_days SET NOT NULL,
        ADD CONSTRAINT hotline_case_resolution_days_check CHECK (resolution_days BETWEEN 1 AND 60);

      ALTER TABLE case_assignment
        ADD COLUMN reply_due_at timestamptz,
        ADD COLUMN replied_at timestamptz,
        ADD COLUMN warned_at timestamptz,
        ADD COLUMN reply_breached_at timestamptz;
      -- What the watcher scans for departments' replies.
      CREATE INDEX case_assignment_reply_due_idx ON case_assignment (reply_due_at)
        WHERE status = 'assigned' AND replied_at IS NULL AND reply_breached_at IS NULL
          AND reply_due_at IS NOT NULL;

      ALTER TABLE score_counter
        ADD COLUMN parts integer NOT NULL DEFAULT 0,
        ADD COLUMN parts_replied_on_time integer NOT NULL DEFAULT 0,
        ADD COLUMN parts_on_time integer NOT NULL DEFAULT 0,
        ADD COLUMN part_breaches integer NOT NULL DEFAULT 0;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE score_counter
        DROP COLUMN part_breaches, DROP COLUMN parts_on_time,
        DROP COLUMN parts_replied_on_time, DROP COLUMN parts;
      DROP INDEX case_assignment_reply_due_idx;
      ALTER TABLE case_assignment
        DROP COLUMN reply_breached_at, DROP COLUMN warned_at,
        DROP COLUMN replied_at, DROP COLUMN reply_due_at;
      ALTER TABLE hotline_case DROP COLUMN resolution_days;
    `);
  }
}
