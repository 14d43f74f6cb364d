import { gql, ok, startTestServer, type TestServer } from "../helpers/server";
import { closeFactories } from "../factories";
import { buildCaseWorld, hotlineCase, type CaseWorld } from "../factories/cases";
import { wiredDataSource } from "../helpers/wire";

/**
 * What a request costs in round trips to PostgreSQL beyond its own statements: BEGIN travels
 * with the tenant settings, and the read audit's INSERT with COMMIT (db/tenant.ts,
 * context/read-audit-writes.ts); a query that reads nothing opens no transaction at all.
 */
let server: TestServer;
let w: CaseWorld;

beforeAll(async () => {
  w = await buildCaseWorld();
  server = await startTestServer({ RATE_LIMIT_SUBJECT: "off", RATE_LIMIT_DISTRICT: "off" });
  for (const name of ["王建国", "李秀英", "张伟"])
    await hotlineCase(server, w, { complainantName: name, complainantPhone: "13800138000" });
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

const LIST = `query RoundTripsList {
  cases(first: 2) {
    totalCount
    edges { node { id number complainant { name phone visible } assignments { role } } }
  }
}`;

async function statementsOf<T>(token: string, query: string) {
  const before = server.statements.length;
  const data = ok(await gql<T, unknown>(server, query, {}, token));
  return { data, statements: server.statements.slice(before) };
}

it("opens with BEGIN and the tenant settings in one message, and ends with the read audit and COMMIT in one round trip", async () => {
  const { data, statements } = await statementsOf<{
    cases: { totalCount: number; edges: Array<{ node: { complainant: { visible: boolean } } }> };
  }>(w.tokens.command, LIST);
  if (process.env.SHOW_SQL) console.log(statements.map((q) => q.slice(0, 90)).join("\n"));
  expect(data.cases.totalCount).toBe(3);
  expect(data.cases.edges.every((e) => e.node.complainant.visible)).toBe(true);
  expect(statements[0]).toMatch(/^BEGIN; SELECT set_config\('app.district_ids'/);
  expect(statements.at(-2)).toMatch(/^WITH r AS \(.*\bINSERT INTO personal_data_read \(/s);
  expect(statements.at(-1)).toBe("COMMIT");
  // Nothing else opens, sets or ends the transaction: the rest are the list's own reads (the
  // page, the count, the parts), at most three.
  const rest = statements.slice(1, -2);
  expect(rest.filter((s) => /^(BEGIN|START|COMMIT|ROLLBACK)|set_config/i.test(s))).toEqual([]);
  expect(rest.length).toBeLessThanOrEqual(3);

  // On the wire, the INSERT and COMMIT leave together: one wait for both.
  const wire = await wiredDataSource();
  const wired = await startTestServer(
    { RATE_LIMIT_SUBJECT: "off", RATE_LIMIT_DISTRICT: "off" },
    { dataSource: wire.ds },
  );
  try {
    for (let i = 0; i < 2; i++) {
      wire.events.length = 0;
      ok(await gql(wired, LIST, {}, w.tokens.command));
      const last = wire.sendGroups().at(-1)!;
      expect(last.filter((e) => e === "E")).toHaveLength(1);
      expect(last.at(-1)).toMatch(/^Q COMMIT/);
    }
  } finally {
    await wired.close();
  }
});

it("ends a transaction that recorded no reads with a COMMIT alone", async () => {
  const { statements } = await statementsOf(
    w.tokens.command,
    `query RoundTripsCount { cases(first: 1) { totalCount } }`,
  );
  expect(statements[0]).toMatch(/^BEGIN; SELECT set_config/);
  expect(statements.at(-1)).toBe("COMMIT");
});

it("opens no transaction for a query that reads nothing from the database", async () => {
  const { data, statements } = await statementsOf<{ me: { role: string } }>(
    w.tokens.command,
    `query RoundTripsMe { me { role } }`,
  );
  expect(data.me.role).toBe("command_center");
  expect(statements).toEqual([]);
});
