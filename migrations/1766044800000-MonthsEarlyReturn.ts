import { type MigrationInterface, type QueryRunner } from "typeorm";
// The function and the counters as they are when this runs: neither may change (see ReplyBreaches).
import { monthsFunction } from "./1765612800000-ScaleRollups";
import { AFTER as COUNTERS } from "./1765958400000-ReplyBreaches";

/** Where each branch of the month rollups' function begins, and what it does first from now on. */
const BRANCHES = [
  ["IF TG_OP = 'INSERT' THEN", "new_rows"],
  ["ELSIF TG_OP = 'UPDATE' THEN", "new_rows"],
  ["ELSIF TG_OP = 'DELETE' THEN", "old_rows"],
] as const;

/** monthsFunction with a return, first in each branch, when the statement changed no row. */
function monthsFunctionReturningEarly(counters: readonly string[]): string {
  let text = monthsFunction(counters);
  for (const [branch, rows] of BRANCHES) {
    if (!text.includes(branch)) throw new Error(`monthsFunction has no "${branch}"`);
    text = text.replace(
      branch,
      `${branch}
          IF NOT EXISTS (SELECT FROM ${rows}) THEN RETURN NULL; END IF;`,
    );
  }
  return text;
}

/**
 * The month rollups' trigger (ScaleRollups) returns at once for a statement that changed no row of
 * the day counters. An upsert of counters whose rows all exist (an intake on a day its units have
 * already counted, and almost every later event) fires the INSERT trigger with no new row, whose
 * aggregation and upsert of nothing still cost ~0.06 ms of the statement's ~0.2 ms in triggers
 * (pgbench on PostgreSQL 15, alternated; README "What removed what").
 */
export class MonthsEarlyReturn1766044800000 implements MigrationInterface {
  name = "MonthsEarlyReturn1766044800000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(monthsFunctionReturningEarly(COUNTERS));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(monthsFunction(COUNTERS));
  }
}
