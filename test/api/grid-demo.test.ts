import { DemoFiguresDocument } from "../generated/graphql";
import { startTestServer, gql, ok, type TestServer } from "../helpers/server";
import { closeFactories, tokenFor } from "../factories";
import { DEMO_CITIES } from "../../src/demo/cities";
import { DEFAULT_CATEGORIES } from "../../src/modules/cases/category.defaults";

/** Mingshan's real figures, read through GraphQL by its district admin (the demo data is loaded). */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

it("a district admin browses Mingshan with the report's counts", async () => {
  const token = await tokenFor({ district: { code: "mingshan" }, role: "district_admin" });
  const res = await gql(server, DemoFiguresDocument, {}, token);
  expect(res.errors).toBeUndefined();
  const d = res.data!.district;
  expect(d.treeCounts).toMatchObject({
    streetOffices: 7,
    communities: 55,
    villages: 26,
    grids: 702,
    oldCompounds: 282,
    selfManagedCompounds: 23,
    ownerCommittees: 76,
  });
  expect(d.treeCounts.persons).toBeGreaterThan(20000);
  expect(d.streetOffices.edges.map((e) => e.node.name).sort()).toEqual(
    [
      "明山街道",
      "北地街道",
      "高峪街道",
      "新明街道",
      "牛心台街道",
      "高台子街道",
      "卧龙山街道",
    ].sort(),
  );
  expect(d.toiletSurveySummary).toEqual({
    households: 1015,
    toilets: 1106,
    repaired: 19,
    restored: 69,
    streetOffices: 3,
  });
  expect(d.toiletSurveys.totalCount).toBe(19);
  expect(d.organizations.totalCount).toBeGreaterThan(0);
  expect(d.ownerCommittees.totalCount).toBe(76);
  expect(d.compounds.totalCount).toBe(282);
  expect(d.villages.totalCount).toBe(3);
  expect(d.villages.edges.map((e) => e.node.name).sort()).toEqual(
    ["塔峪村", "胜利村", "韩家村"].sort(),
  );
  const tayu = d.villages.edges.find((e) => e.node.name === "塔峪村")!.node;
  expect(tayu.projects.some((p) => p.target === 3500)).toBe(true);

  const projects = d.renovationProjects.edges.map((e) => e.node);
  expect(Math.round(projects.reduce((n, p) => n + p.investment, 0))).toBe(78749700);
  const bids = projects.flatMap((p) => p.bidSections.map((b) => b.winningAmount ?? 0));
  expect(bids).toHaveLength(5);
  expect(Math.round(bids.reduce((x, y) => x + y, 0))).toBe(16505000);
  const compounds = new Map(projects.flatMap((p) => p.compounds.map((c) => [c.id, c])));
  expect(compounds.size).toBe(13);
  const all = [...compounds.values()];
  expect(all.reduce((n, c) => n + c.buildingCount, 0)).toBe(85);
  expect(all.reduce((n, c) => n + c.householdCount, 0)).toBe(5113);
});

/** The corrections of the demo to the report (issue 13, point 7), each read back through the API. */
describe("Mingshan's figures as the report gives them", () => {
  let token: string;
  const query = async <T>(doc: string, as = token) =>
    ok(await gql<T, Record<string, never>>(server, doc, {}, as));
  /** The day (UTC+8) of an ISO timestamp. */
  const chinaDay = (iso: string) =>
    new Date(Date.parse(iso) + 8 * 3600 * 1000).toISOString().slice(0, 10);
  beforeAll(async () => {
    token = await tokenFor({ district: { code: "mingshan" }, role: "district_admin" });
  });

  interface Project {
    code: string;
    kind: "building_body" | "infrastructure" | "gas_pipeline";
    investment: number;
    progressPercent: number;
    plannedCompletion: string | null;
    progress: Array<{ percent: number; recordedAt: string }>;
    bidSections: Array<{ winningAmount: number | null; awardedOn: string | null }>;
    compounds: Array<{
      id: string;
      buildingCount: number;
      householdCount: number;
      grid: { streetOffice: { name: string } };
    }>;
  }
  const renovation = async () =>
    (
      await query<{ district: { renovationProjects: { edges: Array<{ node: Project }> } } }>(`{
        district {
          renovationProjects(year: 2022) {
            edges {
              node {
                code kind investment progressPercent plannedCompletion
                progress { percent recordedAt }
                bidSections { winningAmount awardedOn }
                compounds { id buildingCount householdCount grid { streetOffice { name } } }
              }
            }
          }
        }
      }`)
    ).district.renovationProjects.edges.map((e) => e.node);

  it("renovates compounds of the 明山, 北地 and 高峪 street offices, none elsewhere", async () => {
    const compounds = new Map(
      (await renovation()).flatMap((p) => p.compounds.map((c) => [c.id, c] as const)),
    );
    expect(compounds.size).toBe(13);
    const streets = new Set([...compounds.values()].map((c) => c.grid.streetOffice.name));
    expect([...streets].sort()).toEqual(["北地街道", "明山街道", "高峪街道"].sort());
  });

  it("has the five bid sections (16.505 M yuan) on the building body, on site from August 2022, 30 % done", async () => {
    const projects = await renovation();
    const body = projects.filter((p) => p.kind === "building_body");
    // The building body in two projects, 19.4613 M yuan between them; the other kinds have no sections.
    expect(body).toHaveLength(2);
    expect(Math.round(body.reduce((n, p) => n + p.investment, 0))).toBe(19461300);
    expect(
      projects.filter((p) => p.kind !== "building_body").flatMap((p) => p.bidSections),
    ).toEqual([]);
    const sections = body.flatMap((p) => p.bidSections);
    expect(sections).toHaveLength(5);
    expect(Math.round(sections.reduce((n, b) => n + (b.winningAmount ?? 0), 0))).toBe(16505000);
    // Awarded before the contractors went on site.
    expect(sections.every((b) => b.awardedOn !== null && b.awardedOn < "2022-08-01")).toBe(true);
    for (const p of body) {
      expect({
        code: p.code,
        onSite: chinaDay(p.progress[0].recordedAt).slice(0, 7),
        lastDay: chinaDay(p.progress.at(-1)!.recordedAt),
        last: p.progress.at(-1)!.percent,
        progressPercent: p.progressPercent,
        plannedCompletion: p.plannedCompletion,
      }).toEqual({
        code: p.code,
        onSite: "2022-08",
        lastDay: "2022-12-15",
        last: 30,
        progressPercent: 30,
        plannedCompletion: "2023-12-31",
      });
    }
    // The whole renovation (all 13 compounds) has the building-body work.
    const covered = new Set(body.flatMap((p) => p.compounds.map((c) => c.id)));
    expect(covered.size).toBe(13);
  });

  it("has 塔峪村's 3,500 apple and 杏梅 (apricot-plum) trees", async () => {
    const res = await query<{
      district: {
        villages: {
          edges: Array<{
            node: {
              name: string;
              projects: Array<{
                name: string;
                measure: string;
                unit: string;
                target: number;
                achieved: number;
                note: string | null;
              }>;
            };
          }>;
        };
      };
    }>(`{
      district {
        villages(kind: demonstration) {
          edges { node { name projects { name measure unit target achieved note } } }
        }
      }
    }`);
    const tayu = res.district.villages.edges.find((e) => e.node.name === "塔峪村")!.node;
    expect(tayu.projects.find((p) => p.name === "庭院果树")).toEqual({
      name: "庭院果树",
      measure: "庭院栽植苹果树和杏梅",
      unit: "棵",
      target: 3500,
      achieved: 3500,
      note: "户均10棵以上",
    });
    expect(tayu.projects.some((p) => p.measure.includes("梨"))).toBe(false);
  });

  it("has 76 owner committees, all formed (elected) in 2022 and active", async () => {
    const res = await query<{
      district: {
        all: {
          totalCount: number;
          edges: Array<{
            node: { status: string; electionDate: string | null; termStart: string | null };
          }>;
        };
        preparing: { totalCount: number };
        expired: { totalCount: number };
      };
    }>(`{
      district {
        all: ownerCommittees(first: 200) {
          totalCount
          edges { node { status electionDate termStart } }
        }
        preparing: ownerCommittees(first: 1, status: preparing) { totalCount }
        expired: ownerCommittees(first: 1, status: expired) { totalCount }
      }
    }`);
    const d = res.district;
    expect(d.all.totalCount).toBe(76);
    expect(d.all.edges).toHaveLength(76);
    expect(new Set(d.all.edges.map((e) => e.node.status))).toEqual(new Set(["active"]));
    expect(new Set(d.all.edges.map((e) => e.node.electionDate?.slice(0, 4)))).toEqual(
      new Set(["2022"]),
    );
    expect(d.all.edges.every((e) => e.node.termStart === e.node.electionDate)).toBe(true);
    expect({ preparing: d.preparing.totalCount, expired: d.expired.totalCount }).toEqual({
      preparing: 0,
      expired: 0,
    });
  });

  it("counts the toilet survey's remedies as toilets: 19 repaired, 69 restored", async () => {
    const res = await query<{
      district: Record<"repaired" | "restored", { households: number; toilets: number }>;
    }>(`{
      district {
        repaired: toiletSurveySummary(remedy: repaired) { households toilets }
        restored: toiletSurveySummary(remedy: restored) { households toilets }
      }
    }`);
    expect(res.district).toEqual({
      repaired: { households: 19, toilets: 19 },
      restored: { households: 69, toilets: 69 },
    });
  });
});

it("every default category's department exists in every demo district", async () => {
  const wanted = [
    ...new Set(DEFAULT_CATEGORIES.flatMap((c) => (c.department ? [c.department] : []))),
  ].sort();
  expect(wanted.length).toBeGreaterThan(0);
  for (const code of DEMO_CITIES.flatMap((c) => c.districts.map((d) => d.code))) {
    const token = await tokenFor({ district: { code }, role: "district_admin" });
    const res = ok(
      await gql<
        { district: { departments: { edges: Array<{ node: { code: string } }> } } },
        Record<string, never>
      >(server, `{ district { departments(first: 200) { edges { node { code } } } } }`, {}, token),
    );
    const has = new Set(res.district.departments.edges.map((e) => e.node.code));
    expect({ code, missing: wanted.filter((w) => !has.has(w)) }).toEqual({ code, missing: [] });
  }
});
