import {
  startTestServer,
  gql,
  errorCode,
  wsClient,
  collect,
  liveSubscriptions,
  type TestServer,
} from "../helpers/server";
import { TEST_EPOCH, until } from "../helpers/clock";
import { ManualClock } from "../../src/common/clock";
import { Topic } from "../../src/realtime/pubsub";
import { COALESCE_MS } from "../../src/modules/scores/scoreboard.live";
import { closeFactories, tokenFor } from "../factories";
import { buildCaseWorld, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { localDay } from "../../src/modules/cases/calendar.rules";

let server: TestServer;
let w: CaseWorld;
let other: CaseWorld;
// This file's server runs on a clock that moves only when the test moves it: the coalescing
// window of a live push closes when the test says, not when the machine gets round to it.
const clock = new ManualClock(TEST_EPOCH);
const today = localDay(clock.now());
const yesterday = localDay(new Date(clock.now().getTime() - 86400_000));

async function call(query: string, variables: Record<string, unknown>, token: string) {
  const res = await gql(server, query, variables as never, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as Record<string, unknown>;
}
async function act(mutation: string, type: string, input: Record<string, unknown>, token: string) {
  const d = await call(
    `mutation($input: ${type}!) { ${mutation}(input: $input) { id version } }`,
    { input },
    token,
  );
  return d[mutation] as { id: string; version: number };
}
/** A hotline case in a grid, replied to, resolved by the grid and called back satisfied. */
async function goodCase(grid: string) {
  const t = w.tokens;
  let c = await act(
    "createCase",
    "CreateCaseInput",
    { channel: "hotline", categoryCode: "heating", description: "暖气", gridId: gid("Grid", grid) },
    t.operator,
  );
  c = await act(
    "replyToCase",
    "CaseNoteInput",
    { id: c.id, expectedVersion: c.version, note: "已受理" },
    t.operator,
  );
  c = await act(
    "takeCaseLead",
    "CaseNoteInput",
    { id: c.id, expectedVersion: c.version },
    grid === w.tree.gridA ? t.worker : t.otherWorker,
  );
  c = await act(
    "resolveCase",
    "CaseNoteInput",
    { id: c.id, expectedVersion: c.version, note: "已处理" },
    grid === w.tree.gridA ? t.worker : t.otherWorker,
  );
  return act(
    "recordCallback",
    "CallbackInput",
    { id: c.id, expectedVersion: c.version, reached: true, satisfaction: "satisfied" },
    t.operator,
  );
}
const BOARD = `query($level: UnitLevel!, $from: String!, $to: String!) { scoreboard(level: $level, from: $from, to: $to) {
  formulaVersion rows { rank score measures { unitId received } } } }`;
type Board = {
  formulaVersion: number;
  rows: Array<{
    rank: number | null;
    score: number | null;
    measures: { unitId: string; received: number };
  }>;
};

beforeAll(async () => {
  w = await buildCaseWorld();
  other = await buildCaseWorld({ city: w.city });
  server = await startTestServer({}, { clock });
  await goodCase(w.tree.gridA);
  await goodCase(w.tree.gridB);
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

it("ranks grids by the default formula; equal scores share a rank; a grid without cases is unranked", async () => {
  const board = (await call(BOARD, { level: "grid", from: today, to: today }, w.tokens.command))
    .scoreboard as Board;
  expect(board.formulaVersion).toBe(0);
  const by = Object.fromEntries(board.rows.map((r) => [r.measures.unitId, r]));
  // All four rates are 1, no penalty, no patrol bonus: 100.
  expect(by[gid("Grid", w.tree.gridA)]).toMatchObject({ rank: 1, score: 100 });
  expect(by[gid("Grid", w.tree.gridB)]).toMatchObject({ rank: 1, score: 100 });
  expect(by[gid("Grid", w.tree.gridRural)]).toMatchObject({ rank: null, score: null });
});

it("boards of two districts asked in turn, nine times each, stay each district's as their statements are prepared", async () => {
  // The board's statements are prepared statements of their connection, for which PostgreSQL
  // may keep one plan after five runs; sequential requests reuse the pool's last connection, so
  // both districts' boards run through the same prepared texts. Each must keep its own figures
  // and grids (its statements' values bound anew each time); that row-level security holds in a
  // kept plan is test/db/tenant-transaction.test.ts's.
  const ask = async (c: CaseWorld) =>
    (await call(BOARD, { level: "grid", from: today, to: today }, c.tokens.command))
      .scoreboard as Board;
  const first = { mine: await ask(w), theirs: await ask(other) };
  const mineIds = first.mine.rows.map((r) => r.measures.unitId);
  const theirIds = first.theirs.rows.map((r) => r.measures.unitId);
  expect(mineIds).toContain(gid("Grid", w.tree.gridA));
  expect(theirIds).toContain(gid("Grid", other.tree.gridA));
  expect(mineIds.filter((id) => theirIds.includes(id))).toEqual([]);
  for (let i = 0; i < 8; i++) {
    expect(await ask(w)).toEqual(first.mine);
    expect(await ask(other)).toEqual(first.theirs);
  }
});

it("a patrol report earns the proactive bonus and moves a grid up", async () => {
  let c = await act(
    "createCase",
    "CreateCaseInput",
    { channel: "grid_patrol", categoryCode: "sanitation", description: "巡查发现" },
    w.tokens.worker,
  );
  c = await act(
    "replyToCase",
    "CaseNoteInput",
    { id: c.id, expectedVersion: c.version, note: "已处理中" },
    w.tokens.worker,
  );
  c = await act(
    "resolveCase",
    "CaseNoteInput",
    { id: c.id, expectedVersion: c.version, note: "已清理" },
    w.tokens.worker,
  );
  await act(
    "recordCallback",
    "CallbackInput",
    { id: c.id, expectedVersion: c.version, reached: true, satisfaction: "satisfied" },
    w.tokens.operator,
  );
  const board = (await call(BOARD, { level: "grid", from: today, to: today }, w.tokens.command))
    .scoreboard as Board;
  const by = Object.fromEntries(board.rows.map((r) => [r.measures.unitId, r]));
  // Grid A: 2 cases, all rates 1, proactive share 1/2 → 100 + 10 × 0.5 = 105.
  expect(by[gid("Grid", w.tree.gridA)]).toMatchObject({ rank: 1, score: 105 });
  expect(by[gid("Grid", w.tree.gridB)]).toMatchObject({ rank: 2, score: 100 });
});

it("a new formula applies from now on; a past period keeps the version in force then", async () => {
  const t = w.tokens;
  const input = {
    weights: {
      onTimeCompletionRate: 50,
      satisfactionRate: 50,
      effectiveCallbackRate: 0,
      responseRate: 0,
    },
    penalties: { supervision: 5, breach: 2, return: 1 },
    bonus: { proactive: 20 },
    note: "2026 考核办法",
  };
  expect(
    errorCode(
      await gql(
        server,
        `mutation($i: ScoreFormulaInput!) { setScoreFormula(input: $i) { version } }`,
        { i: input } as never,
        t.command,
      ),
    ),
  ).toBe("FORBIDDEN");
  const bad = await gql(
    server,
    `mutation($i: ScoreFormulaInput!) { setScoreFormula(input: $i) { version } }`,
    {
      i: {
        ...input,
        weights: {
          onTimeCompletionRate: 0,
          satisfactionRate: 0,
          effectiveCallbackRate: 0,
          responseRate: 0,
        },
      },
    } as never,
    t.admin,
  );
  expect(errorCode(bad)).toBe("BAD_USER_INPUT");
  const saved = (
    await call(
      `mutation($i: ScoreFormulaInput!) { setScoreFormula(input: $i) { version note } }`,
      { i: input },
      t.admin,
    )
  ).setScoreFormula;
  expect(saved).toEqual({ version: 1, note: "2026 考核办法" });
  const now = (await call(BOARD, { level: "grid", from: today, to: today }, t.command))
    .scoreboard as Board;
  expect(now.formulaVersion).toBe(1);
  expect(now.rows.find((r) => r.measures.unitId === gid("Grid", w.tree.gridA))?.score).toBe(110);
  const past = (await call(BOARD, { level: "grid", from: yesterday, to: yesterday }, t.command))
    .scoreboard as Board;
  expect(past.formulaVersion).toBe(0);
  const current = (
    await call(
      `{ scoreFormula { version weights { satisfactionRate } bonus { proactive } } }`,
      {},
      t.inspector,
    )
  ).scoreFormula;
  expect(current).toEqual({
    version: 1,
    weights: { satisfactionRate: 50 },
    bonus: { proactive: 20 },
  });
});

it("a grid worker sees its own grid's standing; history has a point per day", async () => {
  const standing = (
    await call(
      `query($from: String!, $to: String!) { myGridStanding(from: $from, to: $to) { rows { rank measures { unitId } } } }`,
      { from: today, to: today },
      w.tokens.worker,
    )
  ).myGridStanding as Board;
  expect(standing.rows.map((r) => r.measures.unitId)).toEqual([gid("Grid", w.tree.gridA)]);
  const history = (
    await call(
      `query($u: ID!, $from: String!, $to: String!) { scoreHistory(level: grid, unitId: $u, from: $from, to: $to, bucket: day) { from rank score received } }`,
      { u: gid("Grid", w.tree.gridA), from: yesterday, to: today },
      w.tokens.command,
    )
  ).scoreHistory as Array<{ from: string; received: number; rank: number | null }>;
  expect(history.map((p) => p.from)).toEqual([yesterday, today]);
  expect(history[1]).toMatchObject({ received: 2, rank: 1 });
  expect(history[0]).toMatchObject({ received: 0, rank: null });
});

it("pushes the changed rows when the window closes, coalescing the events heard within it into one push", async () => {
  const conn = wsClient(server, w.tokens.command);
  const sub = collect(
    conn.client,
    `subscription { scoreboardChanged(level: grid) { events scoreboard { rows { score measures { unitId received } } } } }`,
  );
  await liveSubscriptions(server, "scoreboardChanged", 1);
  const noise = (n: number) =>
    act(
      "createCase",
      "CreateCaseInput",
      {
        channel: "hotline",
        categoryCode: "noise",
        description: `噪音${n}`,
        gridId: gid("Grid", w.tree.gridB),
      },
      w.tokens.operator,
    );
  // A listener of the test's own on the server's pub/sub, beside the subscription's: it hears
  // the district's events in the same dispatch as the subscription does.
  let heard = 0;
  const stopHearing = server.pubSub.on(Topic.CASE_EVENT, (e) => {
    if (e.districtId === w.district.id) heard += 1;
  });
  // A burst: three cases taken in at once, all three heard (through Redis or PostgreSQL too)
  // while the window that the first opened is still open: the clock stands still.
  await Promise.all([1, 2, 3].map(noise));
  await until(() => heard === 3, "the three events heard");
  await until(() => clock.waiting === 1, "the coalescing window to open");
  expect(sub.events).toHaveLength(0);
  clock.advance(COALESCE_MS);
  await sub.next(1);
  type Push = {
    scoreboardChanged: {
      events: number;
      scoreboard: { rows: Array<{ measures: { unitId: string; received: number } }> };
    };
  };
  const push = (sub.events[0].data as Push).scoreboardChanged;
  expect(push.events).toBe(3);
  expect(push.scoreboard.rows.map((r) => r.measures.unitId)).toEqual([gid("Grid", w.tree.gridB)]);
  expect(push.scoreboard.rows[0].measures.received).toBe(4);

  // One more event, one more window: a push of its own, so nothing of the burst was left over.
  await noise(4);
  await until(() => clock.waiting === 1, "the next window to open");
  clock.advance(COALESCE_MS);
  await sub.next(2);
  const second = (sub.events[1].data as Push).scoreboardChanged;
  expect(second.events).toBe(1);
  expect(second.scoreboard.rows[0].measures.received).toBe(5);
  stopHearing();
  sub.dispose();
  await conn.client.dispose();
});

it("subscribers of the same board share one rebuild per burst; each gets the rows changed since its last push", async () => {
  const tokens = [w.tokens.command, w.tokens.admin, w.tokens.inspector];
  const conns = tokens.map((t) => wsClient(server, t));
  const subs = conns.map((c) =>
    collect(
      c.client,
      `subscription { scoreboardChanged(level: grid) { events scoreboard { rows { measures { unitId received } } } } }`,
    ),
  );
  await liveSubscriptions(server, "scoreboardChanged", 3);
  let heard = 0;
  const stopHearing = server.pubSub.on(Topic.CASE_EVENT, (e) => {
    if (e.districtId === w.district.id) heard += 1;
  });
  const builds = (from: number) =>
    // A board's build sums the period's counters (measures.service.ts, computeMeasures).
    server.statements.slice(from).filter((q) => /^\s*WITH s AS \(\s*SELECT unit_id,/.test(q))
      .length;
  const before = server.statements.length;
  await act(
    "createCase",
    "CreateCaseInput",
    {
      channel: "hotline",
      categoryCode: "noise",
      description: "噪音",
      gridId: gid("Grid", w.tree.gridA),
    },
    w.tokens.operator,
  );
  await until(() => heard === 1, "the event heard");
  // One window for the three, one build when it closes.
  await until(() => clock.waiting === 1, "the shared window to open");
  clock.advance(COALESCE_MS);
  await Promise.all(subs.map((s) => s.next(1)));
  expect(builds(before)).toBe(1);
  for (const s of subs) {
    const push = (
      s.events[0].data as {
        scoreboardChanged: {
          events: number;
          scoreboard: { rows: Array<{ measures: { unitId: string } }> };
        };
      }
    ).scoreboardChanged;
    expect(push.events).toBe(1);
    expect(push.scoreboard.rows.map((r) => r.measures.unitId)).toEqual([gid("Grid", w.tree.gridA)]);
  }
  stopHearing();
  for (const c of conns) await c.client.dispose();
});

it("a 奖惩 entry moves the live board like a case event; each subscriber sees the entry's points as it may", async () => {
  const tokens = [w.tokens.admin, w.tokens.operator];
  const conns = tokens.map((t) => wsClient(server, t));
  const subs = conns.map((c) =>
    collect(
      c.client,
      `subscription { scoreboardChanged(level: grid) { events scoreboard { rows { points measures { unitId } } } } }`,
    ),
  );
  await liveSubscriptions(server, "scoreboardChanged", 2);
  let heard = 0;
  const stopHearing = server.pubSub.on(Topic.SCORE_INPUT, (e) => {
    if (e.districtId === w.district.id) heard += 1;
  });
  await call(
    `mutation($i: RecordRewardPenaltyInput!) { recordRewardPenalty(input: $i) { id } }`,
    {
      i: {
        unitLevel: "grid",
        unitId: gid("Grid", w.tree.gridB),
        points: -20,
        reason: "巡查记录缺失",
        awardedOn: today,
      },
    },
    w.tokens.admin,
  );
  await until(() => heard === 1, "the entry heard");
  await until(() => clock.waiting === 1, "the window to open");
  clock.advance(COALESCE_MS);
  await Promise.all(subs.map((s) => s.next(1)));
  type Push = {
    scoreboardChanged: {
      events: number;
      scoreboard: { rows: Array<{ points: number | null; measures: { unitId: string } }> };
    };
  };
  const [admin, operator] = subs.map((s) => (s.events[0].data as Push).scoreboardChanged);
  expect(admin.events).toBe(1);
  expect(admin.scoreboard.rows).toEqual([
    { points: -20, measures: { unitId: gid("Grid", w.tree.gridB) } },
  ]);
  expect(operator.scoreboard.rows).toEqual([
    { points: null, measures: { unitId: gid("Grid", w.tree.gridB) } },
  ]);
  stopHearing();
  for (const c of conns) await c.client.dispose();
});

it("the city ranks its districts with the numbers the districts see; a district admin may not", async () => {
  const cityAdmin = await tokenFor({ city: w.city, role: "city_admin" });
  const city = (
    await call(
      `query($from: String!, $to: String!) { cityScoreboard(from: $from, to: $to) { rows { rank score measures { unitId received } } } }`,
      { from: today, to: today },
      cityAdmin,
    )
  ).cityScoreboard as Board;
  const mine = city.rows.find((r) => r.measures.unitId === gid("District", w.district.id))!;
  const theirs = city.rows.find((r) => r.measures.unitId === gid("District", other.district.id))!;
  expect(mine.rank).toBe(1);
  expect(theirs).toMatchObject({ rank: null, measures: { received: 0 } });
  const districtView = (
    await call(BOARD, { level: "district", from: today, to: today }, w.tokens.command)
  ).scoreboard as Board;
  expect(districtView.rows[0].measures.received).toBe(mine.measures.received);
  const refused = await gql(
    server,
    `query($from: String!, $to: String!) { cityScoreboard(from: $from, to: $to) { formulaVersion } }`,
    { from: today, to: today } as never,
    w.tokens.admin,
  );
  expect(errorCode(refused)).toBe("FORBIDDEN");
});

it("the city's totals add up its districts, and its trend ranks them per day", async () => {
  const cityAdmin = await tokenFor({ city: w.city, role: "city_admin" });
  const totals = (
    await call(
      `query($from: String!, $to: String!) { cityTotals(from: $from, to: $to) { districts received gridPatrol resolved proactiveShare satisfactionRate } }`,
      { from: today, to: today },
      cityAdmin,
    )
  ).cityTotals as Record<string, number>;
  const board = (
    await call(
      `query($from: String!, $to: String!) { cityScoreboard(from: $from, to: $to) { rows { measures { received gridPatrol resolved } } } }`,
      { from: today, to: today },
      cityAdmin,
    )
  ).cityScoreboard as { rows: Array<{ measures: Record<string, number> }> };
  const sum = (k: string) => board.rows.reduce((n, r) => n + r.measures[k], 0);
  expect(totals).toMatchObject({
    districts: board.rows.length,
    received: sum("received"),
    gridPatrol: sum("gridPatrol"),
    resolved: sum("resolved"),
  });
  expect(totals.proactiveShare).toBeCloseTo(sum("gridPatrol") / sum("received"), 10);
  const trend = (
    await call(
      `query($from: String!, $to: String!) { cityTrend(from: $from, to: $to, bucket: day) { from rows { rank measures { unitId } } } }`,
      { from: yesterday, to: today },
      cityAdmin,
    )
  ).cityTrend as Array<{ from: string }>;
  expect(trend.map((t) => t.from)).toEqual([yesterday, today]);
  for (const q of ["cityTotals", "cityTrend"]) {
    const res = await gql(
      server,
      `query($from: String!, $to: String!) { ${q}(from: $from, to: $to) { __typename } }`,
      { from: today, to: today } as never,
      w.tokens.admin,
    );
    expect({ q, code: errorCode(res) }).toEqual({ q, code: "FORBIDDEN" });
  }
});

it("refuses periods out of range and a city admin's drill-down below the districts", async () => {
  const cityAdmin = await tokenFor({ city: w.city, role: "city_admin" });
  const far = await gql(
    server,
    `query { scoreHistory(level: grid, unitId: "${gid("Grid", w.tree.gridA)}", from: "2026-01-01", to: "9999-12-31") { from } }`,
    {} as never,
    w.tokens.command,
  );
  expect(errorCode(far)).toBe("BAD_USER_INPUT");
  const backwards = await gql(
    server,
    `query { cityTrend(from: "${today}", to: "${yesterday}") { from } }`,
    {} as never,
    cityAdmin,
  );
  expect(errorCode(backwards)).toBe("BAD_USER_INPUT");
  const drill = await gql(
    server,
    `query { measureCases(level: grid, unitId: "${gid("Grid", w.tree.gridA)}", measure: received, from: "${today}", to: "${today}") { total } }`,
    {} as never,
    cityAdmin,
  );
  expect(errorCode(drill)).toBe("BAD_USER_INPUT");
});
