import { TreeWalkDocument } from "../generated/graphql";
import { startTestServer, gql, type TestServer } from "../helpers/server";
import {
  asDistrict,
  buildDistrict,
  closeFactories,
  tokenFor,
  type BuiltDistrict,
} from "../factories";
import { buildTree } from "../factories/tree";
import { uuidv7 } from "../../src/common/ids";

/**
 * No N+1: the nested walk district → street offices → communities → grids → staff → person runs
 * the same number of SQL statements whatever the size of the lists.
 */
let server: TestServer;
let small: BuiltDistrict;
let large: BuiltDistrict;

/** A district of `so` street offices × `co` communities × `gr` grids, each grid with a chief and two workers. */
async function buildWideTree(d: BuiltDistrict, so: number, co: number, gr: number) {
  await asDistrict(d.id, async (q) => {
    for (let s = 0; s < so; s++) {
      const soId = uuidv7();
      await q("INSERT INTO street_office (district_id, id, code, name) VALUES ($1, $2, $3, $4)", [
        d.id,
        soId,
        `so${s}`,
        `街道${s}`,
      ]);
      for (let c = 0; c < co; c++) {
        const coId = uuidv7();
        await q(
          "INSERT INTO community (district_id, id, street_office_id, code, name, kind) VALUES ($1, $2, $3, $4, $5, 'community')",
          [d.id, coId, soId, `so${s}-c${c}`, `社区${s}-${c}`],
        );
        const grids = Array.from({ length: gr }, (_, g) => ({
          id: uuidv7(),
          code: `so${s}-c${c}-g${g}`,
        }));
        await q(
          `INSERT INTO grid (district_id, id, community_id, street_office_id, code, name, kind, latitude, longitude)
           SELECT $1, x.id, $2, $3, x.code, x.code, 'urban', 41.3, 123.8 FROM jsonb_to_recordset($4::jsonb) AS x(id uuid, code text)`,
          [d.id, coId, soId, JSON.stringify(grids)],
        );
        const people = grids.flatMap((g) =>
          ["grid_chief", "grid_worker", "grid_worker"].map((role, i) => ({
            id: uuidv7(),
            grid: g.id,
            role,
            name: `人员${g.code}-${i}`,
            phone: `1380000${String(i).padStart(4, "0")}`,
          })),
        );
        await q(
          `INSERT INTO person (district_id, id, grid_id, name, phone) SELECT $1, x.id, x.grid, x.name, x.phone
             FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, grid uuid, name text, phone text)`,
          [d.id, JSON.stringify(people)],
        );
        await q(
          `INSERT INTO staff_assignment (district_id, id, person_id, grid_id, role, starts_on)
           SELECT $1, gen_random_uuid(), x.id, x.grid, x.role, '2022-01-01'
             FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, grid uuid, role text)`,
          [d.id, JSON.stringify(people)],
        );
      }
    }
  });
}

beforeAll(async () => {
  small = await buildDistrict();
  large = await buildDistrict();
  await buildTree(small);
  await buildWideTree(large, 4, 5, 6); // 120 grids, 360 posts
  // The walk asks for pages of 200 at three levels: far over the default cost budget, which
  // estimates from page sizes. This test counts statements, so the budget is raised here.
  server = await startTestServer({
    QUERY_LIMITS: JSON.stringify({ district_admin: { cost: 1_000_000_000 } }),
    RATE_LIMIT_SUBJECT: "off",
    RATE_LIMIT_DISTRICT: "off",
  });
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

async function statementsOf(d: { code: string }) {
  const token = await tokenFor({ district: d, role: "district_admin" });
  const before = server.statements.length;
  const res = await gql(server, TreeWalkDocument, { first: 200 }, token);
  expect(res.errors).toBeUndefined();
  const statements = server.statements.slice(before);
  const sos = res.data!.district.streetOffices.edges;
  const grids = sos.flatMap((s) => s.node.communities.edges.flatMap((c) => c.node.grids.edges));
  const posts = grids.flatMap((g) => g.node.staff);
  return {
    statements,
    grids: grids.length,
    posts: posts.length,
    named: posts.filter((p) => p.person.name).length,
  };
}

it("runs the same number of statements for 3 grids and for 120", async () => {
  const s = await statementsOf(small);
  const l = await statementsOf(large);
  expect({ grids: s.grids, posts: s.posts }).toEqual({ grids: 3, posts: 2 });
  expect({ grids: l.grids, posts: l.posts, named: l.named }).toEqual({
    grids: 120,
    posts: 360,
    named: 360,
  });
  expect(l.statements.length).toBe(s.statements.length);
  if (process.env.SHOW_SQL) console.log(l.statements.map((q) => q.slice(0, 90)).join("\n"));
  // BEGIN, tenant settings, district, 3 levels × (page + count), staff, persons, COMMIT: a constant.
  expect(l.statements.length).toBeLessThanOrEqual(14);
});

it("walks the whole of the demo Mingshan (702 grids) with the same number of statements", async () => {
  const s = await statementsOf(small);
  const m = await statementsOf({ code: "mingshan" });
  expect(m.grids).toBe(702);
  expect(m.posts).toBeGreaterThan(1400);
  expect(m.statements.length).toBe(s.statements.length);
});
