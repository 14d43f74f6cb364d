import { type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Indexes for a district of a million cases (issue 14, `npm run bench -- --cases 1000000`), each
 * for a plan that read far more than it kept:
 * - score_counter_day_idx: a period's counters of one level, read as one range of the index
 *   without the table (the measures and scoreboards: 702 grids × 31 days summed from ~450 pages
 *   instead of 23,000 buffer hits of one index scan per grid). Its included columns are the
 *   measures' counters, so a counter's update writes it too: one index entry more per unit a
 *   case event moves.
 * - hotline_case_open_idx: the open cases only, the few that can be overdue (the measures'
 *   overdueNow read every case of the district; the list's overdue and open-status filters).
 * - the grid, street office and status indexes end with the id, so that a page of a filtered list
 *   (newest first: ids follow the receipt) is a range of the index rather than a sort of every
 *   matching case; the category gets one likewise, with the status, so that counting a
 *   category's cases in some status reads the index alone.
 * - case_event_case_idx carries the action, so that a drill-down (measureCases) keeps only the
 *   cases whose log holds an action its measure needs without reading their events.
 */
export class ScaleIndexes1765353600000 implements MigrationInterface {
  name = "ScaleIndexes1765353600000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX score_counter_day_idx ON score_counter (district_id, level, day)
        INCLUDE (unit_id, received, hotline, community_report, grid_patrol, resident_report,
                 replied_on_time, resolved, resolved_on_time, callbacks, callbacks_valid,
                 satisfied, basically_satisfied, unsatisfied, returns, supervisions, breaches,
                 parts, parts_replied_on_time, parts_on_time, part_breaches);
      CREATE INDEX hotline_case_open_idx ON hotline_case (district_id, id)
        WHERE status NOT IN ('resolved', 'closed');
      DROP INDEX hotline_case_grid_idx;
      CREATE INDEX hotline_case_grid_idx ON hotline_case (district_id, grid_id, id);
      DROP INDEX hotline_case_street_idx;
      CREATE INDEX hotline_case_street_idx ON hotline_case (district_id, street_office_id, id);
      DROP INDEX hotline_case_status_idx;
      CREATE INDEX hotline_case_status_idx ON hotline_case (district_id, status, id);
      CREATE INDEX hotline_case_category_idx ON hotline_case (district_id, category_id, status, id);
      DROP INDEX case_event_case_idx;
      CREATE INDEX case_event_case_idx ON case_event (district_id, case_id, position) INCLUDE (action);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX case_event_case_idx;
      CREATE INDEX case_event_case_idx ON case_event (district_id, case_id, position);
      DROP INDEX hotline_case_category_idx;
      DROP INDEX hotline_case_status_idx;
      CREATE INDEX hotline_case_status_idx ON hotline_case (district_id, status);
      DROP INDEX hotline_case_street_idx;
      CREATE INDEX hotline_case_street_idx ON hotline_case (district_id, street_office_id);
      DROP INDEX hotline_case_grid_idx;
      CREATE INDEX hotline_case_grid_idx ON hotline_case (district_id, grid_id);
      DROP INDEX hotline_case_open_idx;
      DROP INDEX score_counter_day_idx;
    `);
  }
}
