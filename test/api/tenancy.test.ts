import {
  MeDocument,
  MyDistrictDocument,
  MyDistrictStaffDocument,
  MyCityDocument,
  NodeByIdDocument,
  CreateDepartmentDocument,
  RenameDepartmentDocument,
} from "../generated/graphql";
import { startTestServer, gql, errorCode, type TestServer } from "../helpers/server";
import {
  buildCity,
  buildDepartment,
  buildDistrict,
  buildStaffAccount,
  closeFactories,
  tokenFor,
  type BuiltCity,
  type BuiltDistrict,
} from "../factories";
import { toGlobalId } from "../../src/common/ids";
import { RequestTransaction } from "../../src/db/tenant";
import { until } from "../helpers/clock";

let server: TestServer;
let cityX: BuiltCity;
let cityY: BuiltCity;
let a: BuiltDistrict;
let b: BuiltDistrict;
let other: BuiltDistrict;
let depA: { id: string; code: string };
let depB: { id: string; code: string };
let adminA: string;

beforeAll(async () => {
  cityX = await buildCity({ name: "甲市" });
  cityY = await buildCity({ name: "乙市" });
  a = await buildDistrict({ city: cityX, name: "甲一区" });
  b = await buildDistrict({ city: cityX, name: "甲二区" });
  other = await buildDistrict({ city: cityY, name: "乙一区" });
  depA = await buildDepartment({ district: a, code: "housing", name: "住建局" });
  depB = await buildDepartment({ district: b, code: "housing", name: "住建局" });
  await buildDepartment({ district: b, code: "water", name: "水务局" });
  await buildStaffAccount({
    district: a,
    role: "district_admin" as never,
    subject: `${a.code}.district_admin`,
  });
  await buildStaffAccount({
    district: b,
    role: "district_admin" as never,
    subject: `${b.code}.district_admin`,
  });
  adminA = await tokenFor({ district: a, role: "district_admin" });
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

describe("district A's token sees nothing of district B", () => {
  it("district and its departments are A's only", async () => {
    const res = await gql(server, MyDistrictDocument, {}, adminA);
    expect(res.errors).toBeUndefined();
    expect(res.data?.district.code).toBe(a.code);
    expect(res.data?.district.departments.totalCount).toBe(1);
    expect(res.data?.district.departments.edges.map((e) => e.node.id)).toEqual([
      toGlobalId("Department", depA.id),
    ]);
  });

  it("staff accounts are A's only", async () => {
    const res = await gql(server, MyDistrictStaffDocument, {}, adminA);
    expect(res.errors).toBeUndefined();
    const subjects = res.data!.district.staffAccounts.edges.map((e) => e.node.subject);
    expect(subjects).toEqual([`${a.code}.district_admin`]);
    const me = await gql(server, MeDocument, {}, adminA);
    expect(me.data?.me.account?.role).toBe("district_admin");
  });

  it("node(id) returns null for B's department, district and city-of-another-city", async () => {
    for (const id of [
      toGlobalId("Department", depB.id),
      toGlobalId("District", b.id),
      toGlobalId("City", cityY.id),
      toGlobalId("District", other.id),
    ]) {
      const res = await gql(server, NodeByIdDocument, { id }, adminA);
      expect(res.errors).toBeUndefined();
      expect(res.data?.node).toBeNull();
    }
    const own = await gql(
      server,
      NodeByIdDocument,
      { id: toGlobalId("Department", depA.id) },
      adminA,
    );
    expect(own.data?.node).toMatchObject({ __typename: "Department", code: "housing" });
  });

  it("node(id) refuses garbage ids without an error", async () => {
    for (const id of [
      "",
      "!!!",
      Buffer.from("Department:not-a-uuid").toString("base64url"),
      toGlobalId("Secret", depA.id),
    ]) {
      const res = await gql(server, NodeByIdDocument, { id }, adminA);
      expect(res.errors).toBeUndefined();
      expect(res.data?.node).toBeNull();
    }
  });

  it("renameDepartment cannot touch B's department", async () => {
    const res = await gql(
      server,
      RenameDepartmentDocument,
      { input: { id: toGlobalId("Department", depB.id), name: "被改了" } },
      adminA,
    );
    expect(errorCode(res)).toBe("NOT_FOUND");
    const bView = await gql(
      server,
      MyDistrictDocument,
      { search: "housing" },
      await tokenFor({ district: b, role: "district_admin" }),
    );
    expect(bView.data?.district.departments.edges[0].node.name).toBe("住建局");
  });

  it("createDepartment writes into the caller's district only", async () => {
    const res = await gql(
      server,
      CreateDepartmentDocument,
      { input: { code: "education", name: "教育局" } },
      adminA,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.createDepartment.district.code).toBe(a.code);
    const bView = await gql(
      server,
      MyDistrictDocument,
      {},
      await tokenFor({ district: b, role: "district_admin" }),
    );
    expect(bView.data?.district.departments.edges.map((e) => e.node.code)).toEqual([
      "housing",
      "water",
    ]);
  });
});

describe("city scope", () => {
  it("a city_admin sees its city's districts and nothing of another city", async () => {
    const token = await tokenFor({ city: cityX, role: "city_admin" }, { sub: "cx.admin" });
    const res = await gql(server, MyCityDocument, {}, token);
    expect(res.errors).toBeUndefined();
    expect(res.data?.city.name).toBe("甲市");
    expect(res.data?.city.districts.map((d) => d.code).sort()).toEqual([a.code, b.code].sort());
    const node = await gql(
      server,
      NodeByIdDocument,
      { id: toGlobalId("District", other.id) },
      token,
    );
    expect(node.data?.node).toBeNull();
    const own = await gql(server, NodeByIdDocument, { id: toGlobalId("District", a.id) }, token);
    expect(own.data?.node).toMatchObject({ code: a.code });
  });

  it("the demo city Benxi lists its six districts and counties", async () => {
    const token = await tokenFor(
      { city: { code: "benxi" }, role: "city_admin" },
      { sub: "benxi.city_admin" },
    );
    const res = await gql(server, MyCityDocument, {}, token);
    expect(res.data?.city.name).toBe("本溪市");
    expect(res.data?.city.districts.map((d) => d.name).sort()).toEqual(
      ["平山区", "溪湖区", "明山区", "南芬区", "本溪满族自治县", "桓仁满族自治县"].sort(),
    );
    expect(res.data?.city.districts.every((d) => d.departments.totalCount === 8)).toBe(true);
  });

  it("a city_admin has no single district and may not write", async () => {
    const token = await tokenFor({ city: cityX, role: "city_admin" }, { sub: "cx.admin" });
    const res = await gql(server, MyDistrictDocument, {}, token);
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    const write = await gql(
      server,
      CreateDepartmentDocument,
      { input: { code: "x_dep", name: "x" } },
      token,
    );
    expect(errorCode(write)).toBe("FORBIDDEN");
  });
});

describe("pagination", () => {
  it("pages through departments with cursors and reports totalCount", async () => {
    const token = await tokenFor({ district: { code: "mingshan" }, role: "district_admin" });
    const seen: string[] = [];
    let after: string | null | undefined;
    for (let i = 0; i < 10; i++) {
      const res = await gql(server, MyDistrictDocument, { first: 3, after }, token);
      expect(res.errors).toBeUndefined();
      const page = res.data!.district.departments;
      expect(page.totalCount).toBeGreaterThanOrEqual(8);
      seen.push(...page.edges.map((e) => e.node.code));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain("housing");
  });

  it("rejects a bad cursor and an out-of-range page size with BAD_USER_INPUT naming the argument", async () => {
    const bad = await gql(server, MyDistrictDocument, { after: "garbage" }, adminA);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    const big = await gql(server, MyDistrictDocument, { first: 10000 }, adminA);
    expect(big.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});

describe("roles on node(id)", () => {
  it("staff accounts are refetched only by the roles that may list them", async () => {
    const list = await gql(server, MyDistrictStaffDocument, {}, adminA);
    const id = list.data!.district.staffAccounts.edges[0].node.id;
    const asAdmin = await gql(server, NodeByIdDocument, { id }, adminA);
    expect(asAdmin.data?.node).toMatchObject({ __typename: "StaffAccount" });
    for (const who of [
      { district: a, role: "resident" },
      { district: a, role: "grid_worker" },
      { city: cityX, role: "city_admin" },
    ]) {
      const res = await gql(server, NodeByIdDocument, { id }, await tokenFor(who, { sub: "x" }));
      expect(res.errors).toBeUndefined();
      expect(res.data?.node).toBeNull();
    }
  });
});

describe("the request's transaction", () => {
  const busy = () => {
    const pool = (
      server.dataSource.driver as unknown as { master: { totalCount: number; idleCount: number } }
    ).master;
    return pool.totalCount - pool.idleCount;
  };

  it("leaves no connection behind when a failed field ends the request while siblings still run", async () => {
    const query = `{ city { name } district { departments { edges { node { district { city { name } } } } } } }`;
    for (let i = 0; i < 4; i++) {
      const res = await gql(server, query, {}, adminA);
      expect(errorCode(res)).toBe("FORBIDDEN");
    }
    // Released as the request ends; a leak would keep it busy and the wait would fail.
    await until(() => busy() === 0, "every connection back in the pool");
    const after = await gql(server, MyDistrictDocument, {}, adminA);
    expect(after.errors).toBeUndefined();
  });

  it("refuses uses after it has ended instead of opening a transaction nobody finishes", async () => {
    const tx = new RequestTransaction(server.dataSource, {
      districtIds: [a.id],
      subject: "t",
      role: "district_admin",
    });
    await tx.run((m) => m.query("SELECT 1"));
    await tx.finish(true);
    await expect(tx.run((m) => m.query("SELECT 1"))).rejects.toThrow(/already ended/);
    expect(busy()).toBe(0);
  });

  it("a forged cursor is BAD_USER_INPUT, not an internal error", async () => {
    const forged = Buffer.from(JSON.stringify(["housing", "not-a-uuid"])).toString("base64url");
    const res = await gql(server, MyDistrictDocument, { after: forged }, adminA);
    expect(res.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});
