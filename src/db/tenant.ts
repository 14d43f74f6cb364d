import { escapeLiteral, type ClientBase } from "pg";
import { type DataSource, type EntityManager, type QueryRunner } from "typeorm";
import { type Principal } from "../auth/principal";
import { isUuid } from "../common/ids";
import { pipelined, queryPrepared, sendOn, type Statement } from "./statements";

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
 * the district ids must be uuids. A NUL would end the message's text early and PostgreSQL would
 * refuse all of it, BEGIN included; statements sent behind it (openTenant does not wait) would
 * then run outside a transaction: so nothing with one is sent.
 */
export function beginTenantSql(scope: TenantScope): string {
  if (!scope.districtIds.every(isUuid)) throw new Error("a tenant's district id is not a uuid");
  if (scope.subject.includes("\0") || scope.role.includes("\0"))
    throw new Error("a tenant's subject or role holds a NUL");
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

/** A connection with a tenant transaction open on it, and the answer to the message that opened it. */
interface Opened {
  qr: QueryRunner;
  /**
   * Settles when PostgreSQL has answered `BEGIN` and the settings. On a pipelined connection the
   * first statements are sent behind them without waiting, and run after them, inside the
   * transaction; so every use checks it (a failure of the opening comes before theirs).
   */
  begun: Promise<void>;
}

/** A connection of its own with a tenant transaction open on it (no wait, on a pipelined one). */
async function openTenant(ds: DataSource, scope: TenantScope): Promise<Opened> {
  const begin = beginTenantSql(scope);
  const qr = ds.createQueryRunner();
  let client: ClientBase;
  try {
    client = (await qr.connect()) as ClientBase;
  } catch (err) {
    await qr.release().catch(() => undefined);
    throw err;
  }
  // Flagged before it is sent: should the message fail half-way (BEGIN done, the settings
  // refused), the rollback ends the transaction.
  markTransaction(qr, true);
  // Given to the driver at once, so that whatever the caller sends next goes behind it.
  const begun = sendOn(qr, client, begin, []).then(() => undefined);
  if (pipelined(client)) {
    begun.catch(() => undefined); // seen by every use of the transaction and by its end
    return { qr, begun };
  }
  try {
    await begun;
    return { qr, begun };
  } catch (err) {
    await qr.rollbackTransaction().catch(() => undefined);
    markTransaction(qr, false);
    await qr.release();
    throw err;
  }
}

/** `fn`'s result once the transaction's opening has been answered; the opening's error first. */
async function afterBegun<T>(o: Opened, fn: (m: EntityManager) => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await fn(o.qr.manager);
  } catch (err) {
    await o.begun;
    throw err;
  }
  await o.begun;
  return result;
}

/** A statement sent with COMMIT failed, so the COMMIT ended the transaction: nothing was committed. */
export class BeforeCommitError extends Error {
  constructor(cause: unknown) {
    super("a statement sent with COMMIT failed; the transaction was rolled back", { cause });
    this.name = "BeforeCommitError";
  }
}

/** Commits; if that fails, the transaction is rolled back and the error thrown. */
async function commitTenant(qr: QueryRunner): Promise<void> {
  try {
    await qr.commitTransaction();
  } catch (err) {
    // A failed COMMIT has ended the transaction (the ROLLBACK is then only a warning).
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
  const opened = await openTenant(ds, scope);
  const { qr } = opened;
  try {
    const result = await afterBegun(opened, fn);
    await commitTenant(qr);
    return result;
  } catch (err) {
    if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
    throw err;
  } finally {
    await qr.release();
  }
}

/** How resolvers and loaders reach the database: always inside a tenant transaction. */
export interface TenantDb {
  run<T>(fn: (m: EntityManager) => Promise<T>): Promise<T>;
  /**
   * A write whose result nobody reads, run as a prepared statement (as queryPrepared) and not
   * waited for: the request goes on making its answer while PostgreSQL runs it, and the COMMIT is
   * sent behind it. Later uses of the transaction run after it, and fail with its error if it
   * failed; so does the commit, and nothing is committed. Resolves once the write is on its way
   * (where the transaction is per use, once it has run).
   */
  sendAhead(statement: Statement): Promise<void>;
  /** Runs after the request's transaction commits (never if it rolls back): where events are published. */
  afterCommit(fn: () => void): void;
}

/**
 * One transaction per HTTP request, opened on first use: every statement of the request sees the
 * same snapshot of its writes, and a failed mutation leaves nothing half-written.
 */
export class RequestTransaction implements TenantDb {
  private runner?: Promise<Opened>;
  private hooks: Array<() => void> = [];
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** The writes sent ahead, settled (never rejected) once PostgreSQL has answered them. */
  private ahead: Array<Promise<void>> = [];
  /** The first error of a write sent ahead: the transaction can no longer commit. */
  private failure?: { error: unknown };

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
    return this.turn(async (o) => {
      try {
        return await afterBegun(o, fn);
      } catch (err) {
        // Behind a write sent ahead that failed, a statement fails only for that (25P02).
        await this.answeredAhead();
        throw this.failure ? this.failure.error : err;
      }
    });
  }

  sendAhead({ text, params }: Statement): Promise<void> {
    return this.turn(async (o) => {
      const client = (await o.qr.connect()) as ClientBase;
      const written = sendOn(o.qr, client, text, params, { prepared: "hot" }).then(
        () => undefined,
        (error: unknown) => void (this.failure ??= { error }),
      );
      this.ahead.push(written);
      // Without a pipeline, the next statement would only queue behind it in the driver.
      if (!pipelined(client)) await written;
    });
  }

  /** The next turn on the connection (opened on first use), after the turns before it. */
  private turn<T>(fn: (o: Opened) => Promise<T>): Promise<T> {
    // graphql-js may answer (and we may commit) while sibling resolvers are still running, e.g.
    // after a non-null field failed; their late uses must not open a transaction nobody finishes.
    if (this.closed)
      return Promise.reject(new Error("the request's transaction has already ended"));
    this.runner ??= openTenant(this.ds, this.scope);
    const runner = this.runner;
    const turn = this.queue.then(async () => {
      if (this.failure) throw this.failure.error;
      return fn(await runner);
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async answeredAhead(): Promise<void> {
    await Promise.all(this.ahead);
  }

  afterCommit(fn: () => void): void {
    this.hooks.push(fn);
  }

  /**
   * Commits (or rolls back) and releases the connection; after a commit, runs the hooks.
   * `lastStatements` (the read audit's INSERTs), whose answers nobody reads, are sent just before
   * COMMIT without waiting, as prepared statements (as queryPrepared): one round trip for all; a
   * request that used no connection opens one for them. The COMMIT goes behind them and the writes
   * sent ahead; if one of those failed, PostgreSQL has ended the transaction without committing
   * anything, and its error is thrown: a write ahead's as it is, a last statement's as a
   * BeforeCommitError.
   */
  async finish(commit: boolean, lastStatements: readonly Statement[] = []): Promise<void> {
    const { settled } = await this.end(commit, lastStatements);
    await settled;
  }

  /**
   * `finish` in two steps: resolves once the last statements and the COMMIT (or the ROLLBACK) have
   * been given to the connection, with `settled`, which settles as `finish` does once PostgreSQL
   * has answered them. What the caller does in between (making the answer's text) runs while
   * PostgreSQL commits. `settled` must be awaited: it releases the connection and runs the hooks.
   */
  async end(
    commit: boolean,
    lastStatements: readonly Statement[] = [],
  ): Promise<{ settled: Promise<void> }> {
    this.closed = true;
    await this.queue;
    const last = commit ? lastStatements : [];
    if (last.length) this.runner ??= openTenant(this.ds, this.scope);
    const pending = this.runner;
    this.runner = undefined;
    const hooks = this.hooks;
    this.hooks = [];
    const done = { settled: Promise.resolve() };
    if (!pending) return done;
    let opened: Opened;
    try {
      opened = await pending;
    } catch (err) {
      // Never opened: nothing was written, nothing to end; but a statement that had to run did not.
      if (last.length) throw err;
      return done;
    }
    const { qr } = opened;
    const unopened = await opened.begun.then(
      () => null,
      (error: unknown) => ({ error }),
    );
    if (unopened) {
      // BEGIN and the settings failed (the statements behind them with them): nothing was
      // written; a transaction begun and aborted is ended before the connection goes back.
      await qr.rollbackTransaction().catch(() => undefined);
      markTransaction(qr, false);
      await qr.release();
      if (last.length) throw unopened.error;
      return done;
    }
    if (!commit || this.failure) {
      const rolledBack = async () => {
        try {
          await this.answeredAhead();
          await qr.rollbackTransaction();
          if (this.failure) throw this.failure.error;
        } catch (err) {
          if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
          throw err;
        } finally {
          await qr.release();
        }
      };
      return { settled: rolledBack() };
    }
    let client: ClientBase;
    try {
      client = (await qr.connect()) as ClientBase;
    } catch (err) {
      await qr.release();
      throw err;
    }
    // Given to the driver together, in this turn of the event loop, so that they leave at once;
    // their outcomes taken at once: any may fail before the writes ahead are seen answered.
    const lasts = last.map((s) =>
      sendOn(qr, client, s.text, s.params, { prepared: "hot" }).then(
        () => null,
        (error: unknown) => ({ error }),
      ),
    );
    const committed = sendOn(qr, client, "COMMIT", []).then(
      () => null,
      (error: unknown) => ({ error }),
    );
    const settle = async () => {
      try {
        await this.answeredAhead();
        const lastRefused = (await Promise.all(lasts)).find((r) => r !== null);
        const refused = await committed;
        // A failed COMMIT has ended the transaction, as has one behind a failure (PostgreSQL
        // answers it with a rollback).
        markTransaction(qr, false);
        // A write ahead or a last statement failed: the COMMIT behind it ended an aborted
        // transaction. The first failure is the error.
        if (this.failure) throw this.failure.error;
        if (lastRefused) throw new BeforeCommitError(lastRefused.error);
        if (refused) throw refused.error;
      } finally {
        await qr.release();
      }
      for (const hook of hooks) hook();
    };
    return { settled: settle() };
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

  async sendAhead({ text, params }: Statement): Promise<void> {
    await this.run((m) => queryPrepared(m, text, params));
  }

  afterCommit(fn: () => void): void {
    fn();
  }
}
