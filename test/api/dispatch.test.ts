import { startTestServer, gql, errorCode, type TestServer } from "../helpers/server";
import { closeFactories } from "../factories";
import { buildCaseWorld, hotlineCase, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { suggestDispatch } from "../../src/modules/cases/dispatch.rules";

/**
 * Dispatch suggestions (派单建议): the catalogue's usual department and how the district assigned
 * the same category's cases, with reasons; a department that returned the case is not suggested
 * again; the command center and the district admin of the case's district only.
 */
let server: TestServer;
let w: CaseWorld;
let other: CaseWorld;

type C = { id: string; version: number };
async function call(query: string, variables: Record<string, unknown>, token: string) {
  const res = await gql(server, query, variables as never, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as Record<string, never>;
}
const mutate = async (name: string, type: string, input: Record<string, unknown>, token: string) =>
  (await call(`mutation($i: ${type}!) { ${name}(input: $i) { id version } }`, { i: input }, token))[
    name
  ] as C;
const dept = (d: { id: string }) => gid("Department", d.id);
const assign = (c: C, lead: { id: string }, co?: { id: string }) =>
  mutate(
    "assignCase",
    "AssignCaseInput",
    {
      id: c.id,
      expectedVersion: c.version,
      assignments: [
        { departmentId: dept(lead), role: "lead" },
        ...(co ? [{ departmentId: dept(co), role: "co" }] : []),
      ],
    },
    w.tokens.command,
  );
async function returned(c: C, token: string): Promise<C> {
  const asked = await mutate(
    "requestCaseReturn",
    "CaseNoteInput",
    { id: c.id, expectedVersion: c.version, note: "不属于本部门职责" },
    token,
  );
  return mutate(
    "ruleOnCaseReturn",
    "RulingInput",
    { id: asked.id, expectedVersion: asked.version, granted: true },
    w.tokens.command,
  );
}
const SUGGEST = `query($id: ID!) { dispatchSuggestions(caseId: $id) {
  department { code } role weight reasons } }`;
const suggestions = async (id: string, token = w.tokens.command) =>
  (
    (await call(SUGGEST, { id }, token)).dispatchSuggestions as Array<{
      department: { code: string };
      role: string;
      weight: number;
      reasons: string[];
    }>
  ).map((s) => [s.department.code, s.role, s.weight, s.reasons]);

beforeAll(async () => {
  w = await buildCaseWorld();
  other = await buildCaseWorld({ city: w.city });
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

test("the usual department and the district's own practice, with reasons; a returner is not suggested again", async () => {
  // Roads usually go to urban management (the default catalogue). This district has had three
  // road cases led by housing with water helping, and one that urban management returned.
  for (let i = 0; i < 3; i++) await assign(await hotlineCase(server, w), w.housing, w.water);
  let sent = await assign(await hotlineCase(server, w), w.urban);
  sent = await returned(sent, w.tokens.urban);
  await assign(sent, w.housing);

  let c: C = await hotlineCase(server, w);
  expect(await suggestions(c.id)).toEqual([
    ["housing", "lead", 1, ["led 4 of 4 similar cases of the last 180 days"]],
    [
      "urban_management",
      "lead",
      0.75,
      [
        "the catalogue's usual department for 道路设施",
        "returned 1 of 4 similar cases it was to lead",
      ],
    ],
    ["water", "co", 0.75, ["co-handled 3 of 4 similar cases of the last 180 days"]],
  ]);
  // The district admin sees the same; nothing was assigned by asking.
  expect(await suggestions(c.id, w.tokens.admin)).toHaveLength(3);
  c = await assign(c, w.housing);
  c = await returned(c, w.tokens.housing);
  expect((await suggestions(c.id)).map(([code, role]) => [code, role])).toEqual([
    ["urban_management", "lead"],
    ["water", "co"],
  ]);
});

test("another district's case is NOT_FOUND; other roles are FORBIDDEN", async () => {
  const c = await hotlineCase(server, w);
  const res = await gql(server, SUGGEST as never, { id: c.id } as never, other.tokens.command);
  expect(errorCode(res)).toBe("NOT_FOUND");
  for (const token of [w.tokens.resident, w.tokens.operator, w.tokens.housing, w.tokens.worker]) {
    const refused = await gql(server, SUGGEST as never, { id: c.id } as never, token);
    expect(errorCode(refused)).toBe("FORBIDDEN");
  }
  const bad = await gql(server, SUGGEST as never, { id: "nope" } as never, w.tokens.command);
  expect(errorCode(bad)).toBe("BAD_USER_INPUT");
});

test("the ranking rule alone: no history, only the catalogue; none at all, nothing", () => {
  const base = {
    usualDepartmentId: "u",
    categoryName: "供暖",
    similarCases: 0,
    windowDays: 180,
    history: [],
    returnedThisCase: new Set<string>(),
  };
  expect(suggestDispatch(base)).toEqual([
    {
      departmentId: "u",
      role: "lead",
      weight: 1,
      reasons: ["the catalogue's usual department for 供暖"],
    },
  ]);
  expect(suggestDispatch({ ...base, usualDepartmentId: null })).toEqual([]);
  expect(suggestDispatch({ ...base, returnedThisCase: new Set(["u"]) })).toEqual([]);
});
