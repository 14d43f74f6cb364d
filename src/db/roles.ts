import { Client } from "pg";

/** The group role that migrations grant to; the server's login role is a member of it. */
export const APP_GROUP_ROLE = "civic_grid_app";

function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`"${name}" is not a plain role name (lowercase letters, digits, underscore)`);
  }
  return `"${name}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Creates (or brings up to date) the roles the server needs, connected as a role that may create
 * roles: the NOLOGIN group civic_grid_app, and the server's login role from `appUrl`, which owns
 * nothing, is no superuser and has NOBYPASSRLS, so row-level security always applies to it.
 */
export async function setupRoles(adminUrl: string, appUrl: string): Promise<void> {
  const app = new URL(appUrl);
  const user = decodeURIComponent(app.username);
  const password = decodeURIComponent(app.password);
  const database = decodeURIComponent(app.pathname.slice(1));
  if (!user) throw new Error("DATABASE_URL names no user: the server needs its own login role");
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const admin = new URL(adminUrl);
    if (decodeURIComponent(admin.username) === user) {
      throw new Error(
        "DATABASE_URL and MIGRATION_DATABASE_URL use the same role: the server must connect as a role that owns no table",
      );
    }
    // Serialise concurrent set-ups (several instances starting at once).
    await client.query("SELECT pg_advisory_lock(hashtext('civic-grid:setup-roles'))");
    const group = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_GROUP_ROLE]);
    if (!group.rowCount) {
      await client.query(`CREATE ROLE ${ident(APP_GROUP_ROLE)} NOLOGIN NOBYPASSRLS`);
    }
    const login = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [user]);
    const pw = password ? `PASSWORD ${literal(password)}` : "";
    const attrs = `LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE ${pw}`;
    await client.query(
      login.rowCount ? `ALTER ROLE ${ident(user)} ${attrs}` : `CREATE ROLE ${ident(user)} ${attrs}`,
    );
    await client.query(`GRANT ${ident(APP_GROUP_ROLE)} TO ${ident(user)}`);
    if (database)
      await client.query(`GRANT CONNECT ON DATABASE ${ident(database)} TO ${ident(user)}`);
    await client.query("SELECT pg_advisory_unlock(hashtext('civic-grid:setup-roles'))");
  } finally {
    await client.end();
  }
}

/**
 * Refuses to serve through a role that would make row-level security void: a superuser, a role
 * with BYPASSRLS, or the owner of a table (owners can switch RLS off).
 */
export async function assertRestrictedRole(appUrl: string): Promise<void> {
  const client = new Client({ connectionString: appUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`
      SELECT r.rolname, r.rolsuper, r.rolbypassrls,
             (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE pg_has_role(current_user, c.relowner, 'USAGE') AND c.relkind IN ('r', 'p')
                 AND n.nspname NOT IN ('pg_catalog', 'information_schema'))::int AS owned
        FROM pg_roles r WHERE r.rolname = current_user`);
    const r = rows[0] as {
      rolname: string;
      rolsuper: boolean;
      rolbypassrls: boolean;
      owned: number;
    };
    if (r.rolsuper || r.rolbypassrls || r.owned > 0) {
      throw new Error(
        `the server's database role "${r.rolname}" is ${
          r.rolsuper
            ? "a superuser"
            : r.rolbypassrls
              ? "allowed to bypass RLS"
              : `owner of ${r.owned} tables`
        }: row-level security would not protect tenants. Connect DATABASE_URL as a restricted ` +
          `role (see "npm run db:setup" in the README) and run migrations with MIGRATION_DATABASE_URL.`,
      );
    }
  } finally {
    await client.end();
  }
}
