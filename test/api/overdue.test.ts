import { startTestServer, gql, type TestServer } from "../helpers/server";
import { closeFactories } from "../factories";
import { buildCaseWorld, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { ManualClock } from "../../src/common/clock";
import { localDay } from "../../src/common/dates";
import { TEST_EPOCH } from "../helpers/clock";
import { sweepOnce } from "../../src/modules/cases/deadline.sweeper";
import { fromGlobalId } from "../../src/common/ids";
import {
  assignmentOverdueSql,
  isAssignmentOverdue,
  isOverdue,
  overdueSql,
} from "../../src/modules/cases/case.deadlines";

/**
 * One definition of overdue (case.deadlines.ts): `Case.overdue`, `cases(overdue:)` and the
 * measures' `overdueNow` agree on it, before and after the deadline watcher has marked the
 * breaches. A case resolved late is not overdue (it counts as not resolved on time instead).
 */
let server: TestServer;
let w: CaseWorld;
const clock = new ManualClock(TEST_EPOCH);
const DAY = 86_400_000;

async function call(query: string, variables: Record<string, unknown>, token: string) {
  const res = await gql(server, query, variables as never, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as Record<string, never>;
}
const CASE = `id version status overdue`;
type C = { id: string; version: number; status: string; overdue: boolean };
const create = async () =>
  (
    await call(
      `mutation($i: CreateCaseInput!) { createCase(input: $i) { ${CASE} } }`,
      {
        i: {
          channel: "grid_patrol",
          categoryCode: "roads",
          description: "路面塌陷",
          gridId: gid("Grid", w.tree.gridA),
        },
      },
      w.tokens.worker,
    )
  ).createCase as C;
const resolve = async (c: C) =>
  (
    await call(
      `mutation($i: CaseNoteInput!) { resolveCase(input: $i) { ${CASE} } }`,
      { i: { id: c.id, expectedVersion: c.version, note: "已修复" } },
      w.tokens.worker,
    )
  ).resolveCase as C;

async function views(ids: Record<string, string>) {
  const one = async (id: string) =>
    (
      (await call(`query($id: ID!) { case(id: $id) { overdue } }`, { id }, w.tokens.command))
        .case as { overdue: boolean }
    ).overdue;
  const list = async (overdue: boolean) =>
    (
      (
        await call(
          `query($o: Boolean) { cases(first: 50, overdue: $o) { edges { node { id } } } }`,
          { o: overdue },
          w.tokens.command,
        )
      ).cases as { edges: Array<{ node: { id: string } }> }
    ).edges.map((e) => e.node.id);
  const day = localDay(TEST_EPOCH);
  const measures = (
    await call(
      `query($f: String!, $t: String!) { measures(level: district, from: $f, to: $t) { overdueNow resolved resolvedOnTime } }`,
      { f: day, t: localDay(clock.now()) },
      w.tokens.command,
    )
  ).measures as Array<{ overdueNow: number; resolved: number; resolvedOnTime: number }>;
  const field: Record<string, boolean> = {};
  for (const [name, id] of Object.entries(ids)) field[name] = await one(id);
  const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
  return {
    field,
    overdueList: (await list(true)).map((id) => byId[id]).sort(),
    notOverdueList: (await list(false)).map((id) => byId[id]).sort(),
    measures: measures[0],
  };
}

beforeAll(async () => {
  w = await buildCaseWorld();
  server = await startTestServer({}, { clock });
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

test("Case.overdue, cases(overdue:) and overdueNow agree, before and after the sweep", async () => {
  const open = await create();
  const resolvedOnTime = await resolve(await create());
  const lateToBeResolved = await create();
  // Ten days on: two cases are past their three working days, and the watcher marks them; then
  // one of them is resolved, late.
  clock.set(new Date(TEST_EPOCH.getTime() + 10 * DAY));
  const districtId = w.district.id;
  const marks = await sweepOnce(server.dataSource, server.pubSub, clock.now(), [districtId]);
  expect(marks.breaches).toBe(2);
  const current = (
    await call(
      `query($id: ID!) { case(id: $id) { ${CASE} } }`,
      { id: lateToBeResolved.id },
      w.tokens.command,
    )
  ).case as C;
  const resolvedLate = await resolve(current);
  const fresh = await create();
  const ids = {
    open: open.id,
    resolvedOnTime: resolvedOnTime.id,
    resolvedLate: resolvedLate.id,
    fresh: fresh.id,
  };
  const expected = {
    field: { open: true, resolvedOnTime: false, resolvedLate: false, fresh: false },
    overdueList: ["open"],
    notOverdueList: ["fresh", "resolvedLate", "resolvedOnTime"],
    measures: { overdueNow: 1, resolved: 2, resolvedOnTime: 1 },
  };
  expect(await views(ids)).toEqual(expected);
  // Before the watcher marks a case, its due time alone makes it overdue.
  const later = await create();
  clock.advance(10 * DAY);
  const ids2 = { ...ids, later: later.id };
  const before = await views(ids2);
  expect(before.field).toMatchObject({ later: true, fresh: true });
  expect(before.overdueList).toEqual(["fresh", "later", "open"]);
  expect(before.measures.overdueNow).toBe(3);
  const again = await sweepOnce(server.dataSource, server.pubSub, clock.now(), [districtId]);
  expect(again.breaches).toBe(2);
  expect(await views(ids2)).toEqual(before);
  expect(fromGlobalId(open.id)?.type).toBe("Case");
});

test("overdueSql says what isOverdue says, on every combination of status, due time and mark", async () => {
  const now = new Date("2026-03-12T00:00:00Z");
  const statuses = ["received", "dispatched", "escalated", "resolved", "closed"];
  const dues = [new Date(now.getTime() - 60_000), now, new Date(now.getTime() + 60_000)];
  const marks = [null, new Date(now.getTime() - DAY)];
  const rows = statuses.flatMap((status) =>
    dues.flatMap((resolutionDueAt) =>
      marks.map((breachedAt) => ({ status, resolutionDueAt, breachedAt })),
    ),
  );
  const sql = `SELECT ${overdueSql("c", "$2::timestamptz")} AS overdue
      FROM jsonb_to_recordset($1::jsonb)
        AS c(n int, status text, resolution_due_at timestamptz, breached_at timestamptz)
     ORDER BY c.n`;
  const answers = (await server.dataSource.query(sql, [
    JSON.stringify(
      rows.map((r, n) => ({
        n,
        status: r.status,
        resolution_due_at: r.resolutionDueAt,
        breached_at: r.breachedAt,
      })),
    ),
    now,
  ])) as Array<{ overdue: boolean }>;
  expect(answers.map((a) => a.overdue)).toEqual(rows.map((r) => isOverdue(r, now)));
  expect(answers.filter((a) => a.overdue).length).toBe(15);
});

test("assignmentOverdueSql says what isAssignmentOverdue says, on every part and case status and due time", async () => {
  const now = new Date("2026-03-12T00:00:00Z");
  const parts = ["assigned", "reported", "returned", "withdrawn"];
  const cases = ["dispatched", "return_requested", "resolved", "closed"];
  const dues = [new Date(now.getTime() - 60_000), now, new Date(now.getTime() + 60_000)];
  const rows = parts.flatMap((status) =>
    cases.flatMap((caseStatus) => dues.map((dueAt) => ({ status, caseStatus, dueAt }))),
  );
  const sql = `SELECT ${assignmentOverdueSql("a", "c", "$2::timestamptz")} AS overdue
      FROM jsonb_to_recordset($1::jsonb) AS a(n int, status text, due_at timestamptz, case_status text)
      CROSS JOIN LATERAL (SELECT a.case_status AS status) c
     ORDER BY a.n`;
  const answers = (await server.dataSource.query(sql, [
    JSON.stringify(
      rows.map((r, n) => ({ n, status: r.status, due_at: r.dueAt, case_status: r.caseStatus })),
    ),
    now,
  ])) as Array<{ overdue: boolean }>;
  expect(answers.map((a) => a.overdue)).toEqual(
    rows.map((r) => isAssignmentOverdue(r, r.caseStatus, now)),
  );
  // An assigned part of an open case, at or past its due time: 2 cases × 2 due times.
  expect(answers.filter((a) => a.overdue).length).toBe(4);
});
