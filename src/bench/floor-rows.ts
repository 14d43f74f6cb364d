import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { Client } from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

/**
 * The rows of a loaded database, kept as PostgreSQL's binary COPY encodes them, and written again
 * into another database of the same schema over two connections, as the first start's two lanes
 * write the demo: one district's rows on one, the rest on the other. `npm run bench:floor`
 * (floor.ts) times that write on a new cluster: what a first start would cost if making the rows
 * cost nothing.
 */

/** One table's rows, in COPY's binary format, split by lane. */
export interface TableRows {
  /** Its name, and the name quoted for SQL. */
  table: string;
  ident: string;
  /** Its stored columns, quoted, in order (generated columns are left out: COPY cannot write them). */
  columns: string[];
  /** The rows of the lane's district, and the others (all rows, for a table without districts). */
  lanes: [Buffer, Buffer];
  /** How many rows the table held, and a digest of them (contentOf). */
  count: number;
  digest: string;
}

export interface DatabaseRows {
  tables: TableRows[];
  /** Tables the database's own functions write (rollups kept by triggers): loaded by those. */
  derived: string[];
}

/** The tables of the public schema with their stored columns, and whether they have district_id. */
async function tablesOf(
  client: Client,
): Promise<Array<{ table: string; ident: string; columns: string[]; byDistrict: boolean }>> {
  const { rows } = await client.query<{ table: string; ident: string; columns: string[] }>(
    `SELECT c.relname AS table, 'public.' || quote_ident(c.relname) AS ident,
            array_agg(quote_ident(a.attname) ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                          AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind = 'r'
      GROUP BY c.relname
      ORDER BY c.relname`,
  );
  return rows.map((r) => ({ ...r, byDistrict: r.columns.includes("district_id") }));
}

/**
 * The count and a digest of a table's rows: of every stored column, but for a derived table its
 * `id`, which its trigger draws anew in each database.
 */
async function contentOf(
  client: Client,
  t: { ident: string; columns: string[] },
  derived: boolean,
): Promise<{ count: number; digest: string }> {
  const columns = derived ? t.columns.filter((c) => c !== "id") : t.columns;
  const { rows } = await client.query<{ count: number; digest: string }>(
    `SELECT count(*)::int AS count,
            md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text COLLATE "C"), '')) AS digest
       FROM (SELECT ${columns.join(", ")} FROM ${t.ident}) x`,
  );
  return rows[0];
}

/**
 * Tables that the triggers which fire for a replica (ENABLE ALWAYS or REPLICA: the rollups) insert into,
 * through the functions they call: their rows come from the rows of the tables they follow, so
 * they are not written twice.
 */
async function derivedTables(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; src: string; always: boolean }>(
    `SELECT p.proname AS name, p.prosrc AS src,
            EXISTS (SELECT 1 FROM pg_trigger t
                     WHERE t.tgfoid = p.oid AND t.tgenabled IN ('A', 'R')) AS always
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')`,
  );
  // The functions those triggers run, and the functions these name, and so on.
  const reached = new Set(rows.filter((r) => r.always).map((r) => r.name));
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows)
      if (reached.has(r.name))
        for (const other of rows)
          if (!reached.has(other.name) && new RegExp(`\\b${other.name}\\s*\\(`).test(r.src)) {
            reached.add(other.name);
            grew = true;
          }
  }
  const names = new Set<string>();
  for (const r of rows.filter((x) => reached.has(x.name)))
    for (const m of r.src.matchAll(
      /\binsert\s+into\s+(?:only\s+)?(?:"?[a-z_][a-z0-9_]*"?\.)?"?([a-z_][a-z0-9_]*)"?/gi,
    ))
      names.add(m[1].toLowerCase());
  return [...names].sort();
}

/**
 * Every table of `ownerUrl`'s database with its rows, `districtId`'s apart from the others', and
 * each table's count and digest (tables without rows too).
 */
export async function readRows(ownerUrl: string, districtId: string): Promise<DatabaseRows> {
  if (!UUID.test(districtId)) throw new Error(`not a district id: ${districtId}`);
  // COPY takes no parameters: the id, checked to be a uuid, is written into its statements.
  const district = `'${districtId}'::uuid`;
  const client = new Client({ connectionString: ownerUrl });
  client.on("error", () => undefined);
  await client.connect();
  try {
    // One snapshot for all the tables, as superuser (row-level security does not apply).
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const derived = await derivedTables(client);
    const tables: TableRows[] = [];
    for (const t of await tablesOf(client)) {
      const { count, digest } = await contentOf(client, t, derived.includes(t.table));
      const read = async (where: string): Promise<Buffer> => {
        const chunks: Buffer[] = [];
        const stream = client.query(
          copyTo(
            `COPY (SELECT ${t.columns.join(", ")} FROM ${t.ident} ${where}) TO STDOUT (FORMAT binary)`,
          ),
        );
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks);
      };
      const none = Buffer.alloc(0);
      // A table without rows is kept too, so that one the new database fills is seen.
      const lanes: [Buffer, Buffer] =
        count === 0
          ? [none, none]
          : t.byDistrict
            ? [
                await read(`WHERE district_id = ${district}`),
                await read(`WHERE district_id IS DISTINCT FROM ${district}`),
              ]
            : [none, await read("")];
      tables.push({ table: t.table, ident: t.ident, columns: t.columns, lanes, count, digest });
    }
    await client.query("COMMIT");
    return { tables, derived };
  } finally {
    await client.end();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A binary COPY that holds no row: its header and trailer alone. */
const EMPTY_COPY_BYTES = 19 + 2;

/**
 * Writes `rows` into the database of `ownerUrl` (its schema current, the demo not loaded): the
 * tables that already hold rows (made by the migrations) and the derived ones are left out, the
 * rest written on two connections at once as a replica (no foreign-key checks, as the demo's
 * lanes write), each lane in one transaction. Returns the tables written.
 */
export async function writeRows(ownerUrl: string, rows: DatabaseRows): Promise<string[]> {
  const owner = new Client({ connectionString: ownerUrl });
  owner.on("error", () => undefined);
  await owner.connect();
  let written: TableRows[];
  try {
    // One statement: which of the tables hold rows already (made by the migrations).
    const { rows: held } = await owner.query<{ table: string }>(
      rows.tables
        .map((t, i) => `SELECT $${i + 1}::text AS table WHERE EXISTS (SELECT 1 FROM ${t.ident})`)
        .join(" UNION ALL "),
      rows.tables.map((t) => t.table),
    );
    const skip = new Set([...held.map((h) => h.table), ...rows.derived]);
    written = rows.tables.filter((t) => t.count > 0 && !skip.has(t.table));
  } finally {
    await owner.end();
  }
  const lanes = await Promise.allSettled(
    [0, 1].map(async (lane) => {
      const client = new Client({ connectionString: ownerUrl });
      // A connection that fails between queries would otherwise be an unhandled event: kept, and
      // reported as the lane's failure.
      let dropped: Error | undefined;
      client.on("error", (err: Error) => void (dropped ??= err));
      await client.connect();
      try {
        await client.query("BEGIN");
        await client.query("SET LOCAL session_replication_role = replica");
        for (const t of written) {
          const bytes = t.lanes[lane];
          if (bytes.length <= EMPTY_COPY_BYTES) continue;
          await pipeline(
            Readable.from([bytes]),
            client.query(
              copyFrom(`COPY ${t.ident} (${t.columns.join(", ")}) FROM STDIN (FORMAT binary)`),
            ),
          );
        }
        await client.query("COMMIT");
      } catch (err) {
        throw dropped ?? err;
      } finally {
        await client.end().catch(() => undefined);
      }
    }),
  );
  // Both lanes have ended (the other one committed, if it could): the failures, both if both.
  const failures = lanes.flatMap((l, i) =>
    l.status === "rejected" ? [`lane ${i + 1}: ${(l.reason as Error)?.message ?? l.reason}`] : [],
  );
  if (failures.length) throw new Error(`writing the rows failed: ${failures.join("; ")}`);
  return written.map((t) => t.table);
}

/**
 * The tables whose rows in `ownerUrl`'s database differ from `rows`' (the derived ones too: their
 * triggers must have made them again), by count or, the counts equal, by content.
 */
export async function differingTables(
  ownerUrl: string,
  rows: DatabaseRows,
): Promise<Array<{ table: string; expected: number; found: number }>> {
  const client = new Client({ connectionString: ownerUrl });
  client.on("error", () => undefined);
  await client.connect();
  try {
    const out: Array<{ table: string; expected: number; found: number }> = [];
    for (const t of rows.tables) {
      const found = await contentOf(client, t, rows.derived.includes(t.table));
      if (found.count !== t.count || found.digest !== t.digest)
        out.push({ table: t.table, expected: t.count, found: found.count });
    }
    return out;
  } finally {
    await client.end();
  }
}
