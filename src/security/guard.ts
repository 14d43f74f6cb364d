import {
  GraphQLError,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { type Clock } from "../common/clock";
import { type Principal } from "../auth/principal";
import { limitsFor } from "./limits";
import { checkOperation } from "./operation-check";
import { costVariables } from "./cost";
import { rateLimited, type BucketRequest, type RateLimiter } from "./rate-limit";
import { assertCleanText } from "./text-input";
import { sha256 } from "./trusted-documents";
import { WorkGate, type Release } from "./work-gate";
import { type SecurityConfig } from "./config";

/** Who a request is counted against: its account, or its address when it has none. */
export interface Caller {
  principal: Principal | null;
  remoteAddress?: string;
}

const SHAPE_CACHE_SIZE = 1000;
const PASSED_CACHE_SIZE = 5000;
/** Variables longer than this (a case's text, say) are checked each time rather than kept. */
const MAX_PASSED_VARIABLES = 2048;

/**
 * The key of an operation's check: its role and text (`key`), the operation picked, and the JSON
 * of the variables the check depends on; undefined when those are too long to keep.
 */
function operationKey(
  key: string | undefined,
  operation: OperationDefinitionNode,
  values: string,
): string | undefined {
  return key !== undefined && values.length <= MAX_PASSED_VARIABLES
    ? `${key}\u0000${operation.name?.value ?? ""}\u0000${values}`
    : undefined;
}

/** The values of the variables a cost depends on; one left out (its default applies) is not null. */
function costValues(costVars: readonly string[], variables: Record<string, unknown> | undefined) {
  return JSON.stringify(costVars.map((n) => (variables && n in variables ? [variables[n]] : [])));
}

/** Keeps `value` under `key` in a bounded cache (emptied when full). */
function remember<V>(cache: Map<string, V>, size: number, key: string, value: V): void {
  if (cache.size >= size) cache.clear();
  cache.set(key, value);
}

/**
 * The checks every operation passes before it runs, over HTTP and over the WebSocket alike:
 * its limits (for the caller's role), clean text in its arguments, its cost against the caller's
 * rate, and, over HTTP, a place among the work in flight.
 */
export class OperationGuard {
  readonly gate: WorkGate;
  private readonly socketCosts = new WeakMap<object, number>();
  /**
   * Documents already found within a role's shape limits (the shape does not vary with
   * variables), with the variables their cost depends on (cost.ts `costVariables`).
   */
  private readonly shapeOk = new Map<string, readonly string[]>();
  /** Operations (role, text, variables) that passed every check of `measure`, with their cost. */
  private readonly passed = new Map<string, number>();
  /**
   * Operations (role, text, the values of the variables their cost depends on) that passed the
   * limits, with their cost: a mutation called with a fresh input each time (a new case, a new
   * idempotency key) is weighed once; its text is still checked at every call.
   */
  private readonly weighed = new Map<string, number>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly config: SecurityConfig,
    private readonly clock: Clock,
    private readonly rates: RateLimiter,
  ) {
    this.gate = new WorkGate(config.workGate);
  }

  /** Limits, text and rate; returns the operation's cost. */
  async check(
    caller: Caller,
    source: string | undefined,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | undefined,
  ): Promise<number> {
    const cost = this.measure(caller, source, document, operation, variables);
    await this.take(caller, cost);
    return cost;
  }

  /** Limits and text, without touching the rate: the operation's cost, or a refusal. */
  measure(
    caller: Caller,
    source: string | undefined,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | undefined,
  ): number {
    const role = caller.principal?.role ?? "anonymous";
    const limits = limitsFor(this.config.limits, caller.principal?.role);
    // By the text's hash: a document within the token limit may still be a megabyte of comments.
    const key = source === undefined ? undefined : `${role}\u0000${sha256(source)}`;
    // Every check below is a function of the role, the text and the variables: a screen that
    // polls the same operation is measured once.
    const passedKey =
      key === undefined ? undefined : operationKey(key, operation, JSON.stringify(variables ?? {}));
    const passed = passedKey === undefined ? undefined : this.passed.get(passedKey);
    if (passed !== undefined) return passed;
    const known = key === undefined ? undefined : this.shapeOk.get(key);
    const weighedKey =
      known === undefined ? undefined : operationKey(key, operation, costValues(known, variables));
    let cost = weighedKey === undefined ? undefined : this.weighed.get(weighedKey);
    if (cost === undefined) {
      const checked = checkOperation(this.schema, document, operation, variables, limits, {
        source,
        shapeKnown: known !== undefined,
      });
      cost = checked.cost;
      if (key !== undefined && known === undefined)
        remember(this.shapeOk, SHAPE_CACHE_SIZE, key, costVariables(document));
      // Only an estimate is kept: variables that did not fit their types cost 1 for this call.
      if (weighedKey !== undefined && checked.weighed)
        remember(this.weighed, PASSED_CACHE_SIZE, weighedKey, cost);
    }
    assertCleanText(document, operation, variables);
    if (passedKey !== undefined) remember(this.passed, PASSED_CACHE_SIZE, passedKey, cost);
    return cost;
  }

  /**
   * Takes the cost from the caller's buckets: its account's (or its address's), and its
   * district's for district staff (residents and callers without a token cannot drain what
   * the district's staff work with).
   */
  async take(caller: Caller, cost: number): Promise<void> {
    const { subject, district } = this.config.rate;
    const p = caller.principal;
    const buckets: BucketRequest[] = [];
    const who = p ? `sub:${p.subject}` : `ip:${caller.remoteAddress ?? "unknown"}`;
    if (subject) buckets.push({ key: who, spec: subject });
    if (district && p && p.role !== "resident")
      buckets.push({ key: `district:${p.districtId ?? `city:${p.cityId}`}`, spec: district });
    if (buckets.length === 0) return;
    const result = await this.rates.take(buckets, cost, this.clock.now().getTime());
    if (!result.ok) {
      throw rateLimited(
        result.key.startsWith("district:") ? "district" : "account",
        result.retryAfterMs,
      );
    }
  }

  /** A place among the work in flight (HTTP operations). */
  admit(caller: Caller, cost: number): Promise<Release> {
    const p = caller.principal;
    return this.gate.admit(
      p ? `sub:${p.subject}` : `ip:${caller.remoteAddress ?? "unknown"}`,
      cost,
    );
  }

  /** A query over the WebSocket, measured by the socket's guard: it goes through the gate too. */
  noteSocketQuery(args: object, cost: number): void {
    this.socketCosts.set(args, cost);
  }

  /** graphql-ws's `execute`, holding socket queries to the same work gate as HTTP. */
  gatedExecute(
    inner: (args: ExecutionArgs) => Promise<ExecutionResult>,
  ): (args: ExecutionArgs) => Promise<ExecutionResult> {
    return async (args) => {
      const cost = this.socketCosts.get(args);
      if (cost === undefined) return inner(args);
      const principal = (args.contextValue as { principal?: Principal | null }).principal ?? null;
      let release: Release;
      try {
        release = await this.admit({ principal }, cost);
      } catch (err) {
        if (err instanceof GraphQLError) return { errors: [err] };
        throw err;
      }
      try {
        return await inner(args);
      } finally {
        release();
      }
    };
  }

  async close(): Promise<void> {
    this.gate.close();
    await this.rates.close();
  }
}
