import {
  CreateTargetDocument,
  RecordTargetProgressDocument,
  TargetNodeDocument,
  TargetsDocument,
  TargetsWithRecordersDocument,
  TargetSummaryDocument,
  UpdateTargetDocument,
  type CreateTargetMutationVariables,
} from "../generated/graphql";
import { startTestServer, gql, errorCode, type TestServer } from "../helpers/server";
import { testDay } from "../helpers/clock";
import {
  buildCity,
  buildDepartment,
  buildDistrict,
  closeFactories,
  tokenFor,
  type BuiltDepartment,
  type BuiltDistrict,
} from "../factories";
import { Client } from "pg";
import { toGlobalId } from "../../src/common/ids";

/** Targets and results (民生实事, 文明城区创建): arithmetic, roles, tenancy, input and the demo. */
let server: TestServer;
let a: BuiltDistrict;
let b: BuiltDistrict;
let housingA: BuiltDepartment;
let housingB: BuiltDepartment;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  const city = await buildCity();
  a = await buildDistrict({ city });
  b = await buildDistrict({ city });
  housingA = await buildDepartment({ district: a, code: "housing" });
  await buildDepartment({ district: a, code: "water" });
  housingB = await buildDepartment({ district: b, code: "housing" });
  const as = (district: BuiltDistrict, role: string, extra = {}) =>
    tokenFor({ district, role }, extra);
  tokens.admin = await as(a, "district_admin");
  tokens.adminB = await as(b, "district_admin");
  tokens.housing = await as(a, "department", { department: "housing" });
  tokens.water = await as(a, "department", { department: "water" });
  tokens.housingB = await as(b, "department", { department: "housing" });
  tokens.street = await as(a, "street_officer", { street: "so-a" });
  tokens.command = await as(a, "command_center");
  tokens.resident = await as(a, "resident");
  tokens.chief = await as(a, "grid_chief", { grids: ["so-a-c01-g01"] });
  tokens.city = await tokenFor({ city, role: "city_admin" });
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

type NewTarget = CreateTargetMutationVariables["input"];
const newTarget = (code: string, extra: Partial<NewTarget> = {}): { input: NewTarget } => ({
  input: {
    code,
    name: `目标${code}`,
    programme: "livelihood",
    unit: "个",
    targetValue: 1000,
    year: 2022,
    ...extra,
  },
});

async function create(code: string, extra: Partial<NewTarget> = {}, token = tokens.admin) {
  const res = await gql(server, CreateTargetDocument, newTarget(code, extra), token);
  expect(res.errors).toBeUndefined();
  return res.data!.createTarget;
}

async function record(
  targetId: string,
  amount: number,
  token = tokens.admin,
  extra: { recordedOn?: string; note?: string } = {},
) {
  return gql(
    server,
    RecordTargetProgressDocument,
    { input: { targetId, amount, ...extra } },
    token,
  );
}

/** A day relative to today in China (UTC+8), by the server's (the test) clock. */
const chinaDay = testDay;

describe("creating and changing targets", () => {
  it("the district admin creates a target with its department; achieved starts at the baseline", async () => {
    const t = await create("t-create", {
      programme: "civilized_city",
      unit: "平方米",
      targetValue: 19000,
      baseline: 1000,
      departmentId: toGlobalId("Department", housingA.id),
      dueOn: "2022-12-31",
      notes: "20条道路",
    });
    expect(t).toMatchObject({
      code: "t-create",
      programme: "civilized_city",
      unit: "平方米",
      targetValue: 19000,
      baseline: 1000,
      year: 2022,
      dueOn: "2022-12-31",
      notes: "20条道路",
      achieved: 1000,
      department: { code: "housing" },
    });
    expect(t.share).toBe(1000 / 19000);
  });

  it("updates name, target value, due date and notes; null clears them", async () => {
    const t = await create("t-update", { dueOn: "2022-06-30", notes: "旧备注" });
    await record(t.id, 250);
    const changed = await gql(
      server,
      UpdateTargetDocument,
      {
        input: { id: t.id, name: "新名称", targetValue: 500, dueOn: "2022-12-31", notes: "新备注" },
      },
      tokens.admin,
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateTarget).toMatchObject({
      name: "新名称",
      targetValue: 500,
      dueOn: "2022-12-31",
      notes: "新备注",
      achieved: 250,
      share: 0.5,
      unit: "个",
      programme: "livelihood",
    });
    const cleared = await gql(
      server,
      UpdateTargetDocument,
      { input: { id: t.id, targetValue: null, dueOn: null, notes: null } },
      tokens.admin,
    );
    expect(cleared.data!.updateTarget).toMatchObject({
      name: "新名称",
      targetValue: null,
      dueOn: null,
      notes: null,
      achieved: 250,
      share: null,
    });
  });

  it("refuses a duplicate code with CONFLICT, and bad values with BAD_USER_INPUT naming the field", async () => {
    await create("t-dup");
    const dup = await gql(server, CreateTargetDocument, newTarget("t-dup"), tokens.admin);
    expect(errorCode(dup)).toBe("CONFLICT");
    // Another district may use the same code.
    const otherDistrict = await gql(
      server,
      CreateTargetDocument,
      newTarget("t-dup"),
      tokens.adminB,
    );
    expect(otherDistrict.errors).toBeUndefined();

    const cases: Array<[Partial<NewTarget>, string]> = [
      [{ targetValue: 0 }, "targetValue"],
      [{ targetValue: -5 }, "targetValue"],
      [{ baseline: -1 }, "baseline"],
      [{ year: 1999 }, "year"],
      [{ dueOn: "2022-02-30" }, "dueOn"],
    ];
    for (const [extra, field] of cases) {
      const res = await gql(server, CreateTargetDocument, newTarget("t-bad", extra), tokens.admin);
      expect({ extra, code: errorCode(res), field: res.errors?.[0]?.extensions?.field }).toEqual({
        extra,
        code: "BAD_USER_INPUT",
        field,
      });
    }
    const badCode = await gql(server, CreateTargetDocument, newTarget("Bad Code"), tokens.admin);
    expect(errorCode(badCode)).toBe("BAD_USER_INPUT");
    const t = await create("t-bad-update");
    const badUpdate = await gql(
      server,
      UpdateTargetDocument,
      { input: { id: t.id, targetValue: 0 } },
      tokens.admin,
    );
    expect(errorCode(badUpdate)).toBe("BAD_USER_INPUT");
    expect(badUpdate.errors![0].extensions!.field).toBe("targetValue");
  });
});

describe("progress and arithmetic", () => {
  it("achieved = baseline + the sum of the entries, share = achieved / target value, exactly", async () => {
    const t = await create("t-parking", {
      departmentId: toGlobalId("Department", housingA.id),
    });
    expect(t).toMatchObject({ achieved: 0, share: 0 });
    const first = await record(t.id, 400, tokens.housing, {
      recordedOn: "2022-04-30",
      note: "北地街道",
    });
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordTargetProgress).toMatchObject({ achieved: 400, share: 0.4 });
    expect(first.data!.recordTargetProgress.progress).toEqual([
      expect.objectContaining({
        amount: 400,
        recordedOn: "2022-04-30",
        note: "北地街道",
        recordedBy: `${a.code}.department`,
      }),
    ]);
    await record(t.id, 515.5, tokens.admin, { recordedOn: "2022-08-31" });
    const last = await record(t.id, 399.5, tokens.housing, { recordedOn: "2022-06-30" });
    const target = last.data!.recordTargetProgress;
    expect(target.achieved).toBe(1315);
    expect(target.share).toBe(1.315);
    // Entries come by the day they were recorded for, not by when they were entered.
    expect(target.progress.map((p) => [p.recordedOn, p.amount])).toEqual([
      ["2022-04-30", 400],
      ["2022-06-30", 399.5],
      ["2022-08-31", 515.5],
    ]);
  });

  it("adds progress to the baseline, keeps decimals, and today is the default day", async () => {
    const t = await create("t-baseline", { targetValue: 500, baseline: 200 });
    const res = await record(t.id, 50.25);
    expect(res.data!.recordTargetProgress).toMatchObject({ achieved: 250.25, share: 0.5005 });
    expect(res.data!.recordTargetProgress.progress[0].recordedOn).toBe(chinaDay(0));
  });

  it("an open-ended count has an achieved value and no share", async () => {
    const t = await create("t-open", { targetValue: null, unit: "件" });
    expect(t).toMatchObject({ targetValue: null, achieved: 0, share: null });
    await record(t.id, 60, tokens.admin, { recordedOn: "2022-05-31" });
    const res = await record(t.id, 25, tokens.admin, { recordedOn: "2022-09-30" });
    expect(res.data!.recordTargetProgress).toMatchObject({ achieved: 85, share: null });
  });

  it("refuses an amount of 0 or less, a future day and an impossible one; nothing is written", async () => {
    const t = await create("t-bad-progress");
    await record(t.id, 10, tokens.admin, { recordedOn: "2022-03-31" });
    const bad: Array<[number, string | undefined, string]> = [
      [0, undefined, "amount"],
      [-3, undefined, "amount"],
      [0.00001, undefined, "amount"],
      [5, chinaDay(1), "recordedOn"],
      [5, "2022-13-01", "recordedOn"],
      [5, "2022-02-29", "recordedOn"],
    ];
    for (const [amount, recordedOn, field] of bad) {
      const res = await record(t.id, amount, tokens.admin, recordedOn ? { recordedOn } : {});
      expect({
        amount,
        recordedOn,
        code: errorCode(res),
        field: res.errors?.[0]?.extensions?.field,
      }).toEqual({ amount, recordedOn, code: "BAD_USER_INPUT", field });
    }
    const after = await gql(server, TargetsDocument, { search: "t-bad-progress" }, tokens.admin);
    const node = after.data!.district.targets.edges[0].node;
    expect(node.achieved).toBe(10);
    expect(node.progress).toHaveLength(1);
  });
});

describe("reading targets", () => {
  let d: BuiltDistrict;
  let token: string;
  beforeAll(async () => {
    d = await buildDistrict();
    const dep = await buildDepartment({ district: d, code: "urban_management" });
    token = await tokenFor({ district: d, role: "district_admin" });
    const make = async (code: string, extra: Partial<NewTarget>, amounts: number[]) => {
      const res = await gql(server, CreateTargetDocument, newTarget(code, extra), token);
      expect(res.errors).toBeUndefined();
      for (const amount of amounts)
        expect((await record(res.data!.createTarget.id, amount, token)).errors).toBeUndefined();
    };
    const urban = toGlobalId("Department", dep.id);
    // livelihood 2022: met (1.2), behind (0.5), open-ended; civilized_city 2022: met (1), behind (0.25)
    await make("a-parking", { name: "划设停车位", targetValue: 1000 }, [700, 500]);
    await make("b-toilets", { name: "农户卫生厕所", targetValue: 100 }, [19, 31]);
    await make("c-open", { name: "开放计数", targetValue: null }, [7]);
    await make(
      "d-structures",
      { name: "拆除违章建筑", programme: "civilized_city", departmentId: urban, targetValue: 40 },
      [40],
    );
    await make(
      "e-bins",
      { name: "更新垃圾桶", programme: "civilized_city", targetValue: 200 },
      [50],
    );
    await make("f-later", { name: "次年目标", year: 2023, targetValue: 10 }, []);
  });

  it("lists by code with filters and pages", async () => {
    const all = await gql(server, TargetsDocument, {}, token);
    expect(all.errors).toBeUndefined();
    const conn = all.data!.district.targets;
    expect(conn.totalCount).toBe(6);
    expect(conn.edges.map((e) => e.node.code)).toEqual([
      "a-parking",
      "b-toilets",
      "c-open",
      "d-structures",
      "e-bins",
      "f-later",
    ]);
    expect(conn.edges[3].node.department).toEqual({ code: "urban_management" });
    expect(conn.edges[0].node.department).toBeNull();
    expect(conn.edges[0].node.progress.map((p) => p.amount)).toEqual([700, 500]);

    const civ = await gql(server, TargetsDocument, { programme: "civilized_city" }, token);
    expect(civ.data!.district.targets.edges.map((e) => e.node.code)).toEqual([
      "d-structures",
      "e-bins",
    ]);
    const later = await gql(server, TargetsDocument, { year: 2023 }, token);
    expect(later.data!.district.targets.edges.map((e) => e.node.code)).toEqual(["f-later"]);
    const search = await gql(server, TargetsDocument, { search: "厕所" }, token);
    expect(search.data!.district.targets.edges.map((e) => e.node.code)).toEqual(["b-toilets"]);

    const page1 = await gql(server, TargetsDocument, { first: 4 }, token);
    const p1 = page1.data!.district.targets;
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const page2 = await gql(
      server,
      TargetsDocument,
      { first: 4, after: p1.pageInfo.endCursor },
      token,
    );
    expect(page2.data!.district.targets.edges.map((e) => e.node.code)).toEqual([
      "e-bins",
      "f-later",
    ]);
    expect(page2.data!.district.targets.pageInfo.hasNextPage).toBe(false);
  });

  it("summarizes each programme: targets, met, behind and the average share", async () => {
    const res = await gql(server, TargetSummaryDocument, { year: 2022 }, token);
    expect(res.errors).toBeUndefined();
    // Shares: livelihood 1.2 (met), 0.5 (behind) and an open-ended count (neither);
    // civilized_city 1 (met, exactly at the target) and 0.25 (behind).
    expect(res.data!.district.targetSummary).toEqual([
      { programme: "livelihood", targets: 3, met: 1, behind: 1, averageShare: 0.85 },
      { programme: "civilized_city", targets: 2, met: 1, behind: 1, averageShare: 0.625 },
      { programme: "other", targets: 0, met: 0, behind: 0, averageShare: null },
    ]);
    // Without a year, 2023's target (nothing done yet: share 0) counts too.
    const every = await gql(server, TargetSummaryDocument, {}, token);
    expect(every.data!.district.targetSummary[0]).toMatchObject({
      programme: "livelihood",
      targets: 4,
      met: 1,
      behind: 2,
    });
    expect(every.data!.district.targetSummary[0].averageShare).toBeCloseTo(1.7 / 3, 12);
    const none = await gql(server, TargetSummaryDocument, { year: 2030 }, token);
    expect(none.data!.district.targetSummary.every((s) => s.targets === 0)).toBe(true);
  });

  it("refetches targets and progress entries by node(id)", async () => {
    const list = await gql(server, TargetsDocument, { search: "a-parking" }, token);
    const t = list.data!.district.targets.edges[0].node;
    const byId = await gql(server, TargetNodeDocument, { id: t.id }, token);
    expect(byId.data!.node).toMatchObject({
      __typename: "Target",
      id: t.id,
      code: "a-parking",
      achieved: 1200,
      share: 1.2,
    });
    const entry = await gql(server, TargetNodeDocument, { id: t.progress[0].id }, token);
    expect(entry.data!.node).toMatchObject({
      __typename: "TargetProgress",
      amount: 700,
      target: { code: "a-parking" },
    });
    // Another district's admin gets null for both, as for an id that does not exist.
    for (const id of [t.id, t.progress[0].id]) {
      const cross = await gql(server, TargetNodeDocument, { id }, tokens.adminB);
      expect(cross.errors).toBeUndefined();
      expect(cross.data!.node).toBeNull();
    }
  });

  it("every role of the district reads targets; only staff see who recorded an entry", async () => {
    const resident = await tokenFor({ district: d, role: "resident" });
    const seen = await gql(server, TargetsDocument, { search: "a-parking" }, resident);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.district.targets.edges[0].node.achieved).toBe(1200);
    const staff = await gql(server, TargetsWithRecordersDocument, { first: 1 }, token);
    expect(staff.errors).toBeUndefined();
    expect(staff.data!.district.targets.edges[0].node.progress[0].recordedBy).toBe(
      `${d.code}.district_admin`,
    );
    const hidden = await gql(server, TargetsWithRecordersDocument, { first: 1 }, resident);
    expect(errorCode(hidden)).toBe("FORBIDDEN");
  });

  it("runs the same number of statements for 2 targets and for 30 (no N+1)", async () => {
    const small = await buildDistrict();
    const large = await buildDistrict();
    const fill = async (district: BuiltDistrict, n: number) => {
      const dep = await buildDepartment({ district, code: "housing" });
      const t = await tokenFor({ district, role: "district_admin" });
      for (let i = 0; i < n; i++) {
        const res = await gql(
          server,
          CreateTargetDocument,
          newTarget(`n-${String(i).padStart(2, "0")}`, {
            departmentId: toGlobalId("Department", dep.id),
            targetValue: i % 3 === 0 ? null : 100,
          }),
          t,
        );
        await record(res.data!.createTarget.id, 10 + i, t, { recordedOn: "2022-05-31" });
        await record(res.data!.createTarget.id, 5, t, { recordedOn: "2022-06-30" });
      }
      return t;
    };
    const count = async (t: string) => {
      const before = server.statements.length;
      const res = await gql(server, TargetsWithRecordersDocument, { first: 50 }, t);
      expect(res.errors).toBeUndefined();
      const edges = res.data!.district.targets.edges;
      return { statements: server.statements.length - before, edges };
    };
    const s = await count(await fill(small, 2));
    const l = await count(await fill(large, 30));
    expect(s.edges).toHaveLength(2);
    expect(l.edges).toHaveLength(30);
    expect(l.edges[29].node).toMatchObject({ code: "n-29", achieved: 44, share: 0.44 });
    expect(l.edges[29].node.progress.map((p) => p.target.code)).toEqual(["n-29", "n-29"]);
    expect(l.statements).toBe(s.statements);
    // BEGIN, tenant settings, district, count, page, sums, entries, entries' targets, departments, COMMIT.
    expect(l.statements).toBeLessThanOrEqual(10);
  });
});

describe("who may change targets", () => {
  let targetId: string;
  let unassignedId: string;
  beforeAll(async () => {
    targetId = (await create("t-roles", { departmentId: toGlobalId("Department", housingA.id) }))
      .id;
    unassignedId = (await create("t-roles-unassigned")).id;
  });

  it("only the district admin creates and updates", async () => {
    for (const who of ["housing", "street", "command", "resident", "chief", "city"]) {
      const created = await gql(
        server,
        CreateTargetDocument,
        newTarget(`t-by-${who}`),
        tokens[who],
      );
      expect({ who, code: errorCode(created) }).toEqual({ who, code: "FORBIDDEN" });
      const updated = await gql(
        server,
        UpdateTargetDocument,
        { input: { id: targetId, name: "改名" } },
        tokens[who],
      );
      expect({ who, code: errorCode(updated) }).toEqual({ who, code: "FORBIDDEN" });
    }
  });

  it("progress: the district admin and the department in charge, nobody else", async () => {
    expect((await record(targetId, 1, tokens.housing)).errors).toBeUndefined();
    expect((await record(targetId, 1, tokens.admin)).errors).toBeUndefined();
    for (const who of ["water", "street", "command", "resident", "chief", "city"]) {
      const res = await record(targetId, 1, tokens[who]);
      expect({ who, code: errorCode(res) }).toEqual({ who, code: "FORBIDDEN" });
    }
    // A target without a department is the district admin's alone.
    const unassigned = await record(unassignedId, 1, tokens.housing);
    expect(errorCode(unassigned)).toBe("FORBIDDEN");
    // A department token without a department code is no department in charge.
    const noClaim = await record(targetId, 1, await tokenFor({ district: a, role: "department" }));
    expect(errorCode(noClaim)).toBe("FORBIDDEN");
    const after = await gql(server, TargetNodeDocument, { id: targetId }, tokens.admin);
    expect(after.data!.node).toMatchObject({ achieved: 2 });
  });

  it("another district's ids are NOT_FOUND and its targets invisible", async () => {
    const bTarget = await create(
      "t-b-only",
      { departmentId: toGlobalId("Department", housingB.id) },
      tokens.adminB,
    );
    // B's housing department records on B's target, but not on A's (same department code).
    expect((await record(bTarget.id, 3, tokens.housingB)).errors).toBeUndefined();
    expect(errorCode(await record(targetId, 3, tokens.housingB))).toBe("NOT_FOUND");
    expect(errorCode(await record(targetId, 3, tokens.adminB))).toBe("NOT_FOUND");
    expect(errorCode(await record(bTarget.id, 3, tokens.admin))).toBe("NOT_FOUND");
    const update = await gql(
      server,
      UpdateTargetDocument,
      { input: { id: targetId, name: "越权" } },
      tokens.adminB,
    );
    expect(errorCode(update)).toBe("NOT_FOUND");
    const foreignDept = await gql(
      server,
      CreateTargetDocument,
      newTarget("t-foreign-dept", { departmentId: toGlobalId("Department", housingB.id) }),
      tokens.admin,
    );
    expect(errorCode(foreignDept)).toBe("NOT_FOUND");
    const wrongType = await record(toGlobalId("Department", housingA.id), 1, tokens.admin);
    expect(errorCode(wrongType)).toBe("BAD_USER_INPUT");
    expect(wrongType.errors![0].extensions!.field).toBe("targetId");

    const listB = await gql(server, TargetsDocument, { first: 200 }, tokens.adminB);
    const codesB = listB.data!.district.targets.edges.map((e) => e.node.code);
    expect(codesB).toContain("t-b-only");
    expect(codesB).not.toContain("t-roles");
    const listA = await gql(server, TargetsDocument, { first: 200 }, tokens.admin);
    expect(listA.data!.district.targets.edges.map((e) => e.node.code)).not.toContain("t-b-only");
  });
});

it("row-level security: as the server's role with A's context, no row of B's targets", async () => {
  for (const token of [tokens.admin, tokens.adminB]) {
    const t = await create("t-rls", {}, token);
    expect((await record(t.id, 2, token)).errors).toBeUndefined();
  }
  const app = new Client({ connectionString: process.env.TEST_APP_DATABASE_URL });
  await app.connect();
  try {
    await app.query("BEGIN");
    await app.query("SELECT set_config('app.district_ids', $1, true)", [`{${a.id}}`]);
    for (const table of ["target", "target_progress"]) {
      const { rows } = await app.query(
        `SELECT count(*) FILTER (WHERE district_id <> $1)::int AS foreign, count(*)::int AS n FROM ${table}`,
        [a.id],
      );
      expect({ table, foreign: rows[0].foreign, some: rows[0].n > 0 }).toEqual({
        table,
        foreign: 0,
        some: true,
      });
    }
    const touched = await app.query("UPDATE target SET name = 'x' WHERE district_id = $1", [b.id]);
    expect(touched.rowCount).toBe(0);
  } finally {
    await app.query("ROLLBACK");
    await app.end();
  }
});

describe("the demo data", () => {
  it("Mingshan's 2022 figures read through GraphQL", async () => {
    const token = await tokenFor({ district: { code: "mingshan" }, role: "district_admin" });
    const res = await gql(server, TargetsDocument, { year: 2022, first: 100 }, token);
    expect(res.errors).toBeUndefined();
    const by = new Map(res.data!.district.targets.edges.map((e) => [e.node.code, e.node]));
    const parking = by.get("2022-parking-painted")!;
    expect(parking).toMatchObject({
      targetValue: 1000,
      achieved: 1315,
      share: 1.315,
      unit: "个",
      programme: "livelihood",
      department: { code: "housing" },
    });
    expect(parking.notes).toContain("5.9万平方米");
    expect(parking.notes).toContain("16万元");
    expect(by.get("2022-illegal-structures")).toMatchObject({
      achieved: 1523,
      programme: "civilized_city",
    });
    const achieved = Object.fromEntries([...by].map(([code, t]) => [code, t.achieved]));
    expect(achieved).toMatchObject({
      "2022-parking-new": 1480,
      "2022-building-renovation": 130,
      "2022-road-repair": 19000,
      "2022-stairwells": 4644,
      "2022-waste-bins": 2479,
      "2022-door-pledges": 4997,
      "2022-satellite-dishes": 2000,
      "2022-small-ad-fines": 85,
      "2022-pocket-parks": 5,
      "2022-micro-fire-stations": 55,
      "2022-mother-baby-rooms": 9,
      "2022-key-livelihood-projects": 12,
      "2022-livelihood-investment": 15400,
      "2022-rural-toilets-repaired": 19,
      "2022-rural-toilets-restored": 69,
    });
    expect(by.get("2022-satellite-dishes")!.share).toBeNull();
    for (const t of by.values()) {
      // Each result is spread over dated entries of 2022 that add up to it exactly.
      expect(t.progress.reduce((s, p) => s + p.amount, 0)).toBe(t.achieved);
      expect(t.progress.every((p) => p.recordedOn.startsWith("2022-"))).toBe(true);
    }
    expect(by.get("2022-stairwells")!.progress.length).toBeGreaterThan(1);

    const summary = await gql(server, TargetSummaryDocument, { year: 2022 }, token);
    const civ = summary.data!.district.targetSummary.find((s) => s.programme === "civilized_city")!;
    expect(civ.targets).toBe(9);
    expect(civ.behind).toBe(1); // the 门前三包 pledges: 4,997 of 5,000
  });

  it("Mingshan's 100 new sanitary toilets are a plan for 2023; repairs and restorations count apart", async () => {
    const token = await tokenFor({ district: { code: "mingshan" }, role: "district_admin" });
    const res = await gql(server, TargetsDocument, { search: "厕所", first: 100 }, token);
    expect(res.errors).toBeUndefined();
    const by = new Map(res.data!.district.targets.edges.map((e) => [e.node.code, e.node]));
    expect([...by.keys()].sort()).toEqual([
      "2022-rural-toilets-repaired",
      "2022-rural-toilets-restored",
      "2023-sanitary-toilets-new",
    ]);
    // Only toilets newly built count toward the plan, and none are recorded yet.
    expect(by.get("2023-sanitary-toilets-new")).toMatchObject({
      name: "新建农户卫生厕所",
      year: 2023,
      dueOn: "2023-12-31",
      unit: "座",
      targetValue: 100,
      achieved: 0,
      share: 0,
      progress: [],
      department: { code: "agriculture" },
    });
    // The survey's remedies are 2022 results with no target of their own: 19 and 69 toilets.
    for (const [code, name, achieved] of [
      ["2022-rural-toilets-repaired", "维修改造农村厕所", 19],
      ["2022-rural-toilets-restored", "恢复使用农村厕所", 69],
    ] as const) {
      expect(by.get(code)).toMatchObject({
        name,
        year: 2022,
        unit: "座",
        targetValue: null,
        achieved,
        share: null,
        department: { code: "agriculture" },
      });
    }
  });

  it("every other demo district has a handful of targets", async () => {
    for (const code of ["pingshan", "huanren", "yuanbao"]) {
      const token = await tokenFor({ district: { code }, role: "district_admin" });
      const res = await gql(server, TargetsDocument, {}, token);
      const n = res.data!.district.targets.totalCount;
      expect({ code, handful: n >= 4 && n <= 8 }).toEqual({ code, handful: true });
    }
  });
});
