import { startTestServer, must, mutate, type TestServer } from "../helpers/server";
import { asDistrict, closeFactories, ownerPool, tokenFor } from "../factories";
import { buildCaseWorld, hotlineCase, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { ManualClock } from "../../src/common/clock";
import { localDay } from "../../src/common/dates";
import { fromGlobalId } from "../../src/common/ids";
import { TEST_EPOCH } from "../helpers/clock";
import { sweepOnce } from "../../src/modules/cases/deadline.sweeper";
import { verifyCounters } from "../../src/modules/cases/case.counters";

/**
 * replyBreaches: the cases whose 2-hour reply limit the deadline watcher marked passed, counted
 * when it marks it (the counters move in the sweep's transaction), beside the resolution breaches
 * and apart from the departments' own reply clocks; a drill-down lists exactly those cases; and
 * another district's watcher and readers neither move nor see them.
 */
let server: TestServer;
let w: CaseWorld;
let other: CaseWorld;
const clock = new ManualClock(TEST_EPOCH);
const HOUR = 3_600_000;
const day = localDay(TEST_EPOCH);

const call = (query: string, variables: Record<string, unknown>, token: string) =>
  must(server, query, variables, token);
type C = { id: string; version: number };
const act = (name: string, type: string, input: Record<string, unknown>, token: string) =>
  mutate<C>(server, token, name, type, input);
const reply = (c: C, world: CaseWorld) =>
  act(
    "replyToCase",
    "CaseNoteInput",
    { id: c.id, expectedVersion: c.version, note: "已受理" },
    world.tokens.operator,
  );

type Figures = { unitId: string; replyBreaches: number; breaches: number; received: number };
async function measures(level: string, token: string): Promise<Map<string, Figures>> {
  const rows = (
    await call(
      `query($l: UnitLevel!, $d: String!) { measures(level: $l, from: $d, to: $d) { unitId received breaches replyBreaches } }`,
      { l: level, d: day },
      token,
    )
  ).measures as Figures[];
  return new Map(rows.map((r) => [r.unitId, r]));
}
async function drill(level: string, unitId: string, measure: string, token: string) {
  return (
    await call(
      `query($l: UnitLevel!, $u: ID!, $m: MeasureName!, $d: String!) { measureCases(level: $l, unitId: $u, measure: $m, from: $d, to: $d) { total cases { id } } }`,
      { l: level, u: unitId, m: measure, d: day },
      token,
    )
  ).measureCases as { total: number; cases: Array<{ id: string }> };
}

const made: Record<string, C> = {};

beforeAll(async () => {
  w = await buildCaseWorld();
  other = await buildCaseWorld({ city: w.city });
  server = await startTestServer({}, { clock });
  // Unanswered, then dispatched to housing (lead) and urban management: the departments' parts
  // get their own reply clocks, whose breaches are theirs, not the case's.
  const late = await hotlineCase(server, w);
  made.late = await act(
    "assignCase",
    "AssignCaseInput",
    {
      id: late.id,
      expectedVersion: late.version,
      assignments: [
        { departmentId: gid("Department", w.housing.id), role: "lead" },
        { departmentId: gid("Department", w.urban.id), role: "co" },
      ],
    },
    w.tokens.command,
  );
  // Answered at once: no breach of either limit.
  made.answered = await reply(await hotlineCase(server, w), w);
  // Answered at once, its resolution limit (moved to an hour after receipt) breached.
  made.overdue = await reply(await hotlineCase(server, w), w);
  await asDistrict(w.district.id, (q) =>
    q("UPDATE hotline_case SET resolution_due_at = $2 WHERE id = $1", [
      fromGlobalId(made.overdue.id)!.id,
      new Date(TEST_EPOCH.getTime() + HOUR),
    ]),
  );
  // The other district's unanswered case.
  made.theirs = await hotlineCase(server, other);
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

const district = () => gid("District", w.district.id);

it("counts nothing before the watcher marks the reply limit passed", async () => {
  const d = (await measures("district", w.tokens.command)).get(district())!;
  expect(d).toMatchObject({ received: 3, replyBreaches: 0, breaches: 0 });
});

it("moves the counters when the watcher breaches a reply: the case's units and the departments holding it, once", async () => {
  clock.advance(3 * HOUR);
  const swept = await sweepOnce(server.dataSource, server.pubSub, clock.now(), [w.district.id]);
  expect(swept).toMatchObject({ replyBreaches: 1, breaches: 1, assignmentReplyBreaches: 2 });
  expect((await measures("district", w.tokens.command)).get(district())).toMatchObject({
    replyBreaches: 1,
    breaches: 1,
  });
  expect((await measures("grid", w.tokens.command)).get(gid("Grid", w.tree.gridA))).toMatchObject({
    received: 3,
    replyBreaches: 1,
    breaches: 1,
  });
  const depts = await measures("department", w.tokens.command);
  expect(depts.get(gid("Department", w.housing.id))).toMatchObject({ replyBreaches: 1 });
  expect(depts.get(gid("Department", w.urban.id))).toMatchObject({ replyBreaches: 1 });
  expect(depts.get(gid("Department", w.water.id))).toMatchObject({ replyBreaches: 0 });
  // A second sweep later marks nothing again, and the counters equal the log's measures.
  clock.advance(HOUR);
  await sweepOnce(server.dataSource, server.pubSub, clock.now(), [w.district.id]);
  expect((await measures("district", w.tokens.command)).get(district())!.replyBreaches).toBe(1);
  const client = await ownerPool().connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT set_config('app.district_ids', $1, true)", [`{${w.district.id}}`]);
    expect(
      await verifyCounters(async (q, p) => (await client.query(q, p)).rows, w.district.id),
    ).toEqual([]);
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
});

it("drills replyBreaches down to exactly the cases whose reply limit passed, apart from the resolution breaches", async () => {
  for (const [level, unit] of [
    ["district", district()],
    ["grid", gid("Grid", w.tree.gridA)],
    ["department", gid("Department", w.housing.id)],
  ] as const) {
    const res = await drill(level, unit, "replyBreaches", w.tokens.command);
    expect([level, res.total, res.cases.map((c) => c.id)]).toEqual([level, 1, [made.late.id]]);
  }
  const resolution = await drill("district", district(), "breaches", w.tokens.command);
  expect(resolution.cases.map((c) => c.id)).toEqual([made.overdue.id]);
  const cityAdmin = await tokenFor({ city: w.city, role: "city_admin" });
  const totals = (
    await call(
      `query($d: String!) { cityTotals(from: $d, to: $d) { replyBreaches breaches } }`,
      { d: day },
      cityAdmin,
    )
  ).cityTotals;
  expect(totals).toEqual({ replyBreaches: 1, breaches: 1 });
});

it("keeps each district's reply breaches to itself", async () => {
  const theirs = gid("District", other.district.id);
  // The sweep of this district left the other's late case alone.
  expect((await measures("district", other.tokens.command)).get(theirs)).toMatchObject({
    received: 1,
    replyBreaches: 0,
  });
  await sweepOnce(server.dataSource, server.pubSub, clock.now(), [other.district.id]);
  expect((await measures("district", other.tokens.command)).get(theirs)!.replyBreaches).toBe(1);
  expect((await measures("district", w.tokens.command)).get(district())!.replyBreaches).toBe(1);
  // Neither reads the other's figure or cases.
  expect([...(await measures("district", other.tokens.command)).keys()]).toEqual([theirs]);
  const across = await drill("district", district(), "replyBreaches", other.tokens.command);
  expect(across).toEqual({ total: 0, cases: [] });
  const back = await drill("district", theirs, "replyBreaches", w.tokens.command);
  expect(back).toEqual({ total: 0, cases: [] });
  const own = await drill("district", theirs, "replyBreaches", other.tokens.command);
  expect(own.cases.map((c) => c.id)).toEqual([made.theirs.id]);
});
