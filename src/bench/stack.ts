import fs from "node:fs";
import http from "node:http";
import { Pool, type PoolClient } from "pg";
import { loadConfig, type Config } from "../config";
import { prepareDatabase, type Seed } from "../db/database";
import { loadDemoData } from "../demo/seed";
import { createDataSource } from "../db/data-source";
import { PromptClient } from "../db/pg-client";
import { ENTITIES } from "../modules/entities";
import { createPubSubFor } from "../realtime/pubsub";
import { startServer } from "../server";
import { createLogger } from "../logger";
import { signingSecret, signToken } from "../auth/jwt";
import { throwawayDataDir } from "../db/embedded";

/**
 * What the benchmark runs against, set up as `npm start` does it: an embedded PostgreSQL in a
 * throw-away directory with the demo data (or the PostgreSQL of DATABASE_URL, with
 * MIGRATION_DATABASE_URL as the owner), the real server on a free port of 127.0.0.1, in this
 * process so that its SQL statements can be counted, and beside it a plain `pg` pool as the
 * server's role for the hand-written peers.
 */
export interface Stack {
  /** The GraphQL endpoint. */
  url: string;
  embedded: boolean;
  /** A pool as the server's restricted role (row-level security applies), for the peers. */
  peer: Pool;
  /** How many SQL statements the server has run so far. */
  serverStatements(): number;
  /** A token of the demo account `<district>.<role>`. */
  token(district: { city: string; code: string }, role: string): Promise<string>;
}

export interface StackHandle {
  start(): Promise<Stack>;
  /**
   * Stops whatever has started, in the reverse order (peer pool, server, pub/sub, data source,
   * database) and removes the directory. Safe at any time and more than once: during start it
   * waits for the step under way, and start gives up after it.
   */
  stop(): Promise<void>;
}

/** Connections of each pool: the server's as in main.ts; the peer's the same. */
const POOL_SIZE = 20;

export function createStack(
  log: (m: string) => void,
  /** What to load once the schema is current (default: the demo data). */
  opts: { seed?: Seed } = {},
): StackHandle {
  const cleanups: Array<() => Promise<unknown>> = [];
  let stopRequested = false;
  let starting: Promise<unknown> = Promise.resolve();
  let stopping: Promise<void> | undefined;
  const check = () => {
    if (stopRequested) throw new Error("stopped while starting");
  };

  async function start(): Promise<Stack> {
    const dataDir = throwawayDataDir("bench");
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const config: Config = loadConfig({
      DATA_DIR: dataDir,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      SWEEP_INTERVAL_MS: "0",
      // The benchmark signs its own tokens with the server's HS256 secret.
      JWKS_URL: "",
      // It measures the engine, not the guard: the tree walk reads a whole district in one
      // request, which the default cost limit refuses (its estimate counts every `first: 200`
      // as full), and its clients would otherwise meet the work gate and the rate limits.
      QUERY_LIMITS: JSON.stringify({ default: { cost: 1_000_000_000 } }),
      HEAVY_COST: "100000000",
      RATE_LIMIT_SUBJECT: "off",
      RATE_LIMIT_DISTRICT: "off",
      ...process.env,
    });
    const db = await prepareDatabase(config, log, { seed: opts.seed ?? loadDemoData });
    cleanups.push(() => db.stop());
    check();
    let statements = 0;
    const dataSource = createDataSource({
      url: db.appUrl,
      entities: ENTITIES,
      poolSize: POOL_SIZE,
      onQuery: () => void statements++,
    });
    cleanups.push(() => (dataSource.isInitialized ? dataSource.destroy() : Promise.resolve()));
    await dataSource.initialize();
    check();
    const pubSub = await createPubSubFor(config, db.embedded ? undefined : db.appUrl);
    cleanups.push(() => pubSub.close());
    check();
    const server = await startServer({ config, dataSource, pubSub, log: createLogger("silent") });
    cleanups.push(() => server.stop());
    // The client's idle keep-alive connections go first, so that the server drains at once.
    cleanups.push(async () => agent.destroy());
    check();
    // With the server's client class (db/pg-client.ts), so that what it saves the garbage
    // collector is not counted as the API's own.
    const peer = new Pool({
      connectionString: db.appUrl,
      max: POOL_SIZE,
      application_name: "civic-grid-bench-peer",
      Client: PromptClient,
    });
    // An idle connection closed by PostgreSQL is dropped by the pool; without a listener its
    // 'error' (e.g. 57P01 while the database stops) would end the process before clean-up.
    peer.on("error", () => undefined);
    cleanups.push(() => peer.end());
    const secret = signingSecret(config);
    return {
      url: server.url,
      embedded: db.embedded,
      peer,
      serverStatements: () => statements,
      token: (d, role) =>
        signToken(
          secret,
          { sub: `${d.code}.${role}`, role, city: d.city, district: d.code },
          config,
        ),
    };
  }

  return {
    start() {
      const p = start();
      starting = p.catch(() => undefined);
      return p;
    },
    stop() {
      stopRequested = true;
      stopping ??= (async () => {
        await starting;
        for (const fn of cleanups.splice(0).reverse()) {
          try {
            await fn();
          } catch (err) {
            log(
              `bench: a clean-up step failed: ${err instanceof Error ? err.message : String(err)}`,
            );
          }
        }
      })();
      return stopping;
    },
  };
}

/** The tenant context the server sets at the start of each request's transaction (db/tenant.ts). */
export interface Tenant {
  districtId: string;
  subject: string;
  role: string;
}

/** A pooled connection that counts the statements sent through it. */
export interface CountingClient {
  query<R extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
}

/**
 * What a careful engineer writes by hand: BEGIN, the same tenant settings as the server, the
 * statements, COMMIT (ROLLBACK on error). Returns `fn`'s result and the statements run.
 */
export async function inTenant<T>(
  pool: Pool,
  tenant: Tenant,
  fn: (c: CountingClient) => Promise<T>,
): Promise<{ result: T; statements: number }> {
  const conn: PoolClient = await pool.connect();
  let statements = 0;
  const client: CountingClient = {
    async query<R extends object>(text: string, params?: unknown[]) {
      statements++;
      const res = await conn.query(text, params);
      return res.rows as R[];
    },
  };
  try {
    await client.query("BEGIN");
    await client.query(
      `SELECT set_config('app.district_ids', $1, true), set_config('app.user', $2, true),
              set_config('app.role', $3, true)`,
      [`{${tenant.districtId}}`, tenant.subject, tenant.role],
    );
    const result = await fn(client);
    await client.query("COMMIT");
    return { result, statements };
  } catch (err) {
    await conn.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    conn.release();
  }
}

/**
 * The benchmark's HTTP client: node:http with keep-alive connections (as many as there are
 * requests in flight). The client runs in the benchmark's process beside the server, so what it
 * costs is charged to the API's side; `fetch` (undici) spent several times more CPU per request
 * than this on the same answers, which measured the client more than the server.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

function post(url: string, token: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A GraphQL request over real HTTP; any error in the answer fails the benchmark. */
export async function gql<T>(
  url: string,
  token: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const res = await post(url, token, JSON.stringify({ query, variables }));
  const body = JSON.parse(res.text) as { data?: T; errors?: Array<{ message: string }> };
  if (res.status !== 200 || body.errors?.length || !body.data) {
    throw new Error(
      `GraphQL request failed (HTTP ${res.status}): ${body.errors?.[0]?.message ?? "no data"}`,
    );
  }
  return body.data;
}
