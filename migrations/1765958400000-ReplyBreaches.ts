import { type MigrationInterface, type QueryRunner } from "typeorm";
// ScaleRollups' list and function as they were when it ran: neither may change, since this
// migration's SQL (and that of any later one that adds a counter) is made from them.
import { COUNTERS as BEFORE, monthsFunction } from "./1765612800000-ScaleRollups";

/** The counters' columns after this migration. */
export const AFTER = [...BEFORE, "reply_breaches"];

/** The day counters' index of every counter (see ScaleIndexes1765353600000), for a column list. */
const dayIndex = (counters: readonly string[]) =>
  `CREATE INDEX score_counter_day_idx ON score_counter (district_id, level, day)
     INCLUDE (unit_id, ${counters.join(", ")})`;

/**
 * Reply breaches (issue 15, the command center's "reply and resolution breaches"): a counter
 * `reply_breaches`, the cases whose 2-hour provisional reply limit the deadline watcher marked
 * passed (a `breach` event with limit "reply"), beside `breaches` (the resolution limit). The
 * month rollups' function and the day index name every counter, so both are made again with it.
 *
 * Existing counters are brought to what the log says, as `caseMeasures` counts it: a case with a
 * create event and at least one reply breach adds 1 on the day of its receipt (local day, UTC+8)
 * to its district, street office, community (its grid's) and grid, and to each department of its
 * latest assignment, unless a granted return ended that assignment (the departments that hold the
 * case carry its counts). The day rows' update moves the months through their trigger.
 */
export class ReplyBreaches1765958400000 implements MigrationInterface {
  name = "ReplyBreaches1765958400000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE score_counter ADD COLUMN reply_breaches integer NOT NULL DEFAULT 0;
      ALTER TABLE score_counter_month ADD COLUMN reply_breaches integer NOT NULL DEFAULT 0;
      ${monthsFunction(AFTER)}
      DROP INDEX score_counter_day_idx;
      ${dayIndex(AFTER)};

      -- The owner is subject to the forced row-level security: the backfill acts as every district.
      SELECT set_config('app.district_ids', coalesce((SELECT array_agg(id)::text FROM district), '{}'), true);
      WITH breached AS (
        SELECT c.district_id, c.id, c.street_office_id, c.grid_id, g.community_id,
               (c.received_at AT TIME ZONE 'Asia/Shanghai')::date AS day
          FROM (SELECT DISTINCT district_id, case_id FROM case_event
                 WHERE action = 'breach' AND data->>'limit' = 'reply') b
          JOIN hotline_case c ON c.district_id = b.district_id AND c.id = b.case_id
          LEFT JOIN grid g ON g.district_id = c.district_id AND g.id = c.grid_id
         WHERE EXISTS (SELECT 1 FROM case_event e
                        WHERE e.district_id = c.district_id AND e.case_id = c.id AND e.action = 'create')
      ),
      holders AS (
        -- The departments of the latest assignment, none once a granted return ended it.
        SELECT DISTINCT b.district_id, b.id, d.id AS department_id
          FROM breached b
          JOIN LATERAL (SELECT e.action, e.data FROM case_event e
                         WHERE e.district_id = b.district_id AND e.case_id = b.id
                           AND (e.action = 'assign'
                                OR (e.action = 'rule_return' AND e.data->'granted' = 'true'::jsonb))
                         ORDER BY e.position DESC LIMIT 1) last ON last.action = 'assign'
          CROSS JOIN LATERAL jsonb_array_elements_text(
                 CASE WHEN jsonb_typeof(last.data->'departments') = 'array'
                      THEN last.data->'departments' ELSE '[]'::jsonb END) AS held(code)
          JOIN department d ON d.district_id = b.district_id AND d.code = held.code
      ),
      units AS (
        SELECT district_id, 'district' AS level, district_id AS unit_id, day FROM breached
        UNION ALL
        SELECT district_id, 'street_office', street_office_id, day FROM breached
         WHERE street_office_id IS NOT NULL
        UNION ALL
        SELECT district_id, 'community', community_id, day FROM breached WHERE community_id IS NOT NULL
        UNION ALL
        SELECT district_id, 'grid', grid_id, day FROM breached WHERE grid_id IS NOT NULL
        UNION ALL
        SELECT h.district_id, 'department', h.department_id, b.day
          FROM holders h JOIN breached b ON b.district_id = h.district_id AND b.id = h.id
      )
      INSERT INTO score_counter AS s (district_id, id, level, unit_id, day, reply_breaches)
      SELECT district_id, gen_random_uuid(), level, unit_id, day, count(*)
        FROM units GROUP BY district_id, level, unit_id, day
      ON CONFLICT (district_id, level, unit_id, day) DO UPDATE
        SET reply_breaches = s.reply_breaches + EXCLUDED.reply_breaches;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX score_counter_day_idx;
      ${monthsFunction(BEFORE)}
      ALTER TABLE score_counter_month DROP COLUMN reply_breaches;
      ALTER TABLE score_counter DROP COLUMN reply_breaches;
      ${dayIndex(BEFORE)};
    `);
  }
}
