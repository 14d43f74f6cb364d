import { startTestServer, gql, errorCode, type TestServer } from "../helpers/server";
import { asDistrict, closeFactories, ownerPool, tokenFor } from "../factories";
import { buildCaseWorld, hotlineCase, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { fromGlobalId } from "../../src/common/ids";
import { testClock, testDay } from "../helpers/clock";
import { sweepOnce } from "../../src/modules/cases/deadline.sweeper";
import { verifyCounters } from "../../src/modules/cases/case.counters";
import { CASE_COUNT_MEASURES, MEASURES } from "../../src/modules/cases/case.measures";
import { isOpen } from "../../src/modules/cases/case.deadlines";
import { CaseStatus } from "../../src/modules/cases/case.workflow";

/** Measures on small hand-built histories, with exact expected numbers. */
let server: TestServer;
let w: CaseWorld;
const from = testDay(-1);
const to = testDay(1);

type Row = Record<string, unknown>;
async function call(query: string, variables: Record<string, unknown>, token: string) {
  const res = await gql(server, query, variables as never, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as Record<string, unknown>;
}
const CASE = `id version status`;
async function act(mutation: string, input: Record<string, unknown>, token: string) {
  const d = await call(
    `mutation($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { ${CASE} } }`,
    { input },
    token,
  );
  return d[mutation] as { id: string; version: number; status: string };
}
function inputType(m: string): string {
  return (
    (
      {
        createCase: "CreateCaseInput",
        assignCase: "AssignCaseInput",
        ruleOnCaseReturn: "RulingInput",
        recordCallback: "CallbackInput",
        reportCaseProgress: "ReportProgressInput",
      } as Record<string, string>
    )[m] ?? "CaseNoteInput"
  );
}
const MEASURES_Q = `query($level: UnitLevel!, $from: String!, $to: String!) { measures(level: $level, from: $from, to: $to) {
  unitId name received hotline communityReport gridPatrol residentReport repliedOnTime resolved resolvedOnTime callbacks callbacksValid
  satisfied basicallySatisfied unsatisfied returns supervisions breaches replyBreaches overdueNow
  proactiveShare responseRate onTimeCompletionRate resolutionRate satisfactionRate effectiveCallbackRate } }`;

let ids: Record<string, string> = {};

beforeAll(async () => {
  w = await buildCaseWorld();
  server = await startTestServer();
  const t = w.tokens;
  const hotline = (grid: string) => ({
    channel: "hotline",
    categoryCode: "heating",
    description: "暖气不热",
    gridId: gid("Grid", grid),
  });
  // A: replied on time, handled by the grid, satisfied.
  let a = await act("createCase", hotline(w.tree.gridA), t.operator);
  a = await act(
    "replyToCase",
    { id: a.id, expectedVersion: a.version, note: "已受理" },
    t.operator,
  );
  a = await act("takeCaseLead", { id: a.id, expectedVersion: a.version }, t.worker);
  a = await act("resolveCase", { id: a.id, expectedVersion: a.version, note: "已修好" }, t.worker);
  a = await act(
    "recordCallback",
    { id: a.id, expectedVersion: a.version, reached: true, satisfaction: "satisfied" },
    t.operator,
  );
  // B: a patrol report, resolved, the callback does not reach anyone.
  let b = await act(
    "createCase",
    { channel: "grid_patrol", categoryCode: "sanitation", description: "垃圾满溢" },
    t.worker,
  );
  b = await act("resolveCase", { id: b.id, expectedVersion: b.version, note: "已清运" }, t.worker);
  b = await act(
    "recordCallback",
    { id: b.id, expectedVersion: b.version, reached: false },
    t.operator,
  );
  // C: assigned to housing (lead) and urban management, returned, reassigned to water, unsatisfied
  // (which opens a supervision: the district's default).
  let c = await act("createCase", hotline(w.tree.gridB), t.operator);
  c = await act(
    "assignCase",
    {
      id: c.id,
      expectedVersion: c.version,
      assignments: [
        { departmentId: gid("Department", w.housing.id), role: "lead" },
        { departmentId: gid("Department", w.urban.id), role: "co" },
      ],
    },
    t.command,
  );
  c = await act(
    "requestCaseReturn",
    { id: c.id, expectedVersion: c.version, note: "不属本部门" },
    t.housing,
  );
  c = await act(
    "ruleOnCaseReturn",
    { id: c.id, expectedVersion: c.version, granted: true },
    t.command,
  );
  c = await act(
    "assignCase",
    {
      id: c.id,
      expectedVersion: c.version,
      assignments: [{ departmentId: gid("Department", w.water.id), role: "lead" }],
    },
    t.command,
  );
  c = await act(
    "resolveCase",
    { id: c.id, expectedVersion: c.version, note: "已维修管道" },
    t.water,
  );
  c = await act(
    "recordCallback",
    { id: c.id, expectedVersion: c.version, reached: true, satisfaction: "unsatisfied" },
    t.operator,
  );
  // D: breached (and so supervised), then resolved late.
  const d = await act("createCase", hotline(w.tree.gridA), t.operator);
  await asDistrict(w.district.id, (q) =>
    q("UPDATE hotline_case SET resolution_due_at = $2 WHERE id = $1", [
      fromGlobalId(d.id)!.id,
      new Date(testClock.now().getTime() - 60_000),
    ]),
  );
  await sweepOnce(server.dataSource, server.pubSub, testClock.now(), [w.district.id]);
  const d2 = (await call(`query($id: ID!) { case(id: $id) { ${CASE} } }`, { id: d.id }, t.command))
    .case as { id: string; version: number };
  let dd = await act("takeCaseLead", { id: d2.id, expectedVersion: d2.version }, t.worker);
  dd = await act("resolveCase", { id: dd.id, expectedVersion: dd.version, note: "迟办" }, t.worker);
  ids = { a: a.id, b: b.id, c: c.id, d: dd.id };
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

it("counts the district's measures exactly, with their rates", async () => {
  const rows = (await call(MEASURES_Q, { level: "district", from, to }, w.tokens.command))
    .measures as Row[];
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    received: 4,
    hotline: 3,
    gridPatrol: 1,
    communityReport: 0,
    residentReport: 0,
    repliedOnTime: 1,
    resolved: 4,
    resolvedOnTime: 3,
    callbacks: 3,
    callbacksValid: 2,
    satisfied: 1,
    basicallySatisfied: 0,
    unsatisfied: 1,
    returns: 1,
    supervisions: 2,
    breaches: 1,
    // D breached its resolution limit; its reply limit had not passed when the watcher swept.
    replyBreaches: 0,
    overdueNow: 0,
    proactiveShare: 0.25,
    responseRate: 0.25,
    onTimeCompletionRate: 0.75,
    resolutionRate: 1,
    satisfactionRate: 0.5,
    effectiveCallbackRate: 2 / 3,
  });
});

it("splits them by grid and street office; an empty unit has null rates", async () => {
  const grids = (await call(MEASURES_Q, { level: "grid", from, to }, w.tokens.command))
    .measures as Row[];
  const byId = Object.fromEntries(grids.map((g) => [g.unitId, g]));
  expect(byId[gid("Grid", w.tree.gridA)]).toMatchObject({
    received: 3,
    gridPatrol: 1,
    resolvedOnTime: 2,
    breaches: 1,
  });
  expect(byId[gid("Grid", w.tree.gridB)]).toMatchObject({
    received: 1,
    returns: 1,
    unsatisfied: 1,
  });
  const empty = byId[gid("Grid", w.tree.gridRural)];
  expect(empty).toMatchObject({
    received: 0,
    responseRate: null,
    onTimeCompletionRate: null,
    satisfactionRate: null,
    effectiveCallbackRate: null,
  });
  const so = (await call(MEASURES_Q, { level: "street_office", from, to }, w.tokens.command))
    .measures as Row[];
  expect(so.map((s) => s.received).sort()).toEqual([0, 4]);
});

it("gives departments the cases they held, and returns to those that returned them", async () => {
  const depts = (await call(MEASURES_Q, { level: "department", from, to }, w.tokens.command))
    .measures as Row[];
  const by = Object.fromEntries(depts.map((d) => [d.unitId, d]));
  expect(by[gid("Department", w.housing.id)]).toMatchObject({
    received: 0,
    returns: 1,
    resolved: 0,
  });
  expect(by[gid("Department", w.urban.id)]).toMatchObject({ received: 0, returns: 1 });
  expect(by[gid("Department", w.water.id)]).toMatchObject({
    received: 1,
    resolved: 1,
    resolvedOnTime: 1,
    callbacks: 1,
    unsatisfied: 1,
    returns: 0,
    satisfactionRate: 0,
  });
});

it("drills a figure down to its cases", async () => {
  const res = (
    await call(
      `query($u: ID!, $from: String!, $to: String!) { measureCases(level: district, unitId: $u, measure: resolvedOnTime, from: $from, to: $to) { total cases { id } } }`,
      { u: gid("District", w.district.id), from, to },
      w.tokens.command,
    )
  ).measureCases as { total: number; cases: Array<{ id: string }> };
  expect(res.total).toBe(3);
  expect(res.cases.map((c) => c.id).sort()).toEqual([ids.a, ids.b, ids.c].sort());
});

it("drills every figure down to cases that add up to it, at the district and in a grid", async () => {
  for (const [level, unit] of [
    ["district", gid("District", w.district.id)],
    ["grid", gid("Grid", w.tree.gridA)],
  ] as const) {
    const rows = (await call(MEASURES_Q, { level, from, to }, w.tokens.command)).measures as Row[];
    const figures = rows.find((r) => r.unitId === unit)!;
    // The figures the measures query above asks for.
    for (const measure of MEASURES.filter((m) => typeof figures[m] === "number")) {
      const res = (
        await call(
          `query($l: UnitLevel!, $u: ID!, $m: MeasureName!, $from: String!, $to: String!) { measureCases(level: $l, unitId: $u, measure: $m, from: $from, to: $to) { total cases { id } } }`,
          { l: level, u: unit, m: measure, from, to },
          w.tokens.command,
        )
      ).measureCases as { total: number; cases: Array<{ id: string }> };
      const figure = figures[measure] as number;
      // A count of cases is its figure; a count of callbacks, returns… has fewer cases behind it.
      if (CASE_COUNT_MEASURES.has(measure)) expect([measure, res.total]).toEqual([measure, figure]);
      else
        expect([measure, res.total > 0, res.total <= figure]).toEqual([measure, figure > 0, true]);
      // The command center sees every case: the list is the whole drill-down, newest first.
      expect(res.cases).toHaveLength(res.total);
      const listed = res.cases.map((c) => fromGlobalId(c.id)!.id);
      expect(listed).toEqual([...listed].sort().reverse());
    }
  }
});

it("stored counters equal the ones recomputed from the log, also after a random sequence of actions", async () => {
  const t = w.tokens;
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const open: Array<{ id: string; version: number; status: string }> = [];
  for (let i = 0; i < 8; i++)
    open.push(
      await act(
        "createCase",
        {
          channel: "hotline",
          categoryCode: "noise",
          description: `噪音${i}`,
          gridId: gid("Grid", w.tree.gridA),
        },
        t.operator,
      ),
    );
  for (let step = 0; step < 40; step++) {
    const k = Math.floor(rnd() * open.length);
    const c = open[k];
    const choices: Array<[string, Record<string, unknown>, string]> = [
      ["replyToCase", { note: "已受理" }, t.operator],
      ["takeCaseLead", {}, t.worker],
      ["resolveCase", { note: "处理" }, t.worker],
      ["recordCallback", { reached: rnd() < 0.8, ...(rnd() < 2 ? {} : {}) }, t.operator],
      ["superviseCase", { note: "督办" }, t.inspector],
      [
        "assignCase",
        { assignments: [{ departmentId: gid("Department", w.housing.id), role: "lead" }] },
        t.command,
      ],
      ["resolveCase", { note: "处理" }, t.housing],
    ];
    const [mutation, extra, token] = choices[Math.floor(rnd() * choices.length)];
    if (mutation === "recordCallback" && extra.reached)
      extra.satisfaction = rnd() < 0.7 ? "satisfied" : "unsatisfied";
    const res = await gql(
      server,
      `mutation($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { ${CASE} } }`,
      { input: { id: c.id, expectedVersion: c.version, ...extra } } as never,
      token,
    );
    if (!res.errors) open[k] = (res.data as Record<string, typeof c>)[mutation];
  }
  const client = await ownerPool().connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT set_config('app.district_ids', $1, true)", [`{${w.district.id}}`]);
    const sql = async (q: string, p?: unknown[]) => (await client.query(q, p)).rows;
    const problems = await verifyCounters(sql, w.district.id);
    expect(problems).toEqual([]);
    // And the check does catch a counter that drifted (rolled back below).
    await client.query(
      "UPDATE score_counter SET received = received + 1 WHERE district_id = $1 AND level = 'grid' AND unit_id = $2",
      [w.district.id, w.tree.gridA],
    );
    const drift = await verifyCounters(sql, w.district.id);
    expect(drift).toEqual([expect.stringMatching(/^grid\|.*received is \d+, recomputed \d+$/)]);
    await client.query("ROLLBACK");
  } finally {
    client.release();
  }
});

it("refuses residents, and keeps a city admin at the level of districts", async () => {
  expect(
    errorCode(
      await gql(server, MEASURES_Q, { level: "district", from, to } as never, w.tokens.resident),
    ),
  ).toBe("FORBIDDEN");
  const cityAdmin = await tokenFor({ city: w.city, role: "city_admin" });
  expect(
    errorCode(await gql(server, MEASURES_Q, { level: "grid", from, to } as never, cityAdmin)),
  ).toBe("BAD_USER_INPUT");
  const rows = (await call(MEASURES_Q, { level: "district", from, to }, cityAdmin))
    .measures as Row[];
  expect(rows.map((r) => r.unitId)).toContain(gid("District", w.district.id));
  expect(
    errorCode(
      await gql(
        server,
        MEASURES_Q,
        { level: "grid", from: to, to: from } as never,
        w.tokens.command,
      ),
    ),
  ).toBe("BAD_USER_INPUT");
});

it("another district's admin sees none of these units", async () => {
  const other = await buildCaseWorld({ city: w.city });
  const rows = (await call(MEASURES_Q, { level: "grid", from, to }, other.tokens.admin))
    .measures as Row[];
  expect(rows.map((r) => r.unitId)).not.toContain(gid("Grid", w.tree.gridA));
  expect(rows.every((r) => r.received === 0)).toBe(true);
});

it("counts each unit's open and overdue cases now as the case list does; another district sees none", async () => {
  const world = await buildCaseWorld({ city: w.city });
  const t = world.tokens;
  const inGrid = (grid: string) => hotlineCase(server, world, { gridId: gid("Grid", grid) });
  const done = await inGrid(world.tree.gridA);
  const late = await inGrid(world.tree.gridA);
  await inGrid(world.tree.gridA);
  await inGrid(world.tree.gridB);
  // One of grid A's cases resolved (no longer open), another past its resolution due time.
  const led = await act("takeCaseLead", { id: done.id, expectedVersion: done.version }, t.worker);
  await act("resolveCase", { id: led.id, expectedVersion: led.version, note: "已处理" }, t.worker);
  await asDistrict(world.district.id, (q) =>
    q("UPDATE hotline_case SET resolution_due_at = $2 WHERE id = $1", [
      fromGlobalId(late.id)!.id,
      new Date(testClock.now().getTime() - 3_600_000),
    ]),
  );

  // A case in grid B given to two departments: each holds its part of an open case.
  const given = await inGrid(world.tree.gridB);
  const housing = gid("Department", world.housing.id);
  const urban = gid("Department", world.urban.id);
  await act(
    "assignCase",
    {
      id: given.id,
      expectedVersion: given.version,
      assignments: [
        { departmentId: housing, role: "lead" },
        { departmentId: urban, role: "co" },
      ],
    },
    t.command,
  );

  const open = Object.values(CaseStatus).filter((s) => isOpen(s));
  expect(open).not.toContain("resolved");
  const NOW_Q = `query($level: UnitLevel!, $from: String!, $to: String!) {
    measures(level: $level, from: $from, to: $to) { unitId openNow overdueNow } }`;
  const LIST_Q = `query($gridId: ID, $streetOfficeId: ID, $departmentId: ID, $status: [CaseStatus!], $overdue: Boolean) {
    cases(gridId: $gridId, streetOfficeId: $streetOfficeId, departmentId: $departmentId, status: $status, overdue: $overdue, first: 1) { totalCount } }`;
  const listed = async (filter: Record<string, unknown>) =>
    ((await call(LIST_Q, filter, t.command)).cases as { totalCount: number }).totalCount;
  const now = async (level: string, token = t.command) =>
    (await call(NOW_Q, { level, from, to }, token)).measures as Array<{
      unitId: string;
      openNow: number;
      overdueNow: number;
    }>;

  const grids = await now("grid");
  expect(grids).toHaveLength(3);
  for (const g of grids) {
    expect([g.unitId, g.openNow]).toEqual([
      g.unitId,
      await listed({ gridId: g.unitId, status: open }),
    ]);
    expect([g.unitId, g.overdueNow]).toEqual([
      g.unitId,
      await listed({ gridId: g.unitId, overdue: true }),
    ]);
  }
  const byId = Object.fromEntries(grids.map((g) => [g.unitId, g]));
  expect(byId[gid("Grid", world.tree.gridA)]).toMatchObject({ openNow: 2, overdueNow: 1 });
  expect(byId[gid("Grid", world.tree.gridB)]).toMatchObject({ openNow: 2, overdueNow: 0 });
  expect(byId[gid("Grid", world.tree.gridRural)]).toMatchObject({ openNow: 0, overdueNow: 0 });
  for (const so of await now("street_office"))
    expect(so.openNow).toBe(await listed({ streetOfficeId: so.unitId, status: open }));
  expect(await now("district")).toEqual([
    { unitId: gid("District", world.district.id), openNow: 4, overdueNow: 1 },
  ]);
  expect(await listed({ status: open })).toBe(4);
  // A department: the parts it still holds of open cases.
  const depts = await now("department");
  for (const d of depts)
    expect([d.unitId, d.openNow]).toEqual([
      d.unitId,
      await listed({ departmentId: d.unitId, status: open }),
    ]);
  expect(Object.fromEntries(depts.map((d) => [d.unitId, d.openNow]))).toEqual({
    [housing]: 1,
    [urban]: 1,
    [gid("Department", world.water.id)]: 0,
  });

  // Another district's command center: none of these grids, and nothing open in its own.
  const other = await buildCaseWorld({ city: w.city });
  const theirs = await now("grid", other.tokens.command);
  expect(theirs.map((r) => r.unitId)).not.toContain(gid("Grid", world.tree.gridA));
  expect(theirs.every((r) => r.openNow === 0 && r.overdueNow === 0)).toBe(true);
});

it("the demo history's counters match its event log (Mingshan)", async () => {
  const client = await ownerPool().connect();
  try {
    const { rows } = await client.query("SELECT id FROM district WHERE code = 'mingshan'");
    // One snapshot for the log and the counters, as `verify-scores` reads them: other test files
    // take cases in and resolve them in Mingshan meanwhile, and a commit between the two reads
    // would show in one and not the other.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query("SELECT set_config('app.district_ids', $1, true)", [`{${rows[0].id}}`]);
    const sql = async (q: string, p?: unknown[]) => (await client.query(q, p)).rows;
    expect(await verifyCounters(sql, rows[0].id)).toEqual([]);
    const [{ n }] = await sql(
      "SELECT sum(received)::int AS n FROM score_counter WHERE district_id = $1 AND level = 'district'",
      [rows[0].id],
    );
    expect(n).toBeGreaterThan(10000);
    await client.query("ROLLBACK");
  } finally {
    client.release();
  }
});
