/**
 * Bulk writing for the demo loaders: rows made in memory go to PostgreSQL by COPY in its text
 * format, several times cheaper for the server than INSERT … SELECT over JSON (no JSON to parse,
 * one statement per table).
 *
 * COPY into a table refuses a role that row-level security applies to (an owner that is neither
 * a superuser nor BYPASSRLS, as `MIGRATION_DATABASE_URL` may be); for such a role the rows are
 * copied into a temporary table of the same columns and moved with one INSERT … SELECT, under
 * the tenant context the caller set.
 */
import { type ClientBase } from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** A column and its PostgreSQL type (`text[]`, `jsonb`, `timestamptz`, …). */
export type Column = readonly [name: string, type: string];

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

/** Characters COPY's text format escapes, and what it writes instead. */
const SPECIAL = /[\\\n\r\t]/;
const SPECIALS = /[\\\n\r\t]/g;
const ESCAPED: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };
const escapeText = (s: string) => (SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ESCAPED[c]) : s);

/** An element of an array literal: quoted, with its quotes and backslashes escaped. */
const arrayElement = (v: unknown) =>
  v === null || v === undefined ? "NULL" : `"${String(v).replace(/["\\]/g, "\\$&")}"`;

type Encode = (v: unknown) => string;
const NULL = "\\N";

/**
 * How a column's values are written, by its type: only free text, JSON and arrays can hold the
 * characters COPY escapes; ids, numbers, times and dates are written as they are.
 */
function encoderOf(type: string): Encode {
  if (type.endsWith("[]"))
    return (v) =>
      v == null ? NULL : escapeText(`{${(v as unknown[]).map(arrayElement).join(",")}}`);
  if (type === "jsonb" || type === "json")
    return (v) => (v == null ? NULL : escapeText(JSON.stringify(v)));
  if (type === "text") return (v) => (v == null ? NULL : escapeText(v as string));
  if (type === "boolean") return (v) => (v == null ? NULL : v ? "t" : "f");
  if (type === "timestamptz" || type === "date")
    return (v) => (v == null ? NULL : v instanceof Date ? v.toISOString() : String(v));
  return (v) => (v == null ? NULL : String(v));
}

/** Bytes per chunk of encoded rows. */
const CHUNK_BYTES = 1 << 20;

/** A value written before a row's own columns, known only when the rows are written. */
export interface Lead {
  column: Column;
  /** The rows, by index, in the order they are written. */
  order: ArrayLike<number>;
  /** The lead value of a row (its log position, its case number). */
  value(row: number): string;
}

/**
 * Rows of one table encoded for COPY as they are made, outside the JavaScript heap: a row does
 * not outlive its encoding, and what waits to be written costs the garbage collector nothing
 * (keeping the month's cases and events as objects until the end made collecting them as costly
 * as making them). `prefix` starts every line (the district's id).
 */
export class CopyBuffer {
  private readonly fieldNames: string[];
  private readonly encode: Encode[];
  private readonly chunks: Buffer[] = [];
  private buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  /** Each row's chunk and its bytes' end there; it starts where the previous row ended. */
  private readonly rowChunk: number[] = [];
  private readonly rowEnd: number[] = [];

  constructor(
    readonly columns: readonly Column[],
    private readonly prefix: string,
  ) {
    this.fieldNames = columns.map(([c]) => c);
    this.encode = columns.map(([, type]) => encoderOf(type));
  }

  get rows(): number {
    return this.rowEnd.length;
  }

  /** Encodes a row (an object keyed by column name); returns its index. */
  add(row: object): number {
    const r = row as Record<string, unknown>;
    let line = this.prefix;
    for (let i = 0; i < this.encode.length; i++) {
      if (i > 0) line += "\t";
      line += this.encode[i](r[this.fieldNames[i]]);
    }
    line += "\n";
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.used + line.length * 3 > this.buf.length) {
      this.chunks.push(this.buf.subarray(0, this.used));
      this.buf = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, line.length * 3));
      this.used = 0;
    }
    this.used += this.buf.write(line, this.used);
    this.rowChunk.push(this.chunks.length);
    this.rowEnd.push(this.used);
    return this.rowEnd.length - 1;
  }

  private sealed(): Buffer[] {
    if (this.used > 0) {
      this.chunks.push(this.buf.subarray(0, this.used));
      this.buf = Buffer.allocUnsafe(0);
      this.used = 0;
    }
    return this.chunks;
  }

  /** The encoded data, each row preceded by its lead value when there is one. */
  *data(lead?: Lead): Generator<Buffer> {
    const chunks = this.sealed();
    if (!lead) return yield* chunks;
    let out = Buffer.allocUnsafe(CHUNK_BYTES);
    let used = 0;
    for (let k = 0; k < lead.order.length; k++) {
      const row = lead.order[k];
      const chunk = this.rowChunk[row];
      const start = row > 0 && this.rowChunk[row - 1] === chunk ? this.rowEnd[row - 1] : 0;
      const end = this.rowEnd[row];
      const value = lead.value(row) + "\t";
      if (used + value.length * 3 + end - start > out.length) {
        yield out.subarray(0, used);
        out = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, value.length * 3 + end - start));
        used = 0;
      }
      used += out.write(value, used);
      used += chunks[chunk].copy(out, used, start, end);
    }
    if (used > 0) yield out.subarray(0, used);
  }

  /**
   * Writes the rows into `table` in the caller's transaction (its columns `district_id` and
   * `columns`, after the lead's column when there is one). Returns the number of rows.
   */
  async copyTo(client: ClientBase, mode: BulkMode, table: string, lead?: Lead): Promise<number> {
    const names = [
      ...(lead ? [lead.column[0]] : []),
      "district_id",
      ...this.columns.map(([c]) => c),
    ]
      .map((c) => `"${c}"`)
      .join(", ");
    const target = mode.direct ? table : `copy_${table}`;
    if (!mode.direct)
      await client.query(
        `CREATE TEMP TABLE IF NOT EXISTS ${target} (LIKE ${table} INCLUDING DEFAULTS) ON COMMIT DROP`,
      );
    const stream = client.query(copyFrom(`COPY ${target} (${names}) FROM STDIN`));
    const done = new Promise<void>((resolve, reject) => {
      stream.on("finish", resolve);
      stream.on("error", reject);
    });
    for (const chunk of this.data(lead))
      if (!stream.write(chunk)) await new Promise((r) => stream.once("drain", r));
    stream.end();
    await done;
    if (!mode.direct) {
      await client.query(`INSERT INTO ${table} (${names}) SELECT ${names} FROM ${target}`);
      await client.query(`TRUNCATE ${target}`);
    }
    return this.rows;
  }
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
  const buffer = new CopyBuffer(columns, `${districtId}\t`);
  for (const row of rows) buffer.add(row);
  return buffer.copyTo(client, mode, table);
}
