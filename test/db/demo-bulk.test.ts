import { Client } from "pg";
import { uuidv7 } from "../../src/common/ids";
import { type Column } from "../../src/demo/copy-binary";
import { CopyBuffer } from "../../src/demo/copy-buffer";
import { bulkModeOf, copyRows, copyTo } from "../../src/demo/copy-rows";
import { CASE_TABLES } from "../../src/demo/case-history";
import { GRID_TREE_TABLES } from "../../src/demo/grid-tree/rows";
import { loadDistrictAtOnce, loadDistrictInTurn } from "../../src/demo/lane";
import { buildDistrict, closeFactories } from "../factories";
import { prepareDemoDistrict } from "../factories/demo-district";
import { TEST_EPOCH } from "../helpers/clock";

/**
 * The demo's bulk load (demo/copy-rows.ts, demo/lane.ts): COPY in the binary format writes every
 * value as PostgreSQL reads its text, both straight into a table (an owner that bypasses
 * row-level security) and through a temporary table (a role that it applies to); a district
 * loaded at once (its month played from the tree in memory) gets the same rows as one loaded part
 * by part; and, as a superuser's load skips the foreign-key checks row by row, every foreign key
 * checked here over the whole database instead.
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

/** Every type the demo writes, each value also given to PostgreSQL as text to compare with. */
const TYPED: Column[] = [
  ["u", "uuid"],
  ["t", "text"],
  ["s", "smallint"],
  ["i", "integer"],
  ["b", "bigint"],
  ["f", "double precision"],
  ["n", "numeric"],
  ["m", "numeric"],
  ["bo", "boolean"],
  ["d", "date"],
  ["ts", "timestamptz"],
  ["j", "jsonb"],
  ["a", "text[]"],
];
const TYPED_ROWS = [
  {
    u: uuidv7(),
    t: "春节\t调休 \\N\n",
    s: -32768,
    i: 2147483647,
    b: 2 ** 53 - 1,
    f: -0.1 + 0.2e-300,
    n: "12345678901234567890.000100",
    m: 1234.5,
    bo: true,
    d: "1999-12-31",
    ts: new Date("1969-07-20T20:17:40.123Z"),
    j: { 名: "值", n: [1, 2.5, null], nested: { ok: false } },
    a: ["一", "", 'with "quote" and \\', null],
  },
  {
    u: uuidv7(),
    t: "",
    s: 0,
    i: -1,
    b: -(2 ** 40),
    f: 1e21,
    n: -0.0005,
    m: 0,
    bo: false,
    d: "2031-02-28",
    ts: "2026-03-10T09:00:00.5+08:00",
    j: {},
    a: [],
  },
  // A row longer than an encoding chunk (1 MB), which moves to a chunk of its own.
  {
    u: uuidv7(),
    t: "长".repeat(700_000),
    s: null,
    i: null,
    b: null,
    f: null,
    n: null,
    m: null,
    bo: null,
    d: null,
    ts: null,
    j: null,
    a: null,
  },
];

it("binary COPY writes every value as PostgreSQL reads its text", async () => {
  const district = await buildDistrict();
  await owner.query("BEGIN");
  try {
    await owner.query(
      `CREATE TEMP TABLE typed (district_id uuid, ${TYPED.map(([c, t]) => `${c} ${t}`).join(", ")},
         via text) ON COMMIT DROP`,
    );
    const buffer = new CopyBuffer(TYPED, district.id);
    for (const row of TYPED_ROWS) buffer.add(row);
    expect(await copyTo(owner, { direct: true, superuser: false }, "typed", buffer)).toBe(3);
    for (const row of TYPED_ROWS)
      await owner.query(
        `INSERT INTO typed (district_id, ${TYPED.map(([c]) => c).join(", ")}, via)
         VALUES ($1, ${TYPED.map(([, t], i) => `$${i + 2}::${t}`).join(", ")}, 'text')`,
        [
          district.id,
          ...TYPED.map(([c, t]) => {
            const v = (row as Record<string, unknown>)[c];
            return v === null ? null : t === "jsonb" ? JSON.stringify(v) : v;
          }),
        ],
      );
    const { rows } = await owner.query(
      `SELECT count(*)::int AS n FROM (
         (SELECT district_id, ${TYPED.map(([c]) => c).join(", ")} FROM typed WHERE via IS NULL
          EXCEPT ALL
          SELECT district_id, ${TYPED.map(([c]) => c).join(", ")} FROM typed WHERE via = 'text')
         UNION ALL
         (SELECT district_id, ${TYPED.map(([c]) => c).join(", ")} FROM typed WHERE via = 'text'
          EXCEPT ALL
          SELECT district_id, ${TYPED.map(([c]) => c).join(", ")} FROM typed WHERE via IS NULL)) x`,
    );
    expect(rows[0].n).toBe(0);
    const { rows: back } = await owner.query(
      "SELECT n::text, m::text, length(t) AS len FROM typed WHERE via IS NULL ORDER BY s NULLS LAST",
    );
    expect(back).toEqual([
      { n: "12345678901234567890.000100", m: "1234.5", len: 9 },
      { n: "-0.0005", m: "0", len: 0 },
      { n: null, m: null, len: 700_000 },
    ]);
  } finally {
    await owner.query("ROLLBACK");
  }
});

/** The tables a demo district's load writes (its tenants' rows aside). */
const DISTRICT_TABLES = [
  ...GRID_TREE_TABLES,
  "joint_committee_unit",
  "target",
  "target_progress",
  ...CASE_TABLES,
  "case_log_head",
  "score_counter",
  "patrol_record",
];

/**
 * A district's rows, table by table, as text that does not depend on the ids the load drew: each
 * uuid is named by what it stands for where that has a name of its own (a code, a case number, an
 * identity number…), "?" where not; columns filled in by the database's clock are left out.
 */
async function districtRows(client: Client, districtId: string): Promise<Record<string, string[]>> {
  const names: Array<[string, string]> = [
    ["street_office", "code"],
    ["community", "code"],
    ["grid", "code"],
    ["compound", "code"],
    ["department", "code"],
    ["case_category", "code"],
    ["renovation_project", "code"],
    ["hotline_case", "number"],
    ["person", "id_number"],
    ["joint_committee_unit", "name"],
    ["household", "address || coalesce(villager_group, '')"],
    ["consultation", "title"],
    ["owner_committee", "name"],
  ];
  await client.query("CREATE TEMP TABLE named (id uuid PRIMARY KEY, name text) ON COMMIT DROP");
  for (const [table, name] of names)
    await client.query(
      `INSERT INTO named SELECT id, '${table}:' || ${name} FROM ${table} WHERE district_id = $1`,
      [districtId],
    );
  const out: Record<string, string[]> = {};
  for (const table of DISTRICT_TABLES) {
    const { rows: cols } = await client.query(
      `SELECT column_name, data_type FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = $1 AND column_name NOT IN ('id', 'district_id')
          AND coalesce(column_default, '') NOT LIKE 'now()%' ORDER BY ordinal_position`,
      [table],
    );
    const fields = cols.map(({ column_name: c, data_type: t }) =>
      t === "uuid"
        ? `coalesce((SELECT name FROM named n WHERE n.id = r."${c}"), CASE WHEN r."${c}" IS NULL THEN 'null' ELSE '?' END)`
        : `coalesce(r."${c}"::text, 'null')`,
    );
    const { rows } = await client.query(
      `SELECT concat_ws('|', ${fields.join(", ")}) AS row FROM ${table} r WHERE district_id = $1 ORDER BY 1`,
      [districtId],
    );
    out[table] = rows.map((r) => r.row as string);
  }
  return out;
}

it("a district loaded at once gets the same rows as one loaded part by part", async () => {
  const built = await buildDistrict({ name: "测试区" });
  const district = { id: built.id, code: built.code, name: built.name, kind: "district" as const };
  const loads = [];
  for (const load of [loadDistrictInTurn, loadDistrictAtOnce]) {
    await owner.query("BEGIN");
    try {
      await owner.query("SELECT set_config('app.district_ids', $1, true)", [`{${district.id}}`]);
      await prepareDemoDistrict(owner, district.id);
      const mode = await bulkModeOf(owner);
      const loaded = await load(owner, district, { mode, now: TEST_EPOCH });
      loads.push({ loaded, rows: await districtRows(owner, district.id) });
    } finally {
      await owner.query("ROLLBACK");
    }
  }
  const [inTurn, atOnce] = loads;
  expect(inTurn.loaded?.history.cases).toBeGreaterThan(1000);
  expect(inTurn.loaded?.patrols.records).toBeGreaterThan(100);
  expect(atOnce.loaded).toEqual(inTurn.loaded);
  for (const table of DISTRICT_TABLES) {
    expect(atOnce.rows[table].length).toBe(inTurn.rows[table].length);
    expect({ table, rows: atOnce.rows[table] }).toEqual({ table, rows: inTurn.rows[table] });
  }
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
