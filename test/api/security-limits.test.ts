import fs from "node:fs";
import path from "node:path";
import { parse, getOperationAST } from "graphql";
import { startTestServer, gql, ok, errorCode, wsClient, type TestServer } from "../helpers/server";
import { buildDistrict, closeFactories, tokenFor, type BuiltDistrict } from "../factories";
import { buildCaseWorld, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { ManualClock } from "../../src/common/clock";
import { createSchema } from "../../src/schema";
import { checkOperation } from "../../src/security/operation-check";
import { costVariables } from "../../src/security/cost";
import { DEFAULT_LIMITS } from "../../src/security/limits";
import { TEST_EPOCH } from "../helpers/clock";

let server: TestServer;
let mingshanAdmin: string;
let resident: string;

const MINGSHAN = { code: "mingshan" };

beforeAll(async () => {
  server = await startTestServer();
  mingshanAdmin = await tokenFor({ district: MINGSHAN, role: "district_admin" });
  resident = await tokenFor({ district: MINGSHAN, role: "resident" });
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

const aliases = (n: number, body: string) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${body}`).join(" ")} }`;

/** Refused with QUERY_TOO_COMPLEX naming the limit, before any SQL ran. */
async function refused(query: string, token: string, limit: string, variables?: object) {
  const before = server.statements.length;
  const res = await gql(server, query, variables, token);
  expect(res.status).toBe(400);
  expect(res.data ?? null).toBeNull();
  expect(res.errors?.[0].extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit });
  expect(server.statements.length).toBe(before);
  return res.errors![0];
}

describe("operation limits", () => {
  it("refuses too many aliases, naming the figure and the limit", async () => {
    const err = await refused(
      aliases(20, "district { grids(first: 200) { edges { node { code name } } } }"),
      resident,
      "aliases",
    );
    expect(err.extensions).toMatchObject({ max: DEFAULT_LIMITS.aliases, found: 20 });
    await refused(aliases(10_000, "me { role }"), mingshanAdmin, "tokens");
    // 15 aliases of a page of 200 is within the alias limit, not within a resident's budget.
    const cost = await refused(
      aliases(
        15,
        "district { grids(first: 200) { edges { node { code streetOffice { name } community { name } } } } }",
      ),
      resident,
      "cost",
    );
    expect(cost.extensions).toMatchObject({ max: 10_000 });
    expect(cost.extensions?.found).toBeGreaterThan(10_000);
  });

  it("refuses depth through a cyclic path, directives, root fields and huge documents", async () => {
    let deep = "code";
    for (let i = 0; i < 30; i++)
      deep = `streetOffice { grids(first: 1) { edges { node { ${deep} } } } }`;
    const depth = await refused(
      `{ district { grids(first: 1) { edges { node { ${deep} } } } } }`,
      mingshanAdmin,
      "depth",
    );
    expect(depth.extensions?.max).toBe(DEFAULT_LIMITS.depth);
    const directives = Array.from({ length: 60 }, () => "... @include(if: true) { role }");
    await refused(`{ me { ${directives.join(" ")} } }`, mingshanAdmin, "directives");
    const realRoots = `{ me { role } district { name } cases(first: 1) { totalCount } ${Array.from(
      { length: 13 },
      (_, i) => `d${i}: district { code }`,
    ).join(" ")} }`;
    await refused(realRoots, mingshanAdmin, "rootFields");
    const huge = `{ me { role ${"__typename ".repeat(60_000)} } }`;
    await refused(huge, mingshanAdmin, "tokens");
  });

  it("counts pages by `first`, read from variables, with the default page where absent", async () => {
    const walk = `query ($n: Int) { district { streetOffices(first: $n) { edges { node {
      communities(first: $n) { edges { node { grids(first: $n) { edges { node { code } } } } } } } } } } }`;
    const small = await gql(server, walk, { n: 2 }, mingshanAdmin);
    expect(small.errors).toBeUndefined();
    await refused(walk, mingshanAdmin, "cost", { n: 100 });
    // No `first` at all: every page counts as 50, and the whole-tree walk is over budget.
    await refused(
      `{ district { streetOffices { edges { node { communities { edges { node {
        grids { edges { node { code name } } } } } } } } } } }`,
      mingshanAdmin,
      "cost",
    );
  });

  it("refuses an operation its cost cannot be read from, instead of letting it through at 1", async () => {
    // A nullable variable with a default may stand where a value is required; sent as null, it
    // fails only the field it reaches, and the estimate, which stopped at it, must not count 1.
    const walk = `district { streetOffices { edges { node { communities { edges { node {
      grids { edges { node { code name } } } } } } } } } }`;
    for (const [query, variables] of [
      [`query ($b: Boolean = true) { me { role @include(if: $b) } ${walk} }`, { b: null }],
      [`query ($id: ID = "x") { node(id: $id) { id } ${walk} }`, { id: null }],
    ] as const) {
      const before = server.statements.length;
      const res = await gql(server, query, variables, mingshanAdmin);
      expect(res.status).toBe(400);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
      expect(server.statements.length).toBe(before);
    }
  });

  it("counts the root fields of whichever operation of a document a request picks", async () => {
    const many = Array.from({ length: 13 }, (_, i) => `d${i}: district { code }`).join(" ");
    const source = `query One { me { role } }
      query Many { me { role } district { name } cases(first: 1) { totalCount } ${many} }`;
    const document = parse(source);
    const caller = { principal: null, remoteAddress: "root-fields-test" };
    const pick = (name: string) =>
      server.guard.check(caller, source, document, getOperationAST(document, name)!, {});
    await expect(pick("One")).resolves.toBeGreaterThan(0);
    // The same text again: its shape is known, the operation it runs is not.
    await expect(pick("Many")).rejects.toMatchObject({
      extensions: { code: "QUERY_TOO_COMPLEX", limit: "rootFields" },
    });
  });

  it("weighs an operation once for the variables its cost depends on, and still reads every call's text", async () => {
    const source = `query Weighed($n: Int, $s: String, $all: Boolean!) {
      district { grids(first: $n, search: $s) @include(if: $all) { totalCount } name }
    }`;
    const document = parse(source);
    expect(costVariables(document)).toEqual(["all", "n"]);
    const operation = getOperationAST(document, "Weighed")!;
    const caller = { principal: null, remoteAddress: "weighed-test" };
    const measure = (variables: Record<string, unknown>) =>
      server.guard.measure(caller, source, document, operation, variables);
    const first = measure({ n: 10, s: "北", all: true });
    // Another search, the same page: the same cost; another page size or directive: its own.
    expect(measure({ n: 10, s: "南", all: true })).toBe(first);
    expect(measure({ n: 20, s: "南", all: true })).toBeGreaterThan(first);
    expect(measure({ n: 10, s: "南", all: false })).toBeLessThan(first);
    // The text is still read at every call.
    expect(() => measure({ n: 10, s: "a\u0007b", all: true })).toThrow(/control character/);
    // An absent variable (its default applies) is not one given as null.
    expect(measure({ s: "x", all: true })).toBe(measure({ n: null, s: "y", all: true }));
  });

  it("never keeps the cost of a call whose variables did not fit (it weighs 1 for that call only)", async () => {
    const strict = await startTestServer({
      QUERY_LIMITS: JSON.stringify({ resident: { cost: 100 } }),
    });
    try {
      const q = `query Big($n: Int, $s: String) { district { grids(first: $n, search: $s) { totalCount } } }`;
      // The text's shape is known from a first call.
      const small = await gql(strict, q, { n: 5, s: "c" }, resident);
      expect(small.errors).toBeUndefined();
      // A search that is not a string: refused for its type, before any cost is weighed.
      const bad = await gql(strict, q, { n: 200, s: { not: "a string" } }, resident);
      expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      // The same page size with a valid search is weighed, and over the resident's budget.
      for (const s of ["a", "b"]) {
        const res = await gql(strict, q, { n: 200, s }, resident);
        expect(res.errors?.[0].extensions).toMatchObject({
          code: "QUERY_TOO_COMPLEX",
          limit: "cost",
        });
      }
    } finally {
      await strict.close();
    }
  });

  it("lets each role have its own limits (QUERY_LIMITS)", async () => {
    const strict = await startTestServer({
      QUERY_LIMITS: JSON.stringify({ resident: { depth: 3 }, district_admin: { cost: 100 } }),
    });
    try {
      const q = `{ district { grids(first: 50) { edges { node { code } } } } }`;
      const asAdmin = await gql(strict, q, {}, mingshanAdmin);
      expect(asAdmin.errors?.[0].extensions).toMatchObject({
        code: "QUERY_TOO_COMPLEX",
        limit: "cost",
        max: 100,
      });
      const asStreet = await gql(
        strict,
        q,
        {},
        await tokenFor({ district: MINGSHAN, role: "command_center" }),
      );
      expect(asStreet.errors).toBeUndefined();
      const asResident = await gql(strict, `{ district { name } }`, {}, resident);
      expect(asResident.errors).toBeUndefined();
      const deep = await gql(strict, q, {}, resident);
      expect(deep.errors?.[0].extensions).toMatchObject({ limit: "depth", max: 3 });
    } finally {
      await strict.close();
    }
  });

  it("runs every example query of the README within the default limits", async () => {
    const readme = fs.readFileSync(path.join(__dirname, "../../README.md"), "utf8");
    const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    const schema = await createSchema();
    for (const block of blocks) {
      const document = parse(block);
      const operation = getOperationAST(document)!;
      // Subscriptions run over the WebSocket: their limits are checked the same way.
      expect(() =>
        checkOperation(schema, document, operation, {}, DEFAULT_LIMITS, { source: block }),
      ).not.toThrow();
      if (operation.operation !== "query") continue;
      const res = await gql(server, block, {}, mingshanAdmin);
      const codes = (res.errors ?? []).map((e) => e.extensions?.code);
      expect(codes).not.toContain("QUERY_TOO_COMPLEX");
      expect(codes).not.toContain("INTERNAL_SERVER_ERROR");
    }
  });

  it("holds subscriptions to the same limits over the WebSocket", async () => {
    const { client, connected } = wsClient(server, mingshanAdmin);
    await connected;
    const errors = await new Promise<unknown[]>((resolve) => {
      client.subscribe(
        {
          query: `subscription { caseCreated ${aliases(20, "cursor")} }`,
        },
        {
          next: () => undefined,
          error: (e) => resolve(e as unknown[]),
          complete: () => resolve([]),
        },
      );
    });
    expect((errors[0] as { extensions?: unknown }).extensions).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
    });
    await client.dispose();
  });
});

describe("text inputs", () => {
  let world: CaseWorld;
  beforeAll(async () => {
    world = await buildCaseWorld();
  });

  it("refuses NUL and other control characters with BAD_USER_INPUT naming the field", async () => {
    const search = await gql(
      server,
      `query ($s: String) { district { grids(search: $s) { totalCount } } }`,
      { s: "明\u0000山" },
      world.tokens.admin,
    );
    expect(search.status).toBe(400);
    expect(search.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "search",
    });
    const literal = await gql(
      server,
      `{ district { grids(search: "a\\u0007b") { totalCount } } }`,
      {},
      world.tokens.admin,
    );
    expect(literal.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "search",
    });
    // Line breaks and tabs are text.
    const fine = await gql(
      server,
      `query ($s: String) { district { grids(search: $s) { totalCount } } }`,
      { s: "a\tb\nc" },
      world.tokens.admin,
    );
    expect(fine.errors).toBeUndefined();
  });

  it("refuses a control character deep in createCase's input, and writes nothing", async () => {
    const count = async () =>
      ok(
        await gql<{ cases: { totalCount: number } }, object>(
          server,
          `{ cases(first: 1) { totalCount } }`,
          {},
          world.tokens.admin,
        ),
      ).cases.totalCount;
    const before = await count();
    const res = await gql(
      server,
      `mutation ($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
      {
        input: {
          channel: "hotline",
          categoryCode: "roads",
          description: "井盖\u0000缺失",
          gridId: gid("Grid", world.tree.gridA),
          complainantName: "王",
          complainantPhone: "13800000000",
        },
      },
      world.tokens.operator,
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.description",
    });
    expect(await count()).toBe(before);
  });
});

describe("rates and work in flight", () => {
  // Accounts of this run only: with REDIS_URL the buckets live in Redis, shared with other runs.
  const RUN = Math.random().toString(36).slice(2, 10);
  let district: BuiltDistrict;
  let other: BuiltDistrict;
  let clock: ManualClock;
  let limited: TestServer;

  beforeAll(async () => {
    district = await buildDistrict();
    other = await buildDistrict();
    clock = new ManualClock(TEST_EPOCH);
    limited = await startTestServer(
      {
        RATE_LIMIT_SUBJECT: "10/1",
        RATE_LIMIT_DISTRICT: "30/1",
        HEAVY_COST: "100",
        HEAVY_SLOTS: "1",
        HEAVY_QUEUE: "0",
      },
      { clock },
    );
  });
  afterAll(() => limited.close());

  const q = `{ district { streetOffices(first: 2) { totalCount } } }`; // costs 3

  it("takes each operation's cost from its account's bucket, refuses with 429 and Retry-After", async () => {
    const token = await tokenFor({ district, role: "district_admin" }, { sub: `rate-a-${RUN}` });
    const codes: unknown[] = [];
    for (let i = 0; i < 4; i++) codes.push(errorCode(await gql(limited, q, {}, token)));
    expect(codes).toEqual([undefined, undefined, undefined, "RATE_LIMITED"]);
    const sent = Date.now();
    const res = await fetch(limited.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: q }),
    });
    expect(res.status).toBe(429);
    // Held for its Retry-After (at most REFUSAL_HOLD_MS, 1 s) before it was sent: a client
    // that comes back at once cannot make the server spend a refusal every millisecond.
    expect(Date.now() - sent).toBeGreaterThanOrEqual(900);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const body = (await res.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED", scope: "account" });
    clock.advance(3000);
    expect(errorCode(await gql(limited, q, {}, token))).toBeUndefined();
  });

  it("shares a district's bucket among its accounts, and not with another district", async () => {
    clock.advance(60_000);
    const codes: unknown[] = [];
    for (let i = 0; i < 12; i++) {
      const token = await tokenFor(
        { district, role: "district_admin" },
        { sub: `rate-d${i}-${RUN}` },
      );
      codes.push(errorCode(await gql(limited, q, {}, token)));
    }
    expect(codes.filter((c) => c === "RATE_LIMITED").length).toBeGreaterThan(0);
    const outsider = await tokenFor(
      { district: other, role: "district_admin" },
      { sub: `rate-o-${RUN}` },
    );
    expect(errorCode(await gql(limited, q, {}, outsider))).toBeUndefined();
  });

  it("keeps cheap requests flowing while heavy ones are refused past the queue", async () => {
    clock.advance(60_000);
    const gated = await buildDistrict();
    const token = await tokenFor(
      { district: gated, role: "district_admin" },
      { sub: `gate-a-${RUN}` },
    );
    const hold = await limited.guard.admit({ principal: null, remoteAddress: "test" }, 1e9);
    try {
      expect(limited.guard.gate.state.heavyRunning).toBe(1);
      const me = await gql(limited, `{ me { role } }`, {}, token);
      expect(me.errors).toBeUndefined();
      clock.advance(60_000); // the buckets are full again: what follows is the gate's doing
      const heavy = await gql(
        limited,
        `{ district { grids(first: 200) { edges { node { code name streetOffice { name } } } } } }`,
        {},
        await tokenFor({ district: gated, role: "district_admin" }, { sub: `gate-b-${RUN}` }),
      );
      expect(heavy.status).toBe(503);
      expect(heavy.errors?.[0].extensions).toMatchObject({ code: "SERVER_BUSY" });
      // Refused by the gate, it spent nothing: the same account's bucket (10) still holds 10.
      expect(
        errorCode(
          await gql(
            limited,
            `{ district { streetOffices(first: 9) { totalCount } } }`,
            {},
            await tokenFor({ district: gated, role: "district_admin" }, { sub: `gate-b-${RUN}` }),
          ),
        ),
      ).toBeUndefined();
      // A query over the WebSocket waits at the same gate.
      clock.advance(60_000);
      const { client, connected } = wsClient(limited, token);
      await connected;
      const refused = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: `{ district { grids(first: 200) { edges { node { code name } } } } }` },
          { next: resolve, error: resolve, complete: () => undefined },
        );
      });
      expect(JSON.stringify(refused)).toContain("SERVER_BUSY");
      await client.dispose();
    } finally {
      hold();
    }
  });

  it("does not let residents drain their district's bucket", async () => {
    clock.advance(60_000);
    const home = await buildDistrict();
    const codes: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      const resident = await tokenFor(
        { district: home, role: "resident" },
        { sub: `res-${i}-${RUN}` },
      );
      for (let j = 0; j < 3; j++) codes.push(errorCode(await gql(limited, q, {}, resident)));
    }
    expect(codes.every((c) => c === undefined)).toBe(true);
    // 36 points spent by residents, and the district's staff still have their 30.
    const staff: unknown[] = [];
    for (let i = 0; i < 10; i++) {
      const t = await tokenFor(
        { district: home, role: "district_admin" },
        { sub: `staff-${i}-${RUN}` },
      );
      staff.push(errorCode(await gql(limited, q, {}, t)));
    }
    expect(staff.every((c) => c === undefined)).toBe(true);
  });
});
