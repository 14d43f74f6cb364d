import "reflect-metadata";
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { prepareBenchDatabase, rssOf, startServerProcess } from "./server-process";

const USAGE = `Usage: npm run bench:fanout [-- options]

Live fan-out through the public API: N graphql-ws subscribers of one district (each its own
connection, account and caseCreated subscription, spread over client processes) and a steady rate
of case intakes over HTTP, against one or two server processes. Reports connected, delivered, lost,
duplicated, delivery latency after the mutation returned (p50/p99), intake latency (p50/p99) and
the servers' memory, prints a table row and appends it to bench/fanout-results.json.

Options:
  --subscribers N   subscribers (default 1000)
  --rate R          intakes per second (default 20)
  --duration D      seconds of intake (default 20)
  --processes P     server processes, 1 or 2 (default 1)
  --pubsub M        memory (one process), postgres (NOTIFY) or redis (REDIS_URL); default memory
                    for one process, postgres for two
  --clients C       client processes (default: one per 2,500 subscribers)
  --profile DIR     write the servers' CPU profiles (.cpuprofile) into DIR
  -h, --help        this text

Uses DATABASE_URL (MIGRATION_DATABASE_URL as owner) when set, otherwise an embedded PostgreSQL in a
throw-away directory, with the demo data (district mingshan).`;

const DISTRICT = "mingshan";
const dist = path.join(__dirname);

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const { values } = parseArgs({
    options: {
      subscribers: { type: "string", default: "1000" },
      rate: { type: "string", default: "20" },
      duration: { type: "string", default: "20" },
      processes: { type: "string", default: "1" },
      pubsub: { type: "string" },
      clients: { type: "string" },
      profile: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return console.log(USAGE);
  const subscribers = Number(values.subscribers);
  const rate = Number(values.rate);
  const duration = Number(values.duration);
  const processes = Number(values.processes);
  const pubsub = values.pubsub ?? (processes > 1 ? "postgres" : "memory");
  const clientProcs = Number(values.clients ?? Math.max(1, Math.ceil(subscribers / 2500)));
  if (
    ![subscribers, rate, duration, processes, clientProcs].every((n) => Number.isFinite(n) && n > 0)
  )
    throw new Error(`options must be positive numbers\n\n${USAGE}`);
  if (pubsub === "memory" && processes > 1)
    throw new Error("two processes need --pubsub postgres or redis");
  if (pubsub === "redis" && !process.env.REDIS_URL)
    throw new Error("--pubsub redis needs REDIS_URL");

  const progress = (m: string) => process.stderr.write(`${m}\n`);
  const children: ChildProcess[] = [];
  const cleanups: Array<() => Promise<unknown>> = [];
  const stopAll = async () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  };
  process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));

  try {
    // The database, as npm start prepares it, with the demo data.
    progress("fanout: preparing the database (migrations, demo data)…");
    const db = await prepareBenchDatabase("fanout");
    cleanups.push(() => db.stop());

    // The servers.
    const servers: Array<{ child: ChildProcess; url: string; wsUrl: string; status: string }> = [];
    for (let i = 0; i < processes; i++) {
      const server = await startServerProcess({
        db,
        profileDir: values.profile,
        env: {
          FANOUT_PUBSUB: pubsub,
          WS_SUBSCRIPTIONS_PER_CONNECTION: "10",
          WS_SUBSCRIPTIONS_PER_PRINCIPAL: "10",
          WS_CONNECTIONS_PER_PRINCIPAL: "10",
        },
      });
      children.push(server.child);
      servers.push({ ...server, status: server.statusUrl });
    }
    const status = async () =>
      Promise.all(
        servers.map(async (s) => (await (await fetch(s.status)).json()) as { live: number }),
      );
    const sign = (sub: string, role: string) => db.sign({ sub, role, district: DISTRICT });

    // The subscribers.
    progress(
      `fanout: ${subscribers} subscribers over ${clientProcs} client processes, ${processes} server process(es), pub/sub ${pubsub}`,
    );
    const tokens: string[] = [];
    for (let i = 0; i < subscribers; i++)
      tokens.push(await sign(`bench-cc-${i}`, "command_center"));
    const per = Math.ceil(subscribers / clientProcs);
    const clients: ChildProcess[] = [];
    const started: Array<Promise<void>> = [];
    for (let k = 0; k < clientProcs; k++) {
      const child = fork(path.join(dist, "fanout-client.js"), [], { stdio: "inherit" });
      children.push(child);
      clients.push(child);
      started.push(
        new Promise((resolve) =>
          child.on("message", (m: { type: string }) => m.type === "started" && resolve()),
        ),
      );
      child.send({
        type: "start",
        urls: servers.map((s) => s.wsUrl),
        tokens: tokens.slice(k * per, (k + 1) * per),
        offset: k * per,
      });
    }
    const t0 = Date.now();
    await Promise.all(started);
    let live = 0;
    for (let waited = 0; waited < 120_000; waited += 200) {
      live = (await status()).reduce((n, s) => n + s.live, 0);
      if (live >= subscribers) break;
      await sleep(200);
    }
    progress(`fanout: ${live} subscriptions live in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const ask = <T>(c: ChildProcess, type: string) =>
      new Promise<T>((resolve) => {
        const on = (m: { type: string }) => {
          if (m.type !== type) return;
          c.off("message", on);
          resolve(m as T);
        };
        c.on("message", on);
        c.send({ type });
      });
    const counts = async () =>
      (
        await Promise.all(
          clients.map((c) => ask<{ delivered: number; errors: number }>(c, "count")),
        )
      ).reduce((a, b) => ({ delivered: a.delivered + b.delivered, errors: a.errors + b.errors }));

    // The intakes: open loop, one every 1/rate s, spread over the servers.
    const operator = await sign(`${DISTRICT}.operator`, "operator");
    const total = Math.round(rate * duration);
    const returnedAt = new Map<string, number>();
    const intake: number[] = [];
    let failed = 0;
    let maxRss = 0;
    const rssTimer = setInterval(() => {
      for (const s of servers) maxRss = Math.max(maxRss, rssOf(s.child.pid!));
    }, 250);
    const begin = Date.now();
    const inflight: Array<Promise<void>> = [];
    for (let i = 0; i < total; i++) {
      const due = begin + (i * 1000) / rate;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      const s = servers[i % servers.length];
      inflight.push(
        (async () => {
          const sent = Date.now();
          try {
            const res = await fetch(s.url, {
              method: "POST",
              headers: { "content-type": "application/json", authorization: `Bearer ${operator}` },
              body: JSON.stringify({
                query: `mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }`,
                variables: {
                  i: { channel: "hotline", categoryCode: "roads", description: `压力测试 ${i}` },
                },
              }),
            });
            const body = (await res.json()) as { data?: { createCase: { id: string } } };
            const done = Date.now();
            if (!body.data?.createCase) failed += 1;
            else {
              returnedAt.set(body.data.createCase.id, done);
              intake.push(done - sent);
            }
          } catch {
            failed += 1;
          }
        })(),
      );
    }
    await Promise.all(inflight);
    const expected = returnedAt.size * subscribers;
    // Deliveries still on their way: wait while they keep coming (a bench may wait; a test may not).
    let last = -1;
    for (let still = 0; still < 20;) {
      const c = await counts();
      if (c.delivered >= expected) break;
      still = c.delivered === last ? still + 1 : 0;
      last = c.delivered;
      await sleep(500);
    }
    clearInterval(rssTimer);

    // What arrived, against what was taken in.
    const latencies: number[] = [];
    let delivered = 0;
    let duplicated = 0;
    let lost = 0;
    let foreign = 0;
    for (const c of clients) {
      const { received } = await ask<{ received: Array<{ ids: string[]; at: number[] }> }>(
        c,
        "report",
      );
      for (const r of received) {
        const seen = new Set<string>();
        r.ids.forEach((id, j) => {
          const ret = returnedAt.get(id);
          if (ret === undefined) {
            foreign += 1; // a case of another run or another source
            return;
          }
          if (seen.has(id)) duplicated += 1;
          else {
            seen.add(id);
            delivered += 1;
            latencies.push(r.at[j] - ret);
          }
        });
        lost += returnedAt.size - seen.size;
      }
    }
    latencies.sort((a, b) => a - b);
    intake.sort((a, b) => a - b);
    const rssAfter = servers.reduce((n, s) => n + rssOf(s.child.pid!), 0);
    const result = {
      at: new Date().toISOString(),
      subscribers,
      rate,
      duration,
      processes,
      pubsub,
      clientProcesses: clientProcs,
      connected: live,
      intakes: returnedAt.size,
      intakeFailures: failed,
      expected,
      delivered,
      lost,
      duplicated,
      foreign,
      deliveriesPerSecond: Math.round(delivered / duration),
      deliveryMs: { p50: pct(latencies, 50), p99: pct(latencies, 99), max: latencies.at(-1) },
      intakeMs: { p50: pct(intake, 50), p99: pct(intake, 99) },
      serverRssMB: { max: Math.round(maxRss / 2 ** 20), end: Math.round(rssAfter / 2 ** 20) },
      cpus: os.cpus().length,
      loadavg: os.loadavg().map((l) => Math.round(l * 10) / 10),
    };
    console.log(
      [
        "| subscribers | intakes/s | processes | pub/sub | connected | delivered | lost | dup | delivery p50/p99 | intake p50/p99 | server RSS max |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        `| ${subscribers} | ${rate} | ${processes} | ${pubsub} | ${live} | ${delivered} of ${expected} | ${lost} | ${duplicated} | ${result.deliveryMs.p50} / ${result.deliveryMs.p99} ms | ${result.intakeMs.p50} / ${result.intakeMs.p99} ms | ${result.serverRssMB.max} MB |`,
      ].join("\n"),
    );
    const out = path.resolve("bench/fanout-results.json");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const all = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, "utf8")) as unknown[]) : [];
    all.push(result);
    fs.writeFileSync(out, JSON.stringify(all, null, 2) + "\n");
    for (const c of clients) c.send({ type: "stop" });
  } finally {
    await sleep(300);
    await stopAll();
  }
}

main().catch((err) => {
  console.error(`bench:fanout: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
