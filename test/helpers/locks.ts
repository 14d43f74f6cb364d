import { type Client } from "pg";

/** PostgreSQL's code for a transaction it ended to break a deadlock. */
const DEADLOCK = "40P01";

/**
 * Opens a transaction on `db` holding `tables` in SHARE mode, so that other test files' writers
 * wait while a test compares counts. The locks are taken one table at a time, and a writer (a
 * sweep, an intake, a factory) may hold one of them while it waits for one already taken here:
 * PostgreSQL then ends one of the two transactions with a deadlock. If it ends this one, the
 * writer goes on and the locks are asked for again, up to `attempts` times. The caller ends the
 * transaction (ROLLBACK).
 */
export async function lockAgainstWriters(
  db: Client,
  tables: readonly string[],
  attempts = 5,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await db.query("BEGIN");
    try {
      await db.query(`LOCK TABLE ${tables.join(", ")} IN SHARE MODE`);
      return;
    } catch (err) {
      await db.query("ROLLBACK");
      if ((err as { code?: string }).code !== DEADLOCK || attempt >= attempts) throw err;
    }
  }
}
