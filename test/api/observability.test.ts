import { CaseCreatedDocument, CreateDepartmentDocument } from "../generated/graphql";
import {
  collect,
  gql,
  liveSubscriptions,
  startTestServer,
  wsClient,
  type TestServer,
} from "../helpers/server";
import { testClock, until } from "../helpers/clock";
import { asDistrict, closeFactories } from "../factories";
import { buildCaseWorld, hotlineCase, type CaseWorld } from "../factories/cases";
import { fromGlobalId } from "../../src/common/ids";
import { createLogger } from "../../src/logger";
import { startSweeper } from "../../src/modules/cases/deadline.sweeper";

/**
 * Logs and metrics as an operator reads them: the server's log lines are collected as the JSON
 * they are written in, and /metrics is scraped over real HTTP before and after real requests.
 */
type Line = Record<string, unknown>;

function lineCollector() {
  const lines: Line[] = [];
  const log = createLogger("debug", {
    destination: { write: (s: string) => lines.push(JSON.parse(s) as Line) },
  });
  return { lines, log };
}

let server: TestServer;
let lines: Line[];
let w: CaseWorld;

beforeAll(async () => {
  const c = lineCollector();
  lines = c.lines;
  w = await buildCaseWorld();
  server = await startTestServer({}, { log: c.log });
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

const base = (s: { url: string }) => s.url.replace(/\/graphql$/, "");

async function scrape(s: { url: string }, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${base(s)}/metrics`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** The sum of a metric's samples whose labels include `labels`; undefined if it has none. */
function sample(text: string, name: string, labels: Record<string, string> = {}) {
  let total: number | undefined;
  for (const line of text.split("\n")) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    if (!Object.entries(labels).every(([k, v]) => (m[2] ?? "").includes(`${k}="${v}"`))) continue;
    total = (total ?? 0) + Number(m[3]);
  }
  return total;
}

const post = (s: { url: string }, query: string, token?: string, headers = {}) =>
  fetch(s.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query }),
  });

const accessLine = (id: string) => lines.find((l) => l.msg === "request" && l.requestId === id);

it("echoes a plain X-Request-Id and makes one for a missing or unsafe id", async () => {
  const given = await post(server, "{ __typename }", undefined, { "x-request-id": "lb-7f3a.91" });
  expect(given.headers.get("x-request-id")).toBe("lb-7f3a.91");
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  expect((await post(server, "{ __typename }")).headers.get("x-request-id")).toMatch(uuid);
  const unsafe = await post(server, "{ __typename }", undefined, {
    "x-request-id": "<script> a b",
  });
  expect(unsafe.headers.get("x-request-id")).toMatch(uuid);
  const long = await post(server, "{ __typename }", undefined, { "x-request-id": "a".repeat(200) });
  expect(long.headers.get("x-request-id")).toMatch(uuid);
});

it("writes one JSON access line per request with its id, caller, district and operation", async () => {
  const res = await post(server, "query ObsDistrict { district { name } }", w.tokens.admin, {
    "x-request-id": "obs-access-1",
  });
  expect(res.status).toBe(200);
  await until(() => accessLine("obs-access-1") !== undefined, "the access line");
  const line = accessLine("obs-access-1")!;
  expect(line).toMatchObject({
    level: "info",
    requestId: "obs-access-1",
    method: "POST",
    path: "/graphql",
    status: 200,
    subject: `${w.district.code}.district_admin`,
    role: "district_admin",
    district: w.district.code,
    operation: "ObsDistrict",
    operationType: "query",
    outcome: "ok",
  });
  expect(new Date(line.time as string).toISOString()).toBe(line.time);
  expect(line.ms).toEqual(expect.any(Number));
  expect(line.bytes).toBe(Number(res.headers.get("content-length")));
  expect(line.errors).toBeUndefined();

  // Probes are logged at debug only.
  const probe = await fetch(`${base(server)}/healthz`, {
    headers: { "x-request-id": "obs-probe" },
  });
  expect(probe.status).toBe(200);
  await until(() => accessLine("obs-probe") !== undefined, "the probe's line");
  expect(accessLine("obs-probe")).toMatchObject({ level: "debug", path: "/healthz" });
});

it("serves Prometheus text whose counters move with queries and errors, by operation and code", async () => {
  const before = await scrape(server);
  for (const name of [
    "civic_grid_http_requests_total",
    "civic_grid_db_pool_connections",
    "civic_grid_db_pool_idle_connections",
    "civic_grid_db_pool_waiting_requests",
    "civic_grid_websocket_connections",
    "process_cpu_user_seconds_total",
    "nodejs_heap_size_used_bytes",
  ])
    expect(sample(before, name)).toEqual(expect.any(Number));
  expect(sample(before, "civic_grid_db_pool_max_connections")).toBe(5);

  const ok = { operation: "ObsCount", type: "query", outcome: "ok", transport: "http" };
  const forbidden = { operation: "CreateDepartment", type: "mutation", outcome: "error" };
  const countOk = (t: string) => sample(t, "civic_grid_graphql_requests_total", ok) ?? 0;
  const countForbidden = (t: string) =>
    sample(t, "civic_grid_graphql_requests_total", forbidden) ?? 0;
  const errors = (t: string, code: string) =>
    sample(t, "civic_grid_graphql_errors_total", { code, transport: "http" }) ?? 0;
  const timed = (t: string) =>
    sample(t, "civic_grid_graphql_request_duration_seconds_count", { operation: "ObsCount" }) ?? 0;

  expect((await post(server, "query ObsCount { district { name } }", w.tokens.admin)).status).toBe(
    200,
  );
  // A resident may not create departments: FORBIDDEN, counted by its code.
  const refused = await gql(
    server,
    CreateDepartmentDocument,
    { input: { code: "obsdept", name: "观测" } },
    w.tokens.resident,
  );
  expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  const invalid = await post(server, "query ObsInvalid { noSuchField }", w.tokens.admin);
  expect(invalid.status).toBe(400);

  // The metrics are written when each response has gone out: wait for all three.
  let after = "";
  await until(async () => {
    after = await scrape(server);
    return (
      countOk(after) === countOk(before) + 1 &&
      countForbidden(after) === countForbidden(before) + 1 &&
      errors(after, "GRAPHQL_VALIDATION_FAILED") === errors(before, "GRAPHQL_VALIDATION_FAILED") + 1
    );
  }, "the three requests counted");
  expect(timed(after)).toBe(timed(before) + 1);
  expect(errors(after, "FORBIDDEN")).toBe(errors(before, "FORBIDDEN") + 1);
  expect(
    sample(after, "civic_grid_graphql_requests_total", {
      operation: "ObsInvalid",
      outcome: "error",
    }),
  ).toBe(1);
  expect(
    sample(after, "civic_grid_http_requests_total", { route: "/graphql", status: "200" }),
  ).toBeGreaterThan(sample(before, "civic_grid_http_requests_total", { route: "/graphql" }) ?? 0);
  // Labels name operations and codes, never a caller or a district.
  expect(after).not.toContain(w.district.code);
});

it("counts open sockets, live subscriptions, events published and delivered, and logs each operation", async () => {
  const conn = wsClient(server, w.tokens.command);
  await conn.connected;
  const sub = collect(conn.client, CaseCreatedDocument, {});
  await liveSubscriptions(server, "caseCreated", 1);
  const live = await scrape(server);
  expect(sample(live, "civic_grid_subscriptions_live", { field: "caseCreated" })).toBe(1);
  expect(sample(live, "civic_grid_websocket_connections")).toBeGreaterThanOrEqual(1);
  const published = sample(live, "civic_grid_events_published_total", { topic: "CASE_EVENT" }) ?? 0;

  await hotlineCase(server, w);
  await sub.next(1);
  let after = "";
  await until(async () => {
    after = await scrape(server);
    return sample(after, "civic_grid_events_delivered_total", { field: "caseCreated" }) === 1;
  }, "the delivery counted");
  expect(sample(after, "civic_grid_events_published_total", { topic: "CASE_EVENT" })).toBe(
    published + 1,
  );
  expect(sample(after, "civic_grid_events_heard_total", { topic: "CASE_EVENT" })).toBeGreaterThan(
    0,
  );

  sub.dispose();
  const opLine = () =>
    lines.find((l) => l.msg === "websocket operation" && l.operation === "CaseCreated");
  await until(() => opLine() !== undefined, "the operation's line");
  expect(opLine()).toMatchObject({
    level: "info",
    subject: `${w.district.code}.command_center`,
    district: w.district.code,
    operationType: "subscription",
    field: "caseCreated",
    delivered: 1,
    outcome: "ok",
  });
  const { requestId, connectionId } = opLine() as { requestId: string; connectionId: string };
  expect(requestId.startsWith(`${connectionId}:`)).toBe(true);
  await conn.client.dispose();
  await until(async () => {
    const t = await scrape(server);
    return (
      (sample(t, "civic_grid_subscriptions_live", { field: "caseCreated" }) ?? 0) === 0 &&
      sample(t, "civic_grid_graphql_requests_total", {
        operation: "CaseCreated",
        transport: "ws",
        outcome: "ok",
      }) === 1
    );
  }, "the subscription gone from the live count and counted as done");
});

it("counts the deadline watcher's runs and marks, and reports its lag", async () => {
  const c = await hotlineCase(server, w);
  const overdue = new Date(testClock.now().getTime() - 60_000);
  await asDistrict(w.district.id, (q) =>
    q(`UPDATE hotline_case SET resolution_due_at = $2 WHERE id = $1`, [
      fromGlobalId(c.id)!.id,
      overdue,
    ]),
  );
  const before = await scrape(server);
  expect(sample(before, "civic_grid_deadline_watcher_lag_seconds")).toBeUndefined();
  const { log } = lineCollector();
  const sweeper = startSweeper({
    dataSource: server.dataSource,
    pubSub: server.pubSub,
    log,
    intervalMs: 3_600_000,
    clock: testClock,
    watch: server.metrics.sweeper,
    only: [w.district.id],
  });
  try {
    let after = "";
    await until(async () => {
      after = await scrape(server);
      return (sample(after, "civic_grid_deadline_watcher_runs_total", { outcome: "ok" }) ?? 0) > 0;
    }, "a successful run");
    expect(sample(after, "civic_grid_deadline_watcher_marks_total", { kind: "breach" })).toBe(1);
    expect(sample(after, "civic_grid_deadline_watcher_marks_total", { kind: "warning" })).toBe(0);
    expect(sample(after, "civic_grid_deadline_watcher_runs_total", { outcome: "failed" })).toBe(0);
    expect(sample(after, "civic_grid_deadline_watcher_run_duration_seconds_count")).toBe(1);
    expect(sample(after, "civic_grid_deadline_watcher_lag_seconds")).toBeGreaterThanOrEqual(0);
  } finally {
    await sweeper.stop();
  }
});

it("has no /metrics with METRICS=false", async () => {
  const off = await startTestServer({ METRICS: "false" });
  try {
    expect((await fetch(`${base(off)}/metrics`)).status).toBe(404);
  } finally {
    await off.close();
  }
});

describe("a server whose database went away", () => {
  let broken: TestServer;
  let brokenLines: Line[];
  beforeAll(async () => {
    const c = lineCollector();
    brokenLines = c.lines;
    broken = await startTestServer({ METRICS_TOKEN: "obs-test-token-0123456789" }, { log: c.log });
  });
  afterAll(async () => {
    if (!broken.dataSource.isInitialized) await broken.dataSource.initialize();
    await broken.close();
  });

  it("keeps /metrics for the bearer of METRICS_TOKEN", async () => {
    const bare = await fetch(`${base(broken)}/metrics`);
    expect(bare.status).toBe(401);
    const wrong = await fetch(`${base(broken)}/metrics`, {
      headers: { authorization: "Bearer obs-test-token-wrong" },
    });
    expect(wrong.status).toBe(401);
    await scrape(broken, { authorization: "Bearer obs-test-token-0123456789" });
  });

  it("answers a bare INTERNAL_SERVER_ERROR while its log has the stack, under the request's id", async () => {
    await broken.dataSource.destroy();
    const res = await post(broken, "query ObsBroken { district { name } }", w.tokens.admin, {
      "x-request-id": "obs-broken-1",
    });
    const text = await res.text();
    const body = JSON.parse(text) as { errors: Array<{ message: string; extensions: unknown }> };
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: "Internal server error",
        extensions: { code: "INTERNAL_SERVER_ERROR" },
      }),
    ]);
    expect(text).not.toMatch(/\bat .*\.(ts|js):\d+|stack|Driver|Connection|pool/i);

    const logged = () =>
      brokenLines.find((l) => l.level === "error" && l.requestId === "obs-broken-1");
    await until(() => logged() !== undefined, "the error's line");
    expect(logged()).toMatchObject({
      msg: "unexpected error",
      subject: `${w.district.code}.district_admin`,
      operation: "ObsBroken",
    });
    expect((logged()!.err as { stack: string }).stack).toMatch(/\n\s+at /);
    const access = () =>
      brokenLines.find((l) => l.msg === "request" && l.requestId === "obs-broken-1");
    await until(() => access() !== undefined, "the access line");
    expect(access()).toMatchObject({ errors: ["INTERNAL_SERVER_ERROR"], outcome: "error" });
  });
});
