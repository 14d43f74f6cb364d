import {
  CaseEventsDocument,
  CasesDocument,
  type CaseEventsQuery,
  type CasesQuery,
} from "../generated/graphql";
import { ok, gql, startTestServer, type TestServer } from "../helpers/server";
import { closeFactories, secret } from "../factories";
import { buildCaseWorld, type CaseWorld } from "../factories/cases";
import { parseDuration } from "../../src/cli/simulate";
import { runSimulation, type SimulationCounts } from "../../src/cli/simulate/run";

/**
 * `npm run simulate` against a real server: twenty cases of fast, flat traffic in a fresh
 * district, handled as far as they go, then the district as the API shows it. The run is
 * measured by what it did (`cases`), not by the clock, so a busy machine only makes it longer.
 */
let server: TestServer;
let w: CaseWorld;
let counts: SimulationCounts;
const lines: string[] = [];

beforeAll(async () => {
  w = await buildCaseWorld();
  server = await startTestServer();
  counts = await runSimulation({
    url: server.url,
    district: w.district.code,
    secret: secret(),
    ratePerMinute: 1200,
    durationMs: Infinity,
    cases: 20,
    flat: true,
    log: (line) => lines.push(line),
    seed: 7,
  });
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

it("takes cases in and moves them on, without errors", () => {
  expect(counts.errors).toBe(0);
  expect(lines.filter((l) => l.startsWith("error"))).toEqual([]);
  expect(counts.created).toBe(20);
  // A case's first step is its provisional reply; the handlers go on until nothing is left open
  // or their budget (10 + 6 steps a case) is spent, so there are more steps than cases.
  expect(counts.byAction.reply).toBeGreaterThan(0);
  expect(counts.actions).toBeGreaterThanOrEqual(counts.created);
  // A status line at the end, when there is no terminal.
  expect(lines.at(-1)).toMatch(/created 20 {2}actions \d+/);
});

it("the cases are there, and some have gone beyond received", async () => {
  const all: Array<{ status: string }> = [];
  let after: string | null = null;
  for (;;) {
    const page: CasesQuery = ok(
      await gql(server, CasesDocument, { first: 200, after }, w.tokens.command),
    );
    all.push(...page.cases.edges.map((e) => e.node));
    if (!page.cases.pageInfo.hasNextPage) break;
    after = page.cases.pageInfo.endCursor ?? null;
  }
  expect(all).toHaveLength(counts.created);
  // The handlers went on until nothing was left to do or their budget was spent: cases moved on
  // by several kinds of step (the counts are checked against the API, not against a clock).
  const moved = all.filter((c) => c.status !== "received");
  expect(moved.length).toBeGreaterThan(0);
  expect(Object.keys(counts.byAction).length).toBeGreaterThanOrEqual(3);
  expect(counts.open).toBe(all.filter((c) => c.status !== "closed").length);
});

it("the district's event log is whole: positions 1..n, one create per case", async () => {
  const events: Array<{ cursor: string; action: string; caseId: string }> = [];
  let after: string | null = null;
  for (;;) {
    const page: CaseEventsQuery = ok(
      await gql(server, CaseEventsDocument, { first: 500, after }, w.tokens.command),
    );
    events.push(...page.caseEvents.edges.map((e) => ({ cursor: e.cursor, ...e.node })));
    if (!page.caseEvents.hasNextPage) break;
    after = page.caseEvents.endCursor ?? null;
  }
  expect(events.map((e) => Number(e.cursor))).toEqual(events.map((_, i) => i + 1));
  expect(events.filter((e) => e.action === "create")).toHaveLength(counts.created);
  // Every successful step left exactly one event, beside the system's own supervisions (too many
  // returns); no sweeper runs in the test server.
  const system = events.filter((e) => e.action === "supervise").length;
  expect(events.length - system).toBe(counts.created + counts.actions);
});

it("reads durations the way the command line takes them", () => {
  expect(parseDuration("90s")).toBe(90_000);
  expect(parseDuration("10m")).toBe(600_000);
  expect(parseDuration("2h")).toBe(7_200_000);
  expect(parseDuration("45")).toBe(45_000);
  expect(() => parseDuration("soon")).toThrow(/--duration/);
});
