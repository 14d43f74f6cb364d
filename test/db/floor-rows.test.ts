import { Client } from "pg";
import { bulkModeOf } from "../../src/demo/copy-rows";
import { loadDistrictAtOnce } from "../../src/demo/lane";
import { differingTables, readRows, writeRows } from "../../src/bench/floor-rows";
import { uuidv7 } from "../../src/common/ids";
import { asDistrict, buildDistrict, closeFactories } from "../factories";
import { prepareDemoDistrict } from "../factories/demo-district";
import { TEST_EPOCH } from "../helpers/clock";
import { startMigratedPostgres, type MigratedPostgres } from "../helpers/migrated-postgres";

/**
 * `npm run bench:floor` (src/bench/floor.ts) keeps a loaded database's rows as binary COPY and
 * writes them into a new, migrated one on two connections. Two PostgreSQLs of this file's own: a
 * district's demo month loaded into the first, its rows written into the second, which must then
 * hold the same rows (the rollups its triggers keep made again, not written twice).
 */
jest.setTimeout(120_000);

let source: MigratedPostgres | undefined;
let target: MigratedPostgres | undefined;

afterAll(async () => {
  await closeFactories();
  await source?.remove();
  await target?.remove();
});

const ROLLUPS = [
  "grid_household_count",
  "patrol_grid_month",
  "patrol_visit_month",
  "score_counter_month",
];

it("writes a loaded district's rows into a new database, which then holds the same rows", async () => {
  source = await startMigratedPostgres("floor-source");
  const built = await buildDistrict({ name: "地板区" });
  const other = await buildDistrict({ name: "别区" });
  await asDistrict(other.id, (q) =>
    q("INSERT INTO department (id, district_id, code, name) VALUES ($1, $2, 'water', '水务局')", [
      uuidv7(),
      other.id,
    ]),
  );
  const owner = new Client({ connectionString: source.pg.adminUrl });
  await owner.connect();
  try {
    await owner.query("BEGIN");
    await owner.query("SELECT set_config('app.district_ids', $1, true)", [`{${built.id}}`]);
    await prepareDemoDistrict(owner, built.id);
    await loadDistrictAtOnce(
      owner,
      { id: built.id, code: built.code, name: built.name, kind: "district" },
      { mode: await bulkModeOf(owner), now: TEST_EPOCH },
    );
    await owner.query("COMMIT");
  } finally {
    await owner.end();
  }

  const rows = await readRows(source.pg.adminUrl, built.id);
  for (const t of ROLLUPS) expect(rows.derived).toContain(t);
  const byTable = new Map(rows.tables.map((t) => [t.table, t]));
  expect(byTable.get("hotline_case")!.count).toBeGreaterThan(100);
  expect(byTable.get("case_event")!.count).toBeGreaterThan(byTable.get("hotline_case")!.count);
  // The district's rows on the first lane, the other district's (no cases) on the second.
  expect(byTable.get("hotline_case")!.lanes[0].length).toBeGreaterThan(1000);
  expect(byTable.get("district")!.count).toBe(2);
  expect(byTable.get("district")!.lanes[0].length).toBe(0);
  // The other district has no cases: its lane's COPY of them is a header and a trailer alone.
  expect(byTable.get("hotline_case")!.lanes[1].length).toBe(21);
  expect(byTable.get("department")!.lanes[1].length).toBeGreaterThan(21);
  // A table without rows in the demo is kept, so that rows it gains in the new database are seen.
  expect(byTable.get("calendar_day")).toMatchObject({ count: 0 });

  target = await startMigratedPostgres("floor-target");
  const written = await writeRows(target.pg.adminUrl, rows);
  expect(written).toEqual(expect.arrayContaining(["hotline_case", "case_event", "household"]));
  // The rollups came from their triggers, not from the rows kept.
  for (const t of ROLLUPS) expect(written).not.toContain(t);
  expect(await differingTables(target.pg.adminUrl, rows)).toEqual([]);

  // The same rows, not only as many: every case with its number, status and times.
  const cases = async (url: string) => {
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      const { rows: r } = await c.query(
        `SELECT md5(string_agg(concat_ws('|', id, number, status, received_at, closed_at), ',' ORDER BY id)) AS h,
                (SELECT sum(households) FROM grid_household_count) AS households
           FROM hotline_case`,
      );
      return r[0];
    } finally {
      await c.end();
    }
  };
  expect(await cases(target.pg.adminUrl)).toEqual(await cases(source.pg.adminUrl));

  // A row missing is seen; so is a row changed, in a table or in a rollup, its count the same;
  // and a row where the demo had none.
  const t = new Client({ connectionString: target.pg.adminUrl });
  await t.connect();
  try {
    await t.query(
      "DELETE FROM case_event WHERE id = (SELECT id FROM case_event ORDER BY id DESC LIMIT 1)",
    );
    // As a replica: no trigger of the server's own writes runs for this edit.
    await t.query("SET session_replication_role = replica");
    await t.query(
      "UPDATE hotline_case SET version = version + 1 WHERE id = (SELECT id FROM hotline_case ORDER BY id LIMIT 1)",
    );
    await t.query(
      "INSERT INTO calendar_day (district_id, id, day, kind) VALUES ($1, $2, '2026-10-01', 'holiday')",
      [built.id, uuidv7()],
    );
    await t.query(
      "UPDATE grid_household_count SET households = households + 1 WHERE id = (SELECT id FROM grid_household_count ORDER BY id LIMIT 1)",
    );
  } finally {
    await t.end();
  }
  const count = (table: string) => byTable.get(table)!.count;
  expect(await differingTables(target.pg.adminUrl, rows)).toEqual([
    { table: "calendar_day", expected: 0, found: 1 },
    { table: "case_event", expected: count("case_event"), found: count("case_event") - 1 },
    {
      table: "grid_household_count",
      expected: count("grid_household_count"),
      found: count("grid_household_count"),
    },
    { table: "hotline_case", expected: count("hotline_case"), found: count("hotline_case") },
  ]);
});
