import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { ConfigError } from "../config";
import { compareConcurrent, comparePairs, type PairResult, type Plan } from "./measure";
import { createStack, gql, inTenant, type Stack, type Tenant } from "./stack";
import {
  TREE_WALK,
  TREE_WALK_FIRST,
  treeSize,
  treeWalkBySql,
  type TreeWalkData,
} from "./tree-walk";
import { CASE_LIST, CASE_LIST_VARIABLES, caseListBySql, type CaseListData } from "./case-list";
import { CREATE_CASE, createCaseBySql, createCaseInput, intakeFixture } from "./case-intake";

/**
 * `npm run bench`: the API over real HTTP against the floor a careful engineer would write by hand
 * over `pg`, both measured in the same run against the same database, and reported as ratios.
 * No timed assertion anywhere: the numbers are for reading, not for failing a build.
 */

const USAGE = `Usage: npm run bench [-- options]

Starts an embedded PostgreSQL in a throw-away directory with the demo data (or uses DATABASE_URL,
with MIGRATION_DATABASE_URL as the owner), the server on a free port of 127.0.0.1, runs each
scenario against its hand-written SQL peer, prints a table and writes bench/results.json.

Options:
  --quick        fewer iterations: a smoke run (under 30 s)
  --only <name>  scenarios whose name starts with <name> (comma-separated list allowed):
                 tree-walk, case-list, case-intake, case-intake-8
  --out <file>   where to write the results (default bench/results.json)
  -h, --help     this text`;

const DISTRICT = "mingshan";
/** The signal that interrupted the run, if any. */
let interrupted: string | null = null;
const CONCURRENCY = 8;

interface ScenarioReport extends PairResult {
  name: string;
  description: string;
  peerDescription: string;
  plan: Plan & { clients?: number };
  /** Whether the peer's answer equals the API's (read scenarios). */
  sameAnswer?: boolean;
  notes: string[];
}

interface Ctx {
  stack: Stack;
  tenantOf(role: string): Tenant;
  districtId: string;
  tokens: Record<"district_admin" | "command_center" | "operator", string>;
  runId: string;
  quick: boolean;
}

interface Scenario {
  name: string;
  run(ctx: Ctx): Promise<ScenarioReport>;
}

const plans = (quick: boolean) => ({
  treeWalk: quick
    ? { warmup: 2, iterations: 8, maxMs: 6_000 }
    : { warmup: 5, iterations: 60, maxMs: 30_000 },
  caseList: quick
    ? { warmup: 10, iterations: 50, maxMs: 3_000 }
    : { warmup: 40, iterations: 600, maxMs: 15_000 },
  intake: quick
    ? { warmup: 10, iterations: 50, maxMs: 3_000 }
    : { warmup: 40, iterations: 600, maxMs: 15_000 },
  intake8: quick
    ? { warmup: 16, iterations: 240, maxMs: 4_000, perClient: 10 }
    : { warmup: 48, iterations: 2_400, maxMs: 20_000, perClient: 25 },
});

/** Runs one API request and one peer operation alone, counting the SQL statements of each. */
async function probe<A, P>(
  ctx: Ctx,
  api: () => Promise<A>,
  peer: () => Promise<{ result: P; statements: number }>,
): Promise<{ api: A; peer: P; apiStatements: number; peerStatements: number }> {
  const before = ctx.stack.serverStatements();
  const a = await api();
  const apiStatements = ctx.stack.serverStatements() - before;
  const p = await peer();
  return { api: a, peer: p.result, apiStatements, peerStatements: p.statements };
}

const SCENARIOS: Scenario[] = [
  {
    name: "tree-walk",
    async run(ctx) {
      const plan = plans(ctx.quick).treeWalk;
      const tenant = ctx.tenantOf("district_admin");
      const api = () =>
        gql<TreeWalkData>(ctx.stack.url, ctx.tokens.district_admin, TREE_WALK, {
          first: TREE_WALK_FIRST,
        });
      const peer = () => inTenant(ctx.stack.peer, tenant, (c) => treeWalkBySql(c, ctx.districtId));
      const p = await probe(ctx, api, peer);
      const size = treeSize(p.api);
      const r = await comparePairs(
        plan,
        async () => void (await api()),
        async () => void (await peer()),
      );
      return {
        name: "tree-walk",
        description: `TreeWalk (first: ${TREE_WALK_FIRST}) over ${DISTRICT}'s whole tree as district_admin`,
        peerDescription:
          "one SELECT per level with = ANY($2) (street offices, communities, grids, staff ⋈ person) in a tenant transaction, assembled in JS",
        plan,
        ...r,
        api: { ...r.api, statements: p.apiStatements },
        peer: { ...r.peer, statements: p.peerStatements },
        sameAnswer: isDeepStrictEqual(p.api, p.peer),
        notes: [`${size.grids} grids, ${size.posts} posts`],
      };
    },
  },
  {
    name: "case-list",
    async run(ctx) {
      const plan = plans(ctx.quick).caseList;
      const tenant = ctx.tenantOf("command_center");
      const api = () =>
        gql<CaseListData>(ctx.stack.url, ctx.tokens.command_center, CASE_LIST, CASE_LIST_VARIABLES);
      const peer = () => inTenant(ctx.stack.peer, tenant, (c) => caseListBySql(c, ctx.districtId));
      const p = await probe(ctx, api, peer);
      const r = await comparePairs(
        plan,
        async () => void (await api()),
        async () => void (await peer()),
      );
      return {
        name: "case-list",
        description: `cases(first: ${CASE_LIST_VARIABLES.first}, status: [dispatched]) with assignments and complainant, as command_center`,
        peerDescription:
          "count, page (ORDER BY id DESC LIMIT 51), assignments ⋈ department with = ANY($2), in a tenant transaction, assembled in JS",
        plan,
        ...r,
        api: { ...r.api, statements: p.apiStatements },
        peer: { ...r.peer, statements: p.peerStatements },
        sameAnswer: isDeepStrictEqual(p.api, p.peer),
        notes: [
          `${p.api.cases.totalCount} dispatched cases, ${p.api.cases.edges.length} on the page`,
        ],
      };
    },
  },
  ...[1, CONCURRENCY].map((clients): Scenario => {
    const name = clients === 1 ? "case-intake" : `case-intake-${clients}`;
    return {
      name,
      async run(ctx) {
        const all = plans(ctx.quick);
        const tenant = ctx.tenantOf("operator");
        const { result: fixture } = await inTenant(ctx.stack.peer, tenant, (c) =>
          intakeFixture(c, ctx.districtId, DISTRICT),
        );
        const prefix = `bench-${ctx.runId}-${clients}`;
        const api = (i: number) =>
          gql<unknown>(ctx.stack.url, ctx.tokens.operator, CREATE_CASE, {
            input: createCaseInput(fixture, `${prefix}-api-${i}`, i),
          });
        const peer = (i: number) =>
          inTenant(ctx.stack.peer, tenant, (c) =>
            createCaseBySql(c, ctx.districtId, tenant.subject, fixture, `${prefix}-sql-${i}`, i),
          );
        const p = await probe(
          ctx,
          () => api(-1),
          () => peer(-1),
        );
        const plan = clients === 1 ? all.intake : all.intake8;
        const r =
          clients === 1
            ? await comparePairs(
                plan,
                async (i) => void (await api(i)),
                async (i) => void (await peer(i)),
              )
            : await compareConcurrent(
                plan,
                clients,
                all.intake8.perClient,
                async (i) => void (await api(i)),
                async (i) => void (await peer(i)),
              );
        return {
          name,
          description: `createCase (hotline, as operator), ${clients === 1 ? "one at a time" : `${clients} concurrent clients`}, a fresh idempotency key each`,
          peerDescription:
            "log head position, INSERT case, INSERT create event, in one tenant transaction",
          plan: { ...plan, clients },
          ...r,
          api: { ...r.api, statements: p.apiStatements },
          peer: { ...r.peer, statements: p.peerStatements },
          notes: [],
        };
      },
    };
  }),
];

// --- Report -------------------------------------------------------------------------------------

const fmt = (n: number, digits = 1) =>
  Number.isFinite(n)
    ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : "–";

function table(reports: ScenarioReport[]): string {
  const head = [
    "scenario",
    "side",
    "n",
    "median ms",
    "p95 ms",
    "ops/s",
    "stmts",
    "× median",
    "× p95",
    "× ops/s",
  ];
  const rows: string[][] = [];
  for (const r of reports) {
    rows.push([
      r.name,
      "API",
      String(r.api.n),
      fmt(r.api.medianMs, 2),
      fmt(r.api.p95Ms, 2),
      fmt(r.api.opsPerSec),
      String(r.api.statements ?? "–"),
      "",
      "",
      "",
    ]);
    rows.push([
      "",
      "SQL",
      String(r.peer.n),
      fmt(r.peer.medianMs, 2),
      fmt(r.peer.p95Ms, 2),
      fmt(r.peer.opsPerSec),
      String(r.peer.statements ?? "–"),
      fmt(r.ratio.median, 2),
      fmt(r.ratio.p95, 2),
      fmt(r.ratio.throughput, 2),
    ]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(head), ...rows.map(line)].join("\n");
}

// --- Main ---------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      only: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const wanted = values.only
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const selected = SCENARIOS.filter((s) => !wanted || wanted.some((w) => s.name.startsWith(w)));
  if (selected.length === 0) {
    console.error(
      `bench: --only ${values.only} matches no scenario (${SCENARIOS.map((s) => s.name).join(", ")})`,
    );
    return 2;
  }
  const out = path.resolve(
    values.out ?? path.join(__dirname, "..", "..", "..", "bench", "results.json"),
  );
  const quick = values.quick ?? false;
  const progress = (m: string) => console.error(m);
  const started = Date.now();

  progress(
    `bench: starting the database and the server (${process.env.DATABASE_URL ? "DATABASE_URL" : "embedded PostgreSQL, demo data"})…`,
  );
  const handle = createStack((m) => progress(`bench: ${m}`));
  const onSignal = (signal: string) => {
    if (interrupted) return;
    interrupted = signal;
    progress(`bench: ${signal}, stopping…`);
    void handle.stop().finally(() => process.exit(130));
  };
  process.on("SIGINT", () => onSignal("SIGINT"));
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  // Whatever goes wrong, the database is stopped and its directory removed.
  const onCrash = (err: unknown) => {
    console.error("bench failed:", err instanceof Error ? (err.stack ?? err.message) : err);
    void handle.stop().finally(() => process.exit(1));
  };
  process.on("uncaughtException", onCrash);
  process.on("unhandledRejection", onCrash);
  try {
    const stack = await handle.start();
    const [d] = (
      await stack.peer.query<{ id: string; code: string; city: string; pg: string }>(
        `SELECT d.id, d.code, c.code AS city, current_setting('server_version') AS pg
           FROM district d JOIN city c ON c.id = d.city_id WHERE d.code = $1`,
        [DISTRICT],
      )
    ).rows;
    if (!d) throw new Error(`the database has no district "${DISTRICT}" (the demo data)`);
    const roles = ["district_admin", "command_center", "operator"] as const;
    const tokens = Object.fromEntries(
      await Promise.all(roles.map(async (r) => [r, await stack.token(d, r)] as const)),
    ) as Ctx["tokens"];
    const ctx: Ctx = {
      stack,
      districtId: d.id,
      tokens,
      tenantOf: (role) => ({ districtId: d.id, subject: `${d.code}.${role}`, role }),
      runId: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
      quick,
    };
    progress(
      `bench: ready in ${((Date.now() - started) / 1000).toFixed(1)} s; ${quick ? "quick run" : "full run"}`,
    );

    const reports: ScenarioReport[] = [];
    for (const s of selected) {
      const t0 = Date.now();
      progress(`bench: ${s.name}…`);
      const r = await s.run(ctx);
      reports.push(r);
      progress(`bench: ${s.name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }

    const env = {
      database: stack.embedded ? "embedded PostgreSQL" : "DATABASE_URL",
      postgres: d.pg,
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
    };
    console.log(
      `\ncivic-grid bench (${quick ? "quick" : "full"}): ${env.database} ${env.postgres}, Node ${env.node}, ${env.cpus} CPUs, district ${DISTRICT}\n`,
    );
    console.log(table(reports));
    console.log("");
    for (const r of reports) {
      const same =
        r.sameAnswer === undefined
          ? ""
          : `; peer's answer ${r.sameAnswer ? "equals" : "DIFFERS FROM"} the API's`;
      console.log(
        `${r.name}: ${r.description}${r.notes.length ? ` (${r.notes.join("; ")})` : ""}${same}`,
      );
      console.log(`${" ".repeat(r.name.length)}  SQL peer: ${r.peerDescription}`);
    }
    console.log(
      [
        "",
        "API: real HTTP to the real server (the client runs in the same process).",
        "SQL: the hand-written peer over pg, as the server's role, in a tenant transaction.",
        "×: how many times slower the API is (latency API ÷ SQL, throughput SQL ÷ API).",
        "stmts: SQL statements of one operation, BEGIN, tenant settings and COMMIT included.",
      ].join("\n"),
    );
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(
      out,
      JSON.stringify(
        {
          startedAt: new Date(started).toISOString(),
          durationMs: Date.now() - started,
          mode: quick ? "quick" : "full",
          district: DISTRICT,
          environment: env,
          ratios: "API ÷ SQL peer for median and p95 latency; SQL peer ÷ API for throughput",
          scenarios: reports,
        },
        null,
        2,
      ) + "\n",
    );
    console.log(
      `\nwritten: ${path.relative(process.cwd(), out) || out}; total ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return reports.some((r) => r.sameAnswer === false) ? 1 : 0;
  } finally {
    await handle.stop();
  }
}

main().then(
  (code) => process.exit(interrupted ? 130 : code),
  (err) => {
    // After a signal, the failures of the interrupted scenario are expected: the database is gone.
    if (interrupted) process.exit(130);
    if (err instanceof ConfigError) console.error(`bench: configuration error: ${err.message}`);
    else console.error("bench failed:", err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
