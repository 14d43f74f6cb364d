import { type Client } from "pg";

/** PostgreSQL's code for a lock that NOWAIT (or lock_timeout) could not have at once. */
const LOCK_NOT_AVAILABLE = "55P03";

/**
 * Opens a transaction on `db` holding `tables` in SHARE mode, so that other test files' writers
 * wait while a test compares counts. The caller ends the transaction (ROLLBACK).
 *
 * The locks are asked for with NOWAIT, all or none, and asked again after a pause while a writer
 * holds one of them. A plain `LOCK TABLE a, b IN SHARE MODE` waits for `b` while holding `a`: a
 * writer (a sweep, an intake, a factory) holding `b` and then asking for `a` made a deadlock, and
 * PostgreSQL ended one of the two transactions, failing this test or the writer's. Never waiting
 * while holding, the helper cannot be part of one. `ceilingMs` only catches a writer that never
 * lets go: on a slow machine the wait is simply longer. `onBusy` is told of each try refused.
 */
export async function lockAgainstWriters(
  db: Client,
  tables: readonly string[],
  { ceilingMs = 30_000, onBusy }: { ceilingMs?: number; onBusy?: () => void } = {},
): Promise<void> {
  const deadline = Date.now() + ceilingMs;
  for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
    await db.query("BEGIN");
    try {
      await db.query(`LOCK TABLE ${tables.join(", ")} IN SHARE MODE NOWAIT`);
      return;
    } catch (err) {
      await db.query("ROLLBACK").catch(() => undefined);
      if ((err as { code?: string }).code !== LOCK_NOT_AVAILABLE || Date.now() > deadline)
        throw err;
      onBusy?.();
    }
    await new Promise((r) => setTimeout(r, pause));
  }
}
