import { createHash } from "node:crypto";
import { escapeLiteral, type ClientBase } from "pg";
import { type DataSource, type EntityManager, QueryFailedError, type QueryRunner } from "typeorm";
import { type Principal } from "../auth/principal";
import { isUuid } from "../common/ids";

/** What row-level security needs to know about the caller, set at the start of each transaction. */
export interface TenantScope {
  districtIds: string[];
  subject: string;
  role: string;
}

/** The scope of a caller without a token: no district, so row-level security shows it nothing. */
export const NO_TENANT: TenantScope = { districtIds: [], subject: "", role: "" };

export function scopeOf(p: Principal): TenantScope {
  return { districtIds: p.districtIds, subject: p.subject, role: p.role };
}

/**
 * The text that opens a tenant transaction: `BEGIN` and the tenant context for that transaction
 * only (`set_config(..., true)`, so a pooled connection never carries one request's tenant into
 * the next), in one message and so one round trip. Two statements in one message can take no
 * parameters: the values are quoted literals (`escapeLiteral`, the driver's own quoting), and
 * the district ids must be uuids.
 */
export function beginTenantSql(scope: TenantScope): string {
  if (!scope.districtIds.every(isUuid)) throw new Error("a tenant's district id is not a uuid");
  const ids = escapeLiteral(`{${scope.districtIds.join(",")}}`);
  return `BEGIN; SELECT set_config('app.district_ids', ${ids}, true), set_config('app.user', ${escapeLiteral(
    scope.subject,
  )}, true), set_config('app.role', ${escapeLiteral(scope.role)}, true)`;
}

/**
 * What TypeORM knows of the runner's transaction. It did not start this one (beginTenantSql did),
 * so it is told: with the flag down, `save()` and the like would open and commit a transaction
 * of their own inside ours, ending it early.
 */
function markTransaction(qr: QueryRunner, active: boolean): void {
  const state = qr as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = active;
  state.transactionDepth = active ? 1 : 0;
}

/** A connection of its own with a tenant transaction open on it (one round trip after connecting). */
async function openTenant(ds: DataSource, scope: TenantScope): Promise<QueryRunner> {
  const begin = beginTenantSql(scope);
  const qr = ds.createQueryRunner();
  try {
    await qr.connect();
  } catch (err) {
    await qr.release().catch(() => undefined);
    throw err;
  }
  // Flagged before it is sent: should the message fail half-way (BEGIN done, the settings
  // refused), the rollback below ends the transaction.
  markTransaction(qr, true);
  try {
    await qr.query(begin);
    return qr;
  } catch (err) {
    await qr.rollbackTransaction().catch(() => undefined);
    markTransaction(qr, false);
    await qr.release();
    throw err;
  }
}

/** The statement sent with COMMIT failed, so the COMMIT was not reached: nothing was committed. */
export class BeforeCommitError extends Error {
  constructor(cause: unknown) {
    super("the statement before COMMIT failed; the transaction was rolled back", { cause });
    this.name = "BeforeCommitError";
  }
}

/** PostgreSQL's word on the connection after the last message: 'E' is a failed transaction. */
function transactionStatus(qr: QueryRunner): string | null {
  const client = (
    qr as unknown as { databaseConnection?: { getTransactionStatus?(): string | null } }
  ).databaseConnection;
  return client?.getTransactionStatus?.() ?? null;
}

/**
 * Commits, with `lastStatement` (a statement without parameters) sent in the same message just
 * before COMMIT: one round trip for both. If either fails, the transaction is rolled back and the
 * error thrown, as a BeforeCommitError when it was `lastStatement` that failed.
 */
async function commitTenant(qr: QueryRunner, lastStatement?: string): Promise<void> {
  try {
    if (lastStatement) {
      try {
        await qr.query(`${lastStatement};\nCOMMIT`);
      } catch (err) {
        // Still in a (failed) transaction: the statement failed and COMMIT never ran.
        throw transactionStatus(qr) === "E" ? new BeforeCommitError(err) : err;
      }
      markTransaction(qr, false);
    } else {
      await qr.commitTransaction();
    }
  } catch (err) {
    // A failed statement before COMMIT leaves the transaction open and aborted; a failed COMMIT
    // has ended it (the ROLLBACK is then only a warning).
    if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
    markTransaction(qr, false);
    throw err;
  }
}

/** Runs `fn` in its own transaction with the tenant context set; commits, or rolls back on error. */
export async function inTenantTransaction<T>(
  ds: DataSource,
  scope: TenantScope,
  fn: (m: EntityManager) => Promise<T>,
): Promise<T> {
  const qr = await openTenant(ds, scope);
  try {
    const result = await fn(qr.manager);
    await commitTenant(qr);
    return result;
  } catch (err) {
    if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
    throw err;
  } finally {
    await qr.release();
  }
}

/**
 * Texts run as prepared statements, by name; beyond a budget's size, a new text runs unprepared.
 * Two budgets: the application's hot statements (queryPrepared: few texts) and the planned path's
 * look-ups (queryArrays: a text per shape of selection, which clients choose), so that look-ups
 * can never use up the room of the hot statements. Each connection keeps at most both.
 */
const HOT_STATEMENTS = { names: new Map<string, string>(), max: 500 };
const LOOKUPS = { names: new Map<string, string>(), max: 400 };

/** The name of a text run as a prepared statement; undefined once its budget is spent. */
function preparedName(
  text: string,
  budget: { names: Map<string, string>; max: number },
): string | undefined {
  let name = budget.names.get(text);
  if (!name && budget.names.size < budget.max) {
    name = `cg_${createHash("sha256").update(text).digest("base64url").slice(0, 40)}`;
    budget.names.set(text, name);
  }
  return name;
}

/**
 * Runs one of the application's own hot statements (intake's, the log position) as a named
 * prepared statement of its connection: PostgreSQL parses it once per connection, and once it
 * has run a few times may keep its plan, instead of parsing and planning it at every request
 * (planning the intake's read took longer than running it). Meant for statements whose text
 * comes in few variants: each distinct text gets a name, and past HOT_STATEMENTS.max of them a
 * new text runs as usual. Logged (and counted) like any statement; errors are TypeORM's
 * QueryFailedError, as from `m.query`.
 */
export async function queryPrepared<T = Record<string, unknown>>(
  m: EntityManager,
  text: string,
  params: unknown[],
): Promise<T[]> {
  const qr = m.queryRunner;
  const name = preparedName(text, HOT_STATEMENTS);
  if (!qr || !name) return (await m.query(text, params)) as T[];
  if (qr.isReleased) return (await m.query(text, params)) as T[];
  const client = (await qr.connect()) as ClientBase;
  const logger = m.connection.logger;
  logger.logQuery(text, params, qr);
  try {
    return (await client.query({ name, text, values: params })).rows as T[];
  } catch (err) {
    logger.logQueryError(err as Error, text, params, qr);
    throw new QueryFailedError(text, params, err as Error);
  }
}

/** A statement's rows as arrays, in the order of its columns, and the columns' names. */
export interface ArrayRows {
  names: string[];
  rows: unknown[][];
}

/**
 * Runs a statement whose rows are wanted as arrays (pg's rowMode "array"), not as an object keyed
 * by column name each: for reads of thousands of rows that are made into other objects at once
 * (the planned read path), the keyed object per row was so much garbage. Logged (and counted)
 * like any statement; errors are TypeORM's QueryFailedError, as from `m.query`.
 *
 * `prepared`: run it as a named prepared statement of its connection, as queryPrepared does (a
 * budget of texts of its own). Only for statements whose best plan does not hang on their values
 * (rows by key: the planned path's look-ups by id and by parent); a filtered, ordered page is not
 * one, since PostgreSQL may settle on one plan for all values after a few runs.
 */
export async function queryArrays(
  m: EntityManager,
  text: string,
  params: unknown[],
  prepared = false,
): Promise<ArrayRows> {
  const qr = m.queryRunner;
  if (!qr || qr.isReleased) {
    const keyed = (await m.query(text, params)) as Array<Record<string, unknown>>;
    const names = keyed.length > 0 ? Object.keys(keyed[0]) : [];
    return { names, rows: keyed.map((r) => names.map((n) => r[n])) };
  }
  const client = (await qr.connect()) as ClientBase;
  const logger = m.connection.logger;
  logger.logQuery(text, params, qr);
  try {
    const name = prepared ? preparedName(text, LOOKUPS) : undefined;
    const res = await client.query<unknown[]>({ name, text, values: params, rowMode: "array" });
    return { names: res.fields.map((f) => f.name), rows: res.rows };
  } catch (err) {
    logger.logQueryError(err as Error, text, params, qr);
    throw new QueryFailedError(text, params, err as Error);
  }
}

/** How resolvers and loaders reach the database: always inside a tenant transaction. */
export interface TenantDb {
  run<T>(fn: (m: EntityManager) => Promise<T>): Promise<T>;
  /** Runs after the request's transaction commits (never if it rolls back): where events are published. */
  afterCommit(fn: () => void): void;
}

/**
 * One transaction per HTTP request, opened on first use: every statement of the request sees the
 * same snapshot of its writes, and a failed mutation leaves nothing half-written.
 */
export class RequestTransaction implements TenantDb {
  private runner?: Promise<QueryRunner>;
  private hooks: Array<() => void> = [];
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly ds: DataSource,
    private readonly scope: TenantScope,
  ) {}

  /**
   * Uses of the one connection take turns: sibling resolvers run concurrently, and a PostgreSQL
   * connection runs one statement at a time. Loaders batch, so turns stay few. A `run` must not
   * call `run` again inside `fn` (it would wait for itself).
   */
  run<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    // graphql-js may answer (and we may commit) while sibling resolvers are still running, e.g.
    // after a non-null field failed; their late uses must not open a transaction nobody finishes.
    if (this.closed)
      return Promise.reject(new Error("the request's transaction has already ended"));
    this.runner ??= this.open();
    const runner = this.runner;
    const turn = this.queue.then(async () => fn((await runner).manager));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  afterCommit(fn: () => void): void {
    this.hooks.push(fn);
  }

  private open(): Promise<QueryRunner> {
    return openTenant(this.ds, this.scope);
  }

  /**
   * Commits (or rolls back) and releases the connection; after a commit, runs the hooks.
   * `lastStatement`, a statement without parameters, is run just before COMMIT in the same round
   * trip (the read audit's INSERT); a request that used no connection opens one for it.
   */
  async finish(commit: boolean, lastStatement?: string): Promise<void> {
    this.closed = true;
    await this.queue;
    if (commit && lastStatement) this.runner ??= this.open();
    const pending = this.runner;
    this.runner = undefined;
    const hooks = this.hooks;
    this.hooks = [];
    if (pending) {
      let qr: QueryRunner | undefined;
      try {
        qr = await pending;
      } catch (err) {
        // Never opened: nothing was written, nothing to end; but a statement that had to run did not.
        if (commit && lastStatement) throw err;
        return;
      }
      try {
        if (commit) await commitTenant(qr, lastStatement);
        else await qr.rollbackTransaction();
      } catch (err) {
        if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
        throw err;
      } finally {
        await qr.release();
      }
    }
    if (commit) for (const hook of hooks) hook();
  }
}

/**
 * For subscriptions: a long-lived operation has no request transaction, so each use opens a short
 * one with the same tenant context. Subscriptions only read, so there is nothing to publish after.
 */
export class PerUseTransaction implements TenantDb {
  constructor(
    private readonly ds: DataSource,
    private readonly scope: TenantScope,
  ) {}

  run<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return inTenantTransaction(this.ds, this.scope, fn);
  }

  afterCommit(fn: () => void): void {
    fn();
  }
}
