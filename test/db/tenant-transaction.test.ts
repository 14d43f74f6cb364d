import { OperationTypeNode } from "graphql";
import { type DataSource } from "typeorm";
import {
  buildDepartment,
  buildDistrict,
  closeFactories,
  ownerPool,
  type BuiltDistrict,
} from "../factories";
import { uuidv7 } from "../../src/common/ids";
import { createDataSource } from "../../src/db/data-source";
import { ENTITIES } from "../../src/modules/entities";
import { Department } from "../../src/modules/org/department.entity";
import { type ReadRow } from "../../src/context/read-audit";
import { insertReads, insertReadsStatement } from "../../src/context/read-audit-writes";
import {
  beginTenantSql,
  inTenantTransaction,
  RequestTransaction,
  type TenantScope,
} from "../../src/db/tenant";
import { queryArrays, queryPrepared, queryPreparedInOrder } from "../../src/db/statements";
import { wiredDataSource } from "../helpers/wire";

/**
 * The tenant transaction opens with BEGIN and the tenant settings in one message (one round
 * trip), and may end with a last statement and COMMIT in one message. What must not change with
 * it: the settings are exactly the caller's, row-level security holds, TypeORM knows the
 * transaction is open (its save() must not commit on its own), and a failure rolls back.
 */
let ds: DataSource;
let a: BuiltDistrict;
let b: BuiltDistrict;
const statements: string[] = [];

beforeAll(async () => {
  a = await buildDistrict();
  b = await buildDistrict();
  await buildDepartment({ district: a, code: "tx_a" });
  await buildDepartment({ district: b, code: "tx_b" });
  ds = createDataSource({
    url: process.env.TEST_APP_DATABASE_URL!,
    entities: ENTITIES,
    poolSize: 2,
    onQuery: (sql) => statements.push(sql),
  });
  await ds.initialize();
});
afterAll(async () => {
  await ds.destroy();
  await closeFactories();
});

const scopeOf = (d: BuiltDistrict, subject = "tx.test"): TenantScope => ({
  districtIds: [d.id],
  subject,
  role: "district_admin",
});

const departmentCodes = async (d: BuiltDistrict) =>
  inTenantTransaction(ds, scopeOf(d), async (m) =>
    (await m.query("SELECT code FROM department ORDER BY code")).map(
      (r: { code: string }) => r.code,
    ),
  );

it("sets the caller's tenant, subject and role in one round trip, quotes and all", async () => {
  const subject = `o'brien\\x"; SELECT 1; --`;
  const before = statements.length;
  const tx = new RequestTransaction(ds, { ...scopeOf(a), subject });
  const [row] = await tx.run((m) =>
    m.query(
      `SELECT current_setting('app.district_ids') AS ids, current_setting('app.user') AS "user",
              current_setting('app.role') AS role, count(*)::int AS departments FROM department`,
    ),
  );
  await tx.finish(true);
  expect(row).toEqual({
    ids: `{${a.id}}`,
    user: subject,
    role: "district_admin",
    departments: 1,
  });
  // BEGIN with the settings, the statement, COMMIT.
  expect(statements.slice(before)).toHaveLength(3);
  expect(statements[before]).toMatch(/^BEGIN; SELECT set_config\('app.district_ids'/);
});

it("keeps row-level security: A's transaction reads and writes none of B's rows", async () => {
  const tx = new RequestTransaction(ds, scopeOf(a));
  const codes = await tx.run(async (m) =>
    (await m.query("SELECT district_id, code FROM department")).map(
      (r: { district_id: string; code: string }) => [r.district_id, r.code],
    ),
  );
  expect(codes).toEqual([[a.id, "tx_a"]]);
  await expect(
    tx.run((m) =>
      m.query("INSERT INTO department (district_id, id, code, name) VALUES ($1, $2, 'evil', 'x')", [
        b.id,
        uuidv7(),
      ]),
    ),
  ).rejects.toMatchObject({ driverError: { code: "42501" } });
  await tx.finish(false);
  expect(await departmentCodes(b)).toEqual(["tx_b"]);
  // The settings lasted for the transaction only: the connection, back in the pool, has none.
  const [after] = await ds.query("SELECT current_setting('app.district_ids', true) AS ids");
  expect(after.ids ?? "").toBe("");
});

it("tells TypeORM the transaction is open: save() joins it, and a rollback undoes it", async () => {
  const tx = new RequestTransaction(ds, scopeOf(a));
  const before = statements.length;
  await tx.run((m) =>
    m.save(m.create(Department, { districtId: a.id, id: uuidv7(), code: "tx_saved", name: "x" })),
  );
  // Nothing of TypeORM's own transaction (START TRANSACTION … COMMIT) around the INSERT.
  expect(statements.slice(before).filter((s) => /^(START TRANSACTION|COMMIT)/.test(s))).toEqual([]);
  await tx.finish(false);
  expect(await departmentCodes(a)).toEqual(["tx_a"]);
});

it("rolls back a request whose statement failed, and commits one that did not", async () => {
  const failed = new RequestTransaction(ds, scopeOf(a));
  await failed.run((m) =>
    m.query(
      "INSERT INTO department (district_id, id, code, name) VALUES ($1, $2, 'tx_lost', 'x')",
      [a.id, uuidv7()],
    ),
  );
  await expect(failed.run((m) => m.query("SELECT 1/0"))).rejects.toThrow(/division by zero/);
  await failed.finish(false);
  expect(await departmentCodes(a)).toEqual(["tx_a"]);

  const done = new RequestTransaction(ds, scopeOf(a));
  await done.run((m) =>
    m.query(
      "INSERT INTO department (district_id, id, code, name) VALUES ($1, $2, 'tx_kept', 'x')",
      [a.id, uuidv7()],
    ),
  );
  await done.finish(true);
  expect(await departmentCodes(a)).toEqual(["tx_a", "tx_kept"]);
});

it("sends last statements with COMMIT in one round trip, and rolls back if one fails", async () => {
  const insert = (code: string) => ({
    text: "INSERT INTO department (district_id, id, code, name) VALUES ($1, $2, $3, 'x')",
    params: [b.id, uuidv7(), code],
  });
  const wire = await wiredDataSource();
  try {
    const tx = new RequestTransaction(wire.ds, scopeOf(b));
    await tx.run((m) => m.query("SELECT 1"));
    wire.events.length = 0;
    await tx.finish(true, [insert("tx_last"), insert("tx_last_2")]);
    // Both INSERTs (prepared statements, each ending with a Sync) and COMMIT, written before the
    // first answer was read.
    const groups = wire.sendGroups();
    expect(groups).toHaveLength(1);
    expect(groups[0].filter((e) => e === "S")).toHaveLength(2);
    expect(groups[0].at(-1)).toMatch(/^Q COMMIT/);
  } finally {
    await wire.ds.destroy();
  }

  const failing = new RequestTransaction(ds, scopeOf(b));
  await failing.run((m) =>
    m.query(
      "INSERT INTO department (district_id, id, code, name) VALUES ($1, $2, 'tx_gone', 'x')",
      [b.id, uuidv7()],
    ),
  );
  // The same code again: the unique (district, code) refuses it, so nothing is committed, and
  // the error says a last statement failed (the COMMIT behind it answered as a rollback).
  await expect(failing.finish(true, [insert("tx_last")])).rejects.toMatchObject({
    name: "BeforeCommitError",
    cause: { driverError: { code: "23505" } },
  });
  expect(await departmentCodes(b)).toEqual(["tx_b", "tx_last", "tx_last_2"]);

  // Every connection is back in the pool.
  const pool = (ds.driver as unknown as { master: { totalCount: number; idleCount: number } })
    .master;
  expect(pool.totalCount).toBe(pool.idleCount);
});

it("refuses a district id that is not a uuid, or a NUL, before anything is sent", () => {
  expect(() =>
    beginTenantSql({ districtIds: ["x'); DROP TABLE department; --"], subject: "s", role: "r" }),
  ).toThrow(/not a uuid/);
  // The text would end at the NUL: PostgreSQL would refuse BEGIN with the rest.
  expect(() => beginTenantSql({ ...scopeOf(a), subject: "a\0b" })).toThrow(/NUL/);
  expect(() => beginTenantSql({ ...scopeOf(a), role: "r\0" })).toThrow(/NUL/);
});

it("writes the read audit's rows with their text intact, every value a parameter", async () => {
  const subject = `a'b\\c"d 张三 \\u0041 $1`;
  const recordIds = [uuidv7(), uuidv7()];
  await inTenantTransaction(ds, scopeOf(a), (m) =>
    insertReads(m, [
      {
        districtId: a.id,
        kind: "person",
        recordIds,
        fields: ["name", "phone"],
        operationName: "Quoted",
        operationType: OperationTypeNode.QUERY,
        readerSubject: subject,
        readerRole: "district_admin",
        at: new Date("2025-03-04T05:06:07.089Z"),
      },
    ]),
  );
  const rows = await inTenantTransaction(ds, scopeOf(a), (m) =>
    m.query(
      `SELECT r.reader_subject, s.record_ids, r.fields, r.read_at FROM personal_data_read r
         JOIN personal_data_read_set s ON s.district_id = r.district_id AND s.id = r.record_set
        WHERE r.district_id = $1 AND r.operation_name = 'Quoted'`,
      [a.id],
    ),
  );
  expect(rows).toEqual([
    {
      reader_subject: subject,
      record_ids: recordIds,
      fields: ["name", "phone"],
      read_at: new Date("2025-03-04T05:06:07.089Z"),
    },
  ]);
  // The record ids travel as a binary uuid[]: anything that is not a uuid is refused here.
  expect(() => insertReadsStatement([{ ...rowsFor(a), recordIds: ["x'); --"] }])).toThrow(
    /not a uuid/,
  );
  expect(() => insertReadsStatement([{ ...rowsFor(a), recordIds: [`${uuidv7()}0`] }])).toThrow(
    /not a uuid/,
  );
  // Everything else is a parameter: what the table does not know, its checks refuse.
  const id = [uuidv7()];
  for (const bad of [
    { districtId: "x'--" },
    { kind: "person'--" as "person" },
    { operationType: "query'--" as OperationTypeNode },
    { fields: ["phone}'--" as "phone"] },
  ]) {
    await expect(
      inTenantTransaction(ds, scopeOf(a), (m) =>
        insertReads(m, [{ ...rowsFor(a), readerRole: "district_admin", recordIds: id, ...bad }]),
      ),
    ).rejects.toThrow();
  }
});

it("writes several batches in one statement, and an operation name with quotes as it is", async () => {
  const ids = [uuidv7(), uuidv7(), uuidv7()];
  const name = `Q'uote"d\\`;
  const before = statements.length;
  await inTenantTransaction(ds, scopeOf(a), (m) =>
    insertReads(m, [
      {
        ...rowsFor(a),
        readerRole: "district_admin",
        recordIds: ids.slice(0, 2),
        fields: ["phone"],
        operationName: name,
      },
      {
        ...rowsFor(a),
        readerRole: "district_admin",
        recordIds: ids.slice(2),
        fields: ["name", "id_number"],
        operationName: name,
      },
    ]),
  );
  expect(statements.slice(before).filter((q) => /personal_data_read/.test(q))).toHaveLength(1);
  const rows = await inTenantTransaction(ds, scopeOf(a), (m) =>
    m.query(
      `SELECT s.record_ids, r.fields FROM personal_data_read r
         JOIN personal_data_read_set s ON s.district_id = r.district_id AND s.id = r.record_set
        WHERE r.district_id = $1 AND r.operation_name = $2 ORDER BY r.id`,
      [a.id, name],
    ),
  );
  expect(rows).toEqual([
    { record_ids: ids.slice(0, 2), fields: ["phone"] },
    { record_ids: ids.slice(2), fields: ["name", "id_number"] },
  ]);
});

const rowsFor = (d: BuiltDistrict): ReadRow => ({
  districtId: d.id,
  kind: "person",
  recordIds: [],
  fields: ["name"],
  operationName: null,
  operationType: OperationTypeNode.QUERY,
  readerSubject: "s",
  readerRole: "r",
  at: new Date(),
});

it("stores a set's record ids uncompressed (random uuids do not compress)", async () => {
  const { rows } = await ownerPool().query<{ storage: string }>(
    `SELECT attstorage AS storage FROM pg_attribute
      WHERE attrelid = 'personal_data_read_set'::regclass AND attname = 'record_ids'`,
  );
  expect(rows).toEqual([{ storage: "e" }]);
});

it("runs a look-up as its connection's prepared statement when asked, under row-level security", async () => {
  // Both districts named by the statement itself: only row-level security keeps B's row out.
  const text = `SELECT code FROM department WHERE district_id = ANY($1::uuid[]) ORDER BY code`;
  const plain = `${text} -- not prepared`;
  const preparedTexts = (m: { query(q: string, p: unknown[]): Promise<unknown> }) =>
    m.query(
      "SELECT statement FROM pg_prepared_statements WHERE statement IN ($1, $2) ORDER BY statement",
      [text, plain],
    ) as Promise<Array<{ statement: string }>>;
  const codes = await inTenantTransaction(ds, scopeOf(a), async (m) => {
    const first = await queryArrays(m, text, [[a.id, b.id]], true);
    // Again on the same connection: the statement is bound by name, not parsed anew.
    const again = await queryArrays(m, text, [[a.id, b.id]], true);
    const unprepared = await queryArrays(m, plain, [[a.id, b.id]]);
    expect(again).toEqual(first);
    expect(unprepared.rows).toEqual(first.rows);
    expect((await preparedTexts(m)).map((r) => r.statement)).toEqual([text]);
    return first.rows.map(([code]) => code);
  });
  expect(codes).toContain("tx_a");
  expect(codes).not.toContain("tx_b");
  // B's transaction, through the same prepared text, sees B's row and not A's.
  const ofB = await inTenantTransaction(ds, scopeOf(b), async (m) =>
    (await queryArrays(m, text, [[a.id, b.id]], true)).rows.map(([code]) => code),
  );
  expect(ofB).toContain("tx_b");
  expect(ofB).not.toContain("tx_a");
});

it("holds row-level security in a hot statement's kept plan, for one district and then another", async () => {
  // One connection, so that both districts' transactions use its one prepared statement; a plan
  // kept for all values (forced here: PostgreSQL may choose one itself after five runs, as for
  // the boards' statements). Both districts are named by the statement: only the policy filters.
  const one = createDataSource({
    url: process.env.TEST_APP_DATABASE_URL!,
    entities: ENTITIES,
    poolSize: 1,
  });
  await one.initialize();
  const text = `SELECT code FROM department WHERE district_id = ANY($1::uuid[]) ORDER BY code -- kept plan`;
  const codesOf = (d: BuiltDistrict) =>
    inTenantTransaction(one, scopeOf(d), async (m) => {
      await m.query("SET LOCAL plan_cache_mode = force_generic_plan");
      const rows = await queryPrepared<{ code: string }>(m, text, [[a.id, b.id]]);
      const [kept] = (await m.query(
        "SELECT generic_plans FROM pg_prepared_statements WHERE statement = $1",
        [text],
      )) as Array<{ generic_plans: string }>;
      return { codes: rows.map((r) => r.code), genericPlans: Number(kept.generic_plans) };
    });
  try {
    const ofA = await codesOf(a);
    const ofB = await codesOf(b);
    const ofAAgain = await codesOf(a);
    expect(ofA.codes).toContain("tx_a");
    expect(ofA.codes).not.toContain("tx_b");
    expect(ofB.codes).toContain("tx_b");
    expect(ofB.codes).not.toContain("tx_a");
    expect(ofAAgain.codes).toEqual(ofA.codes);
    // The same prepared statement each time, run on its kept plan.
    expect([ofA.genericPlans, ofB.genericPlans, ofAAgain.genericPlans]).toEqual([1, 2, 3]);
  } finally {
    await one.destroy();
  }
});

describe("pipelined connections", () => {
  const insertStatement = (d: BuiltDistrict, code: string) => ({
    text: "INSERT INTO department (district_id, id, code, name) VALUES ($1, $2, $3, 'x')",
    params: [d.id, uuidv7(), code],
  });
  const allIdle = () => {
    const pool = (ds.driver as unknown as { master: { totalCount: number; idleCount: number } })
      .master;
    expect(pool.totalCount).toBe(pool.idleCount);
  };

  it("sends a transaction's first statement behind BEGIN without waiting for its answer", async () => {
    // A data source of one connection, so that the spy sees the transaction's connection.
    const { ds: one, events } = await wiredDataSource();
    try {
      const tx = new RequestTransaction(one, scopeOf(a));
      const [row] = await tx.run((m) =>
        m.query("SELECT current_setting('app.district_ids') AS ids"),
      );
      await tx.finish(true);
      // It ran after the settings, inside the transaction.
      expect(row).toEqual({ ids: `{${a.id}}` });
      // BEGIN and the statement were both written before PostgreSQL's first answer was read.
      expect(events.slice(0, events.indexOf("ready"))).toEqual([
        "Q BEGIN; SELECT set_co",
        "Q SELECT current_setti",
      ]);
    } finally {
      await one.destroy();
    }
  });

  it("sends a write ahead: later statements see it, and the commit keeps it", async () => {
    const tx = new RequestTransaction(ds, scopeOf(a));
    const before = statements.length;
    let hooked = false;
    tx.afterCommit(() => (hooked = true));
    await tx.sendAhead(insertStatement(a, "tx_ahead"));
    const seen = await tx.run((m) =>
      m.query("SELECT code FROM department WHERE code = 'tx_ahead'"),
    );
    expect(seen).toEqual([{ code: "tx_ahead" }]);
    await tx.finish(true);
    expect(hooked).toBe(true);
    // BEGIN with the settings, the write, the read, COMMIT.
    expect(statements.slice(before)).toHaveLength(4);
    expect(await departmentCodes(a)).toContain("tx_ahead");
    allIdle();
  });

  it("fails the commit of a write sent ahead that failed: nothing committed, no hook run, its error first", async () => {
    for (const last of [[], [{ text: "SELECT 1", params: [] }]]) {
      const tx = new RequestTransaction(ds, scopeOf(a));
      let hooked = false;
      tx.afterCommit(() => (hooked = true));
      await tx.run((m) =>
        m.query(insertStatement(a, "tx_doomed").text, insertStatement(a, "tx_doomed").params),
      );
      // The code is taken: the unique (district, code) refuses the write (23505) after the
      // resolver has gone on.
      await tx.sendAhead(insertStatement(a, "tx_ahead"));
      // A use behind it fails with the write's error, not the aborted transaction's (25P02).
      await expect(tx.run((m) => m.query("SELECT 1"))).rejects.toMatchObject({
        driverError: { code: "23505" },
      });
      await expect(tx.finish(true, last)).rejects.toMatchObject({
        driverError: { code: "23505" },
      });
      expect(hooked).toBe(false);
      expect(await departmentCodes(a)).not.toContain("tx_doomed");
      allIdle();
    }
  });

  it("commits nothing when a write sent ahead fails with no other use behind it", async () => {
    const tx = new RequestTransaction(ds, scopeOf(b));
    await tx.run((m) =>
      m.query(insertStatement(b, "tx_first").text, insertStatement(b, "tx_first").params),
    );
    await tx.sendAhead(insertStatement(b, "tx_b"));
    // The COMMIT is sent behind the failing write; PostgreSQL answers it as a rollback.
    await expect(tx.finish(true)).rejects.toMatchObject({ driverError: { code: "23505" } });
    expect(await departmentCodes(b)).not.toContain("tx_first");
    allIdle();
  });

  it("runs statements sent together in order, each seeing the one before; the first failure is the error", async () => {
    const tx = new RequestTransaction(ds, scopeOf(a));
    const insert = insertStatement(a, "tx_together");
    const before = statements.length;
    const [inserted, seen] = await tx.run((m) =>
      queryPreparedInOrder(m, [
        { text: `${insert.text} RETURNING code`, params: insert.params },
        {
          text: "SELECT count(*)::int AS n FROM department WHERE code = $1",
          params: ["tx_together"],
        },
      ]),
    );
    expect(inserted).toEqual([{ code: "tx_together" }]);
    expect(seen).toEqual([{ n: 1 }]);
    await tx.finish(true);
    expect(statements.slice(before)).toHaveLength(4);
    expect(await departmentCodes(a)).toContain("tx_together");

    // The code is taken now: the insert fails (23505), and the statement behind it only because
    // the transaction is aborted (25P02); the insert's error is the one thrown, nothing is kept.
    const failing = new RequestTransaction(ds, scopeOf(a));
    const again = insertStatement(a, "tx_together");
    await expect(
      failing.run((m) =>
        queryPreparedInOrder(m, [
          { text: "SELECT 1 AS one", params: [] },
          again,
          { text: "SELECT 2 AS two", params: [] },
        ]),
      ),
    ).rejects.toMatchObject({ driverError: { code: "23505" } });
    await failing.finish(false);
    allIdle();
  });

  it("keeps row-level security for a write sent ahead", async () => {
    const tx = new RequestTransaction(ds, scopeOf(a));
    await tx.sendAhead(insertStatement(b, "tx_evil"));
    await expect(tx.finish(true)).rejects.toMatchObject({ driverError: { code: "42501" } });
    expect(await departmentCodes(b)).not.toContain("tx_evil");
  });
});
