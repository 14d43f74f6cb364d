import "reflect-metadata";
import { loadConfig } from "../config";
import { setupRoles } from "../db/roles";
import { migrateDown, migrateUp } from "../db/migrate";
import { loadDemoData } from "../demo/seed";

const USAGE = `Database commands for a PostgreSQL of your own (DATABASE_URL):

  npm run db:setup         creates the server's restricted role (from DATABASE_URL) and applies migrations
  npm run db:migrate       applies pending migrations
  npm run db:migrate:down  reverts the most recent migration
  npm run db:seed          loads the demo tenants (idempotent)

MIGRATION_DATABASE_URL is the owner role (it must be allowed to create roles for db:setup);
DATABASE_URL is the role the server connects as. Without DATABASE_URL, npm start does all of
this itself on an embedded PostgreSQL.`;

async function main() {
  const command = process.argv[2];
  const config = loadConfig();
  const log = (m: string) => console.log(m);
  if (!config.databaseUrl || !config.migrationDatabaseUrl) {
    console.error(`db: set DATABASE_URL (and MIGRATION_DATABASE_URL)\n\n${USAGE}`);
    process.exit(2);
  }
  switch (command) {
    case "setup":
      await setupRoles(config.migrationDatabaseUrl, config.databaseUrl);
      log(
        `role ${new URL(config.databaseUrl).username} is ready (member of civic_grid_app, NOBYPASSRLS)`,
      );
      await migrateUp(config.migrationDatabaseUrl, log);
      log("migrations are up to date");
      return;
    case "migrate":
      await migrateUp(config.migrationDatabaseUrl, log);
      log("migrations are up to date");
      return;
    case "migrate:down":
      await migrateDown(config.migrationDatabaseUrl, log);
      return;
    case "seed":
      await loadDemoData(config.migrationDatabaseUrl, log);
      log("demo data is loaded");
      return;
    default:
      console.error(USAGE);
      process.exit(2);
  }
}

main().catch((err) => {
  console.error(`db: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
