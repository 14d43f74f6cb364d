import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { startEmbeddedPostgres, throwawayDataDir } from "../src/db/embedded";
import { setupRoles } from "../src/db/roles";
import { migrateUp } from "../src/db/migrate";
import { loadDemoData } from "../src/demo/seed";
import { TEST_EPOCH } from "./helpers/clock";

/**
 * One database for the whole run: an embedded PostgreSQL in a throw-away directory, or the
 * PostgreSQL of DATABASE_URL (with MIGRATION_DATABASE_URL as the owner) when it is set. Migrations
 * and the demo tenants are applied once; tests build their own districts on top and never truncate.
 */
export default async function globalSetup(): Promise<void> {
  process.env.JWT_SECRET ??= randomBytes(32).toString("base64url");
  let ownerUrl: string;
  let appUrl: string;
  if (process.env.DATABASE_URL) {
    appUrl = process.env.DATABASE_URL;
    ownerUrl = process.env.MIGRATION_DATABASE_URL ?? appUrl;
  } else {
    const dir = throwawayDataDir("test");
    const pg = await startEmbeddedPostgres(dir);
    (globalThis as Record<string, unknown>).__civicGridPg = { pg, dir };
    ownerUrl = pg.adminUrl;
    const u = new URL(ownerUrl);
    u.username = "civic_app";
    u.password = "test-app-password";
    appUrl = u.toString();
    await setupRoles(ownerUrl, appUrl);
  }
  await migrateUp(ownerUrl, () => undefined);
  // The demo history ends where the tests' clock starts (see helpers/clock.ts).
  await loadDemoData(ownerUrl, () => undefined, { now: TEST_EPOCH });
  process.env.TEST_APP_DATABASE_URL = appUrl;
  process.env.TEST_OWNER_DATABASE_URL = ownerUrl;
}
