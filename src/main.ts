import "reflect-metadata";
import { ConfigError, loadConfig } from "./config";
import { createLogger } from "./logger";
import { beginNewCluster, postmasterPid } from "./db/embedded";
import { assertPortFree, PortInUseError } from "./common/port";

/**
 * `npm start`: configuration, database (embedded unless DATABASE_URL is set), migrations, demo
 * data, then the server. SIGINT/SIGTERM drain HTTP and WebSocket connections and stop the
 * embedded database before the process exits.
 *
 * The server's modules (a second of loading) are loaded while the database starts, once its own
 * processes run: on a first start initdb, while the demo's lanes make the grid trees. A new
 * embedded cluster's initdb is begun before even the modules that prepare the database are loaded.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const log = createLogger(config.logLevel, { format: config.logFormat });
  // Before the database starts: a port in use is reported in one line, not after migrations.
  await assertPortFree(config.port, config.host);
  let running!: () => void;
  const databaseRuns = new Promise<void>((resolve) => (running = resolve));
  // At debug level, where the first start's time goes (demo/timing.ts), phase by phase.
  const timing = config.logLevel === "debug" ? (line: string) => log.debug(line) : undefined;
  // Each with the CPU time spent so far by this process, its children and PostgreSQL.
  let cpuSoFar = (): string => "";
  const mark = (what: string) =>
    timing?.(`start: ${what} at ${process.uptime().toFixed(2)} s${cpuSoFar()}`);
  const isNew = !config.databaseUrl && (await beginNewCluster(config.dataDir));
  if (isNew) mark("initdb begun");
  const [{ prepareDatabase }, { demoSeed }, { formatStartCpu }] = await Promise.all([
    import("./db/database.js"),
    import("./demo/seed.js"),
    import("./demo/timing.js"),
  ]);
  cpuSoFar = () =>
    ` (${formatStartCpu(config.databaseUrl ? null : postmasterPid(config.dataDir))})`;
  const seed = config.loadDemoData ? demoSeed({ timing, mark }) : undefined;
  // A new cluster: the demo's lanes may start making the grid trees now.
  if (isNew) seed?.whileDatabaseStarts?.();
  const preparing = prepareDatabase(config, (m) => log.info(m), {
    seed,
    running,
    // It stops the database itself, last, after draining (shutdown below).
    ownProcessGroup: true,
  });
  await Promise.race([databaseRuns, preparing.catch(() => undefined)]);
  mark("database running");
  const [
    { startSweeper },
    { createDataSource },
    { ENTITIES },
    { createPubSubFor },
    { startServer },
    { createSchema },
  ] = await Promise.all([
    import("./modules/cases/deadline.sweeper.js"),
    import("./db/data-source.js"),
    import("./modules/entities.js"),
    import("./realtime/pubsub.js"),
    import("./server.js"),
    import("./schema.js"),
  ]);
  mark("modules loaded");
  // Built while the database is prepared (its processes and the demo's lanes do that work).
  const schema = createSchema();
  // Its failure is reported where startServer awaits it.
  schema.catch(() => undefined);
  const db = await preparing;
  mark("database prepared");
  // The demo's quick statistics are taken while the server starts.
  const statistics = seed?.beforeReady?.();
  const dataSource = createDataSource({ url: db.appUrl, entities: ENTITIES, poolSize: 20 });
  await dataSource.initialize();
  const pubSub = await createPubSubFor(config, db.embedded ? undefined : db.appUrl, (m, err) =>
    log.error(m, err),
  );
  const server = await startServer({ config, dataSource, pubSub, log, schema });
  mark("server started");
  // Without them the planner takes the new tables for empty; with them missing it is slow, not wrong.
  await statistics?.catch((err) => log.warn(`demo data statistics not taken: ${err}`));
  mark("statistics taken");
  const sweeper = config.sweepIntervalMs
    ? startSweeper({
        dataSource,
        pubSub,
        log,
        intervalMs: config.sweepIntervalMs,
        watch: server.metrics.sweeper,
      })
    : null;

  // Before "ready" is said: a signal sent as soon as it is read must find its handler (a
  // signal without one ends the process at once).
  let shuttingDown = false;
  // After a first start, the demo data's full statistics (a sample of them was taken before ready).
  seed?.settle?.().then(
    () => log.debug("demo data statistics complete"),
    (err) => shuttingDown || log.warn(`demo data statistics not completed: ${err}`),
  );
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info(`${signal}: shutting down`);
    const force = setTimeout(() => {
      log.error("shutdown took longer than 10 s; stopping the database and exiting");
      void db.stop().finally(() => process.exit(1));
    }, 10_000);
    force.unref();
    try {
      await sweeper?.stop();
      await server.stop();
      await pubSub.close();
      await dataSource.destroy();
      await db.stop();
      log.info("stopped");
      process.exit(0);
    } catch (err) {
      log.error("shutdown failed", err);
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  // The terminal it runs in was closed: PostgreSQL, in a group of its own, is not told.
  process.on("SIGHUP", () => void shutdown("SIGHUP"));

  // One write, so that whoever waits for "ready" (a test, a supervisor) sees the whole block.
  log.info(
    [
      `  GraphQL      ${server.url}`,
      `  WebSocket    ${server.wsUrl} (graphql-ws)`,
      `  pages        ${new URL("/", server.url).href} (sign-in)${config.graphqlIde ? `, IDE ${new URL("/graphiql", server.url).href}` : ""}`,
      `  database     ${db.embedded ? "embedded PostgreSQL, data in " + config.dataDir : "DATABASE_URL"}`,
      `  get a token  npm run token -- --role district_admin --district mingshan`,
      `civic-grid ready in ${Date.now() - started} ms`,
    ].join("\n"),
  );
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(`configuration error: ${err.message}`);
  } else if (err instanceof PortInUseError) {
    console.error(`civic-grid cannot start: ${err.message}`);
  } else {
    console.error("civic-grid failed to start:", err instanceof Error ? err.message : err);
    if (process.env.LOG_LEVEL === "debug") console.error(err);
  }
  process.exit(1);
});
