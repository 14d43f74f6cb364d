import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * The counters' columns as they are at this migration (score_counter's measures). Later
 * migrations build on this list and on monthsFunction (ReplyBreaches): neither may change.
 */
export const COUNTERS = [
  "received",
  "hotline",
  "community_report",
  "grid_patrol",
  "resident_report",
  "replied_on_time",
  "resolved",
  "resolved_on_time",
  "callbacks",
  "callbacks_valid",
  "satisfied",
  "basically_satisfied",
  "unsatisfied",
  "returns",
  "supervisions",
  "breaches",
  "parts",
  "parts_replied_on_time",
  "parts_on_time",
  "part_breaches",
];

/** The month rows' sums of a set of day rows (`rows`, with `sign` 1 or -1), by month. */
const monthsOf = (counters: readonly string[], rows: string, sign: string) =>
  `SELECT district_id, level, unit_id, date_trunc('month', day::timestamp)::date AS month,
          ${counters.map((c) => `${sign} * ${c} AS ${c}`).join(", ")}
     FROM ${rows}`;

/** Adds the day rows of `deltas` (a query of monthsOf rows) to their months. */
const addToMonths = (counters: readonly string[], deltas: string) => `
  INSERT INTO score_counter_month AS m (district_id, id, level, unit_id, month, ${counters.join(", ")})
  SELECT d.district_id, gen_random_uuid(), d.level, d.unit_id, d.month,
         ${counters.map((c) => `sum(d.${c})`).join(", ")}
    FROM (${deltas}) d
   GROUP BY d.district_id, d.level, d.unit_id, d.month
  HAVING ${counters.map((c) => `sum(d.${c}) <> 0`).join(" OR ")}
   ORDER BY d.district_id, d.level, d.month, d.unit_id
  ON CONFLICT (district_id, level, month, unit_id) DO UPDATE SET
    ${counters.map((c) => `${c} = m.${c} + EXCLUDED.${c}`).join(",\n    ")}`;

/**
 * The function of the triggers that keep the months: it names every counter column, so a
 * migration that adds one creates it again with the new list (and its `down` with the old one).
 */
export const monthsFunction = (counters: readonly string[]) => `
      -- Runs as the role that changed the counters, under the same policy: its tenant context
      -- already allows the district of every counter row it wrote.
      CREATE OR REPLACE FUNCTION app.score_counter_to_months() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${addToMonths(counters, monthsOf(counters, "new_rows", "1"))};
        ELSIF TG_OP = 'UPDATE' THEN
          ${addToMonths(counters, `${monthsOf(counters, "new_rows", "1")} UNION ALL ${monthsOf(counters, "old_rows", "-1")}`)};
        ELSIF TG_OP = 'DELETE' THEN
          ${addToMonths(counters, monthsOf(counters, "old_rows", "-1"))};
        ELSE
          TRUNCATE score_counter_month;
        END IF;
        RETURN NULL;
      END $fn$;`;

/**
 * Issue 14, part 2 (`npm run bench -- --cases 1000000`), for plans that read far more than they
 * kept:
 * - score_counter_month: the day counters summed per calendar month, kept by triggers on
 *   score_counter in the statement that changes it (whatever writes the counters: an event, the
 *   bulk loaders, a rebuild; also as a replica, which the bulk loaders are), so that it always
 *   equals the sum of its days. A month of the grid
 *   scoreboard read 21,000 day rows to sum 702 units; whole months of a period are now read here,
 *   only the days of its partial months from score_counter. Rows are never deleted: a month whose
 *   days were all removed holds zeros, which add nothing.
 * - hotline_case_channel_idx: a page of one channel's cases in a period is a range of the index in
 *   id order, and its count is read from the index alone (the receipt is included): a week of
 *   hotline calls was 13,000 cases read from the table and sorted for a page of 50.
 */
export class ScaleRollups1765612800000 implements MigrationInterface {
  name = "ScaleRollups1765612800000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE score_counter_month (
        district_id uuid NOT NULL REFERENCES district (id),
        id uuid NOT NULL,
        level text NOT NULL,
        unit_id uuid NOT NULL,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        ${COUNTERS.map((c) => `${c} integer NOT NULL DEFAULT 0`).join(",\n        ")},
        PRIMARY KEY (district_id, id),
        CONSTRAINT score_counter_month_key UNIQUE (district_id, level, month, unit_id)
      );
      ALTER TABLE score_counter_month ENABLE ROW LEVEL SECURITY;
      ALTER TABLE score_counter_month FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON score_counter_month
        USING (district_id = ANY ((SELECT app.current_district_ids())::uuid[]))
        WITH CHECK (district_id = ANY ((SELECT app.current_district_ids())::uuid[]));
      GRANT SELECT, INSERT, UPDATE, DELETE ON score_counter_month TO civic_grid_app;

      ${monthsFunction(COUNTERS)}
      CREATE TRIGGER score_counter_month_insert AFTER INSERT ON score_counter
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION app.score_counter_to_months();
      CREATE TRIGGER score_counter_month_update AFTER UPDATE ON score_counter
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION app.score_counter_to_months();
      CREATE TRIGGER score_counter_month_delete AFTER DELETE ON score_counter
        REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION app.score_counter_to_months();
      CREATE TRIGGER score_counter_month_truncate AFTER TRUNCATE ON score_counter
        FOR EACH STATEMENT EXECUTE FUNCTION app.score_counter_to_months();

      -- Always, also where a bulk load skips the foreign keys' triggers as a replica would
      -- (session_replication_role, src/demo/lane.ts and the scale loader): the months must follow.
      ALTER TABLE score_counter ENABLE ALWAYS TRIGGER score_counter_month_insert;
      ALTER TABLE score_counter ENABLE ALWAYS TRIGGER score_counter_month_update;
      ALTER TABLE score_counter ENABLE ALWAYS TRIGGER score_counter_month_delete;
      ALTER TABLE score_counter ENABLE ALWAYS TRIGGER score_counter_month_truncate;

      -- The owner is subject to the forced row-level security: the backfill acts as every district.
      SELECT set_config('app.district_ids', coalesce((SELECT array_agg(id)::text FROM district), '{}'), true);
      ${addToMonths(COUNTERS, monthsOf(COUNTERS, "score_counter", "1"))};

      CREATE INDEX hotline_case_channel_idx ON hotline_case (district_id, channel, id)
        INCLUDE (received_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX hotline_case_channel_idx;
      DROP TRIGGER score_counter_month_truncate ON score_counter;
      DROP TRIGGER score_counter_month_delete ON score_counter;
      DROP TRIGGER score_counter_month_update ON score_counter;
      DROP TRIGGER score_counter_month_insert ON score_counter;
      DROP FUNCTION app.score_counter_to_months();
      DROP TABLE score_counter_month;
    `);
  }
}
