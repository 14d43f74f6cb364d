import fs from "node:fs";
import { type DataSource, type MigrationInterface } from "typeorm";
import { setupRoles } from "../../src/db/roles";
import { migrateUp } from "../../src/db/migrate";
import { startOwnPostgres, type OwnPostgres } from "../faults/own-postgres";
import { throwawayDataDir } from "../../src/db/embedded";

/**
 * A PostgreSQL of one test file's own, in a throw-away directory, with the server's roles and every
 * migration: for tests that must not disturb the run's shared database (a migration taken back, a
 * database stopped). The factories of that file write to it.
 */
export interface MigratedPostgres {
  pg: OwnPostgres;
  /** The server's restricted role on it. */
  appUrl: string;
  /** Stops it and removes its directory. */
  remove(): Promise<void>;
}

export async function startMigratedPostgres(prefix: string): Promise<MigratedPostgres> {
  const dir = throwawayDataDir(prefix);
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  let pg: OwnPostgres | undefined;
  try {
    pg = await startOwnPostgres(dir);
    const app = new URL(pg.adminUrl);
    app.username = "civic_app";
    app.password = `${prefix}-app-password`;
    await setupRoles(pg.adminUrl, app.toString());
    await migrateUp(pg.adminUrl, () => undefined);
    // The factories write to this file's database (jest gives each test file its own process.env).
    process.env.TEST_OWNER_DATABASE_URL = pg.adminUrl;
    const started = pg;
    return {
      pg: started,
      appUrl: app.toString(),
      async remove() {
        await started.stop();
        removeDir();
      },
    };
  } catch (err) {
    await pg?.stop().catch(() => undefined);
    removeDir();
    throw err;
  }
}

/** Runs one migration's up or down in one transaction, as the migrator does. */
export async function runMigration(
  ds: DataSource,
  migration: MigrationInterface,
  direction: "up" | "down",
): Promise<void> {
  const runner = ds.createQueryRunner();
  try {
    await runner.startTransaction();
    await migration[direction](runner);
    await runner.commitTransaction();
  } finally {
    await runner.release();
  }
}
