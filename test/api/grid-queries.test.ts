import {
  CommunitiesDocument,
  CompoundDetailDocument,
  CompoundsDocument,
  ConsultationsDocument,
  GridPeopleDocument,
  GridsDocument,
  NodeTypeDocument,
  OwnerCommitteesDocument,
  PersonsDocument,
  StreetOfficesDocument,
  TreeCountsDocument,
  VillagesAndRenovationDocument,
} from "../generated/graphql";
import { startTestServer, gql, errorCode, type TestServer } from "../helpers/server";
import {
  buildCity,
  buildDistrict,
  closeFactories,
  tokenFor,
  type BuiltDistrict,
} from "../factories";
import { buildTree, gid, type BuiltTree } from "../factories/tree";

let server: TestServer;
let a: BuiltDistrict;
let b: BuiltDistrict;
let treeA: BuiltTree;
let treeB: BuiltTree;
let adminA: string;
let adminB: string;
let cityAdmin: string;

beforeAll(async () => {
  const city = await buildCity();
  a = await buildDistrict({ city });
  b = await buildDistrict({ city });
  treeA = await buildTree(a);
  treeB = await buildTree(b);
  adminA = await tokenFor({ district: a, role: "district_admin" });
  adminB = await tokenFor({ district: b, role: "district_admin" });
  cityAdmin = await tokenFor({ city, role: "city_admin" });
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

it("counts the tree of the caller's district", async () => {
  const res = await gql(server, TreeCountsDocument, {}, adminA);
  expect(res.errors).toBeUndefined();
  expect(res.data!.district.treeCounts).toEqual({
    streetOffices: 2,
    communities: 1,
    villages: 1,
    grids: 3,
    compounds: 2,
    oldCompounds: 1,
    selfManagedCompounds: 1,
    ownerCommittees: 0,
    households: 4,
    persons: 7,
  });
});

it("pages street offices with cursors, sorts by code or name, and searches", async () => {
  const p1 = await gql(server, StreetOfficesDocument, { first: 1 }, adminA);
  const c1 = p1.data!.district.streetOffices;
  expect(c1.totalCount).toBe(2);
  expect(c1.pageInfo.hasNextPage).toBe(true);
  expect(c1.edges.map((e) => e.node.code)).toEqual(["so-a"]);
  const p2 = await gql(
    server,
    StreetOfficesDocument,
    { first: 1, after: c1.pageInfo.endCursor },
    adminA,
  );
  expect(p2.data!.district.streetOffices.edges.map((e) => e.node.code)).toEqual(["so-b"]);
  expect(p2.data!.district.streetOffices.pageInfo.hasNextPage).toBe(false);
  const byName = await gql(server, StreetOfficesDocument, { orderBy: "name" }, adminA);
  expect(byName.data!.district.streetOffices.edges.map((e) => e.node.name)).toEqual(
    ["乙街道", "甲街道"].sort(),
  );
  const found = await gql(server, StreetOfficesDocument, { search: "乙" }, adminA);
  expect(found.data!.district.streetOffices.edges.map((e) => e.node.code)).toEqual(["so-b"]);
  const bad = await gql(server, StreetOfficesDocument, { first: 0 }, adminA);
  expect(errorCode(bad)).toBe("BAD_USER_INPUT");
  const forged = await gql(server, StreetOfficesDocument, { after: "bm9wZQ" }, adminA);
  expect(errorCode(forged)).toBe("BAD_USER_INPUT");
  // A well-formed cursor whose value does not fit the sort column is refused before SQL.
  const wrongValue = Buffer.from(JSON.stringify(["nope", treeA.consultation])).toString(
    "base64url",
  );
  const byId = await gql(
    server,
    `query($after: String) { district { consultations(after: $after) { totalCount } } }`,
    { after: wrongValue },
    adminA,
  );
  expect(errorCode(byId)).toBe("BAD_USER_INPUT");
  expect(byId.errors![0].extensions!.field).toBe("after");
  const surveys = await gql(
    server,
    `query($after: String) { district { toiletSurveys(after: $after) { totalCount } } }`,
    { after: wrongValue },
    adminA,
  );
  expect(errorCode(surveys)).toBe("BAD_USER_INPUT");
});

it("filters communities by street office and kind, with the village designation", async () => {
  const res = await gql(server, CommunitiesDocument, { kind: "village" }, adminA);
  expect(
    res.data!.district.communities.edges.map((e) => [e.node.name, e.node.village?.kind]),
  ).toEqual([["韩家村", "demonstration"]]);
  const bySo = await gql(
    server,
    CommunitiesDocument,
    { streetOfficeId: gid("StreetOffice", treeA.streetA) },
    adminA,
  );
  expect(bySo.data!.district.communities.edges.map((e) => e.node.code)).toEqual(["so-a-c01"]);
  const wrongType = await gql(
    server,
    CommunitiesDocument,
    { streetOfficeId: gid("Grid", treeA.gridA) },
    adminA,
  );
  expect(errorCode(wrongType)).toBe("BAD_USER_INPUT");
  expect(wrongType.errors![0].extensions!.field).toBe("streetOfficeId");
});

it("filters grids by community, kind, lines of work and text, and pages them", async () => {
  const all = await gql(server, GridsDocument, {}, adminA);
  expect(all.data!.district.grids.totalCount).toBe(3);
  const rural = await gql(server, GridsDocument, { kind: "rural" }, adminA);
  expect(rural.data!.district.grids.edges.map((e) => e.node.code)).toEqual(["so-b-v01-g01"]);
  const fire = await gql(server, GridsDocument, { linesOfWork: ["fire_safety"] }, adminA);
  expect(fire.data!.district.grids.edges.map((e) => e.node.code)).toEqual([
    "so-a-c01-g01",
    "so-a-c01-g02",
  ]);
  const both = await gql(
    server,
    GridsDocument,
    { linesOfWork: ["fire_safety", "party_building"] },
    adminA,
  );
  expect(both.data!.district.grids.edges.map((e) => e.node.code)).toEqual(["so-a-c01-g01"]);
  const inCommunity = await gql(
    server,
    GridsDocument,
    { communityId: gid("Community", treeA.community), search: "第2" },
    adminA,
  );
  expect(inCommunity.data!.district.grids.edges.map((e) => e.node.code)).toEqual(["so-a-c01-g02"]);
  const page = await gql(server, GridsDocument, { first: 2, orderBy: "name" }, adminA);
  expect(page.data!.district.grids.pageInfo.hasNextPage).toBe(true);
  const rest = await gql(
    server,
    GridsDocument,
    { first: 2, orderBy: "name", after: page.data!.district.grids.pageInfo.endCursor },
    adminA,
  );
  expect(rest.data!.district.grids.edges).toHaveLength(1);
});

it("filters compounds: old, self-managed, street office, text", async () => {
  const old = await gql(server, CompoundsDocument, { isOld: true }, adminA);
  expect(old.data!.district.compounds.edges.map((e) => e.node.code)).toEqual(["k-yongfeng"]);
  const self = await gql(server, CompoundsDocument, { selfManaged: true }, adminA);
  expect(self.data!.district.compounds.edges.map((e) => e.node.code)).toEqual(["k-xinyuan"]);
  const inB = await gql(
    server,
    CompoundsDocument,
    { streetOfficeId: gid("StreetOffice", treeA.streetB) },
    adminA,
  );
  expect(inB.data!.district.compounds.totalCount).toBe(0);
  const text = await gql(server, CompoundsDocument, { search: "新苑" }, adminA);
  expect(text.data!.district.compounds.totalCount).toBe(1);
});

it("lists people by name with tag and grid filters", async () => {
  const party = await gql(server, PersonsDocument, { tags: ["party_member"] }, adminA);
  expect(party.data!.district.persons.edges.map((e) => e.node.name).sort()).toEqual(
    ["李建国", "杨丽", "陈明"].sort(),
  );
  const inGrid = await gql(
    server,
    PersonsDocument,
    { gridId: gid("Grid", treeA.gridRural) },
    adminA,
  );
  expect(inGrid.data!.district.persons.edges.map((e) => e.node.name)).toEqual(["赵桂兰"]);
  const p1 = await gql(server, PersonsDocument, { first: 4 }, adminA);
  const p2 = await gql(
    server,
    PersonsDocument,
    { first: 4, after: p1.data!.district.persons.pageInfo.endCursor },
    adminA,
  );
  const names = [...p1.data!.district.persons.edges, ...p2.data!.district.persons.edges].map(
    (e) => e.node.name,
  );
  expect(new Set(names).size).toBe(7);
});

it("shows a compound with buildings, units, households, projects and consultations", async () => {
  const res = await gql(
    server,
    CompoundDetailDocument,
    { id: gid("Compound", treeA.compound) },
    adminA,
  );
  expect(res.errors).toBeUndefined();
  const node = res.data!.node as unknown as {
    buildings: Array<{
      number: string;
      units: Array<{ number: string; households: Array<{ members: unknown[] }> }>;
    }>;
  };
  expect(node).toMatchObject({ code: "k-yongfeng", isOld: true, grid: { code: "so-a-c01-g01" } });
  expect(node.buildings.map((x) => x.number)).toEqual(["1", "2"]);
  expect(node.buildings[0].units.map((u) => u.number)).toEqual(["1", "2"]);
  expect(node.buildings[0].units[0].households.map((h) => h.members.length)).toEqual([2, 2]);
});

it("shows a grid's residents, staff, organizations and compounds", async () => {
  const res = await gql(server, GridPeopleDocument, { id: gid("Grid", treeA.gridA) }, adminA);
  expect(res.errors).toBeUndefined();
  const g = res.data!.node as {
    residents: { totalCount: number };
    staff: Array<{ role: string; person: { name: string } }>;
  };
  expect(g.residents.totalCount).toBe(5);
  expect(g.staff.map((s) => [s.role, s.person.name])).toEqual([
    ["grid_chief", "陈明"],
    ["grid_worker", "杨丽"],
  ]);
});

it("shows villages, renovation projects with coverage, and the toilet survey", async () => {
  const res = await gql(server, VillagesAndRenovationDocument, {}, adminA);
  expect(res.errors).toBeUndefined();
  const d = res.data!.district;
  expect(d.villages.edges[0].node).toMatchObject({ name: "韩家村", kind: "demonstration" });
  expect(d.renovationProjects.edges[0].node).toMatchObject({
    code: "r-2022-1",
    investment: 19461300,
    progressPercent: 30,
    plannedCompletion: "2023-12-31",
    coverage: { compounds: 1, buildings: 2, households: 120 },
  });
  expect(d.toiletSurveySummary).toEqual({
    households: 0,
    toilets: 0,
    repaired: 0,
    restored: 0,
    streetOffices: 0,
  });
});

it("node(id) refetches every type of the tree", async () => {
  const ids: Array<[string, string]> = [
    ["StreetOffice", treeA.streetA],
    ["Community", treeA.community],
    ["Grid", treeA.gridA],
    ["Compound", treeA.compound],
    ["Building", treeA.building1],
    ["BuildingUnit", treeA.unit11],
    ["Household", treeA.household1],
    ["Person", treeA.resident],
    ["StaffAssignment", treeA.chiefPost],
    ["Village", treeA.village_],
    ["RenovationProject", treeA.project],
    ["Consultation", treeA.consultation],
    ["Proposal", treeA.proposalWhether],
  ];
  for (const [type, id] of ids) {
    const res = await gql(server, NodeTypeDocument, { id: gid(type, id) }, adminA);
    expect({ type, got: res.data?.node?.__typename }).toEqual({ type, got: type });
  }
});

it("node(id) is null for ids of types that do not exist, even inherited property names", async () => {
  for (const type of ["constructor", "toString", "__proto__", "Vote", "Nope"]) {
    const res = await gql(server, NodeTypeDocument, { id: gid(type, treeA.gridA) }, adminA);
    expect({ type, node: res.data?.node, errors: res.errors }).toEqual({
      type,
      node: null,
      errors: undefined,
    });
  }
});

describe("another district's data", () => {
  it("node(id) of district B's rows is null for district A, of every type", async () => {
    const ids: Array<[string, string]> = [
      ["StreetOffice", treeB.streetA],
      ["Community", treeB.community],
      ["Grid", treeB.gridA],
      ["Compound", treeB.compound],
      ["Building", treeB.building1],
      ["BuildingUnit", treeB.unit11],
      ["Household", treeB.household1],
      ["Person", treeB.resident],
      ["StaffAssignment", treeB.chiefPost],
      ["Village", treeB.village_],
      ["RenovationProject", treeB.project],
      ["Consultation", treeB.consultation],
      ["Proposal", treeB.proposalWhether],
    ];
    for (const [type, id] of ids) {
      const res = await gql(server, NodeTypeDocument, { id: gid(type, id) }, adminA);
      expect({ type, node: res.data?.node, errors: res.errors }).toEqual({
        type,
        node: null,
        errors: undefined,
      });
    }
  });

  it("lists and filters never show B's rows to A, even when filtered by B's ids", async () => {
    const grids = await gql(
      server,
      GridsDocument,
      { communityId: gid("Community", treeB.community) },
      adminA,
    );
    expect(grids.data!.district.grids.totalCount).toBe(0);
    const people = await gql(server, PersonsDocument, { gridId: gid("Grid", treeB.gridA) }, adminA);
    expect(people.data!.district.persons.totalCount).toBe(0);
    const comm = await gql(server, OwnerCommitteesDocument, {}, adminB);
    expect(comm.errors).toBeUndefined();
    const cons = await gql(server, ConsultationsDocument, {}, adminA);
    expect(cons.data!.district.consultations.edges.map((e) => e.node.id)).toEqual([
      gid("Consultation", treeA.consultation),
    ]);
  });
});

describe("role rules for reading", () => {
  it("a resident cannot list people or households, but sees the tree", async () => {
    const resident = await tokenFor({ district: a, role: "resident" });
    const people = await gql(server, PersonsDocument, {}, resident);
    expect(errorCode(people)).toBe("FORBIDDEN");
    const tree = await gql(server, GridsDocument, {}, resident);
    expect(tree.data!.district.grids.totalCount).toBe(3);
    const household = await gql(
      server,
      NodeTypeDocument,
      { id: gid("Household", treeA.household2) },
      resident,
    );
    expect(household.data!.node).toBeNull();
  });

  it("a city admin cannot use district queries", async () => {
    const res = await gql(server, GridsDocument, {}, cityAdmin);
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
  });
});
