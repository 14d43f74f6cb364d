import { Client } from "pg";
import { bulkModeOf } from "../../src/demo/copy-rows";
import { loadDistrictAtOnce } from "../../src/demo/lane";
import { loadScaleCases } from "../../src/bench/scale-load";
import { buildDistrict, closeFactories } from "../factories";
import { prepareDemoDistrict } from "../factories/demo-district";
import { TEST_EPOCH } from "../helpers/clock";
import { startMigratedPostgres, type MigratedPostgres } from "../helpers/migrated-postgres";

/**
 * `npm run bench -- --cases N` (src/bench/scale-load.ts) on a district of its own: its demo month
 * loaded, then copied back in time. The copies are written out of the order of their time; the
 * load leaves the cases in the table in the order of their ids, as a district written as its
 * cases came would hold them.
 *
 * A PostgreSQL of its own: the load ends by rewriting the cases' table (CLUSTER), whose exclusive
 * lock, queued on the run's shared database, would hold up every other test's reads of cases, and
 * could wait for ever on a test that holds a lock on the table while it waits for such reads.
 */
jest.setTimeout(120_000);

let db: MigratedPostgres;
let owner: Client;

beforeAll(async () => {
  db = await startMigratedPostgres("scale-copy");
  owner = new Client({ connectionString: db.pg.adminUrl });
  await owner.connect();
});
afterAll(async () => {
  await owner?.end();
  await closeFactories();
  await db?.remove();
});

it("copies a district's closed cases back in time and leaves its cases in the order of their ids", async () => {
  const built = await buildDistrict({ name: "复制区" });
  const district = { id: built.id, code: built.code, name: built.name, kind: "district" as const };
  await owner.query("BEGIN");
  try {
    await owner.query("SELECT set_config('app.district_ids', $1, true)", [`{${district.id}}`]);
    await prepareDemoDistrict(owner, district.id);
    await loadDistrictAtOnce(owner, district, { mode: await bulkModeOf(owner), now: TEST_EPOCH });
    await owner.query("COMMIT");
  } catch (err) {
    await owner.query("ROLLBACK");
    throw err;
  }
  const counts = async () => {
    await owner.query("SELECT set_config('app.district_ids', $1, false)", [`{${district.id}}`]);
    const { rows } = await owner.query(
      `SELECT count(*)::int AS cases, count(*) FILTER (WHERE status = 'closed')::int AS closed
         FROM hotline_case WHERE district_id = $1`,
      [district.id],
    );
    return rows[0] as { cases: number; closed: number };
  };
  const before = await counts();
  expect(before.closed).toBeGreaterThan(100);
  // Two whole copies and part of a third: the second goes further back than the first, and is
  // written after it.
  const target = before.cases + 2 * before.closed + 10;
  const lines: string[] = [];
  const result = await loadScaleCases(
    db.pg.adminUrl,
    { district: district.code, cases: target },
    (m) => lines.push(m),
  );
  expect(result).toMatchObject({ cases: target, added: target - before.cases, copies: 3 });
  expect((await counts()).cases).toBe(target);
  expect(lines.some((l) => l.startsWith("cases not put in order"))).toBe(false);
  // In id order, no case lies in an earlier page of the table than the case before it.
  const { rows } = await owner.query(
    `SELECT count(*) FILTER (WHERE page < before)::int AS back, count(*)::int AS n FROM (
       SELECT (ctid::text::point)[0] AS page,
              lag((ctid::text::point)[0]) OVER (ORDER BY id) AS before
         FROM hotline_case WHERE district_id = $1) x`,
    [district.id],
  );
  expect(rows[0]).toEqual({ back: 0, n: target });
});
