import { isRead } from "../../src/bench/scale-plans";
import { INSERT_READS } from "../../src/context/read-audit-writes";

/**
 * `npm run bench -- --cases N --plans` replays a request's reads as EXPLAIN ANALYZE, which runs
 * them: a statement that writes must not be taken for a read. The read audit's statement is a WITH
 * that inserts; replayed, its rows' ids were already taken and the run stopped on a duplicate key.
 */
describe("the statements --plans replays", () => {
  it("takes a SELECT and a WITH that only selects for reads", () => {
    expect(isRead("SELECT count(*) FROM hotline_case WHERE district_id = $1")).toBe(true);
    expect(isRead("  with s AS (SELECT 1 AS x) SELECT x FROM s")).toBe(true);
    // Whole words only: columns named after a write are still read.
    expect(isRead("SELECT updated_at, deleted_at, inserted FROM t")).toBe(true);
  });

  it("leaves out the read audit's statement and every other write", () => {
    expect(isRead(INSERT_READS)).toBe(false);
    expect(
      isRead("WITH x AS (UPDATE hotline_case SET status = 'closed' RETURNING id) SELECT 1"),
    ).toBe(false);
    expect(isRead("WITH x AS (DELETE FROM t RETURNING 1) SELECT count(*) FROM x")).toBe(false);
    expect(isRead("INSERT INTO t SELECT 1")).toBe(false);
  });

  it("leaves out the tenant settings (they are run, not explained)", () => {
    expect(isRead("SELECT set_config('app.district_ids', $1, true)")).toBe(false);
  });
});
