import { startTestServer, gql, errorCode, type TestServer } from "../helpers/server";
import { closeFactories, tokenFor } from "../factories";
import { buildCaseWorld, hotlineCase, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";

/**
 * 由街道首办: by default the street office handles first what the grid takes on, and resolves it;
 * a district may let the grid resolve. The street pulls in units of its joint committee (大工委)
 * and records what they did, before it resolves or refers the case up. Each district's rule and
 * committee are its own.
 */
let server: TestServer;
let w: CaseWorld;
let other: CaseWorld;
let resident: string;
type C = { id: string; version: number; status: string };
type Unit = { id: string; name: string; contactPhone: string | null; active: boolean };

async function call(query: string, variables: Record<string, unknown>, token: string) {
  const res = await gql(server, query, variables as never, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as Record<string, never>;
}
const CASE = "id version status jointUnits { id unit { name } ask result resultAt }";
const mutate = (name: string, type: string) =>
  `mutation($i: ${type}!) { ${name}(input: $i) { ${CASE} } }`;
const step = async (name: string, type: string, input: Record<string, unknown>, token: string) =>
  (await call(mutate(name, type), { i: input }, token))[name] as C & {
    jointUnits: Array<{ id: string; unit: { name: string }; ask: string; result: string | null }>;
  };
const attempt = (name: string, type: string, input: Record<string, unknown>, token: string) =>
  gql(server, mutate(name, type), { i: input } as never, token);
const ADD = `mutation($i: AddJointUnitInput!) { addJointCommitteeUnit(input: $i) { id name kind contactPhone active streetOffice { name } } }`;
const UPDATE = `mutation($i: UpdateJointUnitInput!) { updateJointCommitteeUnit(input: $i) { id name active } }`;
const UNITS = `query($id: ID!, $all: Boolean) { node(id: $id) { ... on StreetOffice { jointCommitteeUnits(includeInactive: $all) { id name contactPhone active } } } }`;
const SETTINGS = `mutation($i: CaseSettingsInput!) { updateCaseSettings(input: $i) { handlingRule } }`;

async function unitsOf(street: string, token: string, all = false): Promise<Unit[]> {
  const d = await call(UNITS, { id: gid("StreetOffice", street), all }, token);
  return (d.node as { jointCommitteeUnits: Unit[] }).jointCommitteeUnits;
}
async function addUnit(world: CaseWorld, street: string, name: string, token: string) {
  const d = await call(
    ADD,
    {
      i: {
        streetOfficeId: gid("StreetOffice", street),
        name,
        kind: "police_station",
        contactName: "王所长",
        contactPhone: "024-42345678",
      },
    },
    token,
  );
  return d.addJointCommitteeUnit as Unit;
}
/** A case the grid took the lead on. */
async function gridCase(world: CaseWorld) {
  const c = (await hotlineCase(server, world)) as C;
  return step(
    "takeCaseLead",
    "CaseNoteInput",
    { id: c.id, expectedVersion: c.version },
    world.tokens.worker,
  );
}

beforeAll(async () => {
  // The platform's default rule: the districts never set theirs.
  w = await buildCaseWorld({ handlingRule: null });
  other = await buildCaseWorld({ city: w.city, handlingRule: null });
  resident = await tokenFor({ district: w.district, role: "resident" });
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

test("by default the street office handles first: the grid refers, the street resolves", async () => {
  const limits = await call(`{ caseLimits { settings { handlingRule } } }`, {}, w.tokens.admin);
  expect(limits).toEqual({ caseLimits: { settings: { handlingRule: "street_first" } } });
  let c = await gridCase(w);
  const refused = await attempt(
    "resolveCase",
    "CaseNoteInput",
    { id: c.id, expectedVersion: c.version, note: "已修" },
    w.tokens.worker,
  );
  expect(errorCode(refused)).toBe("FORBIDDEN");
  expect(JSON.stringify(refused.errors)).toContain("街道首办");
  c = await step(
    "referCaseToStreet",
    "CaseNoteInput",
    { id: c.id, expectedVersion: c.version, note: "网格已现场处置，报街道办结" },
    w.tokens.worker,
  );
  c = await step(
    "resolveCase",
    "CaseNoteInput",
    { id: c.id, expectedVersion: c.version, note: "街道核实办结" },
    w.tokens.street,
  );
  expect(c.status).toBe("resolved");
});

test("a district may let the grid resolve; each district's rule is its own", async () => {
  expect(await call(SETTINGS, { i: { handlingRule: "grid_may_resolve" } }, w.tokens.admin)).toEqual(
    { updateCaseSettings: { handlingRule: "grid_may_resolve" } },
  );
  try {
    const c = await gridCase(w);
    const done = await step(
      "resolveCase",
      "CaseNoteInput",
      { id: c.id, expectedVersion: c.version, note: "已修" },
      w.tokens.worker,
    );
    expect(done.status).toBe("resolved");
    // The other district keeps the report's rule.
    const o = await gridCase(other);
    expect(
      errorCode(
        await attempt(
          "resolveCase",
          "CaseNoteInput",
          { id: o.id, expectedVersion: o.version, note: "已修" },
          other.tokens.worker,
        ),
      ),
    ).toBe("FORBIDDEN");
    // Only the district admin sets it.
    expect(
      errorCode(
        await gql(
          server,
          SETTINGS,
          { i: { handlingRule: "street_first" } } as never,
          w.tokens.street,
        ),
      ),
    ).toBe("FORBIDDEN");
  } finally {
    await call(SETTINGS, { i: { handlingRule: "street_first" } }, w.tokens.admin);
  }
});

test("the joint committee is kept by the admin and the street's own officers, and read by staff", async () => {
  const police = await addUnit(w, w.tree.streetA, "甲街道派出所", w.tokens.admin);
  expect(police).toMatchObject({
    name: "甲街道派出所",
    kind: "police_station",
    contactPhone: "024-42345678",
    active: true,
    streetOffice: { name: "甲街道" },
  });
  await addUnit(w, w.tree.streetA, "甲街道供电所", w.tokens.street);
  // Another street's officer, another district, a resident: refused.
  const add = (street: string, token: string) =>
    gql(
      server,
      ADD,
      {
        i: { streetOfficeId: gid("StreetOffice", street), name: "某单位", kind: "other" },
      } as never,
      token,
    );
  expect(errorCode(await add(w.tree.streetA, w.tokens.otherStreet))).toBe("FORBIDDEN");
  expect(errorCode(await add(w.tree.streetA, other.tokens.admin))).toBe("NOT_FOUND");
  expect(errorCode(await add(w.tree.streetA, resident))).toBe("FORBIDDEN");
  const bad = await gql(
    server,
    ADD,
    {
      i: {
        streetOfficeId: gid("StreetOffice", w.tree.streetA),
        name: "某单位",
        kind: "other",
        contactPhone: "call me",
      },
    } as never,
    w.tokens.admin,
  );
  expect(errorCode(bad)).toBe("BAD_USER_INPUT");
  // The street's own officer reads the phone whole; an inspector masked; a resident not at all.
  expect(
    (await unitsOf(w.tree.streetA, w.tokens.street)).map((u) => [u.name, u.contactPhone]),
  ).toEqual([
    ["甲街道供电所", "024-42345678"],
    ["甲街道派出所", "024-42345678"],
  ]);
  const masked = (await unitsOf(w.tree.streetA, w.tokens.inspector))[0].contactPhone;
  expect(masked).not.toBe("024-42345678");
  expect(masked).toMatch(/\*/);
  const res = await gql(
    server,
    UNITS,
    { id: gid("StreetOffice", w.tree.streetA) } as never,
    resident,
  );
  expect(errorCode(res)).toBe("FORBIDDEN");
  // A unit that leaves is kept, inactive.
  const power = (await unitsOf(w.tree.streetA, w.tokens.street)).find(
    (u) => u.name === "甲街道供电所",
  )!;
  expect(await call(UPDATE, { i: { id: power.id, active: false } }, w.tokens.street)).toEqual({
    updateJointCommitteeUnit: { id: power.id, name: "甲街道供电所", active: false },
  });
  expect((await unitsOf(w.tree.streetA, w.tokens.street)).map((u) => u.name)).toEqual([
    "甲街道派出所",
  ]);
  expect((await unitsOf(w.tree.streetA, w.tokens.street, true)).length).toBe(2);
  expect(
    errorCode(
      await gql(
        server,
        UPDATE,
        { i: { id: power.id, active: true } } as never,
        w.tokens.otherStreet,
      ),
    ),
  ).toBe("FORBIDDEN");
  expect(
    errorCode(
      await gql(server, UPDATE, { i: { id: power.id, active: true } } as never, other.tokens.admin),
    ),
  ).toBe("NOT_FOUND");
});

test("the street pulls in its committee's units and records what they did", async () => {
  const police = await addUnit(w, w.tree.streetA, "甲街道消防站", w.tokens.admin);
  const left = await addUnit(w, w.tree.streetA, "甲街道旧单位", w.tokens.admin);
  await call(UPDATE, { i: { id: left.id, active: false } }, w.tokens.admin);
  const streetB = await addUnit(w, w.tree.streetB, "乙街道派出所", w.tokens.admin);
  const foreign = await addUnit(other, other.tree.streetA, "外区派出所", other.tokens.admin);
  let c = await gridCase(w);
  const engage = (units: string[], token: string, version = c.version) =>
    attempt(
      "engageJointUnits",
      "EngageUnitsInput",
      { id: c.id, expectedVersion: version, unitIds: units, note: "请派员到场协助" },
      token,
    );
  // Not yet at the street: the wrong state; and only the street office engages.
  expect(errorCode(await engage([police.id], w.tokens.street))).toBe("BAD_USER_INPUT");
  c = await step(
    "referCaseToStreet",
    "CaseNoteInput",
    { id: c.id, expectedVersion: c.version, note: "需街道协调" },
    w.tokens.worker,
  );
  expect(errorCode(await engage([police.id], w.tokens.worker))).toBe("FORBIDDEN");
  // Who may not pull units in hears so first, whatever the units named.
  expect(errorCode(await engage([left.id], w.tokens.worker))).toBe("FORBIDDEN");
  expect(errorCode(await engage([streetB.id], w.tokens.housing))).toBe("FORBIDDEN");
  expect(errorCode(await engage([police.id], w.tokens.otherStreet))).toBe("FORBIDDEN");
  expect(errorCode(await engage([left.id], w.tokens.street))).toBe("BAD_USER_INPUT");
  expect(errorCode(await engage([streetB.id], w.tokens.street))).toBe("BAD_USER_INPUT");
  expect(errorCode(await engage([foreign.id], w.tokens.street))).toBe("NOT_FOUND");
  expect(errorCode(await engage([police.id, police.id], w.tokens.street))).toBe("BAD_USER_INPUT");
  // Nothing was half-written by the refusals.
  const still = (
    await call(`query($id: ID!) { case(id: $id) { ${CASE} } }`, { id: c.id }, w.tokens.street)
  ).case as C & { jointUnits: unknown[] };
  expect(still).toMatchObject({ version: c.version, jointUnits: [] });

  const engaged = await step(
    "engageJointUnits",
    "EngageUnitsInput",
    { id: c.id, expectedVersion: c.version, unitIds: [police.id], note: "请派员到场协助" },
    w.tokens.street,
  );
  expect(engaged.jointUnits).toEqual([
    expect.objectContaining({
      unit: { name: "甲街道消防站" },
      ask: "请派员到场协助",
      result: null,
    }),
  ]);
  // A unit still at work is not pulled in twice.
  expect(errorCode(await engage([police.id], w.tokens.street, engaged.version))).toBe(
    "BAD_USER_INPUT",
  );
  const part = engaged.jointUnits[0].id;
  const result = (token: string, version: number) =>
    attempt(
      "recordJointUnitResult",
      "UnitResultInput",
      { id: c.id, expectedVersion: version, engagementId: part, note: "已清理消防通道" },
      token,
    );
  expect(errorCode(await result(w.tokens.otherStreet, engaged.version))).toBe("FORBIDDEN");
  // The case does not move on while a unit is still at work on it.
  const early = await attempt(
    "resolveCase",
    "CaseNoteInput",
    { id: c.id, expectedVersion: engaged.version, note: "已办结" },
    w.tokens.street,
  );
  expect(errorCode(early)).toBe("BAD_USER_INPUT");
  const done = (await result(w.tokens.street, engaged.version)).data as Record<
    string,
    C & { jointUnits: Array<{ result: string }> }
  >;
  expect(done.recordJointUnitResult.jointUnits[0].result).toBe("已清理消防通道");
  expect(errorCode(await result(w.tokens.street, done.recordJointUnitResult.version))).toBe(
    "BAD_USER_INPUT",
  );
  // The log says who was pulled in, and what they did.
  const log = await call(
    `query($id: ID!) { case(id: $id) { timeline { action note } } }`,
    { id: c.id },
    w.tokens.street,
  );
  const events = (log.case as { timeline: Array<{ action: string; note: string }> }).timeline;
  expect(events.filter((e) => e.action.includes("unit"))).toEqual([
    { action: "engage_units", note: "请派员到场协助" },
    { action: "record_unit_result", note: "已清理消防通道" },
  ]);
  // Another district's staff cannot see or act on the case.
  expect(errorCode(await result(other.tokens.street, done.recordJointUnitResult.version))).toBe(
    "NOT_FOUND",
  );
});

test("residents and the city see no joint committee unit, by id or on a case", async () => {
  const unit = await addUnit(w, w.tree.streetA, "甲街道卫生院", w.tokens.admin);
  const byId = `query($id: ID!) { node(id: $id) { id ... on JointCommitteeUnit { name contactName } } }`;
  const cityAdmin = await tokenFor({ city: w.city, role: "city_admin" });
  for (const token of [resident, cityAdmin])
    expect(await call(byId, { id: unit.id }, token)).toEqual({ node: null });
  expect(await call(byId, { id: unit.id }, w.tokens.inspector)).toMatchObject({
    node: { name: "甲街道卫生院" },
  });
  // A resident's own case shows no unit that worked on it.
  let c = (
    (
      await gql(
        server,
        `mutation($i: CreateCaseInput!) { createCase(input: $i) { ${CASE} } }`,
        {
          i: {
            channel: "resident",
            categoryCode: "roads",
            description: "路灯不亮",
            gridId: gid("Grid", w.tree.gridA),
          },
        } as never,
        resident,
      )
    ).data as { createCase: C }
  ).createCase;
  c = await step(
    "referCaseToStreet",
    "CaseNoteInput",
    { id: c.id, expectedVersion: c.version, note: "转街道" },
    w.tokens.command,
  );
  await step(
    "engageJointUnits",
    "EngageUnitsInput",
    { id: c.id, expectedVersion: c.version, unitIds: [unit.id], note: "请协助" },
    w.tokens.street,
  );
  const mine = `query($id: ID!) { case(id: $id) { jointUnits { id } } }`;
  expect(await call(mine, { id: c.id }, resident)).toEqual({ case: { jointUnits: [] } });
  expect(
    ((await call(mine, { id: c.id }, w.tokens.street)).case as { jointUnits: unknown[] })
      .jointUnits,
  ).toHaveLength(1);
});
