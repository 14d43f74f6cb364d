import { Client } from "pg";
import { buildDepartment, buildDistrict, closeFactories, type BuiltDistrict } from "../factories";
import { uuidv7 } from "../../src/common/ids";
import { createDataSource } from "../../src/db/data-source";
import { ENTITIES } from "../../src/modules/entities";
import { inTenantTransaction } from "../../src/db/tenant";

/**
 * The second wall: the server's own role, with A's tenant context set, cannot read or write B's
 * rows even when the SQL forgets every WHERE clause.
 */
let app: Client;
let a: BuiltDistrict;
let b: BuiltDistrict;

beforeAll(async () => {
  a = await buildDistrict();
  b = await buildDistrict();
  await buildDepartment({ district: a, code: "rls_a" });
  await buildDepartment({ district: b, code: "rls_b" });
  app = new Client({ connectionString: process.env.TEST_APP_DATABASE_URL });
  await app.connect();
});
afterAll(async () => {
  await app.end();
  await closeFactories();
});

async function asTenant<T>(districtIds: string[], fn: () => Promise<T>): Promise<T> {
  await app.query("BEGIN");
  try {
    await app.query("SELECT set_config('app.district_ids', $1, true)", [
      `{${districtIds.join(",")}}`,
    ]);
    return await fn();
  } finally {
    await app.query("ROLLBACK");
  }
}

it("connects as a role that is no superuser, cannot bypass RLS and owns no table", async () => {
  const { rows } = await app.query(
    `SELECT rolsuper, rolbypassrls,
            (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned
       FROM pg_roles r WHERE rolname = current_user`,
  );
  expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
});

it("with A's context, SELECT without WHERE returns none of B's rows", async () => {
  const rows = await asTenant(
    [a.id],
    async () => (await app.query("SELECT district_id, code FROM department")).rows,
  );
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r.district_id === a.id)).toBe(true);
  expect(rows.map((r) => r.code)).not.toContain("rls_b");
});

it("without any context, no tenant row is visible", async () => {
  const { rows } = await app.query("SELECT count(*)::int AS n FROM department");
  expect(rows[0].n).toBe(0);
  const staff = await app.query("SELECT count(*)::int AS n FROM staff_account");
  expect(staff.rows[0].n).toBe(0);
});

it("with A's context, writes into B are refused and updates of B's rows touch nothing", async () => {
  await asTenant([a.id], async () => {
    await app.query("SAVEPOINT s");
    await expect(
      app.query(
        "INSERT INTO department (district_id, id, code, name) VALUES ($1, $2, 'sneaky', 'x')",
        [b.id, uuidv7()],
      ),
    ).rejects.toMatchObject({ code: "42501" });
    await app.query("ROLLBACK TO SAVEPOINT s");
    const upd = await app.query("UPDATE department SET name = 'hacked' WHERE district_id = $1", [
      b.id,
    ]);
    expect(upd.rowCount).toBe(0);
    const del = await app.query("DELETE FROM department WHERE code = 'rls_b'");
    expect(del.rowCount).toBe(0);
    // Moving one of A's rows into B is refused by WITH CHECK.
    await app.query("SAVEPOINT t");
    await expect(
      app.query("UPDATE department SET district_id = $1 WHERE code = 'rls_a'", [b.id]),
    ).rejects.toMatchObject({
      code: "42501",
    });
    await app.query("ROLLBACK TO SAVEPOINT t");
  });
});

it("the server's tenant transaction sets the context for that transaction only", async () => {
  // One pooled connection, so the second query reuses the connection the transaction used.
  const ds = createDataSource({
    url: process.env.TEST_APP_DATABASE_URL!,
    entities: ENTITIES,
    poolSize: 1,
  });
  await ds.initialize();
  try {
    const scope = { districtIds: [a.id], subject: "rls.test", role: "district_admin" };
    const inside = await inTenantTransaction(ds, scope, (m) =>
      m.query("SELECT count(*)::int AS n, current_setting('app.role') AS role FROM department"),
    );
    expect(inside[0].n).toBeGreaterThan(0);
    expect(inside[0].role).toBe("district_admin");
    const after = await ds.query("SELECT count(*)::int AS n FROM department");
    expect(after[0].n).toBe(0);
  } finally {
    await ds.destroy();
  }
});

it("the server's role cannot write the reference tables or switch RLS off", async () => {
  await expect(
    app.query("INSERT INTO city (id, code, name) VALUES ($1, 'evil', 'x')", [uuidv7()]),
  ).rejects.toMatchObject({
    code: "42501",
  });
  await expect(
    app.query("ALTER TABLE department DISABLE ROW LEVEL SECURITY"),
  ).rejects.toMatchObject({ code: "42501" });
});

it("the policy reads the tenant setting once per statement (an InitPlan), not per row", async () => {
  const plan = await asTenant([a.id], async () => {
    const { rows } = await app.query("EXPLAIN (FORMAT JSON) SELECT * FROM department");
    return JSON.stringify(rows[0]["QUERY PLAN"]);
  });
  expect(plan).toContain("InitPlan");
});
