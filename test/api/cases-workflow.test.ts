import {
  AssignCaseDocument,
  CaseDetailDocument,
  CasesDocument,
  ConcludeSupervisionDocument,
  CreateCaseDocument,
  EscalateCaseDocument,
  RecordCallbackDocument,
  ReferCaseToCommandCenterDocument,
  ReferCaseToStreetDocument,
  ReplyToCaseDocument,
  ReportCaseProgressDocument,
  RequestCaseExtensionDocument,
  RequestCaseReturnDocument,
  ResolveCaseDocument,
  RuleOnCaseExtensionDocument,
  RuleOnCaseReturnDocument,
  SuperviseCaseDocument,
  TakeCaseLeadDocument,
  UpdateCaseSettingsDocument,
  type CaseFieldsFragment,
} from "../generated/graphql";
import { ok, startTestServer, gql, errorCode, type TestServer } from "../helpers/server";
import { closeFactories, tokenFor } from "../factories";
import { buildCaseWorld, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { OFFICIAL_CALENDAR } from "../../src/modules/cases/calendar.rules";
import { testClock } from "../helpers/clock";
import { fromGlobalId } from "../../src/common/ids";

let server: TestServer;
let w: CaseWorld;
let other: CaseWorld;

beforeAll(async () => {
  w = await buildCaseWorld();
  other = await buildCaseWorld({ city: w.city });
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

const first = <T>(d: T) => Object.values(d as object)[0] as CaseFieldsFragment;

async function hotlineCase(token = w.tokens.operator, extra: Record<string, unknown> = {}) {
  return first(
    ok(
      await gql(
        server,
        CreateCaseDocument,
        {
          input: {
            channel: "hotline",
            categoryCode: "property_management",
            description: "楼道灯坏了一个月没人修",
            compoundId: gid("Compound", w.tree.compound),
            complainantName: "王秀英",
            complainantPhone: "13812345678",
            ...extra,
          },
        },
        token,
      ),
    ),
  );
}

const step = async <D>(doc: D, token: string, input: Record<string, unknown>) =>
  first(ok(await gql(server, doc as never, { input } as never, token)));

describe("the hotline path", () => {
  it("operator → command center → lead and co-handling departments → callback → closed", async () => {
    let c = await hotlineCase();
    expect(c).toMatchObject({
      channel: "hotline",
      status: "received",
      version: 1,
      proactive: false,
      grid: { code: "so-a-c01-g01" },
      streetOffice: { code: "so-a" },
    });
    expect(c.number).toMatch(new RegExp(`^${w.district.code.toUpperCase()}-\\d{8}-\\d{6}$`));
    const received = new Date(c.receivedAt);
    expect(new Date(c.replyDueAt).getTime() - received.getTime()).toBe(2 * 3600_000);
    expect(c.resolutionDueAt).toBe(OFFICIAL_CALENDAR.resolutionDue(received, 3).toISOString());
    // Received on the test clock's Tuesday 10 March 2026: due at the end of Friday 13 March.
    expect(c.resolutionDueAt).toBe("2026-03-13T16:00:00.000Z");

    c = await step(ReplyToCaseDocument, w.tokens.operator, {
      id: c.id,
      expectedVersion: 1,
      note: "已受理，正在协调处理",
    });
    expect(c.repliedAt).not.toBeNull();
    const twice = await gql(
      server,
      ReplyToCaseDocument,
      { input: { id: c.id, expectedVersion: c.version, note: "again" } },
      w.tokens.operator,
    );
    expect(errorCode(twice)).toBe("BAD_USER_INPUT");

    const soon = new Date(testClock.now().getTime() + 86400_000).toISOString();
    c = await step(AssignCaseDocument, w.tokens.command, {
      id: c.id,
      expectedVersion: c.version,
      note: "住建局牵头，城管局协办",
      assignments: [
        { departmentId: gid("Department", w.housing.id), role: "lead" },
        { departmentId: gid("Department", w.urban.id), role: "co", dueAt: soon },
      ],
    });
    expect(c.status).toBe("dispatched");
    expect(c.assignments.map((a) => [a.department.code, a.role, a.status])).toEqual([
      ["housing", "lead", "assigned"],
      ["urban_management", "co", "assigned"],
    ]);
    expect(c.assignments[1].dueAt).toBe(soon);

    c = await step(ReportCaseProgressDocument, w.tokens.urban, {
      id: c.id,
      expectedVersion: c.version,
      note: "已清理楼道杂物",
      final: true,
    });
    const coResolve = await gql(
      server,
      ResolveCaseDocument,
      { input: { id: c.id, expectedVersion: c.version, note: "x" } },
      w.tokens.urban,
    );
    expect(errorCode(coResolve)).toBe("FORBIDDEN");
    c = await step(ResolveCaseDocument, w.tokens.housing, {
      id: c.id,
      expectedVersion: c.version,
      note: "已更换楼道灯",
    });
    expect(c.status).toBe("resolved");
    c = await step(RecordCallbackDocument, w.tokens.operator, {
      id: c.id,
      expectedVersion: c.version,
      reached: true,
      satisfaction: "satisfied",
    });
    expect(c).toMatchObject({ status: "closed", satisfaction: "satisfied", callbackReached: true });

    const detail = ok(await gql(server, CaseDetailDocument, { id: c.id }, w.tokens.command)).case!;
    expect(detail.timeline.map((e) => e.action)).toEqual([
      "create",
      "reply",
      "assign",
      "report_progress",
      "resolve",
      "callback",
    ]);
    expect(detail.timeline.map((e) => e.toStatus)).toEqual([
      "received",
      "received",
      "dispatched",
      "dispatched",
      "resolved",
      "closed",
    ]);
    expect(detail.timeline[2]).toMatchObject({
      actor: `${w.district.code}.command_center`,
      actorRole: "command_center",
      fromStatus: "received",
    });
  });

  it("the same idempotency key returns the same case", async () => {
    const a = await hotlineCase(w.tokens.operator, { idempotencyKey: "call-20261127-001" });
    const b = await hotlineCase(w.tokens.operator, { idempotencyKey: "call-20261127-001" });
    expect(b.id).toBe(a.id);
    const [x, y] = await Promise.all([
      hotlineCase(w.tokens.operator, { idempotencyKey: "call-race" }),
      hotlineCase(w.tokens.operator, { idempotencyKey: "call-race" }),
    ]);
    expect(x.id).toBe(y.id);
    const n = ok(
      await gql(server, CasesDocument, { first: 200 }, w.tokens.command),
    ).cases.edges.filter((e) => e.node.id === x.id);
    expect(n).toHaveLength(1);
  });

  it("a stale expectedVersion is CONFLICT and changes nothing", async () => {
    const c = await hotlineCase();
    const stale = await gql(
      server,
      EscalateCaseDocument,
      { input: { id: c.id, expectedVersion: 7, note: "x" } },
      w.tokens.command,
    );
    expect(errorCode(stale)).toBe("CONFLICT");
    const detail = ok(await gql(server, CaseDetailDocument, { id: c.id }, w.tokens.command)).case!;
    expect(detail).toMatchObject({ status: "received", version: 1, escalated: false });
  });
});

describe("the grid and street paths", () => {
  it("a grid worker's patrol report is proactive and handled in the grid", async () => {
    let c = first(
      ok(
        await gql(
          server,
          CreateCaseDocument,
          {
            input: {
              channel: "grid_patrol",
              categoryCode: "sanitation",
              description: "垃圾桶满溢",
            },
          },
          w.tokens.worker,
        ),
      ),
    );
    expect(c).toMatchObject({
      status: "grid_handling",
      proactive: true,
      grid: { code: "so-a-c01-g01" },
    });
    c = await step(ResolveCaseDocument, w.tokens.worker, {
      id: c.id,
      expectedVersion: c.version,
      note: "已清运",
    });
    c = await step(RecordCallbackDocument, w.tokens.command, {
      id: c.id,
      expectedVersion: c.version,
      reached: false,
    });
    expect(c).toMatchObject({ status: "closed", callbackReached: false, satisfaction: null });
  });

  it("a hotline case taken by the grid, then the street office, then the command center", async () => {
    let c = await hotlineCase();
    const wrongGrid = await gql(
      server,
      TakeCaseLeadDocument,
      { input: { id: c.id, expectedVersion: c.version } },
      w.tokens.otherWorker,
    );
    expect(errorCode(wrongGrid)).toBe("FORBIDDEN");
    c = await step(TakeCaseLeadDocument, w.tokens.chief, { id: c.id, expectedVersion: c.version });
    c = await step(ReferCaseToStreetDocument, w.tokens.worker, {
      id: c.id,
      expectedVersion: c.version,
      note: "需要街道协调物业",
    });
    expect(c.status).toBe("street_handling");
    const otherStreet = await gql(
      server,
      ReferCaseToCommandCenterDocument,
      { input: { id: c.id, expectedVersion: c.version, note: "x" } },
      w.tokens.otherStreet,
    );
    expect(errorCode(otherStreet)).toBe("FORBIDDEN");
    c = await step(ReferCaseToCommandCenterDocument, w.tokens.street, {
      id: c.id,
      expectedVersion: c.version,
      note: "涉及多个部门",
    });
    expect(c.status).toBe("awaiting_dispatch");
    c = await step(AssignCaseDocument, w.tokens.command, {
      id: c.id,
      expectedVersion: c.version,
      assignments: [{ departmentId: gid("Department", w.housing.id), role: "lead" }],
    });
    expect(c.stage).toBe("dispatched");
  });

  it("a street office's community report starts with the street office", async () => {
    let c = first(
      ok(
        await gql(
          server,
          CreateCaseDocument,
          {
            input: {
              channel: "community_report",
              categoryCode: "parking",
              description: "小区门口占道停车",
              gridId: gid("Grid", w.tree.gridB),
            },
          },
          w.tokens.street,
        ),
      ),
    );
    expect(c.status).toBe("street_handling");
    c = await step(ResolveCaseDocument, w.tokens.street, {
      id: c.id,
      expectedVersion: c.version,
      note: "已协调",
    });
    expect(c.status).toBe("resolved");
    const foreign = await gql(
      server,
      CreateCaseDocument,
      {
        input: {
          channel: "community_report",
          categoryCode: "parking",
          description: "x",
          gridId: gid("Grid", w.tree.gridRural),
        },
      },
      w.tokens.street,
    );
    expect(errorCode(foreign)).toBe("FORBIDDEN");
  });

  it("a resident files a case and sees only its own", async () => {
    const c = first(
      ok(
        await gql(
          server,
          CreateCaseDocument,
          {
            input: {
              channel: "resident",
              categoryCode: "noise",
              description: "夜间施工噪音",
              latitude: 41.3001,
              longitude: 123.7801,
              complainantName: "王秀英",
              complainantPhone: "13812345678",
            },
          },
          w.tokens.resident,
        ),
      ),
    );
    expect(c).toMatchObject({
      status: "received",
      grid: { code: "so-a-c01-g01" },
      complainant: { visible: true, phone: "13812345678" },
    });
    const mine = ok(await gql(server, CasesDocument, {}, w.tokens.resident)).cases;
    expect(mine.edges.map((e) => e.node.id)).toEqual([c.id]);
    const theirs = ok(await gql(server, CasesDocument, {}, w.tokens.resident2)).cases;
    expect(theirs.totalCount).toBe(0);
    const hotline = await gql(
      server,
      CreateCaseDocument,
      { input: { channel: "hotline", categoryCode: "noise", description: "x" } },
      w.tokens.resident,
    );
    expect(errorCode(hotline)).toBe("FORBIDDEN");
  });
});

describe("returns, extensions, redo, escalation and supervision", () => {
  async function dispatched() {
    const c = await hotlineCase();
    return step(AssignCaseDocument, w.tokens.command, {
      id: c.id,
      expectedVersion: c.version,
      assignments: [{ departmentId: gid("Department", w.housing.id), role: "lead" }],
    });
  }

  it("a return is ruled by the command center; too many returns open supervision by themselves", async () => {
    ok(await gql(server, UpdateCaseSettingsDocument, { input: { maxReturns: 1 } }, w.tokens.admin));
    let c = await dispatched();
    const noReason = await gql(
      server,
      RequestCaseReturnDocument,
      { input: { id: c.id, expectedVersion: c.version } },
      w.tokens.housing,
    );
    expect(errorCode(noReason)).toBe("BAD_USER_INPUT");
    const notMine = await gql(
      server,
      RequestCaseReturnDocument,
      { input: { id: c.id, expectedVersion: c.version, note: "x" } },
      w.tokens.water,
    );
    expect(errorCode(notMine)).toBe("FORBIDDEN");
    c = await step(RequestCaseReturnDocument, w.tokens.housing, {
      id: c.id,
      expectedVersion: c.version,
      note: "不属于本部门职责",
    });
    expect(c.status).toBe("return_requested");
    const byDept = await gql(
      server,
      RuleOnCaseReturnDocument,
      { input: { id: c.id, expectedVersion: c.version, granted: true } },
      w.tokens.housing,
    );
    expect(errorCode(byDept)).toBe("FORBIDDEN");
    c = await step(RuleOnCaseReturnDocument, w.tokens.command, {
      id: c.id,
      expectedVersion: c.version,
      granted: false,
      note: "属于住建职责",
    });
    expect(c.status).toBe("dispatched");
    c = await step(RequestCaseReturnDocument, w.tokens.housing, {
      id: c.id,
      expectedVersion: c.version,
      note: "再次申请",
    });
    c = await step(RuleOnCaseReturnDocument, w.tokens.command, {
      id: c.id,
      expectedVersion: c.version,
      granted: true,
    });
    expect(c).toMatchObject({ status: "awaiting_dispatch", returnCount: 1, supervised: false });
    // The department it was returned from no longer sees it.
    expect(
      ok(await gql(server, CaseDetailDocument, { id: c.id }, w.tokens.housing)).case,
    ).toBeNull();
    c = await step(AssignCaseDocument, w.tokens.command, {
      id: c.id,
      expectedVersion: c.version,
      assignments: [{ departmentId: gid("Department", w.water.id), role: "lead" }],
    });
    c = await step(RequestCaseReturnDocument, w.tokens.water, {
      id: c.id,
      expectedVersion: c.version,
      note: "也不属于水务",
    });
    c = await step(RuleOnCaseReturnDocument, w.tokens.command, {
      id: c.id,
      expectedVersion: c.version,
      granted: true,
    });
    expect(c).toMatchObject({ returnCount: 2, supervised: true });
    const detail = ok(
      await gql(server, CaseDetailDocument, { id: c.id }, w.tokens.inspector),
    ).case!;
    expect(detail.supervisions).toEqual([
      expect.objectContaining({ trigger: "returns", status: "open" }),
    ]);
    expect(detail.timeline.at(-1)).toMatchObject({ action: "supervise", actor: "system" });
    ok(await gql(server, UpdateCaseSettingsDocument, { input: { maxReturns: 2 } }, w.tokens.admin));
  });

  it("an extension asked before the due time moves it when granted", async () => {
    let c = await dispatched();
    const later = new Date(new Date(c.resolutionDueAt).getTime() + 2 * 86400_000).toISOString();
    const earlier = await gql(
      server,
      RequestCaseExtensionDocument,
      { input: { id: c.id, expectedVersion: c.version, note: "x", requestedDueAt: c.receivedAt } },
      w.tokens.housing,
    );
    expect(errorCode(earlier)).toBe("BAD_USER_INPUT");
    c = await step(RequestCaseExtensionDocument, w.tokens.housing, {
      id: c.id,
      expectedVersion: c.version,
      note: "需要采购材料",
      requestedDueAt: later,
    });
    const again = await gql(
      server,
      RequestCaseExtensionDocument,
      { input: { id: c.id, expectedVersion: c.version, note: "x", requestedDueAt: later } },
      w.tokens.housing,
    );
    expect(errorCode(again)).toBe("BAD_USER_INPUT");
    c = await step(RuleOnCaseExtensionDocument, w.tokens.command, {
      id: c.id,
      expectedVersion: c.version,
      granted: true,
    });
    expect(c.resolutionDueAt).toBe(later);
    expect(c.assignments[0].dueAt).toBe(later);
  });

  it("unsatisfied for the handler's fault sends the case back to be redone", async () => {
    let c = await dispatched();
    c = await step(ResolveCaseDocument, w.tokens.housing, {
      id: c.id,
      expectedVersion: c.version,
      note: "已处理",
    });
    const staff = await gql(
      server,
      RecordCallbackDocument,
      {
        input: {
          id: c.id,
          expectedVersion: c.version,
          reached: true,
          satisfaction: "unsatisfied",
          handlerAtFault: true,
        },
      },
      w.tokens.housing,
    );
    expect(errorCode(staff)).toBe("FORBIDDEN");
    c = await step(RecordCallbackDocument, w.tokens.operator, {
      id: c.id,
      expectedVersion: c.version,
      reached: true,
      satisfaction: "unsatisfied",
      handlerAtFault: true,
    });
    expect(c).toMatchObject({ status: "dispatched", redoCount: 1, resolvedAt: null });
    expect(c.assignments[0].status).toBe("assigned");
    c = await step(ResolveCaseDocument, w.tokens.housing, {
      id: c.id,
      expectedVersion: c.version,
      note: "重新处理",
    });
    c = await step(RecordCallbackDocument, w.tokens.operator, {
      id: c.id,
      expectedVersion: c.version,
      reached: true,
      satisfaction: "basically_satisfied",
    });
    expect(c.status).toBe("closed");
  });

  it("escalation to the city: only escalated cases are the city admin's to see, without personal data", async () => {
    let c = await hotlineCase();
    const cityAdmin = await tokenFor({ city: w.city, role: "city_admin" });
    c = await step(EscalateCaseDocument, w.tokens.command, {
      id: c.id,
      expectedVersion: c.version,
      note: "需市级部门协调",
    });
    expect(c).toMatchObject({ status: "escalated", escalated: true });
    const seen = ok(await gql(server, CasesDocument, { first: 200 }, cityAdmin)).cases;
    expect(seen.edges.map((e) => e.node.id)).toContain(c.id);
    expect(
      seen.edges.every(
        (e) =>
          e.node.complainant === null ||
          (e.node.complainant.name === null && e.node.complainant.phone === null),
      ),
    ).toBe(true);
    const plain = await hotlineCase();
    expect(ok(await gql(server, CaseDetailDocument, { id: plain.id }, cityAdmin)).case).toBeNull();
    c = await step(ResolveCaseDocument, w.tokens.command, {
      id: c.id,
      expectedVersion: c.version,
      note: "市住建局已答复",
    });
    expect(c.status).toBe("resolved");
  });

  it("an inspector supervises and concludes with findings", async () => {
    let c = await hotlineCase();
    const notInspector = await gql(
      server,
      SuperviseCaseDocument,
      { input: { id: c.id, expectedVersion: c.version, note: "x" } },
      w.tokens.command,
    );
    expect(errorCode(notInspector)).toBe("FORBIDDEN");
    c = await step(SuperviseCaseDocument, w.tokens.inspector, {
      id: c.id,
      expectedVersion: c.version,
      note: "群众多次反映",
    });
    expect(c.supervised).toBe(true);
    const r = ok(
      await gql(
        server,
        ConcludeSupervisionDocument,
        { input: { id: c.id, expectedVersion: c.version, note: "已约谈物业" } },
        w.tokens.inspector,
      ),
    ).concludeSupervision;
    expect(r.supervised).toBe(false);
    expect(r.supervisions).toEqual([
      { trigger: "inspector", status: "concluded", findings: "已约谈物业" },
    ]);
  });
});

describe("review regressions", () => {
  it("a co-handler cannot return the case, and the lead cannot end its part without resolving", async () => {
    let c = await hotlineCase();
    c = await step(AssignCaseDocument, w.tokens.command, {
      id: c.id,
      expectedVersion: c.version,
      assignments: [
        { departmentId: gid("Department", w.housing.id), role: "lead" },
        { departmentId: gid("Department", w.urban.id), role: "co" },
      ],
    });
    const coReturn = await gql(
      server,
      RequestCaseReturnDocument,
      { input: { id: c.id, expectedVersion: c.version, note: "x" } },
      w.tokens.urban,
    );
    expect(errorCode(coReturn)).toBe("FORBIDDEN");
    const leadFinal = await gql(
      server,
      ReportCaseProgressDocument,
      { input: { id: c.id, expectedVersion: c.version, note: "x", final: true } },
      w.tokens.housing,
    );
    expect(errorCode(leadFinal)).toBe("BAD_USER_INPUT");
    c = await step(ResolveCaseDocument, w.tokens.housing, {
      id: c.id,
      expectedVersion: c.version,
      note: "已处理",
    });
    expect(c.status).toBe("resolved");
  });
});

describe("who sees and does what", () => {
  it("departments see their assignments, grid staff their grids, street officers their street office", async () => {
    const c = await hotlineCase();
    const before = ok(await gql(server, CaseDetailDocument, { id: c.id }, w.tokens.water)).case;
    expect(before).toBeNull();
    expect(ok(await gql(server, CaseDetailDocument, { id: c.id }, w.tokens.worker)).case?.id).toBe(
      c.id,
    );
    expect(
      ok(await gql(server, CaseDetailDocument, { id: c.id }, w.tokens.otherWorker)).case,
    ).toBeNull();
    expect(ok(await gql(server, CaseDetailDocument, { id: c.id }, w.tokens.street)).case?.id).toBe(
      c.id,
    );
    expect(
      ok(await gql(server, CaseDetailDocument, { id: c.id }, w.tokens.otherStreet)).case,
    ).toBeNull();
    const masked = ok(
      await gql(server, CaseDetailDocument, { id: c.id }, w.tokens.inspector),
    ).case!;
    expect(masked.complainant).toEqual({ name: "王**", phone: "138****5678", visible: false });
  });

  it("another district's cases are invisible and untouchable", async () => {
    const c = await hotlineCase();
    expect(
      ok(await gql(server, CaseDetailDocument, { id: c.id }, other.tokens.command)).case,
    ).toBeNull();
    for (const [doc, token, input] of [
      [EscalateCaseDocument, other.tokens.command, { id: c.id, expectedVersion: 1, note: "x" }],
      [ReplyToCaseDocument, other.tokens.operator, { id: c.id, expectedVersion: 1, note: "x" }],
      [SuperviseCaseDocument, other.tokens.inspector, { id: c.id, expectedVersion: 1, note: "x" }],
      [TakeCaseLeadDocument, other.tokens.worker, { id: c.id, expectedVersion: 1 }],
    ] as const) {
      const res = await gql(server, doc as never, { input } as never, token);
      expect(errorCode(res)).toBe("NOT_FOUND");
    }
    const list = ok(await gql(server, CasesDocument, { first: 200 }, other.tokens.command)).cases;
    expect(list.edges.map((e) => e.node.id)).not.toContain(c.id);
    const assignForeignDept = await gql(
      server,
      AssignCaseDocument,
      {
        input: {
          id: c.id,
          expectedVersion: 1,
          assignments: [{ departmentId: gid("Department", other.housing.id), role: "lead" }],
        },
      },
      w.tokens.command,
    );
    expect(errorCode(assignForeignDept)).toBe("NOT_FOUND");
  });

  it("a sample of refusals names why", async () => {
    const c = await hotlineCase();
    const resolveNew = await gql(
      server,
      ResolveCaseDocument,
      { input: { id: c.id, expectedVersion: 1, note: "x" } },
      w.tokens.housing,
    );
    expect(errorCode(resolveNew)).toBe("BAD_USER_INPUT");
    expect(resolveNew.errors![0].message).toMatch(/received/);
    const callbackEarly = await gql(
      server,
      RecordCallbackDocument,
      { input: { id: c.id, expectedVersion: 1, reached: true, satisfaction: "satisfied" } },
      w.tokens.operator,
    );
    expect(errorCode(callbackEarly)).toBe("BAD_USER_INPUT");
    expect(callbackEarly.errors![0].message).toMatch(/received/);
    const badCategory = await gql(
      server,
      CreateCaseDocument,
      { input: { channel: "hotline", categoryCode: "nope", description: "x" } },
      w.tokens.operator,
    );
    expect(errorCode(badCategory)).toBe("BAD_USER_INPUT");
    const twoLeads = await gql(
      server,
      AssignCaseDocument,
      {
        input: {
          id: c.id,
          expectedVersion: 1,
          assignments: [
            { departmentId: gid("Department", w.housing.id), role: "lead" },
            { departmentId: gid("Department", w.water.id), role: "lead" },
          ],
        },
      },
      w.tokens.command,
    );
    expect(errorCode(twoLeads)).toBe("BAD_USER_INPUT");
  });

  it("lists cases with filters and pages newest first", async () => {
    const list = ok(await gql(server, CasesDocument, { first: 3 }, w.tokens.command)).cases;
    expect(list.totalCount).toBeGreaterThan(5);
    const next = ok(
      await gql(
        server,
        CasesDocument,
        { first: 3, after: list.pageInfo.endCursor },
        w.tokens.command,
      ),
    ).cases;
    // Newest first: uuidv7 ids follow the time of receipt.
    const ids = [...list.edges, ...next.edges].map((e) => fromGlobalId(e.node.id)!.id);
    expect(new Set(ids).size).toBe(6);
    expect(ids).toEqual([...ids].sort().reverse());
    const closed = ok(
      await gql(server, CasesDocument, { status: ["closed"], first: 200 }, w.tokens.command),
    ).cases;
    expect(closed.edges.every((e) => e.node.status === "closed")).toBe(true);
    const proactive = ok(
      await gql(server, CasesDocument, { channel: "grid_patrol" }, w.tokens.command),
    ).cases;
    expect(proactive.totalCount).toBe(1);
    const byDept = ok(
      await gql(
        server,
        CasesDocument,
        { departmentId: gid("Department", w.water.id), first: 200 },
        w.tokens.command,
      ),
    ).cases;
    expect(byDept.totalCount).toBeGreaterThan(0);
  });
});
