import {
  AssignCaseDocument,
  CaseCreatedDocument,
  CaseDeadlineDocument,
  CaseDetailDocument,
  CaseEventsDocument,
  CaseUpdatedDocument,
  CreateCaseDocument,
  EscalateCaseDocument,
  ReplyToCaseDocument,
  ResolveCaseDocument,
  TakeCaseLeadDocument,
  type CaseFieldsFragment,
} from "../generated/graphql";
import {
  ok,
  startTestServer,
  gql,
  wsClient,
  collect,
  liveSubscriptions,
  type TestServer,
} from "../helpers/server";
import { testClock } from "../helpers/clock";
import { asDistrict, closeFactories } from "../factories";
import { buildCaseWorld, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { sweepOnce } from "../../src/modules/cases/deadline.sweeper";
import { createDataSource } from "../../src/db/data-source";
import { ENTITIES } from "../../src/modules/entities";
import { fromGlobalId } from "../../src/common/ids";

let server: TestServer;
let w: CaseWorld;
let other: CaseWorld;

beforeAll(async () => {
  w = await buildCaseWorld();
  other = await buildCaseWorld({ city: w.city });
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

const first = <T>(d: T) => Object.values(d as object)[0] as CaseFieldsFragment;

async function newCase(world: CaseWorld = w): Promise<CaseFieldsFragment> {
  return first(
    ok(
      await gql(
        server,
        CreateCaseDocument,
        {
          input: {
            channel: "hotline",
            categoryCode: "heating",
            description: "暖气不热",
            gridId: gid("Grid", world.tree.gridA),
          },
        },
        world.tokens.operator,
      ),
    ),
  );
}
async function reply(c: CaseFieldsFragment, world: CaseWorld = w) {
  return first(
    ok(
      await gql(
        server,
        ReplyToCaseDocument,
        { input: { id: c.id, expectedVersion: c.version, note: "已受理" } },
        world.tokens.operator,
      ),
    ),
  );
}
async function escalate(c: CaseFieldsFragment) {
  return first(
    ok(
      await gql(
        server,
        EscalateCaseDocument,
        { input: { id: c.id, expectedVersion: c.version, note: "转市级" } },
        w.tokens.command,
      ),
    ),
  );
}
const live = (field: string, n: number) => liveSubscriptions(server, field, n);

it("the command center sees new cases live; another district sees nothing", async () => {
  const mine = wsClient(server, w.tokens.command);
  const theirs = wsClient(server, other.tokens.command);
  const created = collect(mine.client, CaseCreatedDocument, {});
  const foreign = collect(theirs.client, CaseCreatedDocument, {});
  const foreignUpdates = collect(theirs.client, CaseUpdatedDocument, {});
  await live("caseCreated", 2);
  await live("caseUpdated", 1);
  const a = await newCase();
  const b = await newCase();
  await reply(a);
  await created.next(2);
  expect(created.events.map((e) => e.data?.caseCreated.case.id)).toEqual([a.id, b.id]);
  expect(created.events.map((e) => e.data?.caseCreated.event.action)).toEqual(["create", "create"]);
  // The other district's own next case is the first thing its subscribers hear: none of ours
  // came before it (each subscriber gets events in log order).
  const theirCase = await newCase(other);
  await foreign.next(1);
  expect(foreign.events.map((e) => e.data?.caseCreated.case.id)).toEqual([theirCase.id]);
  await reply(theirCase, other);
  await foreignUpdates.next(1);
  expect(foreignUpdates.events.map((e) => e.data?.caseUpdated.case.id)).toEqual([theirCase.id]);
  created.dispose();
  foreign.dispose();
  foreignUpdates.dispose();
  await mine.client.dispose();
  await theirs.client.dispose();
});

it("a command center that reconnects with its cursor gets every missed event once, then live ones", async () => {
  const cases = [await newCase(), await newCase(), await newCase()];
  const conn1 = wsClient(server, w.tokens.command);
  const live1 = collect(conn1.client, CaseUpdatedDocument, {});
  await live("caseUpdated", 1);
  cases[0] = await reply(cases[0]);
  cases[1] = await reply(cases[1]);
  await live1.next(2);
  const lastCursor = live1.events.at(-1)!.data!.caseUpdated.cursor;
  live1.dispose();
  await conn1.client.dispose();

  // While disconnected: four changes on three cases.
  cases[2] = await reply(cases[2]);
  cases[0] = await escalate(cases[0]);
  cases[1] = await escalate(cases[1]);
  cases[2] = await escalate(cases[2]);

  const conn2 = wsClient(server, w.tokens.command);
  const live2 = collect(conn2.client, CaseUpdatedDocument, { after: lastCursor });
  await live2.next(4);
  // And two live ones after the replay.
  const d = await newCase();
  await reply(d);
  await escalate(
    await (async () =>
      first(ok(await gql(server, CaseDetailDocument, { id: d.id }, w.tokens.command))))(),
  );
  await live2.next(6);
  const got = live2.events.map((e) => e.data!.caseUpdated);
  const positions = got.map((g) => Number(g.event.cursor));
  // What the log holds after the cursor, for the updates: exactly what arrived, in order.
  const log = ok(await gql(server, CaseEventsDocument, { first: 500 }, w.tokens.command)).caseEvents
    .edges;
  const before = Number(live1.events.at(-1)!.data!.caseUpdated.event.cursor);
  const expected = log
    .filter((e) => Number(e.cursor) > before && e.node.action !== "create")
    .map((e) => Number(e.cursor));
  const missed = expected.filter((p) => !positions.includes(p)).length;
  const duplicated = positions.length - new Set(positions).size;
  expect({ missed, duplicated }).toEqual({ missed: 0, duplicated: 0 });
  expect(positions).toEqual(expected);
  expect(got.slice(0, 4).map((g) => g.event.action)).toEqual([
    "reply",
    "escalate",
    "escalate",
    "escalate",
  ]);
  live2.dispose();
  await conn2.client.dispose();
});

it("a department's subscription carries only the cases assigned to it", async () => {
  const conn = wsClient(server, w.tokens.water);
  const sub = collect(conn.client, CaseUpdatedDocument, {});
  await live("caseUpdated", 1);
  const theirs = await newCase();
  await reply(theirs);
  const mine = await newCase();
  const assigned = first(
    ok(
      await gql(
        server,
        AssignCaseDocument,
        {
          input: {
            id: mine.id,
            expectedVersion: mine.version,
            assignments: [{ departmentId: gid("Department", w.water.id), role: "lead" }],
          },
        },
        w.tokens.command,
      ),
    ),
  );
  await sub.next(1);
  // The unassigned case's reply came before the assignment in the log, and was not delivered.
  expect(sub.events.map((e) => e.data!.caseUpdated.case.id)).toEqual([assigned.id]);
  sub.dispose();
  await conn.client.dispose();
});

it("a forged cursor is refused", async () => {
  const conn = wsClient(server, w.tokens.command);
  const sub = collect(conn.client, CaseUpdatedDocument, { after: "bm9wZQ" });
  await sub.next(1).catch(() => undefined);
  expect(JSON.stringify(sub.error ?? sub.events[0]?.errors)).toMatch(/BAD_USER_INPUT|cursor/);
  await conn.client.dispose();
});

describe("the deadline watcher", () => {
  /** Moves a due time to `minutes` from the test clock's now (negative: already passed). */
  async function dueAt(
    caseId: string,
    column: "resolution_due_at" | "reply_due_at",
    minutes: number,
  ) {
    const id = fromGlobalId(caseId)!.id;
    const when = new Date(testClock.now().getTime() + minutes * 60_000);
    await asDistrict(w.district.id, (q) =>
      q(`UPDATE hotline_case SET ${column} = $2 WHERE id = $1`, [id, when]),
    );
  }
  const sweep = (ds = server.dataSource) =>
    sweepOnce(ds, server.pubSub, testClock.now(), [w.district.id]);

  it("warns before the due time and breaches after it, once, even with two processes sweeping", async () => {
    const conn = wsClient(server, w.tokens.command);
    const deadlines = collect(conn.client, CaseDeadlineDocument, {});
    await live("caseDeadline", 1);
    const soon = await reply(await newCase());
    const late = await reply(await newCase());
    await dueAt(soon.id, "resolution_due_at", 60);
    await dueAt(late.id, "resolution_due_at", -1);
    // A second process: its own connection pool, sweeping at the same moment.
    const second = createDataSource({
      url: process.env.TEST_APP_DATABASE_URL!,
      entities: ENTITIES,
    });
    await second.initialize();
    const [r1, r2] = await Promise.all([sweep(), sweep(second)]);
    expect(r1.breaches + r2.breaches).toBeGreaterThanOrEqual(1);
    const detailLate = ok(
      await gql(server, CaseDetailDocument, { id: late.id }, w.tokens.command),
    ).case!;
    expect(detailLate.timeline.filter((e) => e.action === "breach")).toHaveLength(1);
    expect(detailLate.supervisions).toEqual([
      expect.objectContaining({ trigger: "breach", status: "open" }),
    ]);
    expect(detailLate.supervised).toBe(true);
    const detailSoon = ok(
      await gql(server, CaseDetailDocument, { id: soon.id }, w.tokens.command),
    ).case!;
    expect(detailSoon.timeline.filter((e) => e.action === "warn")).toHaveLength(1);
    expect(detailSoon.warnedAt).not.toBeNull();

    // A restart: a new process sweeps again and finds nothing left to do for these cases.
    await second.destroy();
    const third = createDataSource({ url: process.env.TEST_APP_DATABASE_URL!, entities: ENTITIES });
    await third.initialize();
    await sweep(third);
    await third.destroy();
    const again = ok(
      await gql(server, CaseDetailDocument, { id: late.id }, w.tokens.command),
    ).case!;
    expect(again.timeline.filter((e) => e.action === "breach")).toHaveLength(1);

    await deadlines.next(2);
    const kinds = deadlines.events.map((e) => [
      e.data!.caseDeadline.case.id,
      e.data!.caseDeadline.kind,
    ]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        [late.id, "breach"],
        [soon.id, "warning"],
      ]),
    );
    deadlines.dispose();
    await conn.client.dispose();
  });

  it("a resolved case waiting for its callback is not breached", async () => {
    let c = await reply(await newCase());
    c = first(
      ok(
        await gql(
          server,
          TakeCaseLeadDocument,
          { input: { id: c.id, expectedVersion: c.version } },
          w.tokens.worker,
        ),
      ),
    );
    c = first(
      ok(
        await gql(
          server,
          ResolveCaseDocument,
          { input: { id: c.id, expectedVersion: c.version, note: "已处理" } },
          w.tokens.worker,
        ),
      ),
    );
    await dueAt(c.id, "resolution_due_at", -1);
    await sweep();
    const d = ok(await gql(server, CaseDetailDocument, { id: c.id }, w.tokens.command)).case!;
    expect(d.timeline.map((e) => e.action)).toEqual(["create", "reply", "take_lead", "resolve"]);
    expect(d.supervised).toBe(false);
  });

  it("a department that lets its own due time pass is reported, once", async () => {
    let c = await reply(await newCase());
    c = first(
      ok(
        await gql(
          server,
          AssignCaseDocument,
          {
            input: {
              id: c.id,
              expectedVersion: c.version,
              assignments: [
                { departmentId: gid("Department", w.housing.id), role: "lead" },
                {
                  departmentId: gid("Department", w.urban.id),
                  role: "co",
                  dueAt: new Date(testClock.now().getTime() + 3600_000).toISOString(),
                },
              ],
            },
          },
          w.tokens.command,
        ),
      ),
    );
    await asDistrict(w.district.id, (q) =>
      q("UPDATE case_assignment SET due_at = $2 WHERE case_id = $1 AND role = 'co'", [
        fromGlobalId(c.id)!.id,
        new Date(testClock.now().getTime() - 60_000),
      ]),
    );
    const r1 = await sweep();
    const r2 = await sweep();
    expect(r1.assignmentBreaches).toBe(1);
    expect(r2.assignmentBreaches).toBe(0);
    const d = ok(await gql(server, CaseDetailDocument, { id: c.id }, w.tokens.command)).case!;
    expect(d.timeline.map((e) => e.action)).toEqual(["create", "reply", "assign", "breach"]);
    expect(d.status).toBe("dispatched");
  });

  it("a missed 2-hour reply is a breach of its own", async () => {
    const c = await newCase();
    await dueAt(c.id, "reply_due_at", -1);
    const r = await sweep();
    expect(r.replyBreaches).toBeGreaterThanOrEqual(1);
    const d = ok(await gql(server, CaseDetailDocument, { id: c.id }, w.tokens.command)).case!;
    expect(d.timeline.map((e) => e.action)).toEqual(["create", "breach"]);
  });
});

it("a resident may not follow cases live: refused when it subscribes", async () => {
  const conn = wsClient(server, w.tokens.resident);
  const sub = collect(conn.client, CaseCreatedDocument, {});
  await sub.next(1).catch(() => undefined);
  expect(JSON.stringify(sub.error ?? sub.events[0]?.errors)).toMatch(/FORBIDDEN/);
  await conn.client.dispose();
});
