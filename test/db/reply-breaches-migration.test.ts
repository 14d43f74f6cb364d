import { Client } from "pg";
import { type DataSource } from "typeorm";
import { createDataSource } from "../../src/db/data-source";
import { loadDemoData } from "../../src/demo/seed";
import { storedCounters, verifyCounters } from "../../src/modules/cases/case.counters";
import { ReplyBreaches1765958400000 } from "../../migrations/1765958400000-ReplyBreaches";
import {
  runMigration,
  startMigratedPostgres,
  type MigratedPostgres,
} from "../helpers/migrated-postgres";
import { TEST_EPOCH } from "../helpers/clock";
import { gql, ok, startTestServer, type TestServer } from "../helpers/server";
import { closeFactories } from "../factories";
import { buildCaseWorld, hotlineCase, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { ManualClock } from "../../src/common/clock";
import { localDay } from "../../src/common/dates";
import { sweepOnce } from "../../src/modules/cases/deadline.sweeper";

/**
 * The migration that adds reply_breaches, on a database with history (the demo's month): taken
 * back and applied again, it leaves every counter equal to the log's measures (as
 * `npm run verify-scores` checks them) and to what the demo's loader and the live counters
 * counted, the months equal to the sums of their days, and the day index with every counter. Beside
 * the demo, a district of the factories holds the cases the demo's month may lack: a late case
 * whose department returned it (the department no longer carries it) and one it still holds.
 * This file has a PostgreSQL of its own: the run's shared database must not lose a column under
 * the other tests.
 */
jest.setTimeout(300_000);

let db: MigratedPostgres;
let owner: Client;
let ds: DataSource;
let server: TestServer;
let w: CaseWorld;

beforeAll(async () => {
  db = await startMigratedPostgres("migration");
  const adminUrl = db.pg.adminUrl;
  await loadDemoData(adminUrl, () => undefined, { now: TEST_EPOCH, statistics: "none" });
  w = await buildCaseWorld();
  const clock = new ManualClock(TEST_EPOCH);
  server = await startTestServer({ REDIS_URL: "" }, { databaseUrl: db.appUrl, clock });
  await lateCases(clock);
  owner = new Client({ connectionString: adminUrl });
  await owner.connect();
  ds = createDataSource({ url: adminUrl, entities: [], poolSize: 1 });
  await ds.initialize();
});

afterAll(async () => {
  await server?.close();
  await closeFactories();
  await owner?.end();
  if (ds?.isInitialized) await ds.destroy();
  await db?.remove();
});

/** Two unanswered cases dispatched to a department, one returned by it, both past their reply limit. */
async function lateCases(clock: ManualClock) {
  const call = async (name: string, type: string, input: Record<string, unknown>, token: string) =>
    ok(
      await gql<Record<string, { id: string; version: number }>, { i: Record<string, unknown> }>(
        server,
        `mutation($i: ${type}!) { ${name}(input: $i) { id version } }`,
        { i: input },
        token,
      ),
    )[name];
  const dispatched = async (department: string) => {
    const c = await hotlineCase(server, w);
    return call(
      "assignCase",
      "AssignCaseInput",
      {
        id: c.id,
        expectedVersion: c.version,
        assignments: [{ departmentId: gid("Department", department), role: "lead" }],
      },
      w.tokens.command,
    );
  };
  await dispatched(w.water.id);
  let returned = await dispatched(w.housing.id);
  returned = await call(
    "requestCaseReturn",
    "CaseNoteInput",
    { id: returned.id, expectedVersion: returned.version, note: "不属本部门" },
    w.tokens.housing,
  );
  await call(
    "ruleOnCaseReturn",
    "RulingInput",
    { id: returned.id, expectedVersion: returned.version, granted: true },
    w.tokens.command,
  );
  clock.advance(3 * 3_600_000);
  const swept = await sweepOnce(server.dataSource, server.pubSub, clock.now(), [w.district.id]);
  expect(swept.replyBreaches).toBe(2);
}

const migrate = (direction: "up" | "down") =>
  runMigration(ds, new ReplyBreaches1765958400000(), direction);

const sql = async (q: string, p?: unknown[]) => (await owner.query(q, p)).rows;

/** Runs `fn` as every district (the owner is subject to the forced row-level security). */
async function asEveryDistrict<T>(fn: (districts: string[]) => Promise<T>): Promise<T> {
  await owner.query("BEGIN");
  try {
    const districts = (await sql(`SELECT id FROM district ORDER BY id`)).map((r) => r.id as string);
    await owner.query("SELECT set_config('app.district_ids', $1, true)", [`{${districts}}`]);
    return await fn(districts);
  } finally {
    await owner.query("ROLLBACK");
  }
}

const stored = () =>
  asEveryDistrict(async (districts) => {
    const out: Record<string, Record<string, Record<string, number>>> = {};
    for (const d of districts) out[d] = Object.fromEntries(await storedCounters(sql, d));
    return out;
  });

const columnsOf = async (table: string) =>
  (
    await sql(`SELECT column_name FROM information_schema.columns WHERE table_name = $1`, [table])
  ).map((r) => r.column_name as string);

const dayIndex = async () =>
  (await sql(`SELECT indexdef FROM pg_indexes WHERE indexname = 'score_counter_day_idx'`))[0]
    ?.indexdef as string | undefined;

/** Month rows that differ from the sums of their days (none when the trigger kept them). */
async function monthsOffInside() {
  const cols = (await columnsOf("score_counter_month")).filter(
    (c) => !["district_id", "id", "level", "unit_id", "month"].includes(c),
  );
  const nonzero = (t: string) => `${t} WHERE ${cols.map((c) => `${c} <> 0`).join(" OR ")}`;
  const days = nonzero(`SELECT * FROM (
    SELECT district_id, level, unit_id, date_trunc('month', day::timestamp)::date AS month,
           ${cols.map((c) => `sum(${c})::int AS ${c}`).join(", ")}
      FROM score_counter GROUP BY 1, 2, 3, 4) d`);
  const months = nonzero(
    `SELECT district_id, level, unit_id, month, ${cols.join(", ")} FROM score_counter_month`,
  );
  const off = await sql(`(${days} EXCEPT ${months}) UNION ALL (${months} EXCEPT ${days})`);
  return { cols, off };
}
const monthsOff = () => asEveryDistrict(monthsOffInside);

it("backfills reply breaches from the log: counters equal the log's measures and the loader's counts", async () => {
  const loaded = await stored();
  // The demo's month has late replies, some in cases later dispatched: the departments holding
  // them carry them too.
  const [had] = await asEveryDistrict(() =>
    sql(`SELECT sum(reply_breaches) FILTER (WHERE level = 'district')::int AS cases,
                sum(reply_breaches) FILTER (WHERE level = 'department')::int AS departments
           FROM score_counter`),
  );
  expect(had.cases).toBeGreaterThan(0);
  expect(had.departments).toBeGreaterThan(0);
  const ours = loaded[w.district.id];
  const day = localDay(TEST_EPOCH);
  expect(ours[`district|${w.district.id}|${day}`]).toMatchObject({ reply_breaches: 2 });
  expect(ours[`department|${w.water.id}|${day}`]).toMatchObject({ reply_breaches: 1 });
  expect(ours[`department|${w.housing.id}|${day}`]).toMatchObject({
    returns: 1,
    reply_breaches: 0,
  });

  await migrate("down");
  expect(await columnsOf("score_counter")).not.toContain("reply_breaches");
  expect(await columnsOf("score_counter_month")).not.toContain("reply_breaches");
  expect(await dayIndex()).not.toMatch(/reply_breaches/);
  expect(await dayIndex()).toMatch(/part_breaches\)$/);
  // The months' trigger works with the columns as they were: a change of a counter moves them.
  await asEveryDistrict(async () => {
    await sql(`UPDATE score_counter SET received = received + 1 WHERE level = 'district'`);
    const { off } = await monthsOffInside();
    expect(off).toEqual([]);
  });

  await migrate("up");
  expect(await dayIndex()).toMatch(/part_breaches, reply_breaches\)$/);
  const problems = await asEveryDistrict(async (districts) => {
    const out: string[] = [];
    for (const d of districts) out.push(...(await verifyCounters(sql, d)));
    return out;
  });
  expect(problems).toEqual([]);
  expect(await stored()).toEqual(loaded);
  const { cols, off } = await monthsOff();
  expect(cols).toContain("reply_breaches");
  expect(off).toEqual([]);
});
