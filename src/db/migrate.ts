import { Client } from "pg";
import { createDataSource, MIGRATIONS_TABLE } from "./data-source";
import { APP_GROUP_ROLE } from "./roles";
import { MIGRATIONS } from "../../migrations";

const LOCK = "hashtext('civic-grid:migrate')";

/**
 * Applies pending migrations as the owner role, one transaction each. An advisory lock makes
 * several instances starting at once take turns; the later ones find nothing to do.
 */
export async function migrateUp(
  ownerUrl: string,
  log: (m: string) => void,
  opts: {
    /**
     * Commit each migration without waiting for its WAL to reach the disk (synchronous_commit
     * off): a crash of the machine in the next moment may lose the last migrations, never damage
     * the database, and they are applied again at the next start. For the embedded development
     * database, whose first start applies them all (database.ts).
     */
    unflushedCommits?: boolean;
  } = {},
): Promise<string[]> {
  const lock = new Client({ connectionString: ownerUrl });
  await lock.connect();
  const url = new URL(ownerUrl);
  if (opts.unflushedCommits) url.searchParams.set("options", "-c synchronous_commit=off");
  const ds = createDataSource({
    url: url.toString(),
    entities: [],
    poolSize: 2,
    applicationName: "civic-grid-migrate",
  });
  try {
    await lock.query(`SELECT pg_advisory_lock(${LOCK})`);
    await ds.initialize();
    const applied = await ds.runMigrations({ transaction: "each" });
    // The server reads the list of applied migrations for /readyz, and nothing more.
    await ds.query(`GRANT SELECT ON ${MIGRATIONS_TABLE} TO ${APP_GROUP_ROLE}`);
    for (const m of applied) log(`migration applied: ${m.name}`);
    return applied.map((m) => m.name);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await lock.query(`SELECT pg_advisory_unlock(${LOCK})`).catch(() => undefined);
    await lock.end();
  }
}

/** Reverts the most recent migration. */
export async function migrateDown(ownerUrl: string, log: (m: string) => void): Promise<void> {
  const ds = createDataSource({
    url: ownerUrl,
    entities: [],
    poolSize: 2,
    applicationName: "civic-grid-migrate",
  });
  await ds.initialize();
  try {
    await ds.undoLastMigration({ transaction: "each" });
    log("reverted the most recent migration");
  } finally {
    await ds.destroy();
  }
}

/** Names of migrations this code knows but the database has not applied (empty when ready). */
export async function pendingMigrations(query: (sql: string) => Promise<Array<{ name: string }>>) {
  const rows = await query(`SELECT name FROM ${MIGRATIONS_TABLE}`);
  const applied = new Set(rows.map((r) => r.name));
  return MIGRATIONS.map((m) => new m().name as string).filter((n) => !applied.has(n));
}
