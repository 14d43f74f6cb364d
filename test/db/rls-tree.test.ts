import { Client } from "pg";
import { asAppIn, buildDistrict, closeFactories, type BuiltDistrict } from "../factories";
import { buildTree } from "../factories/tree";
import { GRID_ENTITIES } from "../../src/modules/grid/grid.entities";
import { getMetadataArgsStorage } from "typeorm";

/**
 * Row-level security on every table of the grid tree, checked with the server's own role: with
 * A's context, a SELECT with no WHERE sees only A's rows; updates and deletes of B's rows touch
 * nothing; inserting a row for B is refused.
 */
let app: Client;
let a: BuiltDistrict;
let b: BuiltDistrict;
let tables: string[];

beforeAll(async () => {
  a = await buildDistrict();
  b = await buildDistrict();
  await buildTree(a);
  await buildTree(b);
  const byTarget = new Map(getMetadataArgsStorage().tables.map((t) => [t.target, t.name]));
  tables = GRID_ENTITIES.map((e) => byTarget.get(e)!);
  app = new Client({ connectionString: process.env.TEST_APP_DATABASE_URL });
  await app.connect();
});
afterAll(async () => {
  await app.end();
  await closeFactories();
});

const asTenant = <T>(districtId: string, fn: () => Promise<T>) => asAppIn(app, districtId, fn);

it("covers every table of the tree", () => {
  expect(tables).toHaveLength(24);
});

it("with A's context, no table shows a row of another district", async () => {
  for (const table of tables) {
    const { rows } = await asTenant(a.id, () =>
      app.query(
        `SELECT count(*) FILTER (WHERE district_id <> $1)::int AS foreign_rows FROM ${table}`,
        [a.id],
      ),
    );
    expect({ table, foreign: rows[0].foreign_rows }).toEqual({ table, foreign: 0 });
  }
  // The tree's tables hold rows of B (the walk above would be empty otherwise).
  const own = await asTenant(b.id, () => app.query("SELECT count(*)::int AS n FROM person"));
  expect(own.rows[0].n).toBeGreaterThan(0);
});

it("with A's context, updates and deletes of B's rows touch nothing", async () => {
  for (const table of tables) {
    const upd = await asTenant(a.id, () =>
      app.query(`UPDATE ${table} SET district_id = district_id WHERE district_id = $1`, [b.id]),
    );
    expect({ table, updated: upd.rowCount }).toEqual({ table, updated: 0 });
  }
  const del = await asTenant(a.id, () =>
    app.query("DELETE FROM vote WHERE district_id = $1", [b.id]),
  );
  expect(del.rowCount).toBe(0);
});

it("with A's context, a row for B cannot be inserted", async () => {
  await expect(
    asTenant(a.id, () =>
      app.query(
        "INSERT INTO street_office (district_id, id, code, name) VALUES ($1, gen_random_uuid(), 'x', 'x')",
        [b.id],
      ),
    ),
  ).rejects.toMatchObject({ code: "42501" });
});
