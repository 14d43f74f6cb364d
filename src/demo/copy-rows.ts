/**
 * Bulk writing for the demo loaders: rows made in memory (encoded by CopyBuffer, copy-buffer.ts)
 * go to PostgreSQL by COPY in its binary format.
 *
 * COPY into a table refuses a role that row-level security applies to (an owner that is neither
 * a superuser nor BYPASSRLS, as `MIGRATION_DATABASE_URL` may be); for such a role the rows are
 * copied into a temporary table of the same columns and moved with one INSERT … SELECT, under
 * the tenant context the caller set.
 */
import { type ClientBase } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { type Column } from "./copy-binary";
import { CopyBuffer, type Lead } from "./copy-buffer";

/** How a connection may write in bulk; see `bulkModeOf`. */
export interface BulkMode {
  /** COPY straight into the tables: the role bypasses row-level security. */
  direct: boolean;
  /**
   * The role may skip the foreign-key checks of a bulk load (a superuser: see `skipChecks` in
   * seed.ts). Checked row by row they cost more than the load itself.
   */
  superuser: boolean;
}

export async function bulkModeOf(client: ClientBase): Promise<BulkMode> {
  const { rows } = await client.query(
    "SELECT rolsuper AS superuser, rolsuper OR rolbypassrls AS direct FROM pg_roles WHERE rolname = current_user",
  );
  return { direct: rows[0]?.direct === true, superuser: rows[0]?.superuser === true };
}

/**
 * Writes the rows of `buffer` into `table` in the caller's transaction (its columns `district_id` and
 * `columns`, after the lead's column when there is one). Returns the number of rows.
 */
export async function copyTo(
  client: ClientBase,
  mode: BulkMode,
  table: string,
  buffer: CopyBuffer,
  opts: { order?: ArrayLike<number>; lead?: Lead } = {},
): Promise<number> {
  const { order, lead } = opts;
  if (buffer.hasLead !== (lead !== undefined)) throw new Error("copy-rows: the lead was not given");
  const names = [
    ...(lead ? [lead.column[0]] : []),
    "district_id",
    ...buffer.columns.map(([c]) => c),
  ]
    .map((c) => `"${c}"`)
    .join(", ");
  const target = mode.direct ? table : `copy_${table}`;
  if (!mode.direct)
    await client.query(
      `CREATE TEMP TABLE IF NOT EXISTS ${target} (LIKE ${table} INCLUDING DEFAULTS) ON COMMIT DROP`,
    );
  const stream = client.query(copyFrom(`COPY ${target} (${names}) FROM STDIN (FORMAT binary)`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
  });
  for (const chunk of buffer.data(order, lead))
    if (!stream.write(chunk)) await new Promise((r) => stream.once("drain", r));
  stream.end();
  await done;
  if (!mode.direct) {
    await client.query(`INSERT INTO ${table} (${names}) SELECT ${names} FROM ${target}`);
    await client.query(`TRUNCATE ${target}`);
  }
  return buffer.rows;
}

/** Writes `rows` into `table` (each row an object keyed by column name, `district_id` added). */
export async function copyRows(
  client: ClientBase,
  mode: BulkMode,
  table: string,
  districtId: string,
  columns: readonly Column[],
  rows: Iterable<object>,
): Promise<number> {
  const buffer = new CopyBuffer(columns, districtId);
  for (const row of rows) buffer.add(row);
  return copyTo(client, mode, table, buffer);
}
