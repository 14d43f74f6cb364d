import http from "node:http";
import express from "express";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { type WebSocket, WebSocketServer } from "ws";
import { useServer } from "graphql-ws/use/ws";
import { getOperationAST, GraphQLError, parse, type GraphQLSchema } from "graphql";
import { type DataSource } from "typeorm";
import { type Config } from "./config";
import { createTokenVerifier, type TokenVerifier } from "./auth/jwt";
import { formatError, tooManySubscriptions } from "./common/errors";
import { type Context } from "./context/context";
import { createLoaders } from "./context/loaders";
import { type Principal } from "./context/principal";
import { resolvePrincipal } from "./context/resolve-principal";
import { PerUseTransaction, RequestTransaction, scopeOf, type TenantScope } from "./db/tenant";
import { pendingMigrations } from "./db/migrate";
import { TenancyDirectory } from "./modules/tenancy/directory";
import { type PubSub } from "./realtime/pubsub";
import { createSchema } from "./schema";
import { type Logger } from "./logger";
import { systemClock, type Clock } from "./common/clock";
import { FeedRegistry } from "./realtime/feeds";
import { sharedSubscribe } from "./realtime/shared-execution";
import {
  CLOSE_SLOW_SUBSCRIBER,
  CLOSE_TOO_MANY_CONNECTIONS,
  ConnectionLimits,
} from "./realtime/limits";

export interface ServerDeps {
  config: Config;
  dataSource: DataSource;
  pubSub: PubSub;
  log: Logger;
  /** Least time between reloads of the city/district directory on an unknown code (default 5 s). */
  directoryReloadMs?: number;
  /** The time the rules read; the machine's clock by default (tests choose their own). */
  clock?: Clock;
}

export interface RunningServer {
  url: string;
  wsUrl: string;
  port: number;
  /** The process's shared live feeds. */
  feeds: FeedRegistry;
  /** Stops taking requests, drains HTTP and WebSocket connections; does not close the data source. */
  stop(): Promise<void>;
}

const NOBODY: TenantScope = { districtIds: [], subject: "", role: "" };

/**
 * Types whose fields answer the same to every caller with the same rights (role, districts,
 * department, street office, grids): subscribers whose selection stays within them share one
 * execution per event even across accounts. Anything else (a person's own record, say) is
 * executed per account.
 */
const SUBJECT_FREE: ReadonlySet<string> = new Set([
  "CaseEventMessage",
  "CaseDeadlineMessage",
  "CaseEvent",
  "Case",
  "Complainant",
  "CaseAssignment",
  "CaseRequest",
  "Supervision",
  "Department",
  "DepartmentChange",
  "District",
  "City",
  "Grid",
  "StreetOffice",
  "Community",
]);

/** What makes two subscribers' answers equal (see realtime/shared-execution.ts). */
function viewerKey(contextValue: unknown, subjectMatters: boolean): string | null {
  const p = (contextValue as Context).principal;
  if (!p) return null;
  return [
    p.role,
    [...p.districtIds].sort().join(","),
    p.districtId ?? "",
    p.departmentCode ?? "",
    p.streetOfficeCode ?? "",
    [...p.gridCodes].sort().join(","),
    subjectMatters ? p.subject : "",
  ].join("|");
}

function bearer(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return "";
  return match[1];
}

/** The edge: a verified token becomes a principal, once per request or WebSocket connection. */
async function principalFrom(
  header: string | undefined,
  verify: TokenVerifier,
  dir: TenancyDirectory,
): Promise<Principal | null> {
  const token = bearer(header);
  if (token === null) return null;
  if (token === "") {
    throw new GraphQLError("the Authorization header must be 'Bearer <token>'", {
      extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
    });
  }
  return resolvePrincipal(await verify(token), dir);
}

/** Commits each request's transaction when it succeeded and rolls it back otherwise; publishes after commit. */
function transactionPlugin(log: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, errors }) {
          const tx = contextValue.db as RequestTransaction;
          const ok = !errors || errors.length === 0;
          try {
            await tx.finish(ok);
          } catch (err) {
            const formatted = formatError({ message: "commit failed" }, err, (e) =>
              log.error("commit failed", e),
            );
            if (response.body.kind === "single") {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [formatted];
            }
          }
        },
      };
    },
  };
}

/** Grace for open requests and sockets at shutdown, well inside main.ts's 10 s force-exit. */
const DRAIN_GRACE_MS = 4000;

export async function startServer(
  deps: ServerDeps,
  port = deps.config.port,
): Promise<RunningServer> {
  const { config, dataSource, pubSub, log } = deps;
  const clock = deps.clock ?? systemClock;
  const directory = new TenancyDirectory(dataSource, deps.directoryReloadMs);
  await directory.load();
  const verify = createTokenVerifier(config);
  const schema: GraphQLSchema = await createSchema();
  const feeds = new FeedRegistry({
    dataSource,
    pubSub,
    clock,
    log: (m, err) => log.error(m, err),
  });
  const limits = new ConnectionLimits(config.subscriptions);

  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql" });

  const wsFormat = (e: GraphQLError) =>
    formatError(e.toJSON(), e, (err) => log.error("unexpected error", err));
  /**
   * A subscriber that fell too far behind: its connection is closed with 4503 (the client
   * reconnects and resumes from its cursor). Nothing more is sent to it; the close frame waits
   * behind what the socket already holds, and a client that never reads again is dropped by the
   * WebSocket library after 30 s without an answer to the close.
   */
  const cutOff = (socket: WebSocket, reason: string) => {
    if (socket.readyState === socket.OPEN)
      socket.close(CLOSE_SLOW_SUBSCRIBER, reason.slice(0, 120));
  };
  type Extra = {
    principal?: Principal | null;
    /** Operations running on this connection, counted against the principal's limit. */
    ops?: Set<string>;
    /** Counted among the principal's connections. */
    counted?: boolean;
    /** The socket has closed (onClose ran). */
    closed?: boolean;
  };
  const wsCleanup = useServer<Record<string, unknown>, Extra>(
    {
      schema,
      subscribe: sharedSubscribe(schema, SUBJECT_FREE, viewerKey),
      // Same verification as HTTP; a refused connection is closed with 4403 Forbidden.
      // Queries and mutations belong on HTTP, where each request is one transaction; over the
      // socket a multi-field mutation could not be rolled back as a whole.
      onSubscribe: (_ctx, _id, payload) => {
        try {
          const op = getOperationAST(parse(payload.query), payload.operationName);
          if (op?.operation === "mutation") {
            return [
              new GraphQLError("send mutations over HTTP (POST /graphql), not over the WebSocket", {
                extensions: { code: "BAD_USER_INPUT" },
              }),
            ];
          }
        } catch {
          // A document that does not parse is reported by graphql-ws's own validation.
        }
        return undefined;
      },
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const raw = (params.Authorization ?? params.authorization ?? params.token) as unknown;
        const header =
          typeof raw === "string" ? (raw.startsWith("Bearer ") ? raw : `Bearer ${raw}`) : undefined;
        try {
          const principal = await principalFrom(header, verify, directory);
          if (!principal) return false;
          // Gone while its token was checked: onClose has run already, so count nothing.
          if (ctx.extra.closed || ctx.extra.socket.readyState !== ctx.extra.socket.OPEN)
            return false;
          if (!limits.connect(principal.subject)) {
            ctx.extra.socket.close(
              CLOSE_TOO_MANY_CONNECTIONS,
              `at most ${config.subscriptions.connectionsPerPrincipal} connections for one account`,
            );
            return false;
          }
          ctx.extra.counted = true;
          ctx.extra.ops = new Set();
          ctx.extra.principal = principal;
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx): Context => {
        const principal = ctx.extra.principal ?? null;
        const db = new PerUseTransaction(dataSource, principal ? scopeOf(principal) : NOBODY);
        return {
          principal,
          db,
          pubSub,
          clock,
          feeds,
          subscriber: {
            queue: config.subscriptions.queue,
            cutOff: (reason) => cutOff(ctx.extra.socket, reason),
          },
          loaders: createLoaders(db, principal?.districtIds ?? [], { cache: false }),
        };
      },
      // Counted once running (past validation): a subscription over the limits is refused with
      // TOO_MANY_SUBSCRIPTIONS before its stream starts; the connection and the others go on.
      onOperation: (ctx, id, _payload, _args, result) => {
        const p = ctx.extra.principal;
        if (!p || !ctx.extra.ops || !(Symbol.asyncIterator in Object(result))) return undefined;
        const refused = limits.start(p.subject, ctx.extra.ops.size);
        if (refused) {
          void (result as AsyncGenerator).return?.(undefined);
          return { errors: [tooManySubscriptions(refused.message, refused.limit)] };
        }
        ctx.extra.ops.add(id);
        return undefined;
      },
      onComplete: (ctx, id) => {
        const p = ctx.extra.principal;
        if (p && ctx.extra.ops?.delete(id)) limits.end(p.subject);
      },
      onClose: (ctx) => {
        ctx.extra.closed = true;
        const p = ctx.extra.principal;
        if (p && ctx.extra.counted) {
          limits.disconnect(p.subject, ctx.extra.ops?.size ?? 0);
          ctx.extra.ops?.clear();
          ctx.extra.counted = false;
        }
      },
      // The same error mapping as HTTP: stable codes, no internals.
      onError: (_ctx, _id, _payload, errors) => errors.map(wsFormat),
      onNext: (ctx, _id, _payload, _args, result) => {
        // A token can expire while its connection lives: the next event closes the socket, as a
        // new connection with that token would be refused, and the client reconnects with a fresh one.
        const p = ctx.extra.principal;
        if (p?.expiresAt != null && p.expiresAt <= Date.now()) {
          ctx.extra.socket.close(4403, "Forbidden: the token has expired");
          return {
            errors: [{ message: "the token has expired", extensions: { code: "UNAUTHENTICATED" } }],
          };
        }
        return result.errors ? { ...result, errors: result.errors.map(wsFormat) } : undefined;
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // main.ts owns the signals: it drains this server, then closes the database, then exits.
    stopOnTerminationSignals: false,
    hideSchemaDetailsFromClientErrors: config.production,
    formatError: (formatted, error) =>
      formatError(formatted, error, (e) => log.error("unexpected error", e)),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: DRAIN_GRACE_MS }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              // Sockets first (they keep the HTTP server from closing): a polite close, and a
              // hard one for clients that do not answer in time.
              let timer: NodeJS.Timeout | undefined;
              await Promise.race([
                wsCleanup.dispose(),
                new Promise((r) => (timer = setTimeout(r, 1000))),
              ]);
              clearTimeout(timer);
              for (const client of wsServer.clients) client.terminate();
            },
          };
        },
      },
      transactionPlugin(log),
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      const pending = await pendingMigrations((sql) => dataSource.query(sql));
      if (pending.length > 0) {
        res.status(503).json({ status: "migrations pending", pending });
        return;
      }
      res.json({ status: "ready" });
    } catch {
      res.status(503).json({ status: "database unreachable" });
    }
  });
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<Context> => {
        const principal = await principalFrom(req.headers.authorization, verify, directory);
        const db = new RequestTransaction(dataSource, principal ? scopeOf(principal) : NOBODY);
        return {
          principal,
          db,
          pubSub,
          clock,
          feeds,
          loaders: createLoaders(db, principal?.districtIds ?? [], { cache: true }),
        };
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, config.host, () => resolve());
  });
  const actualPort = (httpServer.address() as { port: number }).port;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  let stopping: Promise<void> | undefined;
  return {
    port: actualPort,
    feeds,
    url: `http://${host}:${actualPort}/graphql`,
    wsUrl: `ws://${host}:${actualPort}/graphql`,
    stop() {
      stopping ??= (async () => {
        await apollo.stop();
        for (const client of wsServer.clients) client.terminate();
        await new Promise<void>((resolve) => wsServer.close(() => resolve()));
        feeds.close();
      })();
      return stopping;
    },
  };
}
