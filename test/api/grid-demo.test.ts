import { DemoFiguresDocument } from "../generated/graphql";
import { startTestServer, gql, type TestServer } from "../helpers/server";
import { closeFactories, tokenFor } from "../factories";

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
  expect(projects.map((p) => p.investment).sort((x, y) => x - y)).toEqual([
    19461300, 29250000, 30038400,
  ]);
  expect(projects.every((p) => p.progressPercent === 30)).toBe(true);
  const bids = projects.flatMap((p) => p.bidSections.map((b) => b.winningAmount ?? 0));
  expect(bids).toHaveLength(5);
  expect(Math.round(bids.reduce((x, y) => x + y, 0))).toBe(16505000);
  const compounds = new Map(projects.flatMap((p) => p.compounds.map((c) => [c.id, c])));
  expect(compounds.size).toBe(13);
  const all = [...compounds.values()];
  expect(all.reduce((n, c) => n + c.buildingCount, 0)).toBe(85);
  expect(all.reduce((n, c) => n + c.householdCount, 0)).toBe(5113);
});
