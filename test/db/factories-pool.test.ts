import { Client, type PoolClient } from "pg";
import { closeFactories, ownerPool } from "../factories";
import { until } from "../helpers/clock";

/**
 * The factories' pool (test/factories/index.ts), which every test file closes in its afterAll,
 * some of them right before stopping a PostgreSQL of their own: closing it must leave no
 * connection open, and an idle connection that its server ends must not fail the file.
 */

afterAll(() => closeFactories());

const socketOf = (c: PoolClient) =>
  (c as unknown as { connection: { stream: { destroyed: boolean } } }).connection.stream;

it("closeFactories resolves only once every connection of the pool has closed", async () => {
  const pool = ownerPool();
  const clients: PoolClient[] = [];
  pool.on("connect", (c) => clients.push(c));
  await Promise.all([1, 2, 3].map(() => pool.query("SELECT pg_sleep(0.01)")));
  expect(clients).toHaveLength(3);
  await closeFactories();
  expect(clients.map((c) => socketOf(c).destroyed)).toEqual([true, true, true]);
});

it("an idle connection ended by its server is dropped, not thrown, and the pool goes on", async () => {
  const pool = ownerPool();
  const pid = (await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
  expect(pool.idleCount).toBe(1);
  const admin = new Client({ connectionString: process.env.TEST_OWNER_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query("SELECT pg_terminate_backend($1)", [pid]);
  } finally {
    await admin.end();
  }
  await until(() => pool.totalCount === 0, "the pool to drop the ended connection");
  expect((await pool.query<{ n: number }>("SELECT 1 AS n")).rows).toEqual([{ n: 1 }]);
});
