import { isDeepStrictEqual } from "node:util";
import {
  compareConcurrent,
  comparePairs,
  compareSustained,
  type PairResult,
  type Plan,
} from "./measure";
import { gql, inTenant, type Stack, type Tenant } from "./stack";
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
 * The scenarios of `npm run bench`: each an API operation and its hand-written SQL peer, probed
 * once alone (statements, same answer) and then timed side by side.
 */

/** The demo district the scenarios run in. */
export const DISTRICT = "mingshan";
const CONCURRENCY = 8;
/** The clients of the sustained intake: more than the server's pool, as a busy hotline's. */
const SUSTAINED = 32;

export interface ScenarioReport extends PairResult {
  name: string;
  description: string;
  peerDescription: string;
  plan: Plan & { clients?: number };
  /** Whether the peer's answer equals the API's (read scenarios). */
  sameAnswer?: boolean;
  notes: string[];
}

export interface Ctx {
  stack: Stack;
  tenantOf(role: string): Tenant;
  districtId: string;
  tokens: Record<"district_admin" | "command_center" | "operator", string>;
  runId: string;
  quick: boolean;
}

export interface Scenario {
  name: string;
  run(ctx: Ctx): Promise<ScenarioReport>;
}

/**
 * The full run's warm-ups are where V8's optimising of the API's code had mostly died down
 * (counted with `--trace-opt`, docs/performance.md "Warm-up"): the list about 2,500 requests in, an intake
 * about 2,000. The tree walk's fields run thousands of times in each request and are optimised
 * within a few; its per-request code is not warm after 20, but is little of a 35-100 ms request.
 * The full run measures 300 tree walks a side: with the 60 it measured before, its p99 was the
 * slowest walk of the run (nearest rank) and its p95 the fourth slowest, so a single slow walk (a
 * stall of the machine; before the read audit kept each set of ids once, a merge of its GIN
 * pending list: docs/performance.md "Where the ratios stand") decided them; at 300 they are the fourth and the
 * sixteenth slowest, when all 300 are measured within the cap (500 ms a pair, as before; a pair
 * takes 55-155 ms on the machines measured so far). The quick run is a smoke test and measures
 * cold.
 */
const plans = (quick: boolean) => ({
  treeWalk: quick
    ? { warmup: 2, iterations: 8, maxMs: 6_000 }
    : { warmup: 20, iterations: 300, maxMs: 150_000 },
  caseList: quick
    ? { warmup: 10, iterations: 50, maxMs: 3_000 }
    : { warmup: 2_500, iterations: 600, maxMs: 15_000 },
  intake: quick
    ? { warmup: 10, iterations: 50, maxMs: 3_000 }
    : { warmup: 2_000, iterations: 600, maxMs: 15_000 },
  intake8: quick
    ? { warmup: 16, iterations: 240, maxMs: 4_000, perClient: 10 }
    : { warmup: 2_000, iterations: 2_400, maxMs: 20_000, perClient: 25 },
  intake32: quick
    ? { warmup: 64, iterations: 2_000, maxMs: 4_000, phaseMs: 1_000 }
    : { warmup: 2_000, iterations: 20_000, maxMs: 24_000, phaseMs: 4_000 },
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

export const SCENARIOS: Scenario[] = [
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
  ...[1, CONCURRENCY, SUSTAINED].map((clients): Scenario => {
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
        const plan =
          clients === 1 ? all.intake : clients === SUSTAINED ? all.intake32 : all.intake8;
        const apiOp = async (i: number) => void (await api(i));
        const peerOp = async (i: number) => void (await peer(i));
        const r =
          clients === 1
            ? await comparePairs(plan, apiOp, peerOp)
            : clients === SUSTAINED
              ? await compareSustained(all.intake32, clients, apiOp, peerOp)
              : await compareConcurrent(plan, clients, all.intake8.perClient, apiOp, peerOp);
        return {
          name,
          description: `createCase (hotline, as operator), ${
            clients === 1
              ? "one at a time"
              : clients === SUSTAINED
                ? `${clients} clients sustained (each starts its next call when its last ends), intakes/s and p99`
                : `${clients} concurrent clients`
          }, a fresh idempotency key each`,
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
