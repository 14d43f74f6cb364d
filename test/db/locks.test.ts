import { Client } from "pg";
import { until } from "../helpers/clock";
import { lockAgainstWriters } from "../helpers/locks";

/**
 * The helper that the count-comparing tests use to hold other test files' writers while they
 * compare: it never waits for one table while holding another, so that a writer taking the same
 * tables in the other order goes on instead of deadlocking with it. Its scratch tables live in a
 * schema of their own (the catalogue test reads every table of `public`).
 */
const url = () => process.env.TEST_OWNER_DATABASE_URL!;
const schema = `lock_test_${process.pid}_${Date.now().toString(36)}`;
const [first, second] = [`${schema}.a`, `${schema}.b`];

let tester: Client;
let writer: Client;
let testerPid: number;

beforeAll(async () => {
  tester = new Client({ connectionString: url() });
  writer = new Client({ connectionString: url() });
  await Promise.all([tester.connect(), writer.connect()]);
  await tester.query(
    `CREATE SCHEMA ${schema}; CREATE TABLE ${first} (x int); CREATE TABLE ${second} (x int)`,
  );
  testerPid = (await tester.query("SELECT pg_backend_pid() AS pid")).rows[0].pid as number;
});

afterAll(async () => {
  // Whatever a failed test left open, so that the DROP cannot wait on it.
  await writer.query("ROLLBACK").catch(() => undefined);
  await writer.end();
  await tester.query("ROLLBACK").catch(() => undefined);
  await tester.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await tester.end();
});

/** The scratch tables' locks a backend holds ("granted") or waits for. */
async function locksOf(
  pid: number,
): Promise<Array<{ table: string; mode: string; granted: boolean }>> {
  const { rows } = await writer.query(
    `SELECT l.relation::regclass::text AS table, l.mode, l.granted
       FROM pg_locks l WHERE l.pid = $1 AND l.relation = ANY($2::regclass[])`,
    [pid, [first, second]],
  );
  return rows;
}

it("asks again while a writer holds a table, and lets a writer taking the tables in the other order go on", async () => {
  await writer.query("BEGIN");
  try {
    await writer.query(`LOCK TABLE ${second} IN ROW EXCLUSIVE MODE`);
    let refused = 0;
    const locking = lockAgainstWriters(tester, [first, second], { onBusy: () => refused++ });
    await until(() => refused > 0, "the tester to be refused a try");
    // A writer that holds `second` and now asks for `first` is not stopped for good: with a plain
    // LOCK of both, the tester would hold `first` and wait for `second`, a deadlock.
    await writer.query(`LOCK TABLE ${first} IN ROW EXCLUSIVE MODE`);
    await writer.query("COMMIT");
    await locking;
  } finally {
    await writer.query("ROLLBACK").catch(() => undefined);
  }
  const held = await locksOf(testerPid);
  expect(
    held
      .filter((l) => l.granted && l.mode === "ShareLock")
      .map((l) => l.table)
      .sort(),
  ).toEqual([first, second].sort());
  expect(held.filter((l) => !l.granted)).toEqual([]);
  await tester.query("ROLLBACK");
});

it("gives up with PostgreSQL's lock error once past its ceiling, holding nothing", async () => {
  await writer.query("BEGIN");
  try {
    await writer.query(`LOCK TABLE ${second} IN ROW EXCLUSIVE MODE`);
    const outcome = await lockAgainstWriters(tester, [first, second], { ceilingMs: 0 }).then(
      () => null,
      (err: { code?: string }) => err.code,
    );
    expect(outcome).toBe("55P03");
  } finally {
    await writer.query("ROLLBACK");
  }
  expect(await locksOf(testerPid)).toEqual([]);
});
