import {
  startTestServer,
  gql,
  errorCode,
  ok,
  type TestServer,
  type GqlResult,
} from "../helpers/server";
import { asDistrict, closeFactories, ownerPool, tokenFor } from "../factories";
import { buildCaseWorld, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { fromGlobalId } from "../../src/common/ids";
import { storedCounters, verifyCounters, type Sql } from "../../src/modules/cases/case.counters";
import { CaseChannel } from "../../src/modules/cases/case.enums";
import { takeCaseIn } from "../../src/modules/cases/intake.service";
import { RequestTransaction } from "../../src/db/tenant";
import { wiredDataSource } from "../helpers/wire";

/**
 * Intake's statements: a case taken in with its idempotency key, location and counters in a few
 * round trips, and what that must not cost: one case per key under concurrency, places that
 * agree, nothing written when the write fails.
 */
let server: TestServer;
let w: CaseWorld;
let other: CaseWorld;

const CREATE = `mutation Intake($input: CreateCaseInput!) { createCase(input: $input) { id number status } }`;
type Created = { createCase: { id: string; number: string; status: string } };

function intake(input: Record<string, unknown>, token = w.tokens.operator) {
  return gql<Created, unknown>(
    server,
    CREATE,
    {
      input: { channel: "hotline", categoryCode: "roads", description: "路灯不亮", ...input },
    },
    token,
  );
}

const rowsOf = (districtId: string, sql: string, params: unknown[] = []) =>
  asDistrict(districtId, async (q) => (await q(sql, params)).rows);
const asSql =
  (q: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }>): Sql =>
  async (sql, params) =>
    (await q(sql, params)).rows as Array<Record<string, unknown>>;

beforeAll(async () => {
  w = await buildCaseWorld();
  other = await buildCaseWorld({ city: w.city });
  server = await startTestServer({ RATE_LIMIT_SUBJECT: "off", RATE_LIMIT_DISTRICT: "off" });
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

it("takes a call in 5 round trips (the issue allows 8), idempotency key, location and counters included", async () => {
  await intake({ gridId: gid("Grid", w.tree.gridA), idempotencyKey: "warm-up" });
  const before = server.statements.length;
  const res = await intake({ gridId: gid("Grid", w.tree.gridA), idempotencyKey: "counted" });
  ok(res);
  const statements = server.statements.slice(before);
  if (process.env.SHOW_SQL) console.log(statements.map((q) => q.slice(0, 90)).join("\n"));
  // BEGIN with the tenant settings (one message), read (key's lock, settings, places), the key's
  // case again with the position, write, COMMIT.
  expect(statements).toHaveLength(5);
  expect(statements[0]).toMatch(/^BEGIN; SELECT set_config\('app.district_ids'/);
  expect(statements[4]).toBe("COMMIT");
  const again = server.statements.length;
  ok(await intake({ gridId: gid("Grid", w.tree.gridA), idempotencyKey: "counted" }));
  // The same key again: BEGIN with the settings, read, the key's case after its lock (no
  // position taken), the case it names, COMMIT.
  expect(server.statements.length - again).toBe(5);
});

/** An intake's writes on the wire, grouped by wait (helpers/wire.ts): two waits, nothing else. */
function expectTwoWaits(groups: string[][]) {
  const [first, second, ...rest] = groups;
  // BEGIN with the settings, then the read and the position as prepared statements (each ending
  // with a Sync), all written before the first answer was read.
  expect(first[0]).toMatch(/^Q BEGIN; SELECT set_co/);
  expect(first.filter((e) => e === "S")).toHaveLength(2);
  // The write, then COMMIT behind it.
  expect(second.filter((e) => e === "S")).toHaveLength(1);
  expect(second[second.length - 1]).toMatch(/^Q COMMIT/);
  expect(rest).toEqual([]);
}

it("waits on PostgreSQL twice: BEGIN, the read and the position go together, then the write and COMMIT", async () => {
  const wire = await wiredDataSource();
  try {
    const takeIn = async (idempotencyKey: string | null) => {
      const tx = new RequestTransaction(wire.ds, {
        districtIds: [w.district.id],
        subject: `${w.district.code}.operator`,
        role: "operator",
      });
      const caller = {
        subject: `${w.district.code}.operator`,
        role: "operator" as const,
        districtId: w.district.id,
        departmentId: null,
        gridIds: new Set<string>(),
        streetOfficeId: null,
        communityId: null,
      };
      const intake = {
        channel: CaseChannel.hotline,
        categoryCode: "roads",
        description: "井盖缺失",
        gridId: w.tree.gridA,
        idempotencyKey,
      };
      wire.events.length = 0;
      const out = await takeCaseIn(tx, {
        caller,
        districtCode: w.district.code,
        intake,
        at: new Date(),
      });
      await tx.finish(true);
      return out;
    };
    for (const key of ["wire", null]) {
      const out = (await takeIn(key)).case;
      expectTwoWaits(wire.sendGroups());
      expect(
        await rowsOf(w.district.id, "SELECT number FROM hotline_case WHERE id = $1", [out.id]),
      ).toEqual([{ number: out.number }]);
    }
  } finally {
    await wire.ds.destroy();
  }
});

it("over HTTP too: an operator's createCase sends BEGIN with its read and position, then the write with COMMIT", async () => {
  // The caller's reach (a token naming no place needs no look-up) must not open the transaction
  // ahead of the read: a use without a statement would still wait for the answer to BEGIN.
  const wire = await wiredDataSource();
  const wired = await startTestServer(
    { RATE_LIMIT_SUBJECT: "off", RATE_LIMIT_DISTRICT: "off" },
    { dataSource: wire.ds },
  );
  try {
    const create = (idempotencyKey: string) =>
      gql<Created, unknown>(
        wired,
        CREATE,
        {
          input: {
            channel: "hotline",
            categoryCode: "roads",
            description: "路灯不亮",
            gridId: gid("Grid", w.tree.gridA),
            idempotencyKey,
          },
        },
        w.tokens.operator,
      );
    ok(await create("wired-warm-up"));
    wire.events.length = 0;
    ok(await create("wired"));
    expectTwoWaits(wire.sendGroups());
  } finally {
    await wired.close();
  }
});

it("completes a location from a unit, and refuses parts that disagree or are not the district's", async () => {
  const c = ok(await intake({ unitId: gid("BuildingUnit", w.tree.unit12) })).createCase;
  const [row] = await rowsOf(
    w.district.id,
    `SELECT unit_id, building_id, compound_id, grid_id, street_office_id FROM hotline_case
      WHERE district_id = $1 AND id = $2`,
    [w.district.id, fromGlobalId(c.id)!.id],
  );
  expect(row).toEqual({
    unit_id: w.tree.unit12,
    building_id: w.tree.building1,
    compound_id: w.tree.compound,
    grid_id: w.tree.gridA,
    street_office_id: w.tree.streetA,
  });
  const field = (res: GqlResult<unknown>) => [errorCode(res), res.errors?.[0]?.extensions?.field];
  expect(
    field(
      await intake({
        unitId: gid("BuildingUnit", w.tree.unit12),
        buildingId: gid("Building", w.tree.building2),
      }),
    ),
  ).toEqual(["BAD_USER_INPUT", "buildingId"]);
  expect(
    field(
      await intake({
        compoundId: gid("Compound", w.tree.compound2),
        gridId: gid("Grid", w.tree.gridA),
      }),
    ),
  ).toEqual(["BAD_USER_INPUT", "gridId"]);
  expect(errorCode(await intake({ gridId: gid("Grid", other.tree.gridA) }))).toBe("NOT_FOUND");
  expect(errorCode(await intake({ unitId: gid("BuildingUnit", other.tree.unit11) }))).toBe(
    "NOT_FOUND",
  );
  const near = ok(await intake({ latitude: 41.2501, longitude: 123.8501 })).createCase;
  const [placed] = await rowsOf(
    w.district.id,
    `SELECT grid_id FROM hotline_case WHERE district_id = $1 AND id = $2`,
    [w.district.id, fromGlobalId(near.id)!.id],
  );
  expect(placed).toEqual({ grid_id: w.tree.gridRural });
});

const logHead = async () =>
  (
    await rowsOf(
      w.district.id,
      `SELECT coalesce((SELECT position FROM case_log_head WHERE district_id = $1), 0)::int AS p`,
      [w.district.id],
    )
  )[0] as { p: number };

it("gives one case to concurrent requests with one key, and CONFLICT to another caller's reuse", async () => {
  const key = "call-burst";
  const head = await logHead();
  // Five alike, and one whose category the district does not have: the key's case answers it
  // too, whether it was committed before that request read or only while it waited for the key.
  const all = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      intake({
        gridId: gid("Grid", w.tree.gridB),
        idempotencyKey: key,
        ...(i === 3 ? { categoryCode: "no_such_category" } : {}),
      }),
    ),
  );
  const ids = new Set(all.map((r) => ok(r).createCase.id));
  expect(ids.size).toBe(1);
  // One position taken: the requests that found the key's case took none.
  expect((await logHead()).p).toBe(head.p + 1);
  const [counts] = await rowsOf(
    w.district.id,
    `SELECT (SELECT count(*)::int FROM hotline_case WHERE district_id = $1 AND idempotency_key = $2) AS cases,
            (SELECT count(*)::int FROM case_event e JOIN hotline_case c
                ON c.district_id = e.district_id AND c.id = e.case_id
              WHERE c.district_id = $1 AND c.idempotency_key = $2) AS events`,
    [w.district.id, key],
  );
  expect(counts).toEqual({ cases: 1, events: 1 });
  const stranger = await tokenFor(
    { district: w.district, role: "operator" },
    { sub: `${w.district.code}.operator2` },
  );
  const reuse = await intake({ idempotencyKey: key }, stranger);
  if (errorCode(reuse) !== "CONFLICT") console.log(JSON.stringify(reuse.errors));
  expect(errorCode(reuse)).toBe("CONFLICT");
  expect(await asDistrict(w.district.id, (q) => verifyCounters(asSql(q), w.district.id))).toEqual(
    [],
  );
});

it("writes nothing, not even a log position, when the write fails", async () => {
  const description = "intake test: the write fails";
  const owner = ownerPool();
  await owner.query(
    `CREATE OR REPLACE FUNCTION intake_test_fail() RETURNS trigger LANGUAGE plpgsql AS
       $$BEGIN RAISE EXCEPTION 'intake test: refused'; END$$`,
  );
  await owner.query(
    `CREATE TRIGGER intake_test_fail BEFORE INSERT ON hotline_case FOR EACH ROW
       WHEN (NEW.description = '${description}') EXECUTE FUNCTION intake_test_fail()`,
  );
  try {
    const state = () =>
      asDistrict(w.district.id, async (q) => ({
        head: (
          await q(`SELECT position FROM case_log_head WHERE district_id = $1`, [w.district.id])
        ).rows,
        cases: (
          await q(`SELECT count(*)::int AS n FROM hotline_case WHERE district_id = $1`, [
            w.district.id,
          ])
        ).rows,
        counters: [...(await storedCounters(asSql(q), w.district.id))],
      }));
    const before = await state();
    const res = await intake({
      description,
      gridId: gid("Grid", w.tree.gridA),
      idempotencyKey: "fails",
    });
    // The write is sent ahead while the answer is made (TenantDb.sendAhead): its failure still
    // takes the answer's data away, with the usual code and none of the database's words.
    expect(res.data ?? null).toBeNull();
    expect(errorCode(res)).toBe("INTERNAL_SERVER_ERROR");
    expect(JSON.stringify(res.errors)).not.toMatch(/refused|trigger|hotline_case/);
    expect(await state()).toEqual(before);

    // A second intake behind the failing one in the same request is not committed either.
    const both = await gql<unknown, unknown>(
      server,
      `mutation Two($a: CreateCaseInput!, $b: CreateCaseInput!) {
         a: createCase(input: $a) { id } b: createCase(input: $b) { id } }`,
      {
        a: { channel: "hotline", categoryCode: "roads", description },
        b: { channel: "hotline", categoryCode: "roads", description: "behind the failing one" },
      },
      w.tokens.operator,
    );
    expect(both.data ?? null).toBeNull();
    expect(await state()).toEqual(before);
  } finally {
    await owner.query(`DROP TRIGGER IF EXISTS intake_test_fail ON hotline_case`);
    await owner.query(`DROP FUNCTION IF EXISTS intake_test_fail()`);
  }
});

it("answers the key's case to requests that waited for its lock: one refused as it stands, one about to take a position", async () => {
  const key = "waited-for";
  const owner = await ownerPool().connect();
  const waiting = async () =>
    (
      await ownerPool().query(
        `SELECT count(*)::int AS n FROM pg_locks
          WHERE locktype = 'advisory' AND NOT granted
            AND classid::bigint = (hashtext($1::uuid::text)::bigint & 4294967295)
            AND objid::bigint = (hashtext($2::text)::bigint & 4294967295)`,
        [w.district.id, key],
      )
    ).rows[0].n as number;
  const until = async (n: number) => {
    for (let i = 0; i < 500 && (await waiting()) < n; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(await waiting()).toBe(n);
  };
  const head = await logHead();
  try {
    // The key's lock held elsewhere: every request with the key queues on it, in order.
    await owner.query("BEGIN");
    await owner.query(
      "SELECT pg_advisory_xact_lock(hashtext($1::uuid::text), hashtext($2::text))",
      [w.district.id, key],
    );
    const first = intake({ gridId: gid("Grid", w.tree.gridB), idempotencyKey: key });
    await until(1);
    // These read before the first commits: their snapshot cannot see its case.
    const refused = intake({ categoryCode: "no_such_category", idempotencyKey: key });
    const valid = intake({ gridId: gid("Grid", w.tree.gridA), idempotencyKey: key });
    await until(3);
    await owner.query("COMMIT");
    const [a, b, c] = await Promise.all([first, refused, valid]);
    expect(ok(b).createCase.id).toBe(ok(a).createCase.id);
    expect(ok(c).createCase.id).toBe(ok(a).createCase.id);
    expect((await logHead()).p).toBe(head.p + 1);
  } finally {
    await owner.query("ROLLBACK").catch(() => undefined);
    owner.release();
  }
});
