import { Client } from "pg";
import { DEMO_CITIES } from "../../src/demo/cities";
import { DEFAULT_CATEGORIES } from "../../src/modules/cases/category.defaults";
import { generateGridTree } from "../../src/demo/grid-tree/generate";
import { GRID_TREE_TABLES, REFERENCE_YEAR } from "../../src/demo/grid-tree/rows";
import { loadGridDemo } from "../../src/demo/grid-seed";
import { loadDemoData } from "../../src/demo/seed";
import { buildDistrict, closeFactories } from "../factories";
import { lockAgainstWriters } from "../helpers/locks";

/**
 * The demo grid tree that the global set-up loads: Mingshan's figures from the 2022 report, a
 * complete smaller tree in every other demo district, and a loader that changes nothing the
 * second time. Reads go through the server's role with a tenant context, so that row-level
 * security decides what is seen (the owner of the test database is a superuser, which bypasses it).
 */
const DEMO_CODES = DEMO_CITIES.flatMap((c) => c.districts.map((d) => d.code));

let app: Client;
let owner: Client;
const districtIds = new Map<string, string>();

beforeAll(async () => {
  app = new Client({ connectionString: process.env.TEST_APP_DATABASE_URL });
  owner = new Client({ connectionString: process.env.TEST_OWNER_DATABASE_URL });
  await Promise.all([app.connect(), owner.connect()]);
  const { rows } = await owner.query("SELECT id, code FROM district WHERE code = ANY($1)", [
    DEMO_CODES,
  ]);
  for (const r of rows) districtIds.set(r.code, r.id);
});
afterAll(async () => {
  await Promise.all([app.end(), owner.end()]);
  await closeFactories();
});

/** Runs `fn` on the server's role in a read-only transaction scoped to one district. */
async function inDistrict<T>(code: string, fn: () => Promise<T>): Promise<T> {
  await app.query("BEGIN READ ONLY");
  try {
    await app.query("SELECT set_config('app.district_ids', $1, true)", [
      `{${districtIds.get(code)}}`,
    ]);
    return await fn();
  } finally {
    await app.query("ROLLBACK");
  }
}
async function one(sql: string, params: unknown[] = []) {
  return (await app.query(sql, params)).rows[0];
}
async function all(sql: string, params: unknown[] = []) {
  return (await app.query(sql, params)).rows;
}
const mingshan = <T>(fn: () => Promise<T>) => inDistrict("mingshan", fn);

/** GB 11643: ISO 7064 MOD 11-2 over the first 17 digits. */
function validIdNumber(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  if (!/^[0-9]{17}[0-9X]$/.test(id)) return false;
  const sum = weights.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return "10X98765432"[sum % 11] === id[17];
}

it("loaded every demo district", () => {
  expect([...districtIds.keys()].sort()).toEqual([...DEMO_CODES].sort());
});

describe("Mingshan (明山区), to the figures of the report", () => {
  it("has 7 street offices, 55 communities, 26 villages and 702 grids", async () => {
    await mingshan(async () => {
      const offices = await all("SELECT code, name FROM street_office ORDER BY name");
      expect(offices).toEqual(
        [
          { code: "mingshan", name: "明山街道" },
          { code: "beidi", name: "北地街道" },
          { code: "gaoyu", name: "高峪街道" },
          { code: "xinming", name: "新明街道" },
          { code: "niuxintai", name: "牛心台街道" },
          { code: "gaotaizi", name: "高台子街道" },
          { code: "wolongshan", name: "卧龙山街道" },
        ].sort((a, b) => (a.name < b.name ? -1 : 1)),
      );
      const areas = await one(
        `SELECT count(*) FILTER (WHERE kind = 'community')::int AS communities,
                count(*) FILTER (WHERE kind = 'village')::int AS villages FROM community`,
      );
      expect(areas).toEqual({ communities: 55, villages: 26 });
      const grids = await one(
        `SELECT count(*)::int AS n,
                count(*) FILTER (WHERE g.kind = (CASE c.kind WHEN 'village' THEN 'rural' ELSE 'urban' END))::int AS kind_ok,
                count(*) FILTER (WHERE cardinality(g.lines_of_work) >= 2)::int AS with_lines
           FROM grid g JOIN community c ON c.id = g.community_id`,
      );
      expect(grids).toEqual({ n: 702, kind_ok: 702, with_lines: 702 });
      // Villages only in the last three street offices.
      const villageStreets = await all(
        `SELECT DISTINCT s.code FROM community c JOIN street_office s ON s.id = c.street_office_id
          WHERE c.kind = 'village' ORDER BY 1`,
      );
      expect(villageStreets.map((r) => r.code)).toEqual(["gaotaizi", "niuxintai", "wolongshan"]);
    });
  });

  it("has 282 old compounds, 76 owner committees and 23 self-managed compounds", async () => {
    await mingshan(async () => {
      const compounds = await one(
        `SELECT count(*) FILTER (WHERE is_old)::int AS old,
                count(*) FILTER (WHERE is_old AND year_built < 2000)::int AS old_before_2000,
                count(*) FILTER (WHERE self_managed)::int AS self_managed,
                count(*) FILTER (WHERE building_count <> (SELECT count(*) FROM building b
                                                           WHERE b.compound_id = c.id))::int AS wrong_buildings
           FROM compound c`,
      );
      expect(compounds).toEqual({
        old: 282,
        old_before_2000: 282,
        self_managed: 23,
        wrong_buildings: 0,
      });
      const committees = await one(
        `SELECT count(*)::int AS n,
                count(*) FILTER (WHERE c.self_managed AND oc.status = 'active')::int AS self_managed_active
           FROM owner_committee oc JOIN compound c ON c.id = oc.compound_id`,
      );
      expect(committees).toEqual({ n: 76, self_managed_active: 23 });
      // All 76 were formed in 2022: active, elected that year, on a five-year term.
      const formed = await one(
        `SELECT array_agg(DISTINCT status) AS statuses,
                array_agg(DISTINCT extract(year FROM election_date)::int) AS election_years,
                count(*) FILTER (WHERE term_start <> election_date
                                  OR term_end <> election_date + interval '5 years' - interval '1 day')::int AS odd_terms
           FROM owner_committee`,
      );
      expect(formed).toEqual({ statuses: ["active"], election_years: [2022], odd_terms: 0 });
    });
  });

  it("every committee has exactly one chair, and its members live in the compound", async () => {
    await mingshan(async () => {
      const r = await one(
        `SELECT count(*) FILTER (WHERE chairs <> 1)::int AS without_one_chair,
                sum(outsiders)::int AS outsiders
           FROM (SELECT oc.id,
                        count(*) FILTER (WHERE m.role = 'chair') AS chairs,
                        count(*) FILTER (WHERE h.compound_id IS DISTINCT FROM oc.compound_id) AS outsiders
                   FROM owner_committee oc
                   JOIN committee_member m ON m.committee_id = oc.id
                   JOIN person p ON p.id = m.person_id
                   LEFT JOIN household h ON h.id = p.household_id
                  GROUP BY oc.id) x`,
      );
      expect(r).toEqual({ without_one_chair: 0, outsiders: 0 });
    });
  });

  it("has 7 beautiful villages, 3 of them demonstration villages, and Tayu's 3,500 trees", async () => {
    await mingshan(async () => {
      const rows = await all(
        `SELECT c.name, v.kind FROM village_designation v JOIN community c ON c.id = v.community_id
          WHERE c.kind = 'village'`,
      );
      expect(rows).toHaveLength(7);
      const demonstration = rows.filter((r) => r.kind === "demonstration").map((r) => r.name);
      expect(demonstration.sort()).toEqual(["塔峪村", "胜利村", "韩家村"].sort());
      expect(rows.filter((r) => r.kind === "livable")).toHaveLength(4);
      const tayu = await one(
        `SELECT p.measure, p.unit, p.target::float AS target, p.note
           FROM village_project p JOIN village_designation v ON v.id = p.village_id
           JOIN community c ON c.id = v.community_id
          WHERE c.name = '塔峪村' AND p.name = '庭院果树'`,
      );
      expect(tayu).toEqual({
        measure: "庭院栽植苹果树和杏梅",
        unit: "棵",
        target: 3500,
        note: "户均10棵以上",
      });
      const shengli = await one(
        `SELECT v.featured_industry FROM village_designation v JOIN community c ON c.id = v.community_id
          WHERE c.name = '胜利村'`,
      );
      expect(shengli.featured_industry).toBe("野生榛子");
    });
  });

  it("renovates 13 compounds (85 buildings, 5,113 households) in 明山, 北地 and 高峪; 5 bid sections on the building body, 30 %", async () => {
    await mingshan(async () => {
      const projects = await all(
        `SELECT p.kind, sum(p.investment)::text AS investment, min(p.year) AS year,
                array_agg(DISTINCT p.progress_percent) AS progress,
                array_agg(DISTINCT p.planned_completion::text) AS planned_completion,
                array_agg(DISTINCT d.code) AS department, count(*)::int AS projects
           FROM renovation_project p LEFT JOIN department d ON d.id = p.department_id
          GROUP BY p.kind ORDER BY p.kind`,
      );
      const common = { year: 2022, planned_completion: ["2023-12-31"], department: ["housing"] };
      // The building body in two projects (19.4613 M yuan between them), both 30 % done.
      expect(projects).toEqual([
        {
          kind: "building_body",
          investment: "19461300.00",
          progress: [30],
          projects: 2,
          ...common,
        },
        { kind: "gas_pipeline", investment: "29250000.00", progress: [5], projects: 1, ...common },
        {
          kind: "infrastructure",
          investment: "30038400.00",
          progress: [15],
          projects: 1,
          ...common,
        },
      ]);
      const compounds = await one(
        `SELECT count(*)::int AS n, sum(building_count)::int AS buildings,
                sum(household_count)::int AS households, bool_and(is_old) AS all_old,
                array_agg(DISTINCT s.code ORDER BY s.code) AS streets
           FROM compound c JOIN grid g ON g.id = c.grid_id
           JOIN street_office s ON s.id = g.street_office_id
          WHERE c.id IN (SELECT compound_id FROM renovation_project_compound)`,
      );
      expect(compounds).toEqual({
        n: 13,
        buildings: 85,
        households: 5113,
        all_old: true,
        streets: ["beidi", "gaoyu", "mingshan"],
      });
      const bids = await one(
        `SELECT count(*)::int AS n, sum(b.winning_amount)::text AS total,
                count(b.contractor)::int AS with_contractor,
                array_agg(DISTINCT p.kind) AS kinds, max(b.awarded_on)::text AS last_awarded
           FROM bid_section b JOIN renovation_project p ON p.id = b.project_id`,
      );
      expect(bids).toEqual({
        n: 5,
        total: "16505000.00",
        with_contractor: 5,
        kinds: ["building_body"],
        last_awarded: expect.stringMatching(/^2022-0[1-7]-/),
      });
      // The building body's progress: on site in August 2022, 30 % by the report (December).
      const progress = await all(
        `SELECT to_char(min(r.recorded_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS on_site,
                (array_agg(r.percent ORDER BY r.recorded_at DESC))[1] AS percent,
                to_char(max(r.recorded_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS last,
                array_agg(DISTINCT r.recorded_by) AS recorded_by
           FROM renovation_progress r JOIN renovation_project p ON p.id = r.project_id
          WHERE p.kind = 'building_body' GROUP BY p.id`,
      );
      expect(progress).toEqual(
        Array.from({ length: 2 }, () => ({
          on_site: "2022-08",
          percent: 30,
          last: "2022-12-15",
          recorded_by: ["mingshan.district_admin"],
        })),
      );
    });
  });

  it("surveyed 1,015 rural households with 1,106 toilets in 3 street offices: 19 repaired, 69 restored", async () => {
    await mingshan(async () => {
      const r = await one(
        `SELECT count(*)::int AS records, count(DISTINCT t.household_id)::int AS households,
                sum(t.toilets)::int AS toilets,
                count(*) FILTER (WHERE t.remedy = 'repaired')::int AS repaired,
                count(*) FILTER (WHERE t.remedy = 'restored')::int AS restored,
                count(DISTINCT g.street_office_id)::int AS street_offices,
                count(*) FILTER (WHERE g.kind = 'rural' AND h.villager_group IS NOT NULL)::int AS rural
           FROM toilet_survey t JOIN household h ON h.id = t.household_id JOIN grid g ON g.id = h.grid_id`,
      );
      expect(r).toEqual({
        records: 1015,
        households: 1015,
        toilets: 1106,
        repaired: 19,
        restored: 69,
        street_offices: 3,
        rural: 1015,
      });
      // The report's 19 and 69 are toilets: each remedied household has the one toilet.
      const remedied = await one(
        `SELECT sum(toilets) FILTER (WHERE remedy = 'repaired')::int AS repaired,
                sum(toilets) FILTER (WHERE remedy = 'restored')::int AS restored
           FROM toilet_survey`,
      );
      expect(remedied).toEqual({ repaired: 19, restored: 69 });
    });
  });

  it("has tens of thousands of residents, each in the grid of their household", async () => {
    await mingshan(async () => {
      const r = await one(
        `SELECT count(*)::int AS persons,
                count(*) FILTER (WHERE p.grid_id <> h.grid_id)::int AS elsewhere,
                count(DISTINCT p.phone)::int AS phones
           FROM person p JOIN household h ON h.id = p.household_id`,
      );
      expect(r.persons).toBeGreaterThanOrEqual(20000);
      expect(r.elsewhere).toBe(0);
      expect(r.phones).toBe(r.persons);
      const ids = await all("SELECT id_number, birth_year, gender FROM person");
      const invalid = ids.filter(
        (p) =>
          !validIdNumber(p.id_number) ||
          !p.id_number.startsWith(`210504${p.birth_year}`) ||
          Number(p.id_number[16]) % 2 !== (p.gender === "male" ? 1 : 0),
      );
      expect(invalid).toEqual([]);
      expect(new Set(ids.map((p) => p.id_number)).size).toBe(ids.length);
    });
  });

  it("every grid has exactly one current grid chief and one or two workers living in it", async () => {
    await mingshan(async () => {
      const r = await one(
        `SELECT count(*) FILTER (WHERE chiefs <> 1)::int AS without_one_chief,
                count(*) FILTER (WHERE workers NOT BETWEEN 1 AND 2)::int AS wrong_workers
           FROM (SELECT g.id,
                        count(*) FILTER (WHERE s.role = 'grid_chief' AND s.ends_on IS NULL) AS chiefs,
                        count(*) FILTER (WHERE s.role = 'grid_worker' AND s.ends_on IS NULL) AS workers
                   FROM grid g LEFT JOIN staff_assignment s ON s.grid_id = g.id GROUP BY g.id) x`,
      );
      expect(r).toEqual({ without_one_chief: 0, wrong_workers: 0 });
      const outside = await one(
        `SELECT count(*)::int AS n FROM staff_assignment s JOIN person p ON p.id = s.person_id
          WHERE p.grid_id <> s.grid_id`,
      );
      expect(outside.n).toBe(0);
      const posts = await one(
        `SELECT count(*) FILTER (WHERE role = 'building_head')::int AS building_heads,
                count(*) FILTER (WHERE role = 'unit_head')::int AS unit_heads,
                count(*) FILTER (WHERE role = 'villager_group_leader')::int AS group_leaders,
                count(*) FILTER (WHERE ends_on IS NOT NULL)::int AS ended
           FROM staff_assignment`,
      );
      expect(posts.building_heads).toBeGreaterThan(0);
      expect(posts.unit_heads).toBeGreaterThan(0);
      expect(posts.group_leaders).toBeGreaterThan(0);
      expect(posts.ended).toBeGreaterThan(0);
    });
  });

  it("has an open consultation with three proposals and a closed one, on renovated compounds", async () => {
    await mingshan(async () => {
      const rows = await all(
        `SELECT k.status, k.compound_id IN (SELECT compound_id FROM renovation_project_compound) AS renovated,
                array(SELECT question || position FROM proposal p WHERE p.consultation_id = k.id
                       ORDER BY position) AS proposals,
                (SELECT count(*)::int FROM vote v JOIN proposal p ON p.id = v.proposal_id
                  WHERE p.consultation_id = k.id) AS votes
           FROM consultation k ORDER BY k.status DESC`,
      );
      expect(rows).toEqual([
        {
          status: "open",
          renovated: true,
          proposals: ["whether0", "what1", "how2"],
          votes: expect.any(Number),
        },
        {
          status: "closed",
          renovated: true,
          proposals: expect.any(Array),
          votes: expect.any(Number),
        },
      ]);
      expect(rows[0].votes).toBeGreaterThan(0);
      const strangers = await one(
        `SELECT count(*)::int AS n FROM vote v JOIN person p ON p.id = v.person_id
          WHERE p.household_id IS DISTINCT FROM v.household_id`,
      );
      expect(strangers.n).toBe(0);
    });
  });

  it("maps the demo subjects to persons: a resident of the open consultation's compound and the staff of the first grid", async () => {
    await mingshan(async () => {
      const rows = await all(
        `SELECT p.subject, p.birth_year, g.code AS grid,
                h.compound_id = (SELECT compound_id FROM consultation WHERE status = 'open') AS in_open_compound,
                array(SELECT s.role FROM staff_assignment s WHERE s.person_id = p.id AND s.ends_on IS NULL
                       AND s.role IN ('grid_chief', 'grid_worker')) AS posts
           FROM person p JOIN household h ON h.id = p.household_id JOIN grid g ON g.id = p.grid_id
          WHERE p.subject IS NOT NULL ORDER BY p.subject`,
      );
      expect(rows.map((r) => r.subject)).toEqual([
        "mingshan.grid_chief",
        "mingshan.grid_worker",
        "mingshan.resident",
      ]);
      const [chief, worker, resident] = rows;
      expect(chief).toMatchObject({ grid: "mingshan-c01-g01", posts: ["grid_chief"] });
      expect(worker).toMatchObject({ grid: "mingshan-c01-g01", posts: ["grid_worker"] });
      expect(resident).toMatchObject({ in_open_compound: true, posts: [] });
      // An adult in the year the demo data describes (fixed, not today).
      expect(resident.birth_year).toBeLessThanOrEqual(REFERENCE_YEAR - 18);
    });
  });
});

it("the demo resident's household has not voted (as generated; tests may vote later)", () => {
  let n = 0;
  const tree = generateGridTree(
    { code: "mingshan", name: "明山区", kind: "district" },
    { newId: () => `id-${++n}` },
  );
  const resident = tree.person.find((p) => p.subject === "mingshan.resident")!;
  expect(tree.vote.filter((v) => v.household_id === resident.household_id)).toEqual([]);
});

it.each(DEMO_CODES.filter((c) => c !== "mingshan"))(
  "%s has a smaller but complete tree",
  async (code) => {
    await inDistrict(code, async () => {
      const r = await one(
        `SELECT (SELECT count(*)::int FROM street_office) AS street_offices,
                (SELECT count(*)::int FROM community WHERE kind = 'village') AS villages,
                (SELECT count(*)::int FROM grid) AS grids,
                (SELECT count(*)::int FROM compound) AS compounds,
                (SELECT count(*)::int FROM owner_committee) AS committees,
                (SELECT count(*)::int FROM compound WHERE self_managed) AS self_managed,
                (SELECT count(*)::int FROM person) AS persons,
                (SELECT count(*)::int FROM village_designation) AS designations,
                (SELECT count(*)::int FROM toilet_survey) AS toilet_records,
                (SELECT count(*)::int FROM renovation_project) AS projects,
                (SELECT count(*)::int FROM bid_section) AS bids,
                (SELECT count(*)::int FROM proposal p JOIN consultation k ON k.id = p.consultation_id
                  WHERE k.status = 'open') AS open_proposals,
                (SELECT count(*)::int FROM grid g WHERE (SELECT count(*) FROM staff_assignment s
                  WHERE s.grid_id = g.id AND s.role = 'grid_chief' AND s.ends_on IS NULL) <> 1) AS without_chief,
                array(SELECT subject FROM person WHERE subject IS NOT NULL ORDER BY 1) AS subjects`,
      );
      expect(r).toEqual({
        street_offices: expect.any(Number),
        villages: expect.any(Number),
        grids: expect.any(Number),
        compounds: expect.any(Number),
        committees: expect.any(Number),
        self_managed: 1,
        persons: expect.any(Number),
        designations: 1,
        toilet_records: expect.any(Number),
        projects: 1,
        bids: 1,
        open_proposals: 3,
        without_chief: 0,
        subjects: [`${code}.grid_chief`, `${code}.grid_worker`, `${code}.resident`],
      });
      expect(r.street_offices).toBeGreaterThanOrEqual(2);
      expect(r.villages).toBeGreaterThanOrEqual(1);
      expect(r.grids).toBeGreaterThanOrEqual(30);
      expect(r.compounds).toBeGreaterThanOrEqual(15);
      expect(r.committees).toBeGreaterThanOrEqual(2);
      expect(r.persons).toBeGreaterThanOrEqual(300);
      expect(r.toilet_records).toBeGreaterThanOrEqual(20);
    });
  },
);

it("every demo district's catalogue sends each default category to a department it has", async () => {
  const routed = DEFAULT_CATEGORIES.filter((c) => c.department !== null).map((c) => c.code);
  for (const code of DEMO_CODES) {
    await inDistrict(code, async () => {
      const r = await one(
        `SELECT count(*)::int AS n,
                array(SELECT code FROM case_category WHERE code = ANY($1) AND department_id IS NULL
                       ORDER BY code) AS without_department
           FROM case_category WHERE code = ANY($1)`,
        [routed],
      );
      expect({ code, ...r }).toEqual({ code, n: routed.length, without_department: [] });
    });
  }
});

it.each([
  ["xihu", "溪湖区"],
  ["mingshan", "明山区"],
])("is deterministic: %s always gets the same tree", (code, name) => {
  const make = () => {
    let n = 0;
    return generateGridTree({ code, name, kind: "district" }, { newId: () => `id-${++n}` });
  };
  expect(make()).toEqual(make());
});

it("loading the demo data a second time changes no table's row count", async () => {
  const ids = [...districtIds.values()];
  const countAll = async () => {
    const { rows } = await owner.query(
      GRID_TREE_TABLES.map(
        (t) => `SELECT '${t}' AS t, count(*)::int AS n FROM ${t} WHERE district_id = ANY($1)`,
      ).join(" UNION ALL "),
      [ids],
    );
    return Object.fromEntries(rows.map((r) => [r.t, r.n]));
  };
  // Other test files write their own rows meanwhile: hold their writes to these tables while
  // comparing (the seed only reads them when it has nothing to add).
  await lockAgainstWriters(owner, GRID_TREE_TABLES);
  try {
    await owner.query("SELECT set_config('app.district_ids', $1, true)", [`{${ids.join(",")}}`]);
    const before = await countAll();
    expect(before.person).toBeGreaterThan(20000);
    const logged: string[] = [];
    await loadDemoData(process.env.TEST_OWNER_DATABASE_URL!, (m) => logged.push(m));
    expect(await countAll()).toEqual(before);
    expect(logged).toEqual([]);
  } finally {
    await owner.query("ROLLBACK");
  }
});

it("loads a new district's tree once, whatever its code", async () => {
  const district = await buildDistrict({ name: "测试区" });
  const info = {
    id: district.id,
    code: district.code,
    name: district.name,
    kind: "district" as const,
  };
  await owner.query("BEGIN");
  try {
    const first = await loadGridDemo(owner, info);
    expect(first?.grids).toBeGreaterThanOrEqual(30);
    expect(await loadGridDemo(owner, info)).toBeNull();
    const { rows } = await owner.query(
      "SELECT count(*)::int AS n FROM person WHERE district_id = $1 AND subject IS NOT NULL",
      [district.id],
    );
    expect(rows[0].n).toBe(3);
  } finally {
    await owner.query("ROLLBACK");
  }
});
