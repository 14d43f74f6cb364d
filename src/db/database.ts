import path from "node:path";
import { startEmbeddedPostgres } from "./embedded";
import { readOrCreateSecret } from "../common/secret-file";
import { assertRestrictedRole, setupRoles } from "./roles";
import { migrateUp } from "./migrate";

export interface PreparedDatabase {
  /** The restricted role the server connects as. */
  appUrl: string;
  /** The owner role: migrations and demo data. */
  ownerUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** Where the database is (config.ts's Config has these): plain values, read from the environment above. */
export interface DatabaseSettings {
  /** The restricted role's connection; unset: an embedded PostgreSQL in `dataDir`. */
  databaseUrl?: string;
  /** The owner's connection, for migrations and seeding (with `databaseUrl`). */
  migrationDatabaseUrl?: string;
  dataDir: string;
  /** At `debug`, the embedded PostgreSQL's own lines are logged too. */
  logLevel: string;
}

/**
 * Writes data once the schema is current, as the owner (the demo tenants: demo/seed.ts). The
 * caller chooses it, so that db/ knows nothing of what is loaded.
 */
export interface Seed {
  (ownerUrl: string, log: (m: string) => void): Promise<unknown>;
  /**
   * Called when the database is being made (a new embedded cluster), before it can be reached:
   * the seed may start the work that needs no database meanwhile.
   */
  whileDatabaseStarts?: () => void;
  /** Called when the database could not be prepared, so that the seed will not run. */
  cancel?: () => void;
  /**
   * What must be done before the server is ready but may go on while it starts (main.ts waits for
   * it before "ready"): the demo seed's quick sample of the statistics, begun when the seed ends.
   */
  beforeReady?: () => Promise<void>;
  /**
   * What the seed leaves for after the server is ready (main.ts runs it then, in the background):
   * the demo seed's full statistics, a quick sample of which it took before.
   */
  settle?: () => Promise<void>;
}

const EMBEDDED_APP_ROLE = "civic_app";

/**
 * Everything between "the process started" and "the database is ready for the server": an
 * embedded PostgreSQL when DATABASE_URL is unset, the roles, the migrations and the seed, if any.
 */
export async function prepareDatabase(
  config: DatabaseSettings,
  log: (m: string) => void,
  opts: {
    seed?: Seed;
    /**
     * Called once the database's own work goes on in its processes (the embedded PostgreSQL's
     * initdb or server has started; at once for DATABASE_URL): the caller may then spend this
     * thread on work of its own (main.ts loads the server's modules) without holding it up.
     */
    running?: () => void;
    /**
     * The embedded PostgreSQL in a process group of its own, so that a Ctrl-C in the terminal
     * reaches only the caller, which then stops it itself (the server, which drains first). A
     * caller without its own handling leaves it in its group: a Ctrl-C stops both.
     */
    ownProcessGroup?: boolean;
  } = {},
): Promise<PreparedDatabase> {
  try {
    return await prepare(config, log, opts);
  } catch (err) {
    opts.seed?.cancel?.();
    throw err;
  }
}

async function prepare(
  config: DatabaseSettings,
  log: (m: string) => void,
  opts: { seed?: Seed; running?: () => void; ownProcessGroup?: boolean },
): Promise<PreparedDatabase> {
  let appUrl: string;
  let ownerUrl: string;
  let stop = async () => undefined as void;
  const embedded = !config.databaseUrl;
  if (embedded) {
    log(`starting embedded PostgreSQL in ${path.join(config.dataDir, "pg")}`);
    const pg = await startEmbeddedPostgres(
      config.dataDir,
      (line) => {
        if (config.logLevel === "debug") log(`[postgres] ${line}`);
      },
      {
        onNewCluster: opts.seed?.whileDatabaseStarts,
        onRunning: opts.running,
        ownProcessGroup: opts.ownProcessGroup,
      },
    );
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
    opts.running?.();
  }
  try {
    await migrateUp(ownerUrl, log, { unflushedCommits: embedded });
    if (opts.seed) await opts.seed(ownerUrl, log);
    await assertRestrictedRole(appUrl);
  } catch (err) {
    await stop();
    throw err;
  }
  return { appUrl, ownerUrl, embedded, stop };
}
