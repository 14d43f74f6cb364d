import path from "node:path";
import { type Config } from "../config";
import { startEmbeddedPostgres } from "./embedded";
import { readOrCreateSecret } from "../common/secret-file";
import { assertRestrictedRole, setupRoles } from "./roles";
import { migrateUp } from "./migrate";
import { loadDemoData } from "../demo/seed";

export interface PreparedDatabase {
  /** The restricted role the server connects as. */
  appUrl: string;
  /** The owner role: migrations and demo data. */
  ownerUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

const EMBEDDED_APP_ROLE = "civic_app";

/**
 * Everything between "the process started" and "the database is ready for the server": an
 * embedded PostgreSQL when DATABASE_URL is unset, the roles, the migrations and, when asked, the
 * demo data.
 */
export async function prepareDatabase(
  config: Config,
  log: (m: string) => void,
  opts: { demoData?: boolean } = {},
): Promise<PreparedDatabase> {
  let appUrl: string;
  let ownerUrl: string;
  let stop = async () => undefined as void;
  const embedded = !config.databaseUrl;
  if (embedded) {
    log(`starting embedded PostgreSQL in ${path.join(config.dataDir, "pg")}`);
    const pg = await startEmbeddedPostgres(config.dataDir, (line) => {
      if (config.logLevel === "debug") log(`[postgres] ${line}`);
    });
    stop = () => pg.stop();
    try {
      const appPassword = readOrCreateSecret(path.join(config.dataDir, "pg-app-password"));
      ownerUrl = pg.adminUrl;
      const u = new URL(pg.adminUrl);
      u.username = EMBEDDED_APP_ROLE;
      u.password = appPassword;
      appUrl = u.toString();
      await setupRoles(ownerUrl, appUrl);
    } catch (err) {
      await pg.stop();
      throw err;
    }
  } else {
    appUrl = config.databaseUrl!;
    ownerUrl = config.migrationDatabaseUrl!;
  }
  try {
    await migrateUp(ownerUrl, log);
    if (opts.demoData ?? config.loadDemoData) await loadDemoData(ownerUrl, log);
    await assertRestrictedRole(appUrl);
  } catch (err) {
    await stop();
    throw err;
  }
  return { appUrl, ownerUrl, embedded, stop };
}
