import { Client } from "pg";
import { uuidv7 } from "../../src/common/ids";
import { bulkModeOf, type Column, copyRows } from "../../src/demo/copy-rows";
import { buildDistrict, closeFactories } from "../factories";

/**
 * The demo's bulk load (demo/copy-rows.ts, demo/lane.ts): COPY with text that COPY must escape,
 * both straight into a table (an owner that bypasses row-level security) and through a temporary
 * table (a role that it applies to); and, as a superuser's load skips the foreign-key checks row
 * by row, every foreign key checked here over the whole database instead.
 */
let owner: Client;
let app: Client;

beforeAll(async () => {
  owner = new Client({ connectionString: process.env.TEST_OWNER_DATABASE_URL });
  app = new Client({ connectionString: process.env.TEST_APP_DATABASE_URL });
  await Promise.all([owner.connect(), app.connect()]);
});
afterAll(async () => {
  await Promise.all([owner.end(), app.end()]);
  await closeFactories();
});

const COLUMNS: Column[] = [
  ["id", "uuid"],
  ["day", "date"],
  ["kind", "text"],
  ["name", "text"],
];
const NAMES = ["春节\t调休", "line\nbreak\r", "back\\slash \\N", "", null];

async function copyAndReadBack(client: Client, districtId: string) {
  await client.query("BEGIN");
  try {
    await client.query("SELECT set_config('app.district_ids', $1, true)", [`{${districtId}}`]);
    const mode = await bulkModeOf(client);
    const rows = NAMES.map((name, i) => ({
      id: uuidv7(),
      day: `2031-01-0${i + 1}`,
      kind: i % 2 ? "workday" : "holiday",
      name,
    }));
    expect(await copyRows(client, mode, "calendar_day", districtId, COLUMNS, rows)).toBe(5);
    const { rows: back } = await client.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, name FROM calendar_day
        WHERE district_id = $1 ORDER BY day`,
      [districtId],
    );
    return { mode, back, rows };
  } finally {
    await client.query("ROLLBACK");
  }
}

it.each([
  ["the owner, straight into the table", () => owner, true],
  ["the server's role, through a temporary table", () => app, false],
])("COPY writes every character as given: %s", async (_, client, direct) => {
  const district = await buildDistrict();
  const { mode, back, rows } = await copyAndReadBack(client(), district.id);
  expect(mode.direct).toBe(direct);
  expect(back).toEqual(rows.map(({ day, kind, name }) => ({ day, kind, name })));
});

it("every foreign key holds, the demo's rows included", async () => {
  const { rows: keys } = await owner.query(
    `SELECT c.conname, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
            array_agg(a.attname::text ORDER BY k.n) AS cols, array_agg(p.attname::text ORDER BY k.n) AS refs
       FROM pg_constraint c
       CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(col, ref, n)
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
       JOIN pg_attribute p ON p.attrelid = c.confrelid AND p.attnum = k.ref
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
      GROUP BY c.oid, c.conname, c.conrelid, c.confrelid`,
  );
  expect(keys.length).toBeGreaterThan(50);
  const broken: string[] = [];
  for (const k of keys) {
    const cols = (k.cols as string[]).map((c) => `"${c}"`);
    const refs = (k.refs as string[]).map((c) => `"${c}"`);
    // MATCH SIMPLE: a row with a null in the key refers to nothing.
    const { rows } = await owner.query(
      `SELECT count(*)::int AS n FROM ${k.child} x
        WHERE ${cols.map((c) => `x.${c} IS NOT NULL`).join(" AND ")}
          AND NOT EXISTS (SELECT 1 FROM ${k.parent} y
                           WHERE ${cols.map((c, i) => `y.${refs[i]} = x.${c}`).join(" AND ")})`,
    );
    if (rows[0].n > 0) broken.push(`${k.conname}: ${rows[0].n}`);
  }
  expect(broken).toEqual([]);
});
