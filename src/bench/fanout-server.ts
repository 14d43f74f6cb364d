import "reflect-metadata";
import http from "node:http";
import { loadConfig } from "../config";
import { createDataSource } from "../db/data-source";
import { ENTITIES } from "../modules/entities";
import { createLogger } from "../logger";
import { createPubSubFor } from "../realtime/pubsub";
import { startServer } from "../server";

/**
 * One server process of the fan-out benchmark (`npm run bench:fanout`): the real server on a free
 * port, with its pub/sub chosen by FANOUT_PUBSUB (memory, postgres, redis), and beside it a small
 * status endpoint for the benchmark (live subscriptions, memory). Prints `ready <port> <status>`.
 */
async function main() {
  const config = loadConfig({ ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent" });
  const log = createLogger("silent");
  const appUrl = process.env.FANOUT_APP_DATABASE_URL!;
  const dataSource = createDataSource({ url: appUrl, entities: ENTITIES, poolSize: 20 });
  await dataSource.initialize();
  const mode = process.env.FANOUT_PUBSUB ?? "memory";
  const pubSub = await createPubSubFor(
    { ...config, redisUrl: mode === "redis" ? config.redisUrl : undefined },
    mode === "postgres" ? appUrl : undefined,
  );
  const server = await startServer({ config, dataSource, pubSub, log });
  const status = http.createServer((_req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(
      JSON.stringify({
        live: pubSub.live.count(),
        rss: process.memoryUsage().rss,
        heapUsed: process.memoryUsage().heapUsed,
      }),
    );
  });
  await new Promise<void>((r) => status.listen(0, "127.0.0.1", () => r()));
  const statusPort = (status.address() as { port: number }).port;
  console.log(`ready ${server.port} ${statusPort}`);
  const stop = async () => {
    status.close();
    await server.stop();
    await pubSub.close();
    await dataSource.destroy();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((err) => {
  console.error("fanout server failed:", err instanceof Error ? err.message : err);
  process.exit(1);
});
