import {
  CreateCaseDocument,
  GridWorkNodeDocument,
  PatrolCoverageDocument,
  PatrolRecordsDocument,
  RecordPatrolDocument,
  type RecordPatrolInput,
} from "../generated/graphql";
import { errorCode, gql, ok, startTestServer, type TestServer } from "../helpers/server";
import { testClock, testDay } from "../helpers/clock";
import { asDistrict, closeFactories, tokenFor } from "../factories";
import { buildCaseWorld, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { uuidv7 } from "../../src/common/ids";

/**
 * The patrol and visit log (每日巡查走访): grid staff record patrols and household visits of their
 * own grids; the district's overseers, the street office and the grid's staff read them; the
 * coverage figures follow their definitions, to the local day.
 */
let server: TestServer;
let w: CaseWorld;
let other: CaseWorld;
let cityAdmin: string;

beforeAll(async () => {
  w = await buildCaseWorld();
  other = await buildCaseWorld({ city: w.city });
  cityAdmin = await tokenFor({ city: w.city, role: "city_admin" });
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(testClock.now().getTime() - hours * HOUR).toISOString();
/** An instant of a local day (UTC+8), `days` from the test's today. */
const local = (days: number, time: string) =>
  new Date(`${testDay(days)}T${time}+08:00`).toISOString();

function patrol(world: CaseWorld, more: Partial<RecordPatrolInput> = {}): RecordPatrolInput {
  return {
    gridId: gid("Grid", world.tree.gridA),
    kind: "patrol",
    at: ago(1),
    observation: "楼道通畅",
    ...more,
  };
}
const visit = (world: CaseWorld, more: Partial<RecordPatrolInput> = {}) =>
  patrol(world, { kind: "visit", householdId: gid("Household", world.tree.household1), ...more });

async function record(input: RecordPatrolInput, token: string) {
  return ok(await gql(server, RecordPatrolDocument, { input }, token)).recordPatrol;
}

async function createCase(token: string, input: Record<string, unknown>) {
  return ok(
    await gql(
      server,
      CreateCaseDocument,
      { input: { categoryCode: "roads", description: "路灯不亮", ...input } as never },
      token,
    ),
  ).createCase;
}

async function rowsOf(world: CaseWorld): Promise<number> {
  const { rows } = await asDistrict(world.district.id, (q) =>
    q("SELECT count(*)::int AS n FROM patrol_record WHERE district_id = $1", [world.district.id]),
  );
  return rows[0].n;
}

it("grid staff record patrols and visits of their own grid", async () => {
  const t = w.tokens;
  const p = await record(
    patrol(w, { buildingId: gid("Building", w.tree.building1), observation: "  单元门禁损坏  " }),
    t.worker,
  );
  expect(p).toMatchObject({
    kind: "patrol",
    observation: "单元门禁损坏",
    recordedBy: `${w.district.code}.grid_worker`,
    grid: { id: gid("Grid", w.tree.gridA) },
    // A building gives its compound.
    compound: { id: gid("Compound", w.tree.compound) },
    building: { id: gid("Building", w.tree.building1) },
    household: null,
    raisedCase: null,
  });
  const v = await record(visit(w, { at: ago(2) }), t.chief);
  expect(v).toMatchObject({
    kind: "visit",
    household: { id: gid("Household", w.tree.household1) },
    compound: { id: gid("Compound", w.tree.compound) },
    recordedBy: `${w.district.code}.grid_chief`,
  });
  const street = await record(patrol(w, { at: ago(3), place: "农贸市场周边" }), t.worker);
  expect(street).toMatchObject({ place: "农贸市场周边", compound: null });

  // The case a patrol raised: a case of the same grid.
  const c = await createCase(t.worker, { channel: "grid_patrol", description: "巡查发现垃圾堆放" });
  const raised = await record(patrol(w, { at: ago(0.5), caseId: c.id }), t.worker);
  expect(raised.raisedCase).toEqual({ id: c.id });

  // Sent again as it was: the first record; changed: CONFLICT.
  expect((await record(patrol(w, { at: raised.at, caseId: c.id }), t.worker)).id).toBe(raised.id);
  const changed = await gql(
    server,
    RecordPatrolDocument,
    { input: patrol(w, { at: raised.at, observation: "另一件事" }) },
    t.worker,
  );
  expect(errorCode(changed)).toBe("CONFLICT");
  // The same record sent twice at once: one record, both answered with it.
  const at = ago(0.25);
  const twice = await Promise.all(
    [1, 2].map(() => record(patrol(w, { at, observation: "同时重发" }), t.worker)),
  );
  expect(twice[0].id).toBe(twice[1].id);

  // node(id) refetches a record for those who may list it.
  const node = ok(await gql(server, GridWorkNodeDocument, { id: p.id }, t.street)).node;
  expect(node).toMatchObject({ __typename: "PatrolRecord", kind: "patrol" });
  for (const token of [t.otherWorker, t.otherStreet, t.housing, other.tokens.admin])
    expect(ok(await gql(server, GridWorkNodeDocument, { id: p.id }, token)).node).toBeNull();
});

it("refuses other grids, other districts, other roles and bad input, and writes nothing", async () => {
  const t = w.tokens;
  const inB = await createCase(t.operator, {
    channel: "hotline",
    gridId: gid("Grid", w.tree.gridB),
  });
  const elsewhere = await createCase(other.tokens.operator, {
    channel: "hotline",
    gridId: gid("Grid", other.tree.gridA),
  });
  const before = await rowsOf(w);
  const refused = async (input: RecordPatrolInput, token: string, code: string, field?: string) => {
    const res = await gql(server, RecordPatrolDocument, { input }, token);
    const got = { code: errorCode(res), field: res.errors?.[0]?.extensions?.field };
    expect(got).toEqual({ code, field: field ?? got.field });
  };
  const bad = (input: RecordPatrolInput, field?: string) =>
    refused(input, t.worker, "BAD_USER_INPUT", field);
  // Own grid only; another district's grid looks missing.
  await refused(patrol(w), t.otherWorker, "FORBIDDEN");
  await refused(patrol(w), other.tokens.worker, "NOT_FOUND");
  for (const token of [t.admin, t.street, t.command, t.housing, t.resident, t.operator, cityAdmin])
    await refused(patrol(w), token, "FORBIDDEN");
  // When: not in the future, not more than 30 days back.
  await bad(patrol(w, { at: new Date(testClock.now().getTime() + HOUR).toISOString() }), "at");
  await bad(patrol(w, { at: ago(31 * 24) }), "at");
  // Where: a visit's household of the grid, a patrol's compound or building of the grid.
  await bad(visit(w, { householdId: gid("Household", w.tree.household3) }), "householdId");
  await refused(
    visit(w, { householdId: gid("Household", other.tree.household1) }),
    t.worker,
    "NOT_FOUND",
  );
  await bad(visit(w, { householdId: null }), "householdId");
  await bad(visit(w, { place: "楼下" }), "place");
  await bad(patrol(w, { householdId: gid("Household", w.tree.household1) }), "householdId");
  await bad(patrol(w, { compoundId: gid("Compound", w.tree.compound2) }), "compoundId");
  await bad(patrol(w, { householdId: gid("Grid", w.tree.gridA) }), "householdId");
  await bad(patrol(w, { place: "   " }), "place");
  await bad(patrol(w, { observation: "   " }), "observation");
  await bad(patrol(w, { observation: "x".repeat(2001) }));
  // The case raised: of the same grid and district.
  await refused(patrol(w, { caseId: inB.id }), t.worker, "NOT_FOUND");
  await refused(patrol(w, { caseId: elsewhere.id }), t.worker, "NOT_FOUND");
  expect(await rowsOf(w)).toBe(before);
});

describe("lists", () => {
  let l: CaseWorld;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    l = await buildCaseWorld({ city: w.city });
    const worker2 = await tokenFor(
      { district: l.district, role: "grid_worker" },
      { sub: `${l.district.code}.worker2`, grids: ["so-a-c01-g01"] },
    );
    ids.a1 = (await record(patrol(l, { at: local(-2, "10:00:00") }), l.tokens.worker)).id;
    ids.a2 = (await record(visit(l, { at: local(-1, "10:00:00") }), l.tokens.worker)).id;
    ids.a3 = (await record(patrol(l, { at: local(-1, "15:00:00") }), worker2)).id;
    ids.b1 = (
      await record(
        patrol(l, { gridId: gid("Grid", l.tree.gridB), at: local(-1, "11:00:00") }),
        l.tokens.otherWorker,
      )
    ).id;
    ids.a4 = (await record(patrol(l, { at: ago(0.25) }), l.tokens.chief)).id;
  });
  const list = async (token: string, vars: Record<string, unknown> = {}) =>
    ok(await gql(server, PatrolRecordsDocument, vars, token)).patrolRecords;
  const idsOf = (page: { edges: Array<{ node: { id: string } }> }) =>
    page.edges.map((e) => e.node.id);

  it("overseers see every grid, newest first, filtered and paged", async () => {
    for (const token of [l.tokens.admin, l.tokens.command, l.tokens.inspector]) {
      const all = await list(token);
      expect(all.totalCount).toBe(5);
      expect(idsOf(all)).toEqual([ids.a4, ids.a3, ids.b1, ids.a2, ids.a1]);
    }
    const t = l.tokens.admin;
    expect(idsOf(await list(t, { gridId: gid("Grid", l.tree.gridB) }))).toEqual([ids.b1]);
    expect(idsOf(await list(t, { kind: "visit" }))).toEqual([ids.a2]);
    expect(idsOf(await list(t, { recordedBy: `${l.district.code}.worker2` }))).toEqual([ids.a3]);
    expect(idsOf(await list(t, { from: testDay(-1), to: testDay(-1) }))).toEqual([
      ids.a3,
      ids.b1,
      ids.a2,
    ]);
    expect(idsOf(await list(t, { to: testDay(-2) }))).toEqual([ids.a1]);
    const streetA = gid("StreetOffice", l.tree.streetA);
    expect((await list(t, { streetOfficeId: streetA })).totalCount).toBe(5);
    const streetB = gid("StreetOffice", l.tree.streetB);
    expect((await list(t, { streetOfficeId: streetB })).totalCount).toBe(0);
    expect((await list(t, { communityId: gid("Community", l.tree.community) })).totalCount).toBe(5);
    const first = await list(t, { first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list(t, { first: 2, after: first.pageInfo.endCursor });
    const third = await list(t, { first: 2, after: second.pageInfo.endCursor });
    expect([...idsOf(first), ...idsOf(second), ...idsOf(third)]).toEqual([
      ids.a4,
      ids.a3,
      ids.b1,
      ids.a2,
      ids.a1,
    ]);
    expect(third.pageInfo.hasNextPage).toBe(false);
    const bad = async (vars: Record<string, unknown>, field: string) => {
      const res = await gql(server, PatrolRecordsDocument, vars, t);
      expect({ code: errorCode(res), field: res.errors?.[0]?.extensions?.field }).toEqual({
        code: "BAD_USER_INPUT",
        field,
      });
    };
    await bad({ from: "2026-02-30" }, "from");
    await bad({ from: testDay(0), to: testDay(-1) }, "to");
    await bad({ gridId: gid("Compound", l.tree.compound) }, "gridId");
    await bad({ first: 0 }, "first");
  });

  it("a street office sees its grids', grid staff their own grids'; others are refused", async () => {
    expect((await list(l.tokens.street)).totalCount).toBe(5);
    expect((await list(l.tokens.otherStreet)).totalCount).toBe(0);
    expect(idsOf(await list(l.tokens.otherWorker))).toEqual([ids.b1]);
    expect(idsOf(await list(l.tokens.worker))).toEqual([ids.a4, ids.a3, ids.a2, ids.a1]);
    // Asking for another grid shows nothing of it.
    const gridA = gid("Grid", l.tree.gridA);
    expect((await list(l.tokens.otherWorker, { gridId: gridA })).totalCount).toBe(0);
    for (const token of [l.tokens.resident, l.tokens.housing, l.tokens.operator, cityAdmin])
      expect(errorCode(await gql(server, PatrolRecordsDocument, {}, token))).toBe("FORBIDDEN");
    expect(idsOf(await list(other.tokens.admin))).not.toContain(ids.a1);
    const theirs = await gql(server, GridWorkNodeDocument, { id: ids.a1 }, other.tokens.admin);
    expect(ok(theirs).node).toBeNull();
  });
});

it("coverage follows its definitions, to the local day (computed by hand)", async () => {
  const c = await buildCaseWorld({ city: w.city });
  const t = c.tokens;
  const gridA = gid("Grid", c.tree.gridA);
  const gridB = gid("Grid", c.tree.gridB);
  const household2 = gid("Household", c.tree.household2);
  // Grid A: patrols on day −2 (00:30 local, still day −3 in UTC) and twice on day 0; visits to
  // household 1 twice and household 2 once. Grid B: one patrol on day −1. Day −3 is outside.
  await record(patrol(c, { at: local(-2, "00:30:00") }), t.worker);
  await record(patrol(c, { at: local(0, "06:00:00") }), t.worker);
  await record(patrol(c, { at: local(0, "07:00:00") }), t.chief);
  await record(visit(c, { at: local(-2, "10:00:00") }), t.worker);
  await record(visit(c, { at: local(-1, "10:00:00") }), t.worker);
  await record(visit(c, { at: local(-1, "11:00:00"), householdId: household2 }), t.worker);
  await record(patrol(c, { gridId: gridB, at: local(-1, "09:00:00") }), t.otherWorker);
  await record(patrol(c, { at: local(-3, "23:30:00") }), t.worker);
  await record(visit(c, { at: local(-3, "23:00:00"), householdId: household2 }), t.worker);

  const period = { from: testDay(-2), to: testDay(0) };
  const cover = async (level: "grid" | "community" | "street_office" | "district") => {
    const res = await gql(server, PatrolCoverageDocument, { level, ...period }, t.command);
    return Object.fromEntries(ok(res).patrolCoverage.map((u) => [u.unitId, u]));
  };
  const grids = await cover("grid");
  expect(grids[gridA]).toMatchObject({
    days: 3,
    patrols: 3,
    patrolDays: 2,
    visits: 3,
    householdsVisited: 2,
    households: 2,
    householdCoverage: 1,
  });
  expect(grids[gridA].patrolDayShare).toBeCloseTo(2 / 3, 10);
  expect(grids[gridB]).toMatchObject({
    patrols: 1,
    patrolDays: 1,
    visits: 0,
    householdsVisited: 0,
    households: 1,
    householdCoverage: 0,
  });
  expect(grids[gid("Grid", c.tree.gridRural)]).toMatchObject({
    patrols: 0,
    patrolDays: 0,
    households: 1,
    householdCoverage: 0,
    patrolDayShare: 0,
  });
  const community = (await cover("community"))[gid("Community", c.tree.community)];
  expect(community).toMatchObject({
    patrols: 4,
    patrolDays: 3,
    visits: 3,
    householdsVisited: 2,
    households: 3,
    patrolDayShare: 1,
  });
  expect(community.householdCoverage).toBeCloseTo(2 / 3, 10);
  const streets = await cover("street_office");
  expect(streets[gid("StreetOffice", c.tree.streetB)]).toMatchObject({ patrols: 0, households: 1 });
  const district = await cover("district");
  expect(Object.keys(district)).toEqual([gid("District", c.district.id)]);
  expect(Object.values(district)[0]).toMatchObject({
    patrols: 4,
    patrolDays: 3,
    visits: 3,
    householdsVisited: 2,
    households: 4,
    householdCoverage: 0.5,
    patrolDayShare: 1,
  });

  // A grid without households: coverage null, not 0.
  const bare = uuidv7();
  await asDistrict(c.district.id, (q) =>
    q(
      `INSERT INTO grid (district_id, id, community_id, street_office_id, code, name, kind, latitude, longitude, lines_of_work)
       VALUES ($1, $2, $3, $4, 'so-a-c01-g03', '永丰社区第3网格', 'urban', 41.32, 123.8, '{}')`,
      [c.district.id, bare, c.tree.community, c.tree.streetA],
    ),
  );
  expect((await cover("grid"))[gid("Grid", bare)]).toMatchObject({
    households: 0,
    householdCoverage: null,
  });

  const refused = async (vars: Record<string, unknown>, token: string, code: string) => {
    const res = await gql(
      server,
      PatrolCoverageDocument,
      { level: "grid", ...period, ...vars } as never,
      token,
    );
    expect(errorCode(res)).toBe(code);
  };
  await refused({ level: "department" }, t.admin, "BAD_USER_INPUT");
  await refused({ from: testDay(1), to: testDay(0) }, t.admin, "BAD_USER_INPUT");
  await refused({}, cityAdmin, "BAD_USER_INPUT");
  await refused({}, t.resident, "FORBIDDEN");
  // Another district sees its own units only.
  const theirs = await gql(
    server,
    PatrolCoverageDocument,
    { level: "grid", ...period },
    other.tokens.admin,
  );
  expect(ok(theirs).patrolCoverage.map((u) => u.unitId)).not.toContain(gridA);
});
