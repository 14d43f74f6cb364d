import { Client } from "pg";

/**
 * Walks the database catalogue so that no tenant table can slip through: every table in the
 * public schema is a tenant table unless it is listed here as a reference table, and every tenant
 * table must be distributable by district_id (Citus) and guarded by forced row-level security.
 */
const REFERENCE_TABLES = new Set(["city", "district", "schema_migrations"]);

let db: Client;
beforeAll(async () => {
  db = new Client({ connectionString: process.env.TEST_OWNER_DATABASE_URL });
  await db.connect();
});
afterAll(() => db.end());

async function tenantTables(): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  return rows.map((r) => r.relname as string).filter((t) => !REFERENCE_TABLES.has(t));
}

async function constraintColumns(table: string, type: "p" | "u" | "f") {
  const { rows } = await db.query(
    `SELECT con.conname, con.confrelid::regclass::text AS target,
            array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS cols
       FROM pg_constraint con WHERE con.conrelid = $1::regclass AND con.contype = $2`,
    [table, type],
  );
  return rows as Array<{ conname: string; target: string; cols: string[] }>;
}

it("finds the tenant tables (the check would be empty otherwise)", async () => {
  expect(await tenantTables()).toEqual(expect.arrayContaining(["department", "staff_account"]));
});

it("every tenant table has district_id NOT NULL and a primary key (district_id, id)", async () => {
  for (const table of await tenantTables()) {
    const col = await db.query(
      `SELECT attnotnull, format_type(atttypid, atttypmod) AS type FROM pg_attribute
        WHERE attrelid = $1::regclass AND attname = 'district_id' AND NOT attisdropped`,
      [table],
    );
    expect({ table, district_id: col.rows[0] }).toEqual({
      table,
      district_id: { attnotnull: true, type: "uuid" },
    });
    const pk = await constraintColumns(table, "p");
    expect({ table, pk: pk[0]?.cols }).toEqual({ table, pk: ["district_id", "id"] });
  }
});

it("every unique constraint and unique index of a tenant table includes district_id", async () => {
  for (const table of await tenantTables()) {
    const { rows } = await db.query(
      `SELECT i.indexrelid::regclass::text AS name,
              array(SELECT a.attname FROM unnest(i.indkey) k(attnum)
                    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum)::text[] AS cols
         FROM pg_index i WHERE i.indrelid = $1::regclass AND i.indisunique`,
      [table],
    );
    for (const idx of rows)
      expect({ table, index: idx.name, hasDistrict: idx.cols.includes("district_id") }).toEqual({
        table,
        index: idx.name,
        hasDistrict: true,
      });
  }
});

it("every foreign key between tenant tables leads with district_id", async () => {
  const tenants = new Set(await tenantTables());
  for (const table of tenants) {
    for (const fk of await constraintColumns(table, "f")) {
      if (REFERENCE_TABLES.has(fk.target)) continue;
      expect({ table, fk: fk.conname, target: tenants.has(fk.target), first: fk.cols[0] }).toEqual({
        table,
        fk: fk.conname,
        target: true,
        first: "district_id",
      });
    }
  }
});

it("every tenant table has row-level security enabled and forced, with a policy on district_id", async () => {
  for (const table of await tenantTables()) {
    const { rows } = await db.query(
      `SELECT c.relrowsecurity, c.relforcerowsecurity,
              (SELECT array_agg(pg_get_expr(p.polqual, p.polrelid)) FROM pg_policy p WHERE p.polrelid = c.oid) AS quals,
              (SELECT array_agg(pg_get_expr(p.polwithcheck, p.polrelid)) FROM pg_policy p WHERE p.polrelid = c.oid) AS checks
         FROM pg_class c WHERE c.oid = $1::regclass`,
      [table],
    );
    const r = rows[0];
    expect({ table, enabled: r.relrowsecurity, forced: r.relforcerowsecurity }).toEqual({
      table,
      enabled: true,
      forced: true,
    });
    expect(r.quals?.length).toBeGreaterThan(0);
    for (const q of [...r.quals, ...r.checks]) {
      expect(q).toMatch(/district_id = ANY \(\(\s*SELECT app\.current_district_ids\(\)/);
    }
  }
});
