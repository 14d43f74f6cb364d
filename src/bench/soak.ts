import "reflect-metadata";
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { parse } from "graphql";
import { createSchema } from "../schema";
import { operationCost } from "../security/cost";
import { loadSecurityConfig } from "../security/config";
import { limitsFor } from "../security/limits";
import { prepareBenchDatabase, rssOf, startServerProcess } from "./server-process";
import {
  ABUSIVE,
  coverage,
  DISTRICT,
  ordinaryTraffic,
  WALK,
  WALK_PAGES,
  WALKER_ROLE,
  type Ordinary,
  type Walked,
} from "./soak-queries";
import { type WalkTick } from "./soak-walkers";
import {
  DEFAULT_VERDICT,
  intervalLine,
  spread,
  summarize,
  summaryLines,
  type IntervalRow,
} from "./soak-report";

const USAGE = `Usage: npm run soak [-- options]

Holds a mixed load against the server, run as a process of its own (NODE_ENV=production) with the
demo data and the limits of the environment (the defaults unless QUERY_LIMITS, HEAVY_*,
RATE_LIMIT_* … are set):
ordinary traffic ({ me { role } }, a command center's case list, a grid page) from several
accounts, N whole-tree walks kept in flight by N accounts of district staff, and abusive requests
(1,000 aliases, depth 100, a 100k-token document, 20 aliased grid pages from a resident, NUL
characters, malformed JSON). The walkers run in a process of their own at a lower CPU priority.
Prints a line per interval (ordinary latency, walks by outcome,
abusive refusals, the server's memory and CPU) and a summary with a verdict; exits with 1 when
the verdict is FAIL.

Options:
  --duration S     seconds of load (default 180; 20 with --quick)
  --walks N        whole-tree walks in flight (default 200)
  --interval S     seconds per report line (default 10; 5 with --quick)
  --rate R         { me { role } } requests per second (default 20)
  --abuse R        abusive requests per second (default 5)
  --rss-bound MB   the server's memory bound for the verdict (default ${DEFAULT_VERDICT.rssBoundMB})
  --json FILE      append the results to FILE (a JSON array)
  --heap MB        cap the server's V8 heap (--max-old-space-size; default: Node's own)
  --retry-after    walkers wait out a refusal's Retry-After (default: they send again at once)
  --profile DIR    write the server's CPU profile (.cpuprofile) into DIR
  --quick          a short smoke run (~20 s of load)
  -h, --help       this text`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MB = 2 ** 20;
const r1 = (n: number) => Math.round(n * 10) / 10;

/** One request over HTTP: its latency, and `ok` or the first error's code. */
async function send(url: string, token: string | null, body: string) {
  const t0 = performance.now();
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  let code: string;
  let json: { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> } = {};
  try {
    const res = await fetch(url, { method: "POST", headers, body });
    const text = await res.text();
    try {
      json = JSON.parse(text) as typeof json;
      code = json.errors?.[0]?.extensions?.code ?? (json.data ? "ok" : `HTTP_${res.status}`);
    } catch {
      code = `HTTP_${res.status}`;
    }
  } catch {
    code = "FETCH_FAILED";
  }
  return { ms: performance.now() - t0, code, data: json.data };
}

/** The first sample of `name` in Prometheus text (0 when absent). */
function metric(text: string, name: string): number {
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "m").exec(text);
  return m ? Number(m[1]) : 0;
}

type GridPage = {
  district?: { grids?: { pageInfo: { hasNextPage: boolean; endCursor: string } } };
};

/** Runs the soak; resolves with whether the verdict passed (undefined: nothing was run). */
async function main(): Promise<boolean | undefined> {
  const { values } = parseArgs({
    options: {
      duration: { type: "string" },
      walks: { type: "string", default: "200" },
      interval: { type: "string" },
      rate: { type: "string", default: "20" },
      abuse: { type: "string", default: "5" },
      "rss-bound": { type: "string", default: String(DEFAULT_VERDICT.rssBoundMB) },
      json: { type: "string" },
      profile: { type: "string" },
      "retry-after": { type: "boolean" },
      heap: { type: "string" },
      quick: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return undefined;
  }
  const duration = Number(values.duration ?? (values.quick ? 20 : 180));
  const interval = Number(values.interval ?? (values.quick ? 5 : 10));
  const walks = Number(values.walks);
  const meRate = Number(values.rate);
  const abuseRate = Number(values.abuse);
  const verdict = { ...DEFAULT_VERDICT, rssBoundMB: Number(values["rss-bound"]) };
  if (
    ![duration, interval, walks, meRate, abuseRate, verdict.rssBoundMB].every(
      (n) => Number.isFinite(n) && n > 0,
    ) ||
    interval > duration
  )
    throw new Error(
      `options must be positive numbers, the interval at most the duration\n\n${USAGE}`,
    );
  const progress = (m: string) => process.stderr.write(`soak: ${m}\n`);

  // The walk, weighed as the server will weigh it, against the limits the server will load.
  const security = loadSecurityConfig(process.env, true, (m) => new Error(m));
  const walkCost = Math.ceil(operationCost(await createSchema(), parse(WALK), null, {}));
  const budget = limitsFor(security.limits, WALKER_ROLE).cost;
  const gate = security.workGate;
  progress(
    `the walk costs ${walkCost} (${WALKER_ROLE}'s budget ${budget}; heavy above ${gate.heavyCost}, ` +
      `${gate.heavySlots} heavy slots, cost in flight ${gate.heavyCostInFlight ?? "unbounded"}, ` +
      `queue ${gate.heavyQueue}, wait ${gate.queueWaitMs} ms; ` +
      `rate per account ${JSON.stringify(security.rate.subject)}, per district ${JSON.stringify(security.rate.district)})`,
  );

  const cleanups: Array<() => Promise<unknown>> = [];
  const stopAll = async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => undefined);
  };
  process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));
  try {
    progress("preparing the database (migrations, demo data)…");
    const db = await prepareBenchDatabase("soak");
    cleanups.push(() => db.stop());
    const server = await startServerProcess({
      db,
      profileDir: values.profile,
      nodeFlags: values.heap ? [`--max-old-space-size=${Number(values.heap)}`] : [],
      // As deployed: production mode (graphql-js skips its development checks).
      env: { FANOUT_PUBSUB: "memory", NODE_ENV: "production" },
    });
    cleanups.push(() => server.stop());
    const pid = server.child.pid!;
    const sign = (sub: string, role: string) => db.sign({ sub, role, district: DISTRICT });

    // One walk alone first: it must run, and hold the whole tree.
    const check = await send(
      server.url,
      await sign("soak.check", WALKER_ROLE),
      JSON.stringify({ query: WALK }),
    );
    if (check.code !== "ok") throw new Error(`the walk alone was answered ${check.code}`);
    const cov = coverage(check.data as Walked);
    if (!cov.whole)
      throw new Error(`the walk's pages (${JSON.stringify(WALK_PAGES)}) cut the tree`);
    progress(
      `the walk alone: ${Math.round(check.ms)} ms, ${cov.grids} grids, ${cov.posts} posts (the whole tree)`,
    );

    // The load.
    const streams = await Promise.all(
      ordinaryTraffic(meRate).map(async (o: Ordinary) => ({
        ...o,
        tokens: await Promise.all(
          Array.from({ length: 4 }, (_, k) => sign(`soak.${o.name}.${o.role}.${k}`, o.role)),
        ),
        sent: 0,
        cursor: null as string | null,
      })),
    );
    const abusers = new Map<string | null, string | null>([[null, null]]);
    for (const a of ABUSIVE)
      if (a.role && !abusers.has(a.role))
        abusers.set(a.role, await sign(`soak.abuser.${a.role}`, a.role));
    const walkerTokens = await Promise.all(
      Array.from({ length: walks }, (_, i) => sign(`soak.walker.${i}`, WALKER_ROLE)),
    );
    const walkers = fork(path.join(__dirname, "soak-walkers.js"), [], { stdio: "inherit" });
    // Clients of a deployment do not share its CPU: on one machine the walkers take what the
    // server leaves (nice 10) rather than compete with it; the ordinary probe runs as usual.
    try {
      os.setPriority(walkers.pid!, 10);
    } catch {
      progress("could not lower the walkers' priority; they share the CPU with the server");
    }
    cleanups.push(async () => {
      walkers.send({ type: "stop" });
      await Promise.race([new Promise((r) => walkers.once("exit", r)), sleep(5_000)]);
      if (walkers.exitCode === null) walkers.kill();
    });
    const tick = () =>
      new Promise<WalkTick>((resolve) => {
        walkers.once("message", (m: WalkTick) => resolve(m));
        walkers.send({ type: "tick" });
      });

    let me: number[] = [];
    let lists: number[] = [];
    let ordinaryFailed: Record<string, number> = {};
    let abusive = { sent: 0, refused: 0, unexpected: 0 };
    const abusiveAll = ABUSIVE.map((a) => ({
      ...a,
      ms: [] as number[],
      unexpected: {} as Record<string, number>,
    }));
    const pending = new Set<Promise<unknown>>();
    const track = (p: Promise<unknown>) => {
      pending.add(p);
      void p.finally(() => pending.delete(p));
    };
    const timers: NodeJS.Timeout[] = [];
    for (const s of streams) {
      timers.push(
        setInterval(() => {
          const token = s.tokens[s.sent++ % s.tokens.length];
          const variables = s.name === "grids" ? { after: s.cursor } : undefined;
          track(
            send(server.url, token, JSON.stringify({ query: s.query, variables })).then((r) => {
              if (r.code !== "ok") ordinaryFailed[r.code] = (ordinaryFailed[r.code] ?? 0) + 1;
              else (s.name === "me" ? me : lists).push(r.ms);
              const page = (r.data as GridPage | undefined)?.district?.grids?.pageInfo;
              if (page) s.cursor = page.hasNextPage ? page.endCursor : null;
            }),
          );
        }, 1000 / s.rate),
      );
    }
    let abuseSent = 0;
    timers.push(
      setInterval(() => {
        const a = abusiveAll[abuseSent++ % abusiveAll.length];
        abusive.sent++;
        track(
          send(server.url, abusers.get(a.role) ?? null, a.body).then((r) => {
            a.ms.push(r.ms);
            if (r.code === a.code) abusive.refused++;
            else {
              abusive.unexpected++;
              a.unexpected[r.code] = (a.unexpected[r.code] ?? 0) + 1;
            }
          }),
        );
      }, 1000 / abuseRate),
    );
    walkers.send({
      type: "start",
      url: server.url,
      tokens: walkerTokens,
      body: JSON.stringify({ query: WALK }),
      obeyRetryAfter: !!values["retry-after"],
    });

    const started = performance.now();
    const since = () => (performance.now() - started) / 1000;
    const rss: Array<{ x: number; y: number }> = [];
    const heap: Array<{ x: number; y: number }> = [];
    timers.push(setInterval(() => rss.push({ x: since() / 60, y: rssOf(pid) / MB }), 1000));
    const rows: IntervalRow[] = [];
    const allMe: number[] = [];
    const allLists: number[] = [];
    const failedTotal: Record<string, number> = {};
    const walksTotal: Record<string, number> = {};
    let cpuBefore = metric(
      await (await fetch(server.metricsUrl)).text(),
      "process_cpu_seconds_total",
    );
    let scrapedAt = since();
    progress(`${walks} walks in flight, ${duration} s of load, a line every ${interval} s`);
    for (let t = interval; t <= duration + 1e-9; t += interval) {
      await sleep(Math.max(0, started + t * 1000 - performance.now()));
      const [w, text] = await Promise.all([tick(), (await fetch(server.metricsUrl)).text()]);
      const cpu = metric(text, "process_cpu_seconds_total");
      const now = since();
      const heapMB = metric(text, "nodejs_heap_size_used_bytes") / MB;
      heap.push({ x: since() / 60, y: heapMB });
      const row: IntervalRow = {
        t: Math.round(now),
        me: spread(me),
        lists: { n: lists.length, p95: spread(lists).p95 },
        ordinaryFailed,
        walks: w.outcomes,
        walkOkP50: spread(w.okMs).p50,
        walksInFlight: w.inFlight,
        abusive,
        rssMB: rssOf(pid) / MB,
        heapMB,
        cpuPct: ((cpu - cpuBefore) / (now - scrapedAt)) * 100,
        loopP99Ms: metric(text, "nodejs_eventloop_lag_p99_seconds") * 1000,
        poolWaiting: metric(text, "civic_grid_db_pool_waiting_requests"),
        load1: r1(os.loadavg()[0]),
      };
      cpuBefore = cpu;
      scrapedAt = now;
      rows.push(row);
      console.log(intervalLine(row));
      allMe.push(...me);
      allLists.push(...lists);
      for (const [k, v] of Object.entries(ordinaryFailed))
        failedTotal[k] = (failedTotal[k] ?? 0) + v;
      for (const [k, v] of Object.entries(w.outcomes)) walksTotal[k] = (walksTotal[k] ?? 0) + v;
      me = [];
      lists = [];
      ordinaryFailed = {};
      abusive = { sent: 0, refused: 0, unexpected: 0 };
    }
    for (const t of timers) clearInterval(t);
    await Promise.allSettled([...pending]);

    // The summary and the verdict.
    const summary = summarize({
      rows,
      me: allMe,
      lists: allLists,
      ordinaryFailed: failedTotal,
      walks: walksTotal,
      abusive: abusiveAll,
      rss,
      heap,
      durationS: duration,
      verdict,
    });
    for (const line of summaryLines(summary, verdict)) console.log(line);

    if (values.json) {
      const out = path.resolve(values.json);
      const all = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, "utf8")) as unknown[]) : [];
      all.push({
        at: new Date().toISOString(),
        options: {
          duration,
          interval,
          walks,
          meRate,
          abuseRate,
          obeyRetryAfter: !!values["retry-after"],
          heapMB: values.heap ? Number(values.heap) : null,
        },
        walk: { cost: walkCost, budget, aloneMs: Math.round(check.ms), ...cov },
        workGate: gate,
        rate: security.rate,
        verdict,
        summary,
        intervals: rows,
        cpus: os.cpus().length,
        loadavg: os.loadavg().map((l) => r1(l)),
      });
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, JSON.stringify(all, null, 2) + "\n");
    }
    return summary.pass;
  } finally {
    await stopAll();
  }
}

main().then(
  (pass) => process.exit(pass === false ? 1 : 0),
  (err) => {
    console.error(`soak: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
