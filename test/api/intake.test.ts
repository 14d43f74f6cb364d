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

it("takes a call in 7 statements (the issue allows 8), idempotency key, location and counters included", async () => {
  await intake({ gridId: gid("Grid", w.tree.gridA), idempotencyKey: "warm-up" });
  const before = server.statements.length;
  const res = await intake({ gridId: gid("Grid", w.tree.gridA), idempotencyKey: "counted" });
  ok(res);
  const statements = server.statements.slice(before);
  if (process.env.SHOW_SQL) console.log(statements.map((q) => q.slice(0, 90)).join("\n"));
  // BEGIN, tenant, read (key's lock, settings, places), key's case, position, write, COMMIT.
  expect(statements.length).toBeLessThanOrEqual(7);
  const again = server.statements.length;
  ok(await intake({ gridId: gid("Grid", w.tree.gridA), idempotencyKey: "counted" }));
  // The same key again: BEGIN, tenant, read, the case it names, COMMIT.
  expect(server.statements.length - again).toBeLessThanOrEqual(5);
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

it("gives one case to concurrent requests with one key, and CONFLICT to another caller's reuse", async () => {
  const key = "call-burst";
  const all = await Promise.all(
    Array.from({ length: 6 }, () =>
      intake({ gridId: gid("Grid", w.tree.gridB), idempotencyKey: key }),
    ),
  );
  const ids = new Set(all.map((r) => ok(r).createCase.id));
  expect(ids.size).toBe(1);
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
    expect(res.errors).toBeDefined();
    expect(await state()).toEqual(before);
  } finally {
    await owner.query(`DROP TRIGGER IF EXISTS intake_test_fail ON hotline_case`);
    await owner.query(`DROP FUNCTION IF EXISTS intake_test_fail()`);
  }
});
