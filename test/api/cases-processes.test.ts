import { CaseCreatedDocument, CreateCaseDocument } from "../generated/graphql";
import {
  startTestServer,
  gql,
  wsClient,
  collect,
  liveSubscriptions,
  type TestServer,
} from "../helpers/server";
import { closeFactories, ownerPool } from "../factories";
import { buildCaseWorld, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";

/**
 * Two server processes on one database: a command center connected to the second sees, live, a
 * case taken in by the first. Events travel through PostgreSQL LISTEN/NOTIFY (or Redis when
 * REDIS_URL is set).
 */
let a: TestServer;
let b: TestServer;
let w: CaseWorld;

/** This file's own deployment: cutting its connections must not touch other files' running beside it. */
const PUBSUB_NAMESPACE = "test_cases_processes";

beforeAll(async () => {
  w = await buildCaseWorld();
  a = await startTestServer({ PUBSUB_NAMESPACE }, { sharedPubSub: true });
  b = await startTestServer({ PUBSUB_NAMESPACE }, { sharedPubSub: true });
});
afterAll(async () => {
  await a.close();
  await b.close();
  await closeFactories();
});

it("a case taken in on one process reaches a subscriber on another", async () => {
  const conn = wsClient(b, w.tokens.command);
  const sub = collect(conn.client, CaseCreatedDocument, {});
  await liveSubscriptions(b, "caseCreated", 1);
  const res = await gql(
    a,
    CreateCaseDocument,
    {
      input: {
        channel: "hotline",
        categoryCode: "roads",
        description: "路面塌陷",
        gridId: gid("Grid", w.tree.gridA),
      },
    },
    w.tokens.operator,
  );
  expect(res.errors).toBeUndefined();
  await sub.next(1);
  expect(sub.events[0].data?.caseCreated.case.id).toBe(res.data!.createCase.id);
  sub.dispose();
  await conn.client.dispose();
  // Gone on the server too before the next test counts its own: a count still holding this one
  // (the server hears of the close a moment later, longer under load) would let the next test
  // take a case in before its subscription follows the log, and that case would never reach it.
  await liveSubscriptions(b, "caseCreated", 0);
});

it("survives the loss of its notification connections and catches up from the log", async () => {
  const conn = wsClient(b, w.tokens.command);
  const sub = collect(conn.client, CaseCreatedDocument, {});
  await liveSubscriptions(b, "caseCreated", 1);
  // Cut every LISTEN and NOTIFY connection of both processes (and only theirs).
  const cut = await ownerPool().query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = ANY($1) AND pid <> pg_backend_pid()`,
    [[`civic-grid-listen/${PUBSUB_NAMESPACE}`, `civic-grid-notify/${PUBSUB_NAMESPACE}`]],
  );
  if (!process.env.REDIS_URL) expect(cut.rowCount).toBeGreaterThanOrEqual(2);
  const res = await gql(
    a,
    CreateCaseDocument,
    {
      input: {
        channel: "hotline",
        categoryCode: "roads",
        description: "井盖缺失",
        gridId: gid("Grid", w.tree.gridA),
      },
    },
    w.tokens.operator,
  );
  expect(res.errors).toBeUndefined();
  await sub.next(1);
  expect(sub.events.map((e) => e.data?.caseCreated.case.id)).toEqual([res.data!.createCase.id]);
  sub.dispose();
  await conn.client.dispose();
  await liveSubscriptions(b, "caseCreated", 0);
});
