import { createPubSubFor, type PubSub, Topic } from "../../src/realtime/pubsub";
import { until } from "../helpers/clock";

/**
 * The pub/sub across processes (Redis with REDIS_URL, otherwise PostgreSQL NOTIFY): events reach
 * the other processes of the same deployment, and no process of another deployment (namespace)
 * sharing the Redis or the database.
 */
const url = process.env.TEST_APP_DATABASE_URL!;
const config = (ns: string) => ({ redisUrl: process.env.REDIS_URL, pubSubNamespace: ns });
const opened: PubSub[] = [];
/** What the transports reported (a failed NOTIFY, a lost connection): shown when a wait fails. */
const troubles: string[] = [];
const log = (m: string, err?: unknown) => troubles.push(err ? `${m}: ${String(err)}` : m);
afterAll(async () => {
  for (const p of opened) await p.close();
});

async function open(ns: string) {
  const p = await createPubSubFor(config(ns), url, log);
  opened.push(p);
  const heard: string[] = [];
  p.on(Topic.DEPARTMENT_CHANGED, (e) => heard.push(e.departmentId));
  return { p, heard };
}

it(`delivers within a namespace and never across (${process.env.REDIS_URL ? "Redis" : "NOTIFY"})`, async () => {
  const a1 = await open("test_ns_a");
  const a2 = await open("test_ns_a");
  const b = await open("test_ns_b");
  const event = (id: string) => ({
    districtId: "d",
    departmentId: id,
    action: "created" as const,
    at: new Date(0).toISOString(),
  });
  a1.p.publish(Topic.DEPARTMENT_CHANGED, event("x"));
  // The publisher hears its own event through its own LISTEN connection too: under load, in
  // either order with the other process.
  await until(
    () => a1.heard.includes("x") && a2.heard.includes("x"),
    () =>
      `both processes of the deployment to hear x (heard: ${a1.heard.join(",") || "none"} / ${a2.heard.join(",") || "none"}; transports reported: ${troubles.join("; ") || "nothing"})`,
  );
  expect(a1.heard).toEqual(["x"]);
  if (!process.env.REDIS_URL) {
    // The deployment's connections carry its namespace, for operators and for tests that cut them.
    const { Client } = await import("pg");
    const c = new Client({ connectionString: url });
    await c.connect();
    const names = await c.query<{ name: string; n: number }>(
      `SELECT application_name AS name, count(*)::int AS n FROM pg_stat_activity
        WHERE application_name LIKE 'civic-grid-%/test_ns_a' GROUP BY 1 ORDER BY 1`,
    );
    await c.end();
    expect(names.rows).toEqual([
      { name: "civic-grid-listen/test_ns_a", n: 2 },
      { name: "civic-grid-notify/test_ns_a", n: 1 },
    ]);
  }
  // Had b heard a's channel, x would reach it before its own y (one connection, in order).
  b.p.publish(Topic.DEPARTMENT_CHANGED, event("y"));
  await until(() => b.heard.includes("y"), "b to hear its own event");
  expect(b.heard).toEqual(["y"]);
  expect(a2.heard).toEqual(["x"]);
});
