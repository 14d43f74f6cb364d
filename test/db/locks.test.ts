import { Client } from "pg";
import { until } from "../helpers/clock";
import { lockAgainstWriters } from "../helpers/locks";

/**
 * The helper that the count-comparing tests use to hold other test files' writers: when the
 * locks it takes one table at a time meet a writer that takes them in the other order, PostgreSQL
 * ends one side with a deadlock; the helper asks again rather than failing the test.
 */
const url = () => process.env.TEST_OWNER_DATABASE_URL!;
const suffix = `${process.pid}_${Date.now().toString(36)}`;
const [first, second] = [`lock_test_a_${suffix}`, `lock_test_b_${suffix}`];

let tester: Client;
let writer: Client;

beforeAll(async () => {
  tester = new Client({ connectionString: url() });
  writer = new Client({ connectionString: url() });
  await Promise.all([tester.connect(), writer.connect()]);
  await tester.query(`CREATE TABLE ${first} (x int); CREATE TABLE ${second} (x int)`);
});

afterAll(async () => {
  await tester.query("ROLLBACK").catch(() => undefined);
  await tester.query(`DROP TABLE IF EXISTS ${first}, ${second}`);
  await Promise.all([tester.end(), writer.end()]);
});

/** The table locks a backend holds (granted) or waits for, by table name. */
async function locksOf(
  pid: number,
): Promise<Array<{ table: string; mode: string; granted: boolean }>> {
  const { rows } = await writer.query(
    `SELECT c.relname AS table, l.mode, l.granted
       FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
      WHERE l.pid = $1 AND c.relname = ANY($2)`,
    [pid, [first, second]],
  );
  return rows;
}

it("asks for the locks again when PostgreSQL ends its transaction to break a deadlock", async () => {
  const testerPid = (await tester.query("SELECT pg_backend_pid() AS pid")).rows[0].pid as number;
  // The writer checks for deadlocks late, so that the tester's check, which starts waiting first,
  // is the one that finds the deadlock and ends its own transaction.
  await writer.query("BEGIN");
  await writer.query("SET LOCAL deadlock_timeout = '60s'");
  await writer.query(`LOCK TABLE ${second} IN ROW EXCLUSIVE MODE`);

  const locking = lockAgainstWriters(tester, [first, second]);
  await until(
    async () => (await locksOf(testerPid)).some((l) => l.table === second && !l.granted),
    "the tester to hold the first table and wait for the second",
  );
  // The writer now asks for the table the tester holds: a deadlock, which the tester breaks.
  await writer.query(`LOCK TABLE ${first} IN ROW EXCLUSIVE MODE`);
  await writer.query("COMMIT");
  await locking;

  const held = await locksOf(testerPid);
  expect(
    held
      .filter((l) => l.granted && l.mode === "ShareLock")
      .map((l) => l.table)
      .sort(),
  ).toEqual([first, second].sort());
  await tester.query("ROLLBACK");
});

it("gives up after its attempts, with PostgreSQL's deadlock error", async () => {
  const testerPid = (await tester.query("SELECT pg_backend_pid() AS pid")).rows[0].pid as number;
  await writer.query("BEGIN");
  await writer.query("SET LOCAL deadlock_timeout = '60s'");
  await writer.query(`LOCK TABLE ${second} IN ROW EXCLUSIVE MODE`);
  const locking = lockAgainstWriters(tester, [first, second], 1);
  const outcome = locking.then(
    () => null,
    (err: { code?: string }) => err.code,
  );
  await until(
    async () => (await locksOf(testerPid)).some((l) => l.table === second && !l.granted),
    "the tester to wait for the second table",
  );
  const writerLock = writer.query(`LOCK TABLE ${first} IN ROW EXCLUSIVE MODE`);
  expect(await outcome).toBe("40P01");
  await writerLock;
  await writer.query("COMMIT");
  // Nothing is left open on the tester's connection.
  expect(await locksOf(testerPid)).toEqual([]);
});
