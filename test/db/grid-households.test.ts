import { Client } from "pg";
import { uuidv7 } from "../../src/common/ids";
import {
  rebuildGridHouseholds,
  verifyGridHouseholds,
} from "../../src/modules/patrols/grid-households";
import { asAppIn, asDistrict, buildDistrict, closeFactories, ownerPool } from "../factories";
import { buildTree, type BuiltTree } from "../factories/tree";

/**
 * Each grid's households, kept by the triggers on household (migration GridHouseholds) for patrol
 * coverage: equal to a count of the households after every kind of write, in the statement that
 * writes; for the demo's bulk load as well; found by verify-scores when they differ; and kept to
 * their district by row-level security.
 */
type Q = Parameters<Parameters<typeof asDistrict>[1]>[0];

let districtId: string;
let tree: BuiltTree;

beforeAll(async () => {
  const d = await buildDistrict();
  districtId = d.id;
  tree = await buildTree(d);
});
afterAll(() => closeFactories());

const sqlOf = (q: Q) => async (text: string, p?: unknown[]) =>
  (await q(text, p)).rows as Array<Record<string, unknown>>;

/** The kept households of the district's grids, by grid (0s left out). */
async function kept(q: Q, district = districtId): Promise<Record<string, number>> {
  const { rows } = await q(
    `SELECT grid_id, households FROM grid_household_count
      WHERE district_id = $1 AND households <> 0`,
    [district],
  );
  return Object.fromEntries(
    (rows as Array<{ grid_id: string; households: number }>).map((r) => [r.grid_id, r.households]),
  );
}

/** Rolls back what `fn` wrote, so that the district stays as the factory made it. */
async function rolledBack(fn: (q: Q) => Promise<void>): Promise<void> {
  await expect(
    asDistrict(districtId, async (q) => {
      await fn(q);
      throw new Error("rolled back");
    }),
  ).rejects.toThrow("rolled back");
}

it("keeps each grid's households through inserts, moves and deletes, in the statement that writes", async () => {
  await rolledBack(async (q) => {
    // The factory's households: two in grid A, one in grid B, one in the village's grid.
    expect(await kept(q)).toEqual({ [tree.gridA]: 2, [tree.gridB]: 1, [tree.gridRural]: 1 });
    const [h1, h2] = [uuidv7(), uuidv7()];
    await q(
      `INSERT INTO household (district_id, id, grid_id, address) VALUES
         ($1, $2, $3, '新苑小区3号楼202'), ($1, $4, $3, '新苑小区3号楼203')`,
      [districtId, h1, tree.gridB, h2],
    );
    expect(await kept(q)).toEqual({ [tree.gridA]: 2, [tree.gridB]: 3, [tree.gridRural]: 1 });
    // Moved to another grid: one less where it was, one more where it goes; a change of address
    // moves nothing.
    await q("UPDATE household SET grid_id = $2 WHERE district_id = $1 AND id = $3", [
      districtId,
      tree.gridA,
      h1,
    ]);
    await q("UPDATE household SET address = address || '室' WHERE district_id = $1", [districtId]);
    expect(await kept(q)).toEqual({ [tree.gridA]: 3, [tree.gridB]: 2, [tree.gridRural]: 1 });
    await q("DELETE FROM household WHERE district_id = $1 AND id = ANY($2::uuid[])", [
      districtId,
      [h1, h2],
    ]);
    expect(await kept(q)).toEqual({ [tree.gridA]: 2, [tree.gridB]: 1, [tree.gridRural]: 1 });
    expect(await verifyGridHouseholds(sqlOf(q), districtId)).toEqual([]);
  });
});

it("keeps the households of the demo's grids loaded in bulk, as a replica skipping the foreign keys (Mingshan)", async () => {
  const [{ id }] = (await ownerPool().query("SELECT id FROM district WHERE code = 'mingshan'"))
    .rows as Array<{ id: string }>;
  await asDistrict(id, async (q) => {
    expect(await verifyGridHouseholds(sqlOf(q), id)).toEqual([]);
    const { rows } = await q(
      `SELECT count(*)::int AS grids, coalesce(sum(households), 0)::int AS households
         FROM grid_household_count WHERE district_id = $1`,
      [id],
    );
    expect(rows[0].grids).toBeGreaterThan(500);
    const { rows: all } = await q(
      "SELECT count(*)::int AS n FROM household WHERE district_id = $1",
      [id],
    );
    expect(rows[0].households).toBe(all[0].n);
  });
});

it("verify-scores finds a grid whose kept households differ, and --fix counts them again", async () => {
  await rolledBack(async (q) => {
    const sql = sqlOf(q);
    await q(
      "UPDATE grid_household_count SET households = households + 1 WHERE district_id = $1 AND grid_id = $2",
      [districtId, tree.gridA],
    );
    await q("DELETE FROM grid_household_count WHERE district_id = $1 AND grid_id = $2", [
      districtId,
      tree.gridB,
    ]);
    const found = await verifyGridHouseholds(sql, districtId);
    expect(found.sort()).toEqual(
      [
        `households of grid ${tree.gridA}: kept 3, registered 2`,
        `households of grid ${tree.gridB}: kept 0, registered 1`,
      ].sort(),
    );
    expect(await rebuildGridHouseholds(sql, districtId)).toBe(3);
    expect(await verifyGridHouseholds(sql, districtId)).toEqual([]);
    expect(await kept(q)).toEqual({ [tree.gridA]: 2, [tree.gridB]: 1, [tree.gridRural]: 1 });
  });
});

it("keeps grids' households to their district: the server's role in another district's context sees and writes none", async () => {
  const other = await buildDistrict();
  await buildTree(other);
  const app = new Client({ connectionString: process.env.TEST_APP_DATABASE_URL });
  await app.connect();
  const asApp = <T>(d: string, fn: () => Promise<T>) => asAppIn(app, d, fn);
  const count = async () =>
    (await app.query("SELECT count(*)::int AS n FROM grid_household_count")).rows[0].n as number;
  try {
    expect(await asApp(districtId, count)).toBe(3);
    // Another district's context, without any WHERE: only its own grids, and none of this one's
    // to change or to add to.
    expect(await asApp(other.id, count)).toBe(3);
    await asApp(other.id, async () => {
      const upd = await app.query(
        "UPDATE grid_household_count SET households = households + 1 WHERE district_id = $1",
        [districtId],
      );
      expect(upd.rowCount).toBe(0);
      await expect(
        app.query(
          `INSERT INTO grid_household_count (district_id, id, grid_id, households)
           VALUES ($1, gen_random_uuid(), gen_random_uuid(), 1)`,
          [districtId],
        ),
      ).rejects.toThrow(/row-level security/);
    });
  } finally {
    await app.end();
  }
});
