import { startTestServer, gql, errorCode, type TestServer } from "../helpers/server";
import { closeFactories } from "../factories";
import { buildCaseWorld, hotlineCase, type CaseWorld } from "../factories/cases";

/**
 * Dissatisfaction opens a supervision (群众满意度不高): by default an unsatisfied callback does; a
 * district admin may turn that off and rely on the redo count instead; each district's setting
 * is its own.
 */
let server: TestServer;
let w: CaseWorld;
let other: CaseWorld;
type C = { id: string; version: number; supervised: boolean };

async function call(query: string, variables: Record<string, unknown>, token: string) {
  const res = await gql(server, query, variables as never, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as Record<string, never>;
}
const FIELDS = "id version supervised supervisions { trigger status reason }";
const step = async (name: string, type: string, input: Record<string, unknown>, token: string) =>
  (await call(`mutation($i: ${type}!) { ${name}(input: $i) { ${FIELDS} } }`, { i: input }, token))[
    name
  ] as C & { supervisions: Array<{ trigger: string; status: string; reason: string }> };
const SETTINGS = `mutation($i: CaseSettingsInput!) { updateCaseSettings(input: $i) { superviseOnUnsatisfied maxRedos } }`;

/** A grid patrol case taken and resolved by the grid, then called back. */
async function calledBack(world: CaseWorld, handlerAtFault: boolean) {
  let c = (await hotlineCase(server, world)) as C;
  c = await step(
    "takeCaseLead",
    "CaseNoteInput",
    { id: c.id, expectedVersion: c.version },
    world.tokens.worker,
  );
  c = await step(
    "resolveCase",
    "CaseNoteInput",
    { id: c.id, expectedVersion: c.version, note: "已修" },
    world.tokens.worker,
  );
  return step(
    "recordCallback",
    "CallbackInput",
    {
      id: c.id,
      expectedVersion: c.version,
      reached: true,
      satisfaction: "unsatisfied",
      handlerAtFault,
    },
    world.tokens.operator,
  );
}

beforeAll(async () => {
  w = await buildCaseWorld();
  other = await buildCaseWorld({ city: w.city });
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

test("an unsatisfied callback opens a supervision by default", async () => {
  const limits = await call(
    `{ caseLimits { settings { superviseOnUnsatisfied maxRedos } } }`,
    {},
    w.tokens.admin,
  );
  expect(limits).toEqual({
    caseLimits: { settings: { superviseOnUnsatisfied: true, maxRedos: 1 } },
  });
  const c = await calledBack(w, false);
  expect(c.supervised).toBe(true);
  expect(c.supervisions).toEqual([
    { trigger: "unsatisfied", status: "open", reason: "the complainant was unsatisfied" },
  ]);
});

test("turned off by the district admin, only redos beyond the limit do; other districts keep theirs", async () => {
  expect(
    (await call(SETTINGS, { i: { superviseOnUnsatisfied: false, maxRedos: 0 } }, w.tokens.admin))
      .updateCaseSettings,
  ).toEqual({ superviseOnUnsatisfied: false, maxRedos: 0 });
  expect((await calledBack(w, false)).supervised).toBe(false);
  const redone = await calledBack(w, true);
  expect(redone.supervisions).toEqual([
    { trigger: "unsatisfied", status: "open", reason: "redone 1 times (the district allows 0)" },
  ]);
  // The other district still has the default.
  expect((await calledBack(other, false)).supervised).toBe(true);
});

test("only the district admin changes it, within bounds", async () => {
  for (const token of [w.tokens.command, w.tokens.inspector, w.tokens.resident])
    expect(
      errorCode(await gql(server, SETTINGS as never, { i: { maxRedos: 2 } } as never, token)),
    ).toBe("FORBIDDEN");
  expect(
    errorCode(
      await gql(server, SETTINGS as never, { i: { maxRedos: 21 } } as never, w.tokens.admin),
    ),
  ).toBe("BAD_USER_INPUT");
});
