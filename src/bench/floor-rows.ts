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
  table: string;
  /** Its stored columns, quoted, in order (generated columns are left out: COPY cannot write them). */
  columns: string;
  /** The rows of the lane's district, and the others (all rows, for a table without districts). */
  lanes: [Buffer, Buffer];
  /** How many rows the table held. */
  count: number;
}

export interface DatabaseRows {
  tables: TableRows[];
  /** Tables the database's own functions write (rollups kept by triggers): loaded by those. */
  derived: string[];
}

/** The tables of the public schema with their stored columns, and whether they have district_id. */
async function tablesOf(
  client: Client,
): Promise<Array<{ table: string; columns: string; byDistrict: boolean }>> {
  const { rows } = await client.query<{ table: string; columns: string[] }>(
    `SELECT c.relname AS table,
            array_agg(quote_ident(a.attname) ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                          AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind = 'r'
      GROUP BY c.relname
      ORDER BY c.relname`,
  );
  return rows.map((r) => ({
    table: r.table,
    columns: r.columns.join(", "),
    byDistrict: r.columns.includes("district_id"),
  }));
}

/**
 * Tables that the triggers which fire for a replica (ENABLE ALWAYS: the rollups) insert into,
 * through the functions they call: their rows come from the rows of the tables they follow, so
 * they are not written twice.
 */
async function derivedTables(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; src: string; always: boolean }>(
    `SELECT p.proname AS name, p.prosrc AS src,
            EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgfoid = p.oid AND t.tgenabled = 'A') AS always
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
    for (const m of r.src.matchAll(/\binsert\s+into\s+(?:public\.)?"?([a-z_][a-z0-9_]*)"?/gi))
      names.add(m[1].toLowerCase());
  return [...names].sort();
}

/** Every row of `client`'s database with rows, `districtId`'s apart from the others'. */
export async function readRows(ownerUrl: string, districtId: string): Promise<DatabaseRows> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // One snapshot for all the tables, as superuser (row-level security does not apply).
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const derived = await derivedTables(client);
    const tables: TableRows[] = [];
    for (const t of await tablesOf(client)) {
      const read = async (where: string): Promise<Buffer> => {
        const chunks: Buffer[] = [];
        const stream = client.query(
          copyTo(`COPY (SELECT ${t.columns} FROM ${t.table} ${where}) TO STDOUT (FORMAT binary)`),
        );
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks);
      };
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${t.table}`,
      );
      if (rows[0].n === 0) continue;
      const own = t.byDistrict
        ? await read(`WHERE district_id = '${districtId}'`)
        : Buffer.alloc(0);
      const rest = await read(t.byDistrict ? `WHERE district_id <> '${districtId}'` : "");
      tables.push({ table: t.table, columns: t.columns, lanes: [own, rest], count: rows[0].n });
    }
    await client.query("COMMIT");
    return { tables, derived };
  } finally {
    await client.end();
  }
}

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
  await owner.connect();
  let written: TableRows[];
  try {
    const held = new Set<string>();
    for (const t of rows.tables) {
      const r = await owner.query(`SELECT EXISTS (SELECT 1 FROM ${t.table}) AS held`);
      if (r.rows[0].held) held.add(t.table);
    }
    const derived = new Set(rows.derived);
    written = rows.tables.filter((t) => !held.has(t.table) && !derived.has(t.table));
  } finally {
    await owner.end();
  }
  await Promise.all(
    [0, 1].map(async (lane) => {
      const client = new Client({ connectionString: ownerUrl });
      await client.connect();
      try {
        await client.query("BEGIN");
        await client.query("SET LOCAL session_replication_role = replica");
        for (const t of written) {
          const bytes = t.lanes[lane];
          if (bytes.length <= EMPTY_COPY_BYTES) continue;
          await pipeline(
            Readable.from([bytes]),
            client.query(copyFrom(`COPY ${t.table} (${t.columns}) FROM STDIN (FORMAT binary)`)),
          );
        }
        await client.query("COMMIT");
      } finally {
        await client.end();
      }
    }),
  );
  return written.map((t) => t.table);
}

/**
 * The tables whose count of rows in `ownerUrl`'s database differs from `rows`' (the derived ones
 * too: their triggers must have made them again), with both counts.
 */
export async function differingCounts(
  ownerUrl: string,
  rows: DatabaseRows,
): Promise<Array<{ table: string; expected: number; found: number }>> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const out: Array<{ table: string; expected: number; found: number }> = [];
    for (const t of rows.tables) {
      const { rows: r } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${t.table}`,
      );
      if (r[0].n !== t.count) out.push({ table: t.table, expected: t.count, found: r[0].n });
    }
    return out;
  } finally {
    await client.end();
  }
}
