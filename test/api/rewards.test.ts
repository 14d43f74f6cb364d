import {
  GridWorkNodeDocument,
  RecordRewardPenaltyDocument,
  RewardPenaltiesDocument,
  type RecordRewardPenaltyInput,
} from "../generated/graphql";
import { errorCode, gql, ok, startTestServer, type TestServer } from "../helpers/server";
import { testDay } from "../helpers/clock";
import { asDistrict, closeFactories, tokenFor } from "../factories";
import { buildCaseWorld, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";

/**
 * Rewards and penalties (奖惩): the district admin enters them for a grid, community, street office
 * or department, with a reason; the district's overseers read them all, a unit's own staff its
 * unit's; nobody else, and no other district.
 */
let server: TestServer;
let w: CaseWorld;
let other: CaseWorld;
let cityAdmin: string;
let communityWorker: string;
const ids: Record<string, string> = {};

const entry = (more: Partial<RecordRewardPenaltyInput> = {}): RecordRewardPenaltyInput => ({
  unitLevel: "grid",
  unitId: gid("Grid", w.tree.gridA),
  points: 10,
  reason: "巡查走访记录完整及时",
  awardedOn: testDay(-1),
  ...more,
});

async function enter(input: RecordRewardPenaltyInput, token = w.tokens.admin) {
  return ok(await gql(server, RecordRewardPenaltyDocument, { input }, token)).recordRewardPenalty;
}

beforeAll(async () => {
  w = await buildCaseWorld();
  other = await buildCaseWorld({ city: w.city });
  cityAdmin = await tokenFor({ city: w.city, role: "city_admin" });
  communityWorker = await tokenFor(
    { district: w.district, role: "community_worker" },
    { community: "so-a-c01" },
  );
  server = await startTestServer();
  ids.grid = (await enter(entry({ awardedOn: testDay(-3) }))).id;
  ids.community = (
    await enter(
      entry({
        unitLevel: "community",
        unitId: gid("Community", w.tree.community),
        points: -5,
        reason: "走访台账不全",
        awardedOn: testDay(-2),
      }),
    )
  ).id;
  ids.street = (
    await enter(
      entry({ unitLevel: "street_office", unitId: gid("StreetOffice", w.tree.streetA), points: 6 }),
    )
  ).id;
  ids.department = (
    await enter(
      entry({
        unitLevel: "department",
        unitId: gid("Department", w.housing.id),
        points: -3,
        reason: "协办反馈迟缓",
        awardedOn: testDay(0),
      }),
    )
  ).id;
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

const list = async (token: string, vars: Record<string, unknown> = {}) =>
  ok(await gql(server, RewardPenaltiesDocument, vars, token)).rewardPenalties;
const idsOf = (page: { edges: Array<{ node: { id: string } }> }) =>
  page.edges.map((e) => e.node.id);

it("the district admin enters them; they read back as entered", async () => {
  const all = await list(w.tokens.admin);
  expect(all.edges[0].node).toMatchObject({
    unitLevel: "department",
    unitId: gid("Department", w.housing.id),
    points: -3,
    reason: "协办反馈迟缓",
    awardedOn: testDay(0),
    recordedBy: `${w.district.code}.district_admin`,
  });
});

it("the overseers read all, newest first, filtered and paged", async () => {
  for (const token of [w.tokens.admin, w.tokens.command, w.tokens.inspector]) {
    const all = await list(token);
    expect(all.totalCount).toBe(4);
    expect(idsOf(all)).toEqual([ids.department, ids.street, ids.community, ids.grid]);
  }
  const t = w.tokens.admin;
  expect(idsOf(await list(t, { unitLevel: "community" }))).toEqual([ids.community]);
  expect(idsOf(await list(t, { unitId: gid("StreetOffice", w.tree.streetA) }))).toEqual([
    ids.street,
  ]);
  expect(idsOf(await list(t, { from: testDay(-2), to: testDay(-1) }))).toEqual([
    ids.street,
    ids.community,
  ]);
  const first = await list(t, { first: 3 });
  const rest = await list(t, { first: 3, after: first.pageInfo.endCursor });
  expect(first.pageInfo.hasNextPage).toBe(true);
  expect([...idsOf(first), ...idsOf(rest)]).toEqual([
    ids.department,
    ids.street,
    ids.community,
    ids.grid,
  ]);
  const bad = await gql(server, RewardPenaltiesDocument, { unitId: gid("Case", w.tree.gridA) }, t);
  expect(errorCode(bad)).toBe("BAD_USER_INPUT");
});

it("a unit's own staff read its entries only; others are refused", async () => {
  const t = w.tokens;
  expect(idsOf(await list(t.worker))).toEqual([ids.grid]);
  expect(idsOf(await list(t.chief))).toEqual([ids.grid]);
  expect(idsOf(await list(t.otherWorker))).toEqual([]);
  expect(idsOf(await list(t.street))).toEqual([ids.street]);
  expect(idsOf(await list(t.otherStreet))).toEqual([]);
  expect(idsOf(await list(communityWorker))).toEqual([ids.community]);
  expect(idsOf(await list(t.housing))).toEqual([ids.department]);
  expect(idsOf(await list(t.urban))).toEqual([]);
  // Naming another unit shows nothing of it.
  expect((await list(t.worker, { unitId: gid("StreetOffice", w.tree.streetA) })).totalCount).toBe(
    0,
  );
  for (const token of [t.resident, t.operator, cityAdmin])
    expect(errorCode(await gql(server, RewardPenaltiesDocument, {}, token))).toBe("FORBIDDEN");
  expect((await list(other.tokens.admin)).totalCount).toBe(0);
  // node(id): by the same rule.
  const node = (id: string, token: string) =>
    gql(server, GridWorkNodeDocument, { id }, token).then((r) => ok(r).node);
  expect(await node(ids.grid, t.worker)).toMatchObject({ __typename: "RewardPenalty", points: 10 });
  expect(await node(ids.street, t.worker)).toBeNull();
  expect(await node(ids.grid, other.tokens.admin)).toBeNull();
  expect(await node(ids.grid, t.resident)).toBeNull();
});

it("only the district admin enters them, for its own district's units, with valid input", async () => {
  const count = async () =>
    (
      await asDistrict(w.district.id, (q) =>
        q("SELECT count(*)::int AS n FROM reward_penalty WHERE district_id = $1", [w.district.id]),
      )
    ).rows[0].n;
  const before = await count();
  const t = w.tokens;
  for (const token of [
    t.command,
    t.inspector,
    t.street,
    t.worker,
    t.housing,
    t.resident,
    cityAdmin,
  ])
    expect(
      errorCode(await gql(server, RecordRewardPenaltyDocument, { input: entry() }, token)),
    ).toBe("FORBIDDEN");
  const refused = async (more: Partial<RecordRewardPenaltyInput>, code: string, field?: string) => {
    const res = await gql(server, RecordRewardPenaltyDocument, { input: entry(more) }, t.admin);
    const got = { code: errorCode(res), field: res.errors?.[0]?.extensions?.field };
    expect(got).toEqual({ code, field: field ?? got.field });
  };
  await refused({ unitId: gid("Grid", other.tree.gridA) }, "NOT_FOUND");
  await refused(
    { unitLevel: "department", unitId: gid("Department", other.housing.id) },
    "NOT_FOUND",
  );
  await refused(
    { unitLevel: "grid", unitId: gid("Department", w.housing.id) },
    "BAD_USER_INPUT",
    "unitId",
  );
  await refused({ points: 0 }, "BAD_USER_INPUT", "points");
  await refused({ points: 101 }, "BAD_USER_INPUT", "points");
  await refused({ points: -101 }, "BAD_USER_INPUT", "points");
  await refused({ reason: "   " }, "BAD_USER_INPUT", "reason");
  await refused({ reason: "" }, "BAD_USER_INPUT");
  await refused({ awardedOn: testDay(1) }, "BAD_USER_INPUT", "awardedOn");
  await refused({ awardedOn: "2026-02-30" }, "BAD_USER_INPUT", "awardedOn");
  // Another district's admin enters nothing for this district's units.
  const theirs = await gql(
    server,
    RecordRewardPenaltyDocument,
    { input: entry() },
    other.tokens.admin,
  );
  expect(errorCode(theirs)).toBe("NOT_FOUND");
  expect(await count()).toBe(before);
});
