import fs from "node:fs";
import path from "node:path";
import WebSocket from "ws";
import { buildSchema, parse, validate } from "graphql";
import {
  ApiError,
  createApi,
  type ConnectionState,
  type ErrorCode,
} from "../../examples/client/src/api";
import { createCase, followCases, listCases, type CaseFeed } from "../../examples/client/src/cases";
import { type CaseSummaryFragment } from "../../examples/client/src/gql/graphql";
import { type ErrorCode as ServerErrorCode } from "../../src/common/errors";
import {
  CaseEventsDocument,
  EscalateCaseDocument,
  ReplyToCaseDocument,
} from "../generated/graphql";
import { gql, liveSubscriptions, ok, startTestServer, type TestServer } from "../helpers/server";
import { until } from "../helpers/clock";
import { relay } from "../helpers/relay";
import { closeFactories } from "../factories";
import { buildCaseWorld, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";

/**
 * The example client of examples/client, as a third party would use it, against the real server:
 * its documents, typed by its own codegen from schema.graphql, over HTTP and graphql-ws.
 */

const root = path.join(__dirname, "..", "..");
const example = path.join(root, "examples", "client");

let server: TestServer;
let w: CaseWorld;
beforeAll(async () => {
  w = await buildCaseWorld();
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

const apiAs = (token: string, more: Partial<Parameters<typeof createApi>[0]> = {}) =>
  createApi({ url: server.url, token: () => token, webSocketImpl: WebSocket, ...more });

const call = (world: CaseWorld, description: string) => ({
  channel: "hotline" as const,
  categoryCode: "roads",
  description,
  gridId: gid("Grid", world.tree.gridA),
});

async function all(pages: ReturnType<typeof listCases>) {
  const got: Array<{ totalCount: number; ids: string[] }> = [];
  for await (const page of pages)
    got.push({ totalCount: page.totalCount, ids: page.cases.map((c) => c.id) });
  return got;
}

describe("the example's documents and code", () => {
  it("are valid against the committed schema.graphql (a change that breaks them fails here)", () => {
    const schema = buildSchema(fs.readFileSync(path.join(root, "schema.graphql"), "utf8"));
    const documents = fs
      .readdirSync(path.join(example, "src"))
      .filter((f) => f.endsWith(".graphql"));
    expect(documents.length).toBeGreaterThan(0);
    for (const file of documents) {
      const doc = parse(fs.readFileSync(path.join(example, "src", file), "utf8"));
      expect({ file, errors: validate(schema, doc).map((e) => e.message) }).toEqual({
        file,
        errors: [],
      });
    }
  });

  it("knows every error code the server sends, and imports nothing of the server", () => {
    // Checked by the type checker: a code added to the server's ErrorCode and not to the
    // example's makes this line fail `npm run typecheck`.
    const covered: ServerErrorCode extends ErrorCode ? true : never = true;
    expect(covered).toBe(true);
    const sources = fs.readdirSync(path.join(example, "src")).filter((f) => f.endsWith(".ts"));
    const imports = sources.flatMap((f) =>
      [
        ...fs
          .readFileSync(path.join(example, "src", f), "utf8")
          .matchAll(/^import .* from "([^"]+)";$/gm),
      ].map((m) => m[1]),
    );
    expect(new Set(imports)).toEqual(new Set(["graphql-ws", "./api", "./gql/graphql"]));
  });
});

describe("the example client against the server", () => {
  it("lists the district's cases with a filter, page by page, as the API has them", async () => {
    const api = apiAs(w.tokens.operator);
    const made: CaseSummaryFragment[] = [];
    for (const n of [1, 2, 3]) made.push(await createCase(api, call(w, `路灯不亮 ${n}`)));
    // A patrol report starts in grid_handling: the filter leaves it out.
    await createCase(apiAs(w.tokens.worker), { ...call(w, "井盖缺失"), channel: "grid_patrol" });

    const pages = await all(listCases(apiAs(w.tokens.command), { status: ["received"], first: 2 }));
    expect(pages).toEqual([
      { totalCount: 3, ids: [made[2].id, made[1].id] },
      { totalCount: 3, ids: [made[0].id] },
    ]);
    // The wall: another district's command center lists none of them.
    const other = await buildCaseWorld({ city: w.city });
    expect(await all(listCases(apiAs(other.tokens.command), { first: 200 }))).toEqual([
      { totalCount: 0, ids: [] },
    ]);
  });

  it("creates a case; a refusal is an ApiError with its code and field, and writes nothing", async () => {
    const world = await buildCaseWorld({ city: w.city });
    const api = apiAs(world.tokens.operator);
    const made = await createCase(api, call(world, "路面塌陷"));
    expect(made).toMatchObject({
      channel: "hotline",
      status: "received",
      grid: { code: "so-a-c01-g01" },
    });

    const refused = await createCase(api, {
      ...call(world, "分类不存在"),
      categoryCode: "no_such",
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect({ code: (refused as ApiError).code, field: (refused as ApiError).field }).toEqual({
      code: "BAD_USER_INPUT",
      field: "categoryCode",
    });
    const resident = await createCase(apiAs(world.tokens.resident), call(world, "冒充热线")).catch(
      (e: unknown) => e,
    );
    expect((resident as ApiError).code).toBe("FORBIDDEN");
    const listed = await all(listCases(apiAs(world.tokens.command), { first: 200 }));
    expect(listed).toEqual([{ totalCount: 1, ids: [made.id] }]);
  });

  it("retries a createCase whose answer was lost with the same idempotency key: one case", async () => {
    const world = await buildCaseWorld({ city: w.city });
    const bodies: string[] = [];
    // The first answer is lost on the way back, after the server committed the case.
    const losingFirst: typeof fetch = async (url, init) => {
      bodies.push(String(init?.body));
      const res = await fetch(url, init);
      if (bodies.length === 1) {
        await res.text();
        throw new TypeError("fetch failed");
      }
      return res;
    };
    const made = await createCase(
      apiAs(world.tokens.operator, { fetch: losingFirst }),
      call(world, "重试"),
    );
    const keys = bodies.map((b) => JSON.parse(b).variables.input.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const listed = await all(listCases(apiAs(world.tokens.command), { first: 200 }));
    expect(listed).toEqual([{ totalCount: 1, ids: [made.id] }]);
  });

  it("follows new and changed cases; after a dropped connection it resumes from its cursors, nothing lost or twice", async () => {
    const world = await buildCaseWorld({ city: w.city });
    const line = await relay(server.port);
    const states: ConnectionState[] = [];
    const command = apiAs(world.tokens.command, {
      wsUrl: `ws://127.0.0.1:${line.port}/graphql`,
      onConnection: (s) => states.push(s),
    });
    const operator = apiAs(world.tokens.operator);
    const created: Parameters<CaseFeed["created"]>[0][] = [];
    const updated: Parameters<CaseFeed["updated"]>[0][] = [];
    const errors: unknown[] = [];
    const feed = followCases(command, {
      created: (m) => created.push(m),
      updated: (m) => updated.push(m),
      error: (e) => errors.push(e),
    });
    const live = (n: number) =>
      Promise.all([
        liveSubscriptions(server, "caseCreated", n),
        liveSubscriptions(server, "caseUpdated", n),
      ]);
    const input = (c: { id: string; version: number }) => ({
      input: { id: c.id, expectedVersion: c.version, note: "已处理" },
    });
    const reply = async (c: { id: string; version: number }) =>
      ok(await gql(server, ReplyToCaseDocument, input(c), world.tokens.operator)).replyToCase;
    const escalate = async (c: { id: string; version: number }) =>
      ok(await gql(server, EscalateCaseDocument, input(c), world.tokens.command)).escalateCase;
    try {
      await live(1);
      const a = await createCase(operator, call(world, "噪音扰民"));
      await until(() => created.length === 1, "a's creation");
      const replied = await reply(a);
      await until(() => updated.length === 1, "a's reply");

      // The line drops; the server sees both subscriptions go. Until the line is let through
      // again, the client's reconnection waits unanswered.
      line.cut();
      await live(0);
      await until(() => states.includes("disconnected"), "the client to see the drop");
      const b = await createCase(operator, call(world, "占道经营"));
      const c = await createCase(operator, call(world, "垃圾清运"));
      await escalate(replied);
      line.release();

      await until(
        () => created.length === 3 && updated.length === 2,
        () => `the missed events (created ${created.length}, updated ${updated.length})`,
      );
      // Live again: a fourth case and its reply arrive after everything missed, and nothing
      // missed arrives twice before them (each subscription delivers in log order).
      const d = await createCase(operator, call(world, "楼道堆物"));
      await reply(d);
      await until(() => created.length === 4 && updated.length === 3, "d's creation and reply");

      expect(created.map((m) => m.case.id)).toEqual([a.id, b.id, c.id, d.id]);
      expect(updated.map((m) => [m.case.id, m.event.action])).toEqual([
        [a.id, "reply"],
        [a.id, "escalate"],
        [d.id, "reply"],
      ]);
      // Exactly the district's log, in its order.
      const log = ok(await gql(server, CaseEventsDocument, { first: 100 }, world.tokens.command))
        .caseEvents.edges;
      const inLog = (creation: boolean) =>
        log
          .filter((e) => (e.node.action === "create") === creation)
          .map((e) => [e.node.caseId, e.node.action]);
      expect(created.map((m) => [m.case.id, m.event.action])).toEqual(inLog(true));
      expect(updated.map((m) => [m.case.id, m.event.action])).toEqual(inLog(false));
      expect(feed.cursors).toEqual({ created: created[3].cursor, updated: updated[2].cursor });
      expect(errors).toEqual([]);
      // The state a page shows: connected, dropped, connected again.
      expect(states.filter((s, i) => s !== states[i - 1])).toEqual([
        "connecting",
        "connected",
        "disconnected",
        "connecting",
        "connected",
      ]);
    } finally {
      feed.stop();
      await command.close();
      await line.close();
    }
  });
  it("hands a refused subscription to the feed as an ApiError with its code", async () => {
    const api = apiAs(w.tokens.command);
    const errors: unknown[] = [];
    const feed = followCases(
      api,
      { created: () => undefined, updated: () => undefined, error: (e) => errors.push(e) },
      { updated: "bm9wZQ" },
    );
    try {
      await until(() => errors.length === 1, "the refusal");
      expect(errors[0]).toBeInstanceOf(ApiError);
      expect((errors[0] as ApiError).code).toBe("BAD_USER_INPUT");
    } finally {
      feed.stop();
      await api.close();
    }
  });

  it("ends its subscriptions with close code 4403, instead of reconnecting, when the token is refused", async () => {
    const states: ConnectionState[] = [];
    const api = apiAs("not-a-token", { onConnection: (s) => states.push(s) });
    const errors: unknown[] = [];
    const feed = followCases(api, {
      created: () => undefined,
      updated: () => undefined,
      error: (e) => errors.push(e),
    });
    try {
      await until(() => errors.length === 2, "both subscriptions to end");
      expect(errors.map((e) => (e as { code: number }).code)).toEqual([4403, 4403]);
      expect(states).toEqual(["connecting", "disconnected"]);
    } finally {
      feed.stop();
      await api.close();
    }
  });
});

describe("the example client against a server that runs only trusted documents", () => {
  it("sends its documents by hash, from its own codegen's manifest, over HTTP and graphql-ws", async () => {
    const trusted = await startTestServer({
      TRUSTED_DOCUMENTS: path.join(example, "src", "gql", "persisted-documents.json"),
    });
    const world = await buildCaseWorld({ city: w.city });
    const as = (token: string) =>
      createApi({
        url: trusted.url,
        token: () => token,
        webSocketImpl: WebSocket,
        trustedDocuments: true,
      });
    const command = as(world.tokens.command);
    const created: string[] = [];
    const feed = followCases(command, {
      created: (m) => created.push(m.case.id),
      updated: () => undefined,
      error: (e) => created.push(String(e)),
    });
    try {
      await liveSubscriptions(trusted, "caseCreated", 1);
      const made = await createCase(as(world.tokens.operator), call(world, "按哈希发送"));
      await until(() => created.length === 1, "the created case");
      expect(created).toEqual([made.id]);
      expect(await all(listCases(command, { first: 10 }))).toEqual([
        { totalCount: 1, ids: [made.id] },
      ]);
      // The same client sending its documents' text is refused: the server takes the hashes only.
      const asText = createApi({ url: trusted.url, token: () => world.tokens.command });
      const refused = await all(listCases(asText, { first: 10 })).catch((e: unknown) => e);
      expect((refused as ApiError).code).toBe("DOCUMENT_NOT_TRUSTED");
    } finally {
      feed.stop();
      await command.close();
      await trusted.close();
    }
  });
});
