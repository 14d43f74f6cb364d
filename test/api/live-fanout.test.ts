import WebSocket from "ws";
import { CaseCreatedDocument, MeDocument } from "../generated/graphql";
import {
  collect,
  gql,
  liveSubscriptions,
  ok,
  startTestServer,
  wsClient,
  type TestServer,
} from "../helpers/server";
import { until } from "../helpers/clock";
import { closeFactories, tokenFor } from "../factories";
import { buildCaseWorld, hotlineCase, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";

/**
 * Live delivery for many subscribers: one read of the log per event whatever the number of
 * subscribers, a subscriber that stops reading cut off alone, and the limits per connection and
 * per account.
 */
let server: TestServer;
let w: CaseWorld;

const QUEUE = 8;
const PER_CONNECTION = 20;
const CONNECTIONS = 3;

beforeAll(async () => {
  w = await buildCaseWorld();
  server = await startTestServer({
    WS_SUBSCRIBER_QUEUE: String(QUEUE),
    WS_SUBSCRIPTIONS_PER_CONNECTION: String(PER_CONNECTION),
    WS_SUBSCRIPTIONS_PER_PRINCIPAL: "30",
    WS_CONNECTIONS_PER_PRINCIPAL: String(CONNECTIONS),
  });
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

const newCase = (description = "路灯不亮") => hotlineCase(server, w, { description });

const logReads = (from: number) =>
  server.statements.slice(from).filter((s) => /FROM "case_event"/.test(s)).length;

it("twenty subscribers of one district cost one read of the log per event, and each gets it once", async () => {
  // Different roles and accounts: the command center, the street office, the grid worker.
  const tokens = [
    ...(await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        tokenFor({ district: w.district, role: "command_center" }, { sub: `cc${i}` }),
      ),
    )),
    ...(await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        tokenFor(
          { district: w.district, role: "street_officer" },
          { street: "so-a", sub: `st${i}` },
        ),
      ),
    )),
    ...(await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        tokenFor(
          { district: w.district, role: "grid_worker" },
          { grids: ["so-a-c01-g01"], sub: `gw${i}` },
        ),
      ),
    )),
  ];
  const conns = tokens.map((t) => wsClient(server, t));
  const subs = conns.map((c) => collect(c.client, CaseCreatedDocument, {}));
  // Someone who must not see it: another street office.
  const other = wsClient(server, w.tokens.otherStreet);
  const otherSub = collect(other.client, CaseCreatedDocument, {});
  await liveSubscriptions(server, "caseCreated", 21);

  const before = server.statements.length;
  const c = await newCase();
  await Promise.all(subs.map((s) => s.next(1)));
  // One read of the district's log for the twenty: the shared feed's.
  expect(logReads(before)).toBe(1);
  for (const s of subs) expect(s.events.map((e) => e.data?.caseCreated.case.id)).toEqual([c.id]);

  // The other street office hears only what it may see: its own next case comes first.
  const theirs = await hotlineCase(server, w, {
    description: "井盖缺失",
    gridId: gid("Grid", w.tree.gridRural),
  });
  await otherSub.next(1);
  expect(otherSub.events.map((e) => e.data?.caseCreated.case.id)).toEqual([theirs.id]);
  for (const c of [...conns, other]) await c.client.dispose();
});

it("subscribers with other rights get their own answer: the complainant in full for the command center, masked for the inspector", async () => {
  const query = `subscription { caseCreated { case { id complainant { name phone visible } } } }`;
  type Got = { caseCreated: { case: { complainant: { phone: string; visible: boolean } } } };
  const who = [
    w.tokens.command,
    await tokenFor({ district: w.district, role: "command_center" }, { sub: "cc-second" }),
    w.tokens.inspector,
  ];
  const conns = who.map((t) => wsClient(server, t));
  const subs = conns.map((c) => collect<Got>(c.client, query));
  await liveSubscriptions(server, "caseCreated", 3);
  await hotlineCase(server, w, {
    description: "路面塌陷",
    complainantName: "王小明",
    complainantPhone: "13812345678",
  });
  const got = await Promise.all(
    subs.map(async (s) => (await s.next(1))[0].data!.caseCreated.case.complainant),
  );
  expect(got[0]).toMatchObject({ phone: "13812345678", visible: true });
  expect(got[1]).toEqual(got[0]);
  expect(got[2].visible).toBe(false);
  expect(got[2].phone).not.toBe("13812345678");
  for (const c of conns) await c.client.dispose();
});

/** A graphql-ws client on a raw socket, which the test can stop reading from. */
async function rawClient(token: string) {
  const ws = new WebSocket(server.wsUrl, "graphql-transport-ws");
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise((r) => ws.once("open", r));
  ws.send(
    JSON.stringify({ type: "connection_init", payload: { Authorization: `Bearer ${token}` } }),
  );
  await new Promise<void>((resolve) =>
    ws.on("message", (m) => {
      if (JSON.parse(m.toString()).type === "connection_ack") resolve();
    }),
  );
  return { ws, closed };
}

it("a subscriber that stops reading is cut off alone with 4503; the server and the others go on", async () => {
  const as = (sub: string) => tokenFor({ district: w.district, role: "command_center" }, { sub });
  const stalled = await rawClient(await as("stalled"));
  const query = `subscription { caseCreated { cursor case { id description } } }`;
  for (let i = 0; i < PER_CONNECTION; i++)
    stalled.ws.send(JSON.stringify({ id: `s${i}`, type: "subscribe", payload: { query } }));
  const healthy = wsClient(server, await as("healthy"));
  const sub = collect(healthy.client, CaseCreatedDocument, {});
  await liveSubscriptions(server, "caseCreated", PER_CONNECTION + 1);

  // The stalled client stops reading: what the server sends fills the socket's buffers, then
  // the subscriptions' queues, and it is cut off. Counted in cases, not in time.
  (stalled.ws as unknown as { _socket: { pause(): void } })._socket.pause();
  const long = "楼道堆放杂物，影响通行。".repeat(300);
  const created: string[] = [];
  while (server.pubSub.live.count("caseCreated") > 1) {
    if (created.length >= 400) throw new Error("the stalled subscriber was never cut off");
    created.push((await newCase(long)).id);
  }
  // The healthy subscriber has every case, once, in order; the server answers.
  await sub.next(created.length);
  expect(sub.events.map((e) => e.data?.caseCreated.case.id)).toEqual(created);
  expect(ok(await gql(server, MeDocument, {}, w.tokens.command)).me.role).toBe("command_center");
  // Once it reads again, the stalled client learns why (and would resume from its cursor).
  (stalled.ws as unknown as { _socket: { resume(): void } })._socket.resume();
  const { code, reason } = await stalled.closed;
  expect(code).toBe(4503);
  expect(reason).toMatch(/fell more than 8 events behind/);
  expect(await server.metrics.text()).toMatch(/^civic_grid_subscribers_cut_off_total 1$/m);
  await healthy.client.dispose();
});

it("limits subscriptions per connection and per account, and connections per account", async () => {
  const token = await tokenFor({ district: w.district, role: "command_center" }, { sub: "limits" });
  const a = wsClient(server, token);
  const subs = Array.from({ length: PER_CONNECTION + 1 }, () =>
    collect(a.client, CaseCreatedDocument, {}),
  );
  // One too many on the connection: refused with a code, the others live on.
  await until(() => subs.some((s) => s.events.length > 0 || s.error !== undefined), "the refusal");
  const refused = subs.filter((s) => s.events.length > 0 || s.error !== undefined);
  expect(refused).toHaveLength(1);
  expect(JSON.stringify(refused[0].events[0]?.errors ?? refused[0].error)).toMatch(
    /TOO_MANY_SUBSCRIPTIONS[\s\S]*|at most 20 subscriptions on one connection/,
  );
  await liveSubscriptions(server, "caseCreated", PER_CONNECTION);
  expect(await server.metrics.text()).toMatch(
    /^civic_grid_graphql_errors_total\{code="TOO_MANY_SUBSCRIPTIONS",transport="ws"\} 1$/m,
  );

  // The account's limit (30) across connections: 10 more fit on a second one, the 11th not.
  const b = wsClient(server, token);
  const more = Array.from({ length: 11 }, () => collect(b.client, CaseCreatedDocument, {}));
  await until(
    () => more.some((s) => s.events.length > 0 || s.error !== undefined),
    "the second refusal",
  );
  await liveSubscriptions(server, "caseCreated", 30);
  const second = more.filter((s) => s.events.length > 0);
  expect(JSON.stringify(second[0].events[0].errors)).toMatch(
    /at most 30 subscriptions for one account/,
  );

  // Three connections per account: the fourth is closed with 4430.
  const c = wsClient(server, token);
  await c.connected;
  const d = wsClient(server, token);
  expect(await d.closed).toBe(4430);
  await Promise.all([a, b, c].map((x) => x.client.dispose()));
  // Clients that leave while their token is being checked take no room either.
  for (let i = 0; i < CONNECTIONS + 2; i++) {
    const raw = new WebSocket(server.wsUrl, "graphql-transport-ws");
    await new Promise((r) => raw.once("open", r));
    raw.send(
      JSON.stringify({ type: "connection_init", payload: { Authorization: `Bearer ${token}` } }),
    );
    raw.terminate();
  }
  // Closed connections give their room back (once the server has seen them close: until then a
  // new one may still be refused, so try until one is accepted).
  await liveSubscriptions(server, "caseCreated", 0);
  let e = wsClient(server, token);
  for (
    let tries = 1;
    !(await Promise.race([e.connected.then(() => true), e.closed.then(() => false)]));
    tries++
  ) {
    if (tries >= 100) throw new Error("closed connections never gave their room back");
    e = wsClient(server, token);
  }
  const again = collect(e.client, CaseCreatedDocument, {});
  await liveSubscriptions(server, "caseCreated", 1);
  const made = await newCase();
  await again.next(1);
  expect(again.events[0].data?.caseCreated.case.id).toBe(made.id);
  await e.client.dispose();
});
