import http from "node:http";
import { expressHttpClasses } from "./common/http-objects";
import express from "express";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { type WebSocket, WebSocketServer } from "ws";
import { useServer } from "graphql-ws/use/ws";
import { type GraphQLError, type GraphQLSchema } from "graphql";
import { type DataSource } from "typeorm";
import { OperationGuard } from "./security/guard";
import { securityPlugin } from "./security/plugin";
import { corsFor, jsonBody, lastResort, notFound } from "./security/http-edges";
import { parserTokenCeiling } from "./security/limits";
import { rateLimiterFor } from "./security/rate-limit";
import { SUBJECT_FREE, viewerKey } from "./realtime/viewer";
import { principalFrom } from "./modules/tenancy/principal.service";
import { holdAnswer, transactionPlugin } from "./context/transaction-plugin";
import { TrustedDocuments } from "./security/trusted-documents";
import { socketOperation } from "./security/ws-guard";
import { type Config } from "./config";
import { webRoutes } from "./web/routes";
import { createTokenVerifier } from "./auth/jwt";
import { formatError, tooManySubscriptions } from "./common/errors";
import { type Context } from "./context/context";
import { createLoaders } from "./context/loaders";
import { type Principal } from "./auth/principal";
import { NO_TENANT, PerUseTransaction, scopeOf } from "./db/tenant";
import { requestContext } from "./context/request-context";
import { pendingMigrations } from "./db/migrate";
import { TenancyDirectory } from "./modules/tenancy/tenancy.directory";
import { type PubSub } from "./realtime/pubsub";
import { createSchema, PLANNED_RELATIONS } from "./schema";
import { plannedReadsPlugin } from "./planner/plugin";
import { type Logger } from "./logger";
import { Metrics } from "./observability/metrics";
import { observabilityPlugin } from "./observability/plugin";
import { noteError, observeRequests, requestLog, serveMetrics } from "./observability/request";
import { SocketObserver } from "./observability/ws";
import { systemClock, type Clock } from "./common/clock";
import { FeedRegistry } from "./realtime/feeds";
import { sharedSubscribe } from "./realtime/shared-execution";
import { ReadCollector } from "./context/read-audit";
import { SocketReadAudit } from "./context/read-audit-writes";
import { exportRouter } from "./modules/export/export.router";
import {
  CLOSE_SLOW_SUBSCRIBER,
  CLOSE_TOO_MANY_CONNECTIONS,
  ConnectionLimits,
} from "./realtime/limits";
import { extend } from "./common/objects";

export interface ServerDeps {
  config: Config;
  dataSource: DataSource;
  pubSub: PubSub;
  log: Logger;
  /** Least time between reloads of the city/district directory on an unknown code (default 5 s). */
  directoryReloadMs?: number;
  /** The time the rules read; the machine's clock by default (tests choose their own). */
  clock?: Clock;
  /**
   * The schema, when the caller began building it already (main.ts does while the database is
   * prepared); built here otherwise.
   */
  schema?: Promise<GraphQLSchema>;
}

export interface RunningServer {
  url: string;
  wsUrl: string;
  port: number;
  /** The process's shared live feeds. */
  feeds: FeedRegistry;
  /** The operation guard: limits, rates, and the work in flight (security/guard.ts). */
  guard: OperationGuard;
  /** This server's metrics (GET /metrics); the deadline watcher reports to them too. */
  metrics: Metrics;
  /** Stops taking requests, drains HTTP and WebSocket connections; does not close the data source. */
  stop(): Promise<void>;
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
  const schema: GraphQLSchema = await (deps.schema ?? createSchema());
  const feeds = new FeedRegistry({
    dataSource,
    pubSub,
    clock,
    log: (m, err) => log.error(m, err),
  });
  const limits = new ConnectionLimits(config.subscriptions);
  const security = config.security;
  const guard = new OperationGuard(schema, security, clock, await rateLimiterFor(config, log));
  const trusted = security.trustedDocuments
    ? TrustedDocuments.load(security.trustedDocuments)
    : undefined;
  const maxTokens = parserTokenCeiling(security.limits);
  const socketReads = new SocketReadAudit(dataSource);

  const app = express();
  // Express would hash every response body for an ETag; GraphQL answers are POSTed and never
  // revalidated, and hashing a large one (a district's tree, ~0.5 MB) costs a millisecond each.
  app.set("etag", false);
  app.disable("x-powered-by");
  const metrics = new Metrics({
    dataSource,
    pubSub,
    clock,
    openSockets: () => wsServer.clients.size,
  });
  // First, so that every request has its id, its access log line and its metrics.
  app.use(observeRequests(log, metrics));
  // Made with Express's prototypes, so that a request's objects die young (common/http-objects.ts).
  const httpServer = http.createServer(expressHttpClasses(app), app);
  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql" });
  const sockets = new SocketObserver(log, metrics);
  wsServer.on("connection", sockets.connected);

  const wsFormat = (e: GraphQLError, socket: WebSocket, id: string) =>
    sockets.error(
      socket,
      id,
      formatError(e.toJSON(), e, (err) => sockets.logOf(socket, id).error("unexpected error", err)),
    );
  /**
   * A subscriber that fell too far behind: its connection is closed with 4503 (the client
   * reconnects and resumes from its cursor). Nothing more is sent to it; the close frame waits
   * behind what the socket already holds, and a client that never reads again is dropped by the
   * WebSocket library after 30 s without an answer to the close.
   */
  const cutOff = (socket: WebSocket, reason: string) => {
    if (socket.readyState === socket.OPEN) {
      metrics.subscriberCutOff();
      socket.close(CLOSE_SLOW_SUBSCRIBER, reason.slice(0, 120));
    }
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
      subscribe: sharedSubscribe(schema, SUBJECT_FREE, viewerKey, socketReads),
      execute: guard.gatedExecute(socketReads.execute),
      // Same verification as HTTP; a refused connection is closed with 4403 Forbidden. Each
      // operation passes the same guard as over HTTP (security/ws-guard.ts).
      onSubscribe: (ctx, _id, payload) =>
        socketOperation(
          schema,
          guard,
          {
            trusted,
            maxTokens,
            introspection: config.introspection,
            hideSuggestions: config.production,
          },
          ctx.extra.principal ?? null,
          payload,
        ),
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
      context: (ctx, id, _payload, args): Context => {
        const principal = ctx.extra.principal ?? null;
        const db = new PerUseTransaction(dataSource, principal ? scopeOf(principal) : NO_TENANT);
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
          reads: new ReadCollector(),
          ...sockets.scope(ctx.extra.socket, id, args, principal),
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
        sockets.completed(ctx.extra.socket, id);
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
      onError: (ctx, id, _payload, errors) => errors.map((e) => wsFormat(e, ctx.extra.socket, id)),
      onNext: (ctx, id, _payload, _args, result) => {
        // A token can expire while its connection lives: the next event closes the socket, as a
        // new connection with that token would be refused, and the client reconnects with a fresh one.
        const p = ctx.extra.principal;
        if (p?.expiresAt != null && p.expiresAt <= Date.now()) {
          ctx.extra.socket.close(4403, "Forbidden: the token has expired");
          return {
            errors: [{ message: "the token has expired", extensions: { code: "UNAUTHENTICATED" } }],
          };
        }
        sockets.next(ctx.extra.socket, id, result);
        return result.errors
          ? extend(result, { errors: result.errors.map((e) => wsFormat(e, ctx.extra.socket, id)) })
          : undefined;
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // The parser stops at the largest token limit of any role; each role's own limit and the
    // others are checked by the security plugin once the caller is known.
    parseOptions: { maxTokens },
    // With trusted documents, ids resolve from the manifest and nothing can register a new one.
    ...(trusted ? { persistedQueries: { cache: trusted.cache() } } : {}),
    // main.ts owns the signals: it drains this server, then closes the database, then exits.
    stopOnTerminationSignals: false,
    hideSchemaDetailsFromClientErrors: config.production,
    formatError: (formatted, error) =>
      noteError(formatError(formatted, error, (e) => requestLog(log).error("unexpected error", e))),
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
      observabilityPlugin(),
      securityPlugin(guard, "/graphql", security.refusalHoldMs),
      transactionPlugin(log, dataSource),
      ...(config.plannedReads ? [plannedReadsPlugin(PLANNED_RELATIONS, dataSource)] : []),
      // Apollo installs its cache-control plugin unless told not to; it wraps every field's
      // resolution to compute cache hints nothing here reads (no response cache, no CDN).
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's landing page loads Apollo Sandbox from a CDN; browsers get the offline IDE instead.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  app.get("/healthz", (_req, res) => void res.json({ status: "ok" }));
  if (config.metrics.enabled) app.get("/metrics", serveMetrics(metrics, config.metrics.token));
  // Answers within READY_TIMEOUT_MS even when the database does not (a host that drops packets,
  // a pool whose connections all hang), so that a load balancer takes the process out promptly.
  const READY_TIMEOUT_MS = 2000;
  app.get("/readyz", async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), READY_TIMEOUT_MS);
    });
    try {
      const pending = await Promise.race([pendingMigrations((sql) => dataSource.query(sql)), late]);
      if (pending === "late") {
        res.status(503).json({ status: "database did not answer in time" });
      } else if (pending.length > 0) {
        res.status(503).json({ status: "migrations pending", pending });
      } else {
        res.json({ status: "ready" });
      }
    } catch {
      res.status(503).json({ status: "database unreachable" });
    } finally {
      clearTimeout(timer);
    }
  });
  app.use(webRoutes(config));
  app.use(
    "/graphql",
    corsFor(security.corsOrigins),
    ...jsonBody(security.maxBodyBytes),
    ...(trusted ? [trusted.middleware()] : []),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> =>
        extend(
          requestContext(
            { dataSource, pubSub, clock, feeds },
            await principalFrom(req.headers.authorization, verify, directory),
            req.socket.remoteAddress,
          ),
          { answerHold: holdAnswer(res) },
        ),
    }),
  );
  app.use(
    "/export",
    exportRouter(extend(deps, { clock, feeds, verify, directory, guard, schema })),
  );
  app.use(notFound);
  app.use(lastResort((m, err) => requestLog(log).error(m, err)));

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
    guard,
    metrics,
    url: `http://${host}:${actualPort}/graphql`,
    wsUrl: `ws://${host}:${actualPort}/graphql`,
    stop() {
      stopping ??= (async () => {
        await apollo.stop();
        for (const client of wsServer.clients) client.terminate();
        await new Promise<void>((resolve) => wsServer.close(() => resolve()));
        feeds.close();
        await guard.close();
      })();
      return stopping;
    },
  };
}
