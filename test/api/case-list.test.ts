import { CreateCaseDocument } from "../generated/graphql";
import { errorCode, gql, ok, startTestServer, type TestServer } from "../helpers/server";
import { TEST_EPOCH } from "../helpers/clock";
import { closeFactories } from "../factories";
import { buildCaseWorld, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { ManualClock } from "../../src/common/clock";

/**
 * The case list's SQL shape (issue 14): one district by equality, the period of receipt as a range
 * of ids as well, the category's ids looked up once, and the total counted only when asked.
 * Each shape must keep the list's answers: the cases of a period and no other, pages that join
 * up, and another district's cases never.
 */
let server: TestServer;
let clock: ManualClock;
let w: CaseWorld;
let other: CaseWorld;
const HOUR = 3_600_000;
const received: Array<{ id: string; at: string }> = [];

const LIST = `query ListPeriod($first: Int, $after: String, $from: DateTimeISO, $to: DateTimeISO,
    $category: String, $orderBy: CaseOrder) {
  cases(first: $first, after: $after, receivedFrom: $from, receivedTo: $to,
        category: $category, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id receivedAt } }
  }
}`;
const LIST_NO_TOTAL = `query ListNoTotal($first: Int) {
  cases(first: $first) { pageInfo { hasNextPage } edges { node { id } } }
}`;

interface ListData {
  cases: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: { id: string; receivedAt: string } }>;
  };
}

async function call(world: CaseWorld, categoryCode: string) {
  const res = ok(
    await gql(
      server,
      CreateCaseDocument,
      {
        input: {
          channel: "hotline",
          categoryCode,
          description: "小区门口路灯不亮",
          gridId: gid("Grid", world.tree.gridA),
        },
      },
      world.tokens.operator,
    ),
  );
  return res.createCase;
}

beforeAll(async () => {
  clock = new ManualClock(TEST_EPOCH);
  w = await buildCaseWorld();
  other = await buildCaseWorld({ city: w.city });
  server = await startTestServer({}, { clock });
  // Five calls an hour apart (one of them "noise"), and one in the other district meanwhile.
  for (let i = 0; i < 5; i++) {
    const c = await call(w, i === 2 ? "noise" : "roads");
    received.push({ id: c.id, at: clock.now().toISOString() });
    if (i === 1) await call(other, "roads");
    clock.advance(HOUR);
  }
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

const list = async (vars: Record<string, unknown>, token = w.tokens.command) =>
  ok(await gql<ListData, Record<string, unknown>>(server, LIST, vars, token)).cases;

it("keeps the cases received in [from, to), to the millisecond, and no other district's", async () => {
  const from = received[1].at;
  const to = received[3].at;
  const page = await list({ from, to });
  expect(page.edges.map((e) => e.node.id)).toEqual([received[2].id, received[1].id]);
  expect(page.totalCount).toBe(2);
  // One millisecond later the lower bound drops the case received at it; one earlier the upper
  // bound keeps none past it.
  const later = new Date(Date.parse(from) + 1).toISOString();
  expect((await list({ from: later, to })).edges.map((e) => e.node.id)).toEqual([received[2].id]);
  const inclusive = new Date(Date.parse(to) + 1).toISOString();
  expect((await list({ from, to: inclusive })).totalCount).toBe(3);
});

it("pages through a period both ways, the pages joining up", async () => {
  const from = received[0].at;
  for (const orderBy of ["newest", "oldest"]) {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ListData["cases"] = await list({ from, first: 2, after, orderBy });
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const ids = received.map((r) => r.id);
    expect(seen).toEqual(orderBy === "newest" ? [...ids].reverse() : ids);
  }
});

it("filters by category, once per query, within the caller's district", async () => {
  const noise = await list({ category: "noise", from: received[0].at });
  expect(noise.edges.map((e) => e.node.id)).toEqual([received[2].id]);
  const theirs = ok(
    await gql<ListData, Record<string, unknown>>(
      server,
      LIST,
      { category: "roads" },
      other.tokens.command,
    ),
  ).cases;
  expect(theirs.totalCount).toBe(1);
  expect(theirs.edges.map((e) => e.node.id)).not.toEqual(
    expect.arrayContaining(received.map((r) => r.id)),
  );
});

it("counts only when totalCount is asked for, and not when the first page holds every case", async () => {
  // A count of the cases, or the district's counters for a whole district's list (case-list.service.ts).
  const count = (from: number) =>
    server.statements.slice(from).filter((s) => /count\(|FROM score_counter s/i.test(s)).length;
  let before = server.statements.length;
  ok(await gql(server, LIST_NO_TOTAL, { first: 2 }, w.tokens.command));
  expect(count(before)).toBe(0);
  before = server.statements.length;
  const all = await list({ first: 50 });
  expect(all.totalCount).toBe(5);
  expect(count(before)).toBe(0);
  before = server.statements.length;
  const some = await list({ first: 2 });
  expect(some.totalCount).toBe(5);
  expect(count(before)).toBe(1);
});

it("refuses a cursor that is not one", async () => {
  expect(errorCode(await gql(server, LIST, { after: "x" }, w.tokens.command))).toBe(
    "BAD_USER_INPUT",
  );
});
