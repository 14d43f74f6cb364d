import { type DataSource } from "typeorm";
import { createClient, type Client as WsClient } from "graphql-ws";
import WebSocket from "ws";
import { print } from "graphql";
import { type TypedDocumentNode } from "@graphql-typed-document-node/core";
import { loadConfig } from "../../src/config";
import { createDataSource } from "../../src/db/data-source";
import { ENTITIES } from "../../src/modules/entities";
import { createLogger, type Logger } from "../../src/logger";
import { createPubSubFor, type PubSub } from "../../src/realtime/pubsub";
import { startServer, type RunningServer } from "../../src/server";
import { type Clock } from "../../src/common/clock";
import { testClock, until } from "./clock";

export interface TestServer extends RunningServer {
  dataSource: DataSource;
  pubSub: PubSub;
  clock: Clock;
  /** Every SQL statement the server ran, for statement-count tests. */
  statements: string[];
  close(): Promise<void>;
}

/** A real server on a free port, connected as the restricted application role. */
export async function startTestServer(
  env: Record<string, string> = {},
  /**
   * `databaseUrl`: another database than the run's (a test with a PostgreSQL of its own); `log`:
   * where the server logs (a test that reads its lines); `dataSource`: the server's, initialized
   * (a test that watches its wire: `statements` then stays empty), which `close` destroys.
   */
  opts: {
    sharedPubSub?: boolean;
    clock?: Clock;
    databaseUrl?: string;
    log?: Logger;
    dataSource?: DataSource;
  } = {},
): Promise<TestServer> {
  const clock = opts.clock ?? testClock;
  const config = loadConfig({ ...process.env, PORT: "0", HOST: "127.0.0.1", ...env });
  const statements: string[] = [];
  const databaseUrl = opts.databaseUrl ?? process.env.TEST_APP_DATABASE_URL!;
  const dataSource =
    opts.dataSource ??
    createDataSource({
      url: databaseUrl,
      entities: ENTITIES,
      poolSize: 5,
      onQuery: (sql) => statements.push(sql),
    });
  if (!dataSource.isInitialized) await dataSource.initialize();
  // sharedPubSub: events travel through the database (or Redis), as between several processes.
  const pubSub = await createPubSubFor(config, opts.sharedPubSub ? databaseUrl : undefined);
  const server = await startServer(
    {
      config,
      dataSource,
      pubSub,
      log: opts.log ?? createLogger(config.logLevel),
      directoryReloadMs: 0,
      clock,
    },
    0,
  );
  return {
    ...server,
    dataSource,
    pubSub,
    clock,
    statements,
    async close() {
      await server.stop();
      await pubSub.close();
      await dataSource.destroy();
    },
  };
}

export interface GqlResult<T> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

/** Sends a typed document over real HTTP. */
export async function gql<T, V>(
  server: { url: string },
  doc: TypedDocumentNode<T, V> | string,
  variables?: V,
  token?: string | null,
  headers: Record<string, string> = {},
): Promise<GqlResult<T>> {
  const res = await fetch(server.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query: typeof doc === "string" ? doc : print(doc), variables }),
  });
  const body = (await res.json()) as Omit<GqlResult<T>, "status">;
  return { status: res.status, ...body };
}

/** The data of a result that must have succeeded; its errors otherwise, as a thrown error. */
export function ok<T>(res: GqlResult<T>): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

/** A query or mutation that must succeed, as text over real HTTP: its data, or its errors thrown. */
export async function must(
  server: { url: string },
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<Record<string, never>> {
  return ok(await gql<Record<string, never>, never>(server, query, variables as never, token));
}

/**
 * A workflow mutation, `name(input: $i) { selection }` with `$i` of the input type `type`, that
 * must succeed: its result.
 */
export async function mutate<R = { id: string; version: number }>(
  server: { url: string },
  token: string,
  name: string,
  type: string,
  input: Record<string, unknown>,
  selection = "id version",
): Promise<R> {
  const data = await must(
    server,
    `mutation($i: ${type}!) { ${name}(input: $i) { ${selection} } }`,
    { i: input },
    token,
  );
  return data[name] as R;
}

export function errorCode(result: GqlResult<unknown>): unknown {
  return result.errors?.[0]?.extensions?.code;
}

/**
 * A real graphql-ws client; `connected` resolves once the server accepted it, `closed` with the
 * close code when the socket closes.
 */
export function wsClient(server: { wsUrl: string }, token?: string) {
  let resolveClosed: (code: number) => void;
  let resolveConnected: () => void;
  const closed = new Promise<number>((r) => (resolveClosed = r));
  const connected = new Promise<void>((r) => (resolveConnected = r));
  const client: WsClient = createClient({
    url: server.wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
    on: {
      connected: () => resolveConnected(),
      closed: (e) => resolveClosed((e as { code: number }).code),
    },
    onNonLazyError: () => undefined,
  });
  return { client, closed, connected };
}

/** Subscribes and collects events; `next(n)` waits until n events have arrived. */
export function collect<T, V = Record<string, never>>(
  client: WsClient,
  doc: TypedDocumentNode<T, V> | string,
  variables?: V,
) {
  const events: Array<{ data?: T | null; errors?: unknown }> = [];
  const waiters: Array<() => void> = [];
  let completed = false;
  let error: unknown;
  const dispose = client.subscribe<T>(
    {
      query: typeof doc === "string" ? doc : print(doc),
      variables: variables as Record<string, unknown> | undefined,
    },
    {
      next: (v) => {
        events.push(v as { data?: T | null; errors?: unknown });
        waiters.splice(0).forEach((w) => w());
      },
      error: (e) => {
        error = e;
        waiters.splice(0).forEach((w) => w());
      },
      complete: () => {
        completed = true;
        waiters.splice(0).forEach((w) => w());
      },
    },
  );
  return {
    events,
    dispose,
    get error() {
      return error;
    },
    get completed() {
      return completed;
    },
    /** Waits until n events have arrived (or the subscription ended); the ceiling only catches a hang. */
    async next(n: number, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length < n && !error && !completed) {
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`waited ${timeoutMs} ms for ${n} events, got ${events.length}`);
        await new Promise<void>((r) => {
          const t = setTimeout(r, left);
          waiters.push(() => {
            clearTimeout(t);
            r();
          });
        });
      }
      return events;
    },
  };
}

/**
 * Waits until `n` subscriptions of `field` are live on the server (past their set-up, so that
 * whatever is published from now on reaches them), instead of sleeping and hoping.
 */
export function liveSubscriptions(
  server: { pubSub: PubSub },
  field: string,
  n: number,
): Promise<void> {
  return until(
    () => server.pubSub.live.count(field) === n,
    `${n} live ${field} subscriptions (${server.pubSub.live.count(field)} now)`,
  );
}
