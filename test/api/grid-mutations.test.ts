import {
  AddCommitteeMemberDocument,
  AssignStaffDocument,
  CloseConsultationDocument,
  CreateGridDocument,
  EndStaffAssignmentDocument,
  GridsDocument,
  OpenConsultationDocument,
  RecordRenovationProgressDocument,
  RegisterOwnerCommitteeDocument,
  RemoveCommitteeMemberDocument,
  RetireGridDocument,
  UpdateGridDocument,
  UpdateOwnerCommitteeDocument,
} from "../generated/graphql";
import { startTestServer, gql, errorCode, type TestServer } from "../helpers/server";
import { testClock } from "../helpers/clock";
import {
  buildCity,
  buildDepartment,
  buildDistrict,
  closeFactories,
  ownerPool,
  tokenFor,
  type BuiltDistrict,
} from "../factories";
import { buildTree, gid, type BuiltTree } from "../factories/tree";

let server: TestServer;
let a: BuiltDistrict;
let b: BuiltDistrict;
let treeA: BuiltTree;
let treeB: BuiltTree;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  const city = await buildCity();
  a = await buildDistrict({ city });
  b = await buildDistrict({ city });
  const housingA = await buildDepartment({ district: a, code: "housing" });
  await buildDepartment({ district: a, code: "water" });
  treeA = await buildTree(a, { departmentId: housingA.id });
  treeB = await buildTree(b);
  tokens.admin = await tokenFor({ district: a, role: "district_admin" });
  tokens.adminB = await tokenFor({ district: b, role: "district_admin" });
  tokens.streetA = await tokenFor({ district: a, role: "street_officer" }, { street: "so-a" });
  tokens.streetB = await tokenFor({ district: a, role: "street_officer" }, { street: "so-b" });
  tokens.chief = await tokenFor({ district: a, role: "grid_chief" }, { grids: ["so-a-c01-g01"] });
  tokens.otherChief = await tokenFor(
    { district: a, role: "grid_chief" },
    { grids: ["so-a-c01-g02"] },
  );
  tokens.worker = await tokenFor({ district: a, role: "grid_worker" }, { grids: ["so-a-c01-g01"] });
  tokens.housing = await tokenFor({ district: a, role: "department" }, { department: "housing" });
  tokens.water = await tokenFor({ district: a, role: "department" }, { department: "water" });
  tokens.command = await tokenFor({ district: a, role: "command_center" });
  tokens.resident = await tokenFor({ district: a, role: "resident" });
  tokens.city = await tokenFor({ city, role: "city_admin" });
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

const newGrid = (code: string, communityId = gid("Community", treeA.community)) => ({
  input: {
    communityId,
    code,
    name: `网格${code}`,
    latitude: 41.3,
    longitude: 123.8,
    linesOfWork: ["party_building" as const, "rule_of_law" as const],
    boundary: {
      type: "Polygon",
      coordinates: [
        [
          [123.8, 41.3],
          [123.81, 41.3],
          [123.81, 41.31],
          [123.8, 41.3],
        ],
      ],
    },
  },
});

async function gridCount(districtId: string, code: string): Promise<number> {
  const client = await ownerPool().connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT set_config('app.district_ids', $1, true)", [`{${districtId}}`]);
    const r = await client.query("SELECT count(*)::int AS n FROM grid WHERE code = $1", [code]);
    await client.query("COMMIT");
    return r.rows[0].n;
  } finally {
    client.release();
  }
}

describe("grids", () => {
  it("district admin creates, updates and retires a grid", async () => {
    const created = await gql(server, CreateGridDocument, newGrid("new-g1"), tokens.admin);
    expect(created.errors).toBeUndefined();
    const g = created.data!.createGrid;
    expect(g).toMatchObject({
      code: "new-g1",
      kind: "urban",
      version: 1,
      community: { code: "so-a-c01" },
      streetOffice: { code: "so-a" },
    });
    expect(g.boundary).toMatchObject({ type: "Polygon" });

    const updated = await gql(
      server,
      UpdateGridDocument,
      { input: { id: g.id, expectedVersion: 1, name: "改名网格", linesOfWork: ["fire_safety"] } },
      tokens.admin,
    );
    expect(updated.data!.updateGrid).toMatchObject({
      name: "改名网格",
      version: 2,
      linesOfWork: ["fire_safety"],
      latitude: 41.3,
    });
    const stale = await gql(
      server,
      UpdateGridDocument,
      { input: { id: g.id, expectedVersion: 1, name: "再改" } },
      tokens.admin,
    );
    expect(errorCode(stale)).toBe("CONFLICT");

    const retired = await gql(
      server,
      RetireGridDocument,
      { input: { id: g.id, reason: "并入相邻网格" } },
      tokens.admin,
    );
    expect(retired.data!.retireGrid.retiredAt).not.toBeNull();
    const listed = await gql(server, GridsDocument, { search: "改名" }, tokens.admin);
    expect(listed.data!.district.grids.totalCount).toBe(0);
    const withRetired = await gql(
      server,
      GridsDocument,
      { search: "改名", includeRetired: true },
      tokens.admin,
    );
    expect(withRetired.data!.district.grids.totalCount).toBe(1);
    const again = await gql(
      server,
      UpdateGridDocument,
      { input: { id: g.id, name: "x" } },
      tokens.admin,
    );
    expect(errorCode(again)).toBe("BAD_USER_INPUT");
  });

  it("a grid in a village is rural", async () => {
    const res = await gql(
      server,
      CreateGridDocument,
      newGrid("new-rural", gid("Community", treeA.village)),
      tokens.admin,
    );
    expect(res.data!.createGrid.kind).toBe("rural");
  });

  it("a street officer writes in its own street office only", async () => {
    const ok = await gql(server, CreateGridDocument, newGrid("so-a-new"), tokens.streetA);
    expect(ok.errors).toBeUndefined();
    const refused = await gql(server, CreateGridDocument, newGrid("so-b-new"), tokens.streetB);
    expect(errorCode(refused)).toBe("FORBIDDEN");
    expect(await gridCount(a.id, "so-b-new")).toBe(0);
  });

  it("other roles may not write grids", async () => {
    for (const who of ["chief", "worker", "housing", "command", "resident", "city"]) {
      const res = await gql(server, CreateGridDocument, newGrid(`refused-${who}`), tokens[who]);
      expect({ who, code: errorCode(res) }).toEqual({ who, code: "FORBIDDEN" });
    }
    const upd = await gql(
      server,
      UpdateGridDocument,
      { input: { id: gid("Grid", treeA.gridA), name: "x" } },
      tokens.chief,
    );
    expect(errorCode(upd)).toBe("FORBIDDEN");
    const ret = await gql(
      server,
      RetireGridDocument,
      { input: { id: gid("Grid", treeA.gridA), reason: "x" } },
      tokens.streetB,
    );
    expect(errorCode(ret)).toBe("FORBIDDEN");
  });

  it("bad input gets BAD_USER_INPUT and writes nothing", async () => {
    const badCode = await gql(server, CreateGridDocument, newGrid("Bad Code"), tokens.admin);
    expect(errorCode(badCode)).toBe("BAD_USER_INPUT");
    const badLat = await gql(
      server,
      CreateGridDocument,
      { input: { ...newGrid("lat-g").input, latitude: 123 } },
      tokens.admin,
    );
    expect(errorCode(badLat)).toBe("BAD_USER_INPUT");
    const badBoundary = await gql(
      server,
      CreateGridDocument,
      { input: { ...newGrid("bnd-g").input, boundary: { type: "Point", coordinates: [1, 2] } } },
      tokens.admin,
    );
    expect(errorCode(badBoundary)).toBe("BAD_USER_INPUT");
    expect(badBoundary.errors![0].extensions!.field).toBe("boundary");
    const dup = await gql(server, CreateGridDocument, newGrid("so-a-c01-g01"), tokens.admin);
    expect(errorCode(dup)).toBe("CONFLICT");
    expect(await gridCount(a.id, "bnd-g")).toBe(0);
  });

  it("another district's community or grid is NOT_FOUND, and nothing is written", async () => {
    const res = await gql(
      server,
      CreateGridDocument,
      newGrid("cross-g", gid("Community", treeB.community)),
      tokens.admin,
    );
    expect(errorCode(res)).toBe("NOT_FOUND");
    expect(await gridCount(b.id, "cross-g")).toBe(0);
    const upd = await gql(
      server,
      UpdateGridDocument,
      { input: { id: gid("Grid", treeB.gridA), name: "x" } },
      tokens.admin,
    );
    expect(errorCode(upd)).toBe("NOT_FOUND");
    const ret = await gql(
      server,
      RetireGridDocument,
      { input: { id: gid("Grid", treeB.gridA), reason: "x" } },
      tokens.admin,
    );
    expect(errorCode(ret)).toBe("NOT_FOUND");
  });
});

describe("staff assignments", () => {
  it("a grid chief appoints and ends a building head and a unit head in its grid", async () => {
    const head = await gql(
      server,
      AssignStaffDocument,
      {
        input: {
          personId: gid("Person", treeA.resident2),
          gridId: gid("Grid", treeA.gridA),
          role: "building_head",
          buildingId: gid("Building", treeA.building1),
          startsOn: "2024-03-01",
        },
      },
      tokens.chief,
    );
    expect(head.errors).toBeUndefined();
    expect(head.data!.assignStaff).toMatchObject({
      role: "building_head",
      startsOn: "2024-03-01",
      current: true,
      building: { number: "1" },
    });
    const unitHead = await gql(
      server,
      AssignStaffDocument,
      {
        input: {
          personId: gid("Person", treeA.resident),
          gridId: gid("Grid", treeA.gridA),
          role: "unit_head",
          unitId: gid("BuildingUnit", treeA.unit12),
        },
      },
      tokens.chief,
    );
    expect(unitHead.data!.assignStaff).toMatchObject({
      role: "unit_head",
      building: { number: "1" },
      unit: { number: "2" },
    });
    const ended = await gql(
      server,
      EndStaffAssignmentDocument,
      { input: { id: head.data!.assignStaff.id, endsOn: "2024-12-31" } },
      tokens.chief,
    );
    expect(ended.data!.endStaffAssignment).toMatchObject({ endsOn: "2024-12-31", current: false });
    const twice = await gql(
      server,
      EndStaffAssignmentDocument,
      { input: { id: head.data!.assignStaff.id } },
      tokens.chief,
    );
    expect(errorCode(twice)).toBe("BAD_USER_INPUT");
  });

  it("a grid chief may not appoint a grid chief, nor act in another grid", async () => {
    const chief = await gql(
      server,
      AssignStaffDocument,
      {
        input: {
          personId: gid("Person", treeA.resident2),
          gridId: gid("Grid", treeA.gridA),
          role: "grid_chief",
        },
      },
      tokens.chief,
    );
    expect(errorCode(chief)).toBe("FORBIDDEN");
    const other = await gql(
      server,
      AssignStaffDocument,
      {
        input: {
          personId: gid("Person", treeA.outsider),
          gridId: gid("Grid", treeA.gridB),
          role: "grid_worker",
        },
      },
      tokens.chief,
    );
    expect(errorCode(other)).toBe("FORBIDDEN");
    const end = await gql(
      server,
      EndStaffAssignmentDocument,
      { input: { id: gid("StaffAssignment", treeA.workerPost) } },
      tokens.otherChief,
    );
    expect(errorCode(end)).toBe("FORBIDDEN");
    for (const who of ["worker", "housing", "command", "resident", "city"]) {
      const res = await gql(
        server,
        AssignStaffDocument,
        {
          input: {
            personId: gid("Person", treeA.resident2),
            gridId: gid("Grid", treeA.gridA),
            role: "grid_worker",
          },
        },
        tokens[who],
      );
      expect({ who, code: errorCode(res) }).toEqual({ who, code: "FORBIDDEN" });
    }
  });

  it("a grid has one grid chief at a time; posts must fit the grid", async () => {
    const second = await gql(
      server,
      AssignStaffDocument,
      {
        input: {
          personId: gid("Person", treeA.resident2),
          gridId: gid("Grid", treeA.gridA),
          role: "grid_chief",
        },
      },
      tokens.admin,
    );
    expect(errorCode(second)).toBe("CONFLICT");
    const noBuilding = await gql(
      server,
      AssignStaffDocument,
      {
        input: {
          personId: gid("Person", treeA.resident2),
          gridId: gid("Grid", treeA.gridA),
          role: "building_head",
        },
      },
      tokens.admin,
    );
    expect(errorCode(noBuilding)).toBe("BAD_USER_INPUT");
    const ruralPost = await gql(
      server,
      AssignStaffDocument,
      {
        input: {
          personId: gid("Person", treeA.resident2),
          gridId: gid("Grid", treeA.gridA),
          role: "villager_group_leader",
        },
      },
      tokens.admin,
    );
    expect(errorCode(ruralPost)).toBe("BAD_USER_INPUT");
    const wrongGrid = await gql(
      server,
      AssignStaffDocument,
      {
        input: {
          personId: gid("Person", treeA.outsider),
          gridId: gid("Grid", treeA.gridB),
          role: "building_head",
          buildingId: gid("Building", treeA.building1),
        },
      },
      tokens.admin,
    );
    expect(errorCode(wrongGrid)).toBe("BAD_USER_INPUT");
    const badDate = await gql(
      server,
      AssignStaffDocument,
      {
        input: {
          personId: gid("Person", treeA.villager),
          gridId: gid("Grid", treeA.gridRural),
          role: "villager_group_leader",
          startsOn: "2023-02-30",
        },
      },
      tokens.admin,
    );
    expect(errorCode(badDate)).toBe("BAD_USER_INPUT");
  });

  it("street officers manage the staff of their street office's grids only", async () => {
    const ok = await gql(
      server,
      AssignStaffDocument,
      {
        input: {
          personId: gid("Person", treeA.villager),
          gridId: gid("Grid", treeA.gridRural),
          role: "villager_representative",
        },
      },
      tokens.streetB,
    );
    expect(ok.errors).toBeUndefined();
    const refused = await gql(
      server,
      AssignStaffDocument,
      {
        input: {
          personId: gid("Person", treeA.villager),
          gridId: gid("Grid", treeA.gridRural),
          role: "villager_group_leader",
        },
      },
      tokens.streetA,
    );
    expect(errorCode(refused)).toBe("FORBIDDEN");
  });

  it("another district's person, grid or post is NOT_FOUND", async () => {
    const res = await gql(
      server,
      AssignStaffDocument,
      {
        input: {
          personId: gid("Person", treeB.resident2),
          gridId: gid("Grid", treeA.gridA),
          role: "grid_worker",
        },
      },
      tokens.admin,
    );
    expect(errorCode(res)).toBe("NOT_FOUND");
    const grid = await gql(
      server,
      AssignStaffDocument,
      {
        input: {
          personId: gid("Person", treeA.resident2),
          gridId: gid("Grid", treeB.gridA),
          role: "grid_worker",
        },
      },
      tokens.admin,
    );
    expect(errorCode(grid)).toBe("NOT_FOUND");
    const end = await gql(
      server,
      EndStaffAssignmentDocument,
      { input: { id: gid("StaffAssignment", treeB.workerPost) } },
      tokens.admin,
    );
    expect(errorCode(end)).toBe("NOT_FOUND");
  });
});

describe("owner committees", () => {
  let committeeId: string;

  it("a street officer registers a committee with members living in the compound", async () => {
    const res = await gql(
      server,
      RegisterOwnerCommitteeDocument,
      {
        input: {
          compoundId: gid("Compound", treeA.compound),
          name: "永丰小区业主委员会",
          status: "active",
          electionDate: "2022-05-20",
          termStart: "2022-06-01",
          termEnd: "2027-05-31",
          members: [
            { personId: gid("Person", treeA.resident), role: "chair" },
            { personId: gid("Person", treeA.resident2), role: "vice_chair" },
          ],
        },
      },
      tokens.streetA,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.registerOwnerCommittee.members.map((m) => [m.role, m.person.name])).toEqual([
      ["chair", "王秀英"],
      ["vice_chair", "张伟"],
    ]);
    committeeId = res.data!.registerOwnerCommittee.id;
    const again = await gql(
      server,
      RegisterOwnerCommitteeDocument,
      {
        input: { compoundId: gid("Compound", treeA.compound), name: "第二个" },
      },
      tokens.admin,
    );
    expect(errorCode(again)).toBe("CONFLICT");
  });

  it("members must live in the compound; one chair", async () => {
    const stranger = await gql(
      server,
      AddCommitteeMemberDocument,
      {
        input: { committeeId, personId: gid("Person", treeA.outsider), role: "member" },
      },
      tokens.admin,
    );
    expect(errorCode(stranger)).toBe("BAD_USER_INPUT");
    expect(stranger.errors![0].extensions!.field).toBe("personId");
    const chair = await gql(
      server,
      AddCommitteeMemberDocument,
      {
        input: { committeeId, personId: gid("Person", treeA.residentSpouse), role: "chair" },
      },
      tokens.admin,
    );
    expect(errorCode(chair)).toBe("BAD_USER_INPUT");
    const added = await gql(
      server,
      AddCommitteeMemberDocument,
      {
        input: { committeeId, personId: gid("Person", treeA.residentSpouse), role: "member" },
      },
      tokens.admin,
    );
    expect(added.errors).toBeUndefined();
    const removed = await gql(
      server,
      RemoveCommitteeMemberDocument,
      { id: added.data!.addCommitteeMember.id },
      tokens.admin,
    );
    expect(removed.data!.removeCommitteeMember.members).toHaveLength(2);
    const updated = await gql(
      server,
      UpdateOwnerCommitteeDocument,
      { input: { id: committeeId, status: "expired" } },
      tokens.admin,
    );
    expect(updated.data!.updateOwnerCommittee.status).toBe("expired");
    const badTerm = await gql(
      server,
      UpdateOwnerCommitteeDocument,
      { input: { id: committeeId, termEnd: "2020-01-01" } },
      tokens.admin,
    );
    expect(errorCode(badTerm)).toBe("BAD_USER_INPUT");
  });

  it("refuses other street offices, other roles and other districts", async () => {
    const so = await gql(
      server,
      RegisterOwnerCommitteeDocument,
      { input: { compoundId: gid("Compound", treeA.compound2), name: "x" } },
      tokens.streetB,
    );
    expect(errorCode(so)).toBe("FORBIDDEN");
    for (const who of ["chief", "worker", "housing", "command", "resident", "city"]) {
      const res = await gql(
        server,
        RegisterOwnerCommitteeDocument,
        { input: { compoundId: gid("Compound", treeA.compound2), name: "x" } },
        tokens[who],
      );
      expect({ who, code: errorCode(res) }).toEqual({ who, code: "FORBIDDEN" });
    }
    const cross = await gql(
      server,
      RegisterOwnerCommitteeDocument,
      { input: { compoundId: gid("Compound", treeA.compound2), name: "x" } },
      tokens.adminB,
    );
    expect(errorCode(cross)).toBe("NOT_FOUND");
    const member = await gql(
      server,
      AddCommitteeMemberDocument,
      { input: { committeeId, personId: gid("Person", treeA.residentSpouse), role: "member" } },
      tokens.adminB,
    );
    expect(errorCode(member)).toBe("NOT_FOUND");
  });
});

describe("renovation progress", () => {
  it("the department in charge and the district admin record progress; it cannot go back", async () => {
    const projectId = gid("RenovationProject", treeA.project);
    const dept = await gql(
      server,
      RecordRenovationProgressDocument,
      { input: { projectId, percent: 45, note: "楼体保温完成一半" } },
      tokens.housing,
    );
    expect(dept.errors).toBeUndefined();
    expect(dept.data!.recordRenovationProgress.progressPercent).toBe(45);
    expect(dept.data!.recordRenovationProgress.progress.at(-1)).toMatchObject({
      percent: 45,
      recordedBy: `${a.code}.department`,
    });
    const admin = await gql(
      server,
      RecordRenovationProgressDocument,
      { input: { projectId, percent: 50 } },
      tokens.admin,
    );
    expect(admin.data!.recordRenovationProgress.progressPercent).toBe(50);
    const back = await gql(
      server,
      RecordRenovationProgressDocument,
      { input: { projectId, percent: 40 } },
      tokens.admin,
    );
    expect(errorCode(back)).toBe("BAD_USER_INPUT");
    const over = await gql(
      server,
      RecordRenovationProgressDocument,
      { input: { projectId, percent: 101 } },
      tokens.admin,
    );
    expect(errorCode(over)).toBe("BAD_USER_INPUT");
  });

  it("refuses other departments, other roles and other districts", async () => {
    const projectId = gid("RenovationProject", treeA.project);
    const water = await gql(
      server,
      RecordRenovationProgressDocument,
      { input: { projectId, percent: 60 } },
      tokens.water,
    );
    expect(errorCode(water)).toBe("FORBIDDEN");
    for (const who of ["streetA", "chief", "command", "resident", "city"]) {
      const res = await gql(
        server,
        RecordRenovationProgressDocument,
        { input: { projectId, percent: 60 } },
        tokens[who],
      );
      expect({ who, code: errorCode(res) }).toEqual({ who, code: "FORBIDDEN" });
    }
    const cross = await gql(
      server,
      RecordRenovationProgressDocument,
      { input: { projectId: gid("RenovationProject", treeB.project), percent: 60 } },
      tokens.admin,
    );
    expect(errorCode(cross)).toBe("NOT_FOUND");
  });
});

describe("consultations", () => {
  const open = (compound: string, title = "新的征集") => ({
    input: {
      compoundId: gid("Compound", compound),
      title,
      closesAt: new Date(testClock.now().getTime() + 7 * 86400_000).toISOString(),
      proposals: [
        { question: "whether" as const, title: "是否加装电梯" },
        { question: "how" as const, title: "分摊方式", description: "按楼层分摊" },
      ],
    },
  });

  it("opens and closes a consultation; one open per compound", async () => {
    const dup = await gql(server, OpenConsultationDocument, open(treeA.compound), tokens.admin);
    expect(errorCode(dup)).toBe("CONFLICT");
    const res = await gql(server, OpenConsultationDocument, open(treeA.compound2), tokens.streetA);
    expect(res.errors).toBeUndefined();
    expect(res.data!.openConsultation.proposals.map((p) => [p.position, p.question])).toEqual([
      [0, "whether"],
      [1, "how"],
    ]);
    const closed = await gql(
      server,
      CloseConsultationDocument,
      { id: res.data!.openConsultation.id },
      tokens.admin,
    );
    expect(closed.data!.closeConsultation.status).toBe("closed");
    const past = await gql(
      server,
      OpenConsultationDocument,
      { input: { ...open(treeA.compound2).input, closesAt: "2020-01-01T00:00:00Z" } },
      tokens.admin,
    );
    expect(errorCode(past)).toBe("BAD_USER_INPUT");
    const otherProject = await gql(
      server,
      OpenConsultationDocument,
      {
        input: {
          ...open(treeA.compound2).input,
          projectId: gid("RenovationProject", treeA.project),
        },
      },
      tokens.admin,
    );
    expect(errorCode(otherProject)).toBe("BAD_USER_INPUT");
    expect(otherProject.errors![0].extensions!.field).toBe("projectId");
    const none = await gql(
      server,
      OpenConsultationDocument,
      { input: { ...open(treeA.compound2).input, proposals: [] } },
      tokens.admin,
    );
    expect(errorCode(none)).toBe("BAD_USER_INPUT");
  });

  it("refuses other street offices, other roles and other districts", async () => {
    const so = await gql(server, OpenConsultationDocument, open(treeA.compound2), tokens.streetB);
    expect(errorCode(so)).toBe("FORBIDDEN");
    for (const who of ["chief", "worker", "housing", "command", "resident", "city"]) {
      const res = await gql(server, OpenConsultationDocument, open(treeA.compound2), tokens[who]);
      expect({ who, code: errorCode(res) }).toEqual({ who, code: "FORBIDDEN" });
    }
    const cross = await gql(server, OpenConsultationDocument, open(treeB.compound2), tokens.admin);
    expect(errorCode(cross)).toBe("NOT_FOUND");
    const closeCross = await gql(
      server,
      CloseConsultationDocument,
      { id: gid("Consultation", treeB.consultation) },
      tokens.admin,
    );
    expect(errorCode(closeCross)).toBe("NOT_FOUND");
  });
});
