import { type DataSource, type EntityManager, type QueryRunner } from "typeorm";
import { type Principal } from "../auth/principal";

/** What row-level security needs to know about the caller, set at the start of each transaction. */
export interface TenantScope {
  districtIds: string[];
  subject: string;
  role: string;
}

export function scopeOf(p: Principal): TenantScope {
  return { districtIds: p.districtIds, subject: p.subject, role: p.role };
}

/**
 * Sets the tenant context for the current transaction only (`set_config(..., true)`), so a pooled
 * connection never carries one request's tenant into the next.
 */
export async function setTenant(qr: QueryRunner, scope: TenantScope): Promise<void> {
  await qr.query(
    `SELECT set_config('app.district_ids', $1, true), set_config('app.user', $2, true),
            set_config('app.role', $3, true)`,
    [`{${scope.districtIds.join(",")}}`, scope.subject, scope.role],
  );
}

/** Runs `fn` in its own transaction with the tenant context set; commits, or rolls back on error. */
export async function inTenantTransaction<T>(
  ds: DataSource,
  scope: TenantScope,
  fn: (m: EntityManager) => Promise<T>,
): Promise<T> {
  const qr = ds.createQueryRunner();
  await qr.connect();
  try {
    await qr.startTransaction();
    await setTenant(qr, scope);
    const result = await fn(qr.manager);
    await qr.commitTransaction();
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

  private async open(): Promise<QueryRunner> {
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      await setTenant(qr, this.scope);
    } catch (err) {
      await qr.release();
      throw err;
    }
    return qr;
  }

  /** Commits (or rolls back) and releases the connection; after a commit, runs the hooks. */
  async finish(commit: boolean): Promise<void> {
    this.closed = true;
    await this.queue;
    const pending = this.runner;
    this.runner = undefined;
    const hooks = this.hooks;
    this.hooks = [];
    if (pending) {
      const qr = await pending.catch(() => undefined);
      if (!qr) return;
      try {
        if (commit) await qr.commitTransaction();
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
