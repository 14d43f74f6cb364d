import {
  AssignCaseDocument,
  CaseCreatedDocument,
  CaseDetailDocument,
  CasesDocument,
  CreateCaseDocument,
  EscalateCaseDocument,
  ReferCaseToStreetDocument,
  ReplyToCaseDocument,
  type CaseFieldsFragment,
  type CreateCaseInput,
} from "../generated/graphql";
import {
  collect,
  errorCode,
  gql,
  liveSubscriptions,
  ok,
  startTestServer,
  wsClient,
  type TestServer,
} from "../helpers/server";
import { asDistrict, closeFactories, tokenFor } from "../factories";
import { buildCaseWorld, hotlineCase, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { uuidv7 } from "../../src/common/ids";

/**
 * Community direct reports (社区直报): a community worker, scoped to its community by the token's
 * `community` claim, files a report that waits in the command center's queue at once; it sees its
 * community's cases and acts on none.
 */

let server: TestServer;
let w: CaseWorld;
let other: CaseWorld;
/** A second community of street office A, with one grid. */
const c02 = { id: uuidv7(), grid: uuidv7() };
const tokens: Record<string, string> = {};

beforeAll(async () => {
  w = await buildCaseWorld();
  other = await buildCaseWorld({ city: w.city });
  await asDistrict(w.district.id, async (q) => {
    await q(
      `INSERT INTO community (district_id, id, street_office_id, code, name, kind)
       VALUES ($1, $2, $3, 'so-a-c02', '富民社区', 'community')`,
      [w.district.id, c02.id, w.tree.streetA],
    );
    await q(
      `INSERT INTO grid (district_id, id, community_id, street_office_id, code, name, kind, latitude, longitude, lines_of_work)
       VALUES ($1, $2, $3, $4, 'so-a-c02-g01', '富民社区第1网格', 'urban', 41.40, 123.90, '{fire_safety}')`,
      [w.district.id, c02.grid, c02.id, w.tree.streetA],
    );
  });
  const worker = (world: CaseWorld, community: string, sub?: string) =>
    tokenFor(
      { district: world.district, role: "community_worker" },
      { community, sub: sub ?? `${world.district.code}.community_worker.${community}` },
    );
  tokens.worker = await worker(w, "so-a-c01");
  tokens.neighbour = await worker(w, "so-a-c02");
  tokens.nowhere = await worker(w, "no-such-community");
  tokens.foreign = await worker(other, "so-a-c01");
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

const first = <T>(d: T) => Object.values(d as object)[0] as CaseFieldsFragment;

function report(token: string, input: Partial<CreateCaseInput> = {}) {
  return gql(
    server,
    CreateCaseDocument,
    {
      input: {
        channel: "community_report",
        categoryCode: "property_management",
        description: "小区单元门禁损坏，居民反映多日无人修理",
        compoundId: gid("Compound", w.tree.compound),
        complainantName: "王秀英",
        complainantPhone: "13812345678",
        ...input,
      },
    },
    token,
  );
}

const listed = async (token: string, status?: "awaiting_dispatch") =>
  ok(
    await gql(
      server,
      CasesDocument,
      { first: 200, ...(status ? { status: [status] } : {}) },
      token,
    ),
  ).cases.edges.map((e) => e.node.id);

const detail = async (token: string, id: string) =>
  ok(await gql(server, CaseDetailDocument, { id }, token)).case;

describe("a community worker's direct report", () => {
  it("waits for the command center at once, with its create event, and is assigned from there", async () => {
    const c = first(ok(await report(tokens.worker)));
    expect(c).toMatchObject({
      channel: "community_report",
      status: "awaiting_dispatch",
      stage: "awaiting_dispatch",
      version: 1,
      grid: { code: "so-a-c01-g01" },
      streetOffice: { code: "so-a" },
      complainant: { name: "王秀英", phone: "13812345678", visible: true },
      assignments: [],
    });
    expect((await detail(tokens.worker, c.id))?.timeline).toEqual([
      {
        action: "create",
        actor: `${w.district.code}.community_worker.so-a-c01`,
        actorRole: "community_worker",
        fromStatus: null,
        toStatus: "awaiting_dispatch",
        note: null,
      },
    ]);

    expect(await listed(w.tokens.command, "awaiting_dispatch")).toContain(c.id);
    const assigned = first(
      ok(
        await gql(
          server,
          AssignCaseDocument,
          {
            input: {
              id: c.id,
              expectedVersion: c.version,
              note: "住建局牵头",
              assignments: [{ departmentId: gid("Department", w.housing.id), role: "lead" }],
            },
          },
          w.tokens.command,
        ),
      ),
    );
    expect(assigned).toMatchObject({ status: "dispatched", stage: "dispatched" });
    // The community follows its report after it leaves the queue.
    expect((await detail(tokens.worker, c.id))?.status).toBe("dispatched");
  });

  it("reaches the command center's live feed, and the worker's own feed shows its community only", async () => {
    const command = wsClient(server, w.tokens.command);
    const mine = wsClient(server, tokens.worker);
    const centre = collect(command.client, CaseCreatedDocument, {});
    const community = collect(mine.client, CaseCreatedDocument, {});
    await liveSubscriptions(server, "caseCreated", 2);
    const rural = await hotlineCase(server, w, { gridId: gid("Grid", w.tree.gridRural) });
    const direct = first(
      ok(await report(tokens.worker, { compoundId: null, gridId: gid("Grid", w.tree.gridB) })),
    );
    await community.next(1);
    await centre.next(2);
    expect(centre.events.map((e) => e.data?.caseCreated.case.id)).toEqual([rural.id, direct.id]);
    expect(community.events.map((e) => e.data?.caseCreated.case)).toEqual([
      { id: direct.id, number: direct.number, status: "awaiting_dispatch" },
    ]);
    centre.dispose();
    community.dispose();
    await command.client.dispose();
    await mine.client.dispose();
  });
});

describe("what a community worker sees", () => {
  it("its community's cases, whoever filed them, and not another community's", async () => {
    const inGridB = await hotlineCase(server, w, {
      gridId: gid("Grid", w.tree.gridB),
      complainantName: "刘洋",
      complainantPhone: "15012345672",
    });
    const inVillage = await hotlineCase(server, w, { gridId: gid("Grid", w.tree.gridRural) });
    const neighbours = first(
      ok(await report(tokens.neighbour, { compoundId: null, gridId: gid("Grid", c02.grid) })),
    );
    const mine = await listed(tokens.worker);
    expect(mine).toContain(inGridB.id);
    expect(mine).not.toContain(inVillage.id);
    expect(mine).not.toContain(neighbours.id);
    expect(await listed(tokens.neighbour)).toEqual([neighbours.id]);
    expect(await detail(tokens.worker, neighbours.id)).toBeNull();
    expect(await detail(tokens.worker, inVillage.id)).toBeNull();
    // The community is staff of the case's place: it reads the complainant of its own cases.
    expect((await detail(tokens.worker, inGridB.id))?.complainant).toEqual({
      name: "刘洋",
      phone: "15012345672",
      visible: true,
    });
  });

  it("its own principal: the community claim", async () => {
    const me = ok(
      await gql<{ me: { role: string; communityCode: string | null } }, object>(
        server,
        "{ me { role communityCode } }",
        {},
        tokens.worker,
      ),
    );
    expect(me.me).toEqual({ role: "community_worker", communityCode: "so-a-c01" });
  });
});

describe("what a community worker may not do", () => {
  it("file through another channel than the community report", async () => {
    for (const channel of ["hotline", "grid_patrol", "resident"] as const)
      expect(errorCode(await report(tokens.worker, { channel }))).toBe("FORBIDDEN");
  });

  it("report a place of another community, or no place at all", async () => {
    const village = await report(tokens.worker, {
      compoundId: null,
      gridId: gid("Grid", w.tree.gridRural),
    });
    expect(errorCode(village)).toBe("FORBIDDEN");
    expect(village.errors?.[0]?.message).toBe("a community reports cases of its own community");
    const neighbours = await report(tokens.worker, {
      compoundId: null,
      gridId: gid("Grid", c02.grid),
    });
    expect(errorCode(neighbours)).toBe("FORBIDDEN");
    // Coordinates land in the nearest grid, here the neighbouring community's.
    const near = await report(tokens.worker, {
      compoundId: null,
      latitude: 41.4,
      longitude: 123.9,
    });
    expect(errorCode(near)).toBe("FORBIDDEN");
    const nowhere = await report(tokens.worker, { compoundId: null });
    expect(errorCode(nowhere)).toBe("BAD_USER_INPUT");
  });

  it("act on a case, even one of its community", async () => {
    const c = first(ok(await report(tokens.worker)));
    const input = { id: c.id, expectedVersion: c.version, note: "已联系" };
    for (const doc of [ReplyToCaseDocument, EscalateCaseDocument, ReferCaseToStreetDocument])
      expect(errorCode(await gql(server, doc as never, { input } as never, tokens.worker))).toBe(
        "FORBIDDEN",
      );
    const assign = await gql(
      server,
      AssignCaseDocument,
      {
        input: {
          ...input,
          assignments: [{ departmentId: gid("Department", w.housing.id), role: "lead" }],
        },
      },
      tokens.worker,
    );
    expect(errorCode(assign)).toBe("FORBIDDEN");
    expect((await detail(tokens.worker, c.id))?.version).toBe(c.version);
  });

  it("with a token naming none of the district's communities: file or see anything", async () => {
    expect(errorCode(await report(tokens.nowhere))).toBe("FORBIDDEN");
    expect(await listed(tokens.nowhere)).toEqual([]);
  });

  it("from another district: reach this district's places or cases", async () => {
    const theirs = first(ok(await report(tokens.worker)));
    // The same community code in its own district names its own community, never ours.
    expect(errorCode(await report(tokens.foreign))).toBe("NOT_FOUND");
    expect(
      errorCode(
        await report(tokens.foreign, { compoundId: null, gridId: gid("Grid", w.tree.gridA) }),
      ),
    ).toBe("NOT_FOUND");
    expect(await detail(tokens.foreign, theirs.id)).toBeNull();
    expect(await listed(tokens.foreign)).not.toContain(theirs.id);
    const own = first(
      ok(
        await report(tokens.foreign, {
          compoundId: gid("Compound", other.tree.compound),
        }),
      ),
    );
    expect(own.status).toBe("awaiting_dispatch");
    expect(await listed(tokens.foreign)).toEqual([own.id]);
    expect(await listed(w.tokens.command)).not.toContain(own.id);
  });
});
