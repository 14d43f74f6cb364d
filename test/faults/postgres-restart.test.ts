import { liveSubscriptions, startTestServer, type TestServer } from "../helpers/server";
import { testClock, until } from "../helpers/clock";
import { closeFactories } from "../factories";
import { buildCaseWorld } from "../factories/cases";
import { startSweeper } from "../../src/modules/cases/deadline.sweeper";
import { fromGlobalId } from "../../src/common/ids";
import { type OwnPostgres } from "./own-postgres";
import { startMigratedPostgres, type MigratedPostgres } from "../helpers/migrated-postgres";
import { callStream, createCase, stored, watcher } from "./clients";

/**
 * PostgreSQL goes away under running servers and comes back. This file has a PostgreSQL of its
 * own (the run's shared one, or CI's DATABASE_URL, must not be stopped) holding only the schema
 * and the tenants its factories build.
 */
let db: MigratedPostgres;
let pg: OwnPostgres;
let appUrl: string;
/** What a test started, stopped after it even when it fails half-way (last started, first stopped). */
const cleanups: Array<() => Promise<unknown> | void> = [];

/** A PostgreSQL restart takes seconds, more on a loaded machine. */
const RESTART_CEILING_MS = 60_000;

beforeAll(async () => {
  db = await startMigratedPostgres("faults");
  ({ pg, appUrl } = db);
}, 120_000);

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await Promise.resolve(c()).catch(() => undefined);
});

afterAll(async () => {
  await closeFactories();
  await db?.remove();
});

/**
 * A server on this file's database. REDIS_URL is set aside: events travel in memory, or, with
 * `shared`, through this database's LISTEN/NOTIFY, as between the processes of a deployment.
 */
async function serve(shared: boolean): Promise<TestServer> {
  const s = await startTestServer({ REDIS_URL: "" }, { databaseUrl: appUrl, sharedPubSub: shared });
  cleanups.push(() => s.close());
  return s;
}

/** A tenant built before the outage; the factories' pool is closed again, as the restart would cut it. */
async function world() {
  const w = await buildCaseWorld();
  await closeFactories();
  return w;
}

async function readyz(server: TestServer): Promise<number> {
  const url = server.url.replace("/graphql", "/readyz");
  return (await fetch(url, { signal: AbortSignal.timeout(30_000) })).status;
}

const uuidOf = (globalId: string) => fromGlobalId(globalId)!.id;

it.each([
  ["in memory", false],
  ["between processes through LISTEN/NOTIFY", true],
])(
  "PostgreSQL restarts under a stream of createCase (events %s): coded errors, nothing half-written, no event lost or doubled",
  async (_how, shared) => {
    const w = await world();
    const server = await serve(shared);
    // With events between processes, the command centers are connected to another process.
    const reader = shared ? await serve(true) : server;
    // The deadline watcher runs through the outage too.
    const sweeps: string[] = [];
    const sweeper = startSweeper({
      dataSource: server.dataSource,
      pubSub: server.pubSub,
      log: { error: () => undefined },
      intervalMs: 100,
      clock: testClock,
      only: [w.district.id],
      watch: { started: () => undefined, ran: (r) => void sweeps.push(r.outcome) },
    });
    const steady = watcher(reader, w.tokens.command);
    const away = watcher(reader, w.tokens.command);
    cleanups.push(sweeper.stop, steady.pause, away.pause);
    steady.resume();
    away.resume();
    await liveSubscriptions(reader, "caseCreated", 2);
    expect(await readyz(server)).toBe(200);

    const calls = callStream(server, w, 3);
    cleanups.push(() => calls.stop());
    await until(() => calls.ok() >= 6 && away.ids.length >= 3, "cases before the outage");
    // One command center goes away before the outage and comes back after it.
    await away.pause();

    await pg.stop();
    await until(async () => (await readyz(server)) === 503, "/readyz to answer 503");
    await until(() => calls.failed() >= 3, "calls failing while PostgreSQL is down");
    await until(() => sweeps.includes("failed"), "a failed sweep");
    await pg.start();
    await until(
      async () => (await readyz(server)) === 200,
      "/readyz to answer 200",
      RESTART_CEILING_MS,
    );
    const recovered = calls.ok();
    await until(() => calls.ok() >= recovered + 6, "calls succeeding again", RESTART_CEILING_MS);
    await calls.stop();

    // Every failure is the coded, retryable one: no INTERNAL_SERVER_ERROR, no other code.
    const failures = calls.attempts.filter((a) => !a.id);
    expect(failures.length).toBeGreaterThanOrEqual(3);
    expect(new Set(failures.map((a) => a.code))).toEqual(new Set(["SERVICE_UNAVAILABLE"]));
    expect(new Set(failures.map((a) => a.retryAfter))).toEqual(new Set([2]));
    expect(new Set(failures.map((a) => a.status))).toEqual(new Set([503]));

    // Retried with its key, each failed call gives exactly one case: the one that committed
    // before its answer was lost, or a new one; a key that succeeded gives its case again.
    for (const a of failures) {
      const again = await createCase(server, w, a.key);
      expect(again.code).toBeUndefined();
      a.id = again.id;
    }
    const sample = calls.attempts.find((a) => a.id && !failures.includes(a))!;
    expect((await createCase(server, w, sample.key)).id).toBe(sample.id);

    // One whole case per key: its number given, its create event logged, counters that agree
    // with the log.
    const { cases, counters } = await stored(w);
    expect(cases.map((c) => c.key).sort()).toEqual(calls.attempts.map((a) => a.key).sort());
    expect(cases.filter((c) => c.creates !== 1 || c.number.startsWith("pending-"))).toEqual([]);
    expect(counters).toEqual([]);
    const byKey = new Map(cases.map((c) => [c.key, c.id]));
    for (const a of calls.attempts) expect(uuidOf(a.id!)).toBe(byKey.get(a.key));

    // The command center that stayed and the one that came back from its cursor each see every
    // case once. A case whose commit outlived its connection was never announced: the district's
    // next event brings it to live subscribers, so one more case is taken in.
    away.resume();
    const last = await createCase(server, w, "after-the-retries");
    expect(last.code).toBeUndefined();
    const all = new Set([...cases.map((c) => c.id), uuidOf(last.id!)]);
    for (const [name, watch] of [
      ["the command center that stayed", steady],
      ["the command center that came back", away],
    ] as const) {
      await until(() => watch.ids.length >= all.size, `${name} to see ${all.size} cases`);
      const seen = watch.ids.map(uuidOf);
      expect(seen.length).toBe(new Set(seen).size);
      expect(new Set(seen)).toEqual(all);
    }

    // The deadline watcher went on after its failed sweeps.
    await until(
      () => sweeps.lastIndexOf("ok") > sweeps.lastIndexOf("failed"),
      "a sweep after the outage",
    );
  },
);

it("a database that stops answering: /readyz says so within its own timeout, and ready again after", async () => {
  const w = await world();
  const server = await serve(false);
  expect(await readyz(server)).toBe(200);
  // Every PostgreSQL process suspended: connections stay open, and nothing answers on them.
  pg.freeze();
  cleanups.push(() => pg.thaw());
  const res = await fetch(server.url.replace("/graphql", "/readyz"), {
    signal: AbortSignal.timeout(30_000),
  });
  pg.thaw();
  expect(res.status).toBe(503);
  expect(await res.json()).toEqual({ status: "database did not answer in time" });
  await until(async () => (await readyz(server)) === 200, "/readyz to answer 200 again");
  expect((await createCase(server, w, "after-the-freeze")).id).toBeDefined();
});
