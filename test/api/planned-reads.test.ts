import { startTestServer, gql, type TestServer } from "../helpers/server";
import { createLogger } from "../../src/logger";
import { closeFactories, ownerPool, tokenFor } from "../factories";
import { TREE_WALK } from "../../src/bench/tree-walk";
import { CASE_PAGE_SELECTION } from "../../src/bench/case-list";
import { inTenantTransaction } from "../../src/db/tenant";
import { childRows, ColumnNotRead, pageRows, rowsById, tableOf } from "../../src/planner/rows";
import { Case } from "../../src/modules/cases/case.entity";
import { PLANNED_RELATIONS } from "../../src/schema";
import { StreetOffice } from "../../src/modules/grid/tree.entity";
import { Person } from "../../src/modules/grid/people.entity";

/**
 * The planned read path (src/planner/) answers exactly as graphql-js does: every query below is
 * sent, as several roles, to a server with it and to one without it (PLANNED_READS=false), and the
 * two responses must be equal to the byte (data, errors, key order). A query the planner declines
 * is answered by graphql-js on both; the test also checks which ones it planned, by counting the
 * statements of a query that only the planner reads in one statement per level.
 */

let planned: TestServer;
let plain: TestServer;

beforeAll(async () => {
  // The whole tree's estimate is far over the default cost limit (it counts every `first: 200`).
  const limits = {
    QUERY_LIMITS: JSON.stringify({ default: { cost: 1_000_000_000 } }),
    HEAVY_COST: "100000000",
    RATE_LIMIT_SUBJECT: "off",
    RATE_LIMIT_DISTRICT: "off",
  };
  [planned, plain] = await Promise.all([
    startTestServer(limits, {
      log: createLogger("debug", {
        destination: {
          write: (line: string) => {
            if (line.includes('"msg":"query planned"')) plannedLines++;
            if (line.includes('"msg":"planned read failed; executing"')) failedLines.push(line);
          },
        },
      }),
    }),
    startTestServer({ ...limits, PLANNED_READS: "false" }),
  ]);
});
afterAll(async () => {
  await Promise.all([planned.close(), plain.close()]);
  await closeFactories();
});

const ROLES = ["district_admin", "command_center", "street_officer", "grid_worker", "resident"];

const PAGES = `query Pages($so: Int, $co: Int, $after: String, $withStaff: Boolean!, $skipKind: Boolean!) {
  district {
    __typename
    id
    code
    name
    streetOffices(first: $so, after: $after) {
      __typename
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor __typename }
      edges {
        cursor
        node {
          id
          code
          name
          createdAt
          byName: communities(first: $co, orderBy: name) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { cursor node { name code } }
          }
          communities(first: $co) {
            totalCount
            edges {
              node {
                ...CommunityBits
                grids(first: 3) {
                  totalCount
                  pageInfo { startCursor endCursor hasNextPage }
                  edges {
                    node {
                      id
                      code
                      name
                      kind @skip(if: $skipKind)
                      latitude
                      longitude
                      linesOfWork
                      retiredAt
                      version
                      community { code streetOffice { code } }
                      streetOffice { name }
                      staff(includeEnded: true) @include(if: $withStaff) {
                        __typename
                        id
                        role
                        startsOn
                        endsOn
                        current
                        grid { code }
                        person {
                          id
                          name
                          phone
                          idNumber
                          gender
                          birthYear
                          tags
                          personalDataVisible
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
fragment CommunityBits on Community { id code kind name }`;

const FILTERS = `query Filters($search: String, $kind: GridKind) {
  district {
    grids(first: 7, search: $search, kind: $kind) {
      totalCount
      edges { cursor node { code name kind } }
    }
    villages: communities(first: 5, kind: village) {
      totalCount
      edges { node { code name streetOffice { name } } }
    }
    all: grids(first: 4, includeRetired: true) { totalCount edges { node { code retiredAt } } }
  }
}`;

/** The planner's log lines "query planned" (one per query it answered). */
let plannedLines = 0;
/** Its warnings that a planned read failed and graphql-js answered instead. */
const failedLines: string[] = [];

async function both(query: string, variables: Record<string, unknown>, token: string | null) {
  const from = plannedLines;
  const a = await gql(planned, query, variables, token);
  const plannedCount = plannedLines - from;
  const b = await gql(plain, query, variables, token);
  return { a, b, plannedCount };
}

/** Both answers equal; `viaPlanner` says whether the planner must have answered or declined. */
async function expectSame(
  query: string,
  variables: Record<string, unknown>,
  role: string,
  viaPlanner: boolean,
  /** The token's other claims (a street officer's street, a grid worker's grids…). */
  claims: Record<string, unknown> = {},
) {
  const token = await tokenFor({ district: { code: "mingshan" }, role }, claims);
  const { a, b, plannedCount } = await both(query, variables, token);
  expect(JSON.stringify(a)).toEqual(JSON.stringify(b));
  if (viaPlanner) expect(plannedCount).toBeGreaterThan(0);
  else expect(plannedCount).toBe(0);
  return a;
}

describe("the same answer with and without the planner", () => {
  it.each(ROLES.filter((r) => r !== "resident"))("the whole tree walk, as %s", async (role) => {
    const res = await expectSame(TREE_WALK, { first: 200 }, role, true);
    expect(res.errors).toBeUndefined();
  });

  it("a resident's whole tree walk is refused alike, before anything is read", async () => {
    const res = await expectSame(TREE_WALK, { first: 200 }, "resident", false);
    expect(res.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });

  it.each(ROLES)(
    "partial pages, aliases, fragments, directives and back-references, as %s",
    async (role) => {
      const vars = { so: 2, co: 2, withStaff: true, skipKind: false };
      const first = await expectSame(PAGES, vars, role, true);
      expect(first.errors).toBeUndefined();
      const data = first.data as {
        district: { streetOffices: { pageInfo: { endCursor: string; hasNextPage: boolean } } };
      };
      expect(data.district.streetOffices.pageInfo.hasNextPage).toBe(true);
      // The next page, from the cursor: counted, not complete.
      const next = {
        ...vars,
        after: data.district.streetOffices.pageInfo.endCursor,
        withStaff: false,
        skipKind: true,
      };
      const second = await expectSame(PAGES, next, role, true);
      expect(second.errors).toBeUndefined();
    },
  );

  it.each([{ search: "北" }, { kind: "rural" }, { search: "no such grid" }, {}])(
    "filters %j",
    async (vars) => {
      const res = await expectSame(FILTERS, vars, "district_admin", true);
      expect(res.errors).toBeUndefined();
    },
  );

  it.each([
    ["a page size out of range", { so: 0, co: 1, withStaff: false, skipKind: false }],
    [
      "a cursor that is not one",
      { so: 1, co: 1, after: "bm90IGEgY3Vyc29y", withStaff: false, skipKind: false },
    ],
    ["a variable of the wrong type", { so: "two", co: 1, withStaff: false, skipKind: false }],
  ])("errors: %s", async (_what, vars) => {
    const res = await expectSame(PAGES, vars, "district_admin", false);
    expect(res.errors?.[0]?.extensions?.code).toEqual(expect.any(String));
  });

  it("a search longer than the argument allows is refused alike", async () => {
    const res = await expectSame(FILTERS, { search: "长".repeat(101) }, "district_admin", false);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("an object a resolver makes is answered by that resolver (tree counts, the city)", async () => {
    const q = `{ district { treeCounts { grids persons } city { code name } streetOffices(first: 2) { totalCount } } }`;
    const res = await expectSame(q, {}, "district_admin", true);
    expect(res.errors).toBeUndefined();
  });

  it("fields it has no plan for, and callers it cannot plan, are answered by graphql-js", async () => {
    const q = `{ district { code departments(first: 1) { edges { node { code } } } streetOffices(first: 1) { edges { node { code } } } } }`;
    await expectSame(q, {}, "district_admin", false);
    const city = await tokenFor({ city: { code: "benxi" }, role: "city_admin" });
    const asCity = await both(`{ district { streetOffices { totalCount } } }`, {}, city);
    expect(JSON.stringify(asCity.a)).toEqual(JSON.stringify(asCity.b));
    expect(asCity.a.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(asCity.plannedCount).toBe(0);
    const anonymous = await both(`{ district { streetOffices { totalCount } } }`, {}, null);
    expect(JSON.stringify(anonymous.a)).toEqual(JSON.stringify(anonymous.b));
    expect(anonymous.a.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(anonymous.plannedCount).toBe(0);
  });
});

const CASES = `query Cases($first: Int, $after: String, $status: [CaseStatus!], $channel: CaseChannel,
    $overdue: Boolean, $orderBy: CaseOrder, $receivedFrom: DateTimeISO, $category: String) {
  cases(first: $first, after: $after, status: $status, channel: $channel, overdue: $overdue,
        orderBy: $orderBy, receivedFrom: $receivedFrom, category: $category) {
    __typename
    pageInfo { hasPreviousPage startCursor }
    ${CASE_PAGE_SELECTION}
  }
}`;

const CASE_ROLES = [
  "command_center",
  "district_admin",
  "operator",
  "street_officer",
  "grid_worker",
  "community_worker",
  "department",
  "resident",
];

/**
 * Claims that give each role cases of Mingshan's demo to see, with complainants (each of the
 * complainant's rules is then exercised): the street office with the most dispatched cases, five
 * of its grids with cases, the community of one, the department with the most parts, a resident
 * who filed cases of their own.
 */
async function readerClaims(): Promise<Record<string, Record<string, unknown>>> {
  const q = async (sql: string) =>
    (await ownerPool().query<{ v: string }>(sql, ["mingshan"])).rows.map((r) => r.v);
  const district = `(SELECT id FROM district WHERE code = $1)`;
  const [street] = await q(
    `SELECT s.code AS v FROM hotline_case c JOIN street_office s ON s.id = c.street_office_id
      WHERE c.district_id = ${district} AND c.status = 'dispatched' AND c.complainant_name IS NOT NULL
      GROUP BY s.code ORDER BY count(*) DESC, s.code LIMIT 1`,
  );
  const grids = await q(
    `SELECT g.code AS v FROM hotline_case c JOIN grid g ON g.id = c.grid_id
      JOIN street_office s ON s.id = g.street_office_id
      WHERE c.district_id = ${district} AND s.code = '${street}' AND c.complainant_name IS NOT NULL
      GROUP BY g.code ORDER BY count(*) DESC, g.code LIMIT 5`,
  );
  const [community] = await q(
    `SELECT m.code AS v FROM grid g JOIN community m ON m.id = g.community_id
      WHERE g.district_id = ${district} AND g.code = '${grids[0]}'`,
  );
  const [department] = await q(
    `SELECT d.code AS v FROM case_assignment a JOIN department d ON d.id = a.department_id
      WHERE a.district_id = ${district} GROUP BY d.code ORDER BY count(*) DESC, d.code LIMIT 1`,
  );
  const [resident] = await q(
    `SELECT created_by AS v FROM hotline_case WHERE district_id = ${district}
        AND channel = 'resident' AND complainant_name IS NOT NULL
      GROUP BY created_by ORDER BY count(*) DESC, created_by LIMIT 1`,
  );
  return {
    street_officer: { street },
    grid_worker: { grids },
    community_worker: { community },
    department: { department },
    resident: { sub: resident },
  };
}
let readers: Record<string, Record<string, unknown>> = {};
beforeAll(async () => {
  readers = await readerClaims();
});

/** The page's cases with a complainant shown, in full or masked. */
const withComplainant = (res: { data?: unknown }) =>
  (res.data as { cases: { edges: Array<{ node: { complainant: unknown } }> } }).cases.edges.filter(
    (e) => e.node.complainant !== null,
  ).length;

describe("the case list, with and without the planner", () => {
  it.each(CASE_ROLES)("the first page of dispatched cases, as %s", async (role) => {
    const vars = { first: 50, status: ["dispatched"] };
    const res = await expectSame(CASES, vars, role, true, readers[role]);
    expect(res.errors).toBeUndefined();
    // Every reader sees some, with complainants (a resident's own cases: any status).
    const own =
      role === "resident" ? await expectSame(CASES, { first: 50 }, role, true, readers[role]) : res;
    expect(withComplainant(own)).toBeGreaterThan(0);
  });

  it.each([
    { first: 20, orderBy: "oldest" },
    { first: 30, overdue: true },
    { first: 10, channel: "hotline", receivedFrom: "2026-09-15T00:00:00.000Z" },
    { first: 5, status: ["closed", "resolved"], category: "road" },
  ])("filters and order %j, then the next page", async (vars) => {
    const res = await expectSame(CASES, vars, "command_center", true);
    expect(res.errors).toBeUndefined();
    const page = (
      res.data as { cases: { pageInfo: { endCursor: string | null; hasNextPage: boolean } } }
    ).cases.pageInfo;
    if (page.hasNextPage) {
      const next = await expectSame(
        CASES,
        { ...vars, after: page.endCursor },
        "command_center",
        true,
      );
      expect(next.errors).toBeUndefined();
    }
  });

  it("refusals are graphql-js's", async () => {
    await expectSame(CASES, { first: 500 }, "command_center", false);
    await expectSame(CASES, { first: 5, category: "NOT A CODE" }, "command_center", false);
    await expectSame(CASES, { first: 5, after: "bm9wZQ" }, "command_center", false);
  });
});

const BOARD = `query Board($level: UnitLevel!, $from: String!, $to: String!) {
  scoreboard(level: $level, from: $from, to: $to) {
    __typename
    level
    from
    to
    formulaVersion
    rows {
      rank
      score
      points
      pts: points
      accountability
      measures { ...Figures }
      patrol { __typename patrols patrolDays visits householdsVisited households householdCoverage patrolDayShare }
    }
    again: rows { measures { unitId } score }
  }
}
fragment Figures on UnitMeasures {
  __typename unitId name level received resolved resolvedOnTime breaches supervisions returns
  overdueNow responseRate onTimeCompletionRate satisfactionRate effectiveCallbackRate proactiveShare
}`;

const CITY_BOARD = `query City($from: String!, $to: String!) {
  cityScoreboard(from: $from, to: $to) {
    formulaVersion
    rows { rank score points accountability measures { unitId name received } patrol { patrols } }
  }
}`;

describe("the scoreboards, with and without the planner", () => {
  const periods = [
    ["2026-02-01", "2026-02-28"],
    ["2026-02-09", "2026-03-10"],
  ];
  it.each(["grid", "community", "street_office", "district", "department"])(
    "every level and reader: %s",
    async (level) => {
      for (const role of ["district_admin", "command_center", "inspector", "grid_worker"])
        for (const [from, to] of periods) {
          const res = await expectSame(BOARD, { level, from, to }, role, true);
          expect(res.errors).toBeUndefined();
        }
    },
  );

  it("the city's board, as the city admin", async () => {
    const city = await tokenFor({ city: { code: "benxi" }, role: "city_admin" });
    for (const [from, to] of periods) {
      const r = await both(CITY_BOARD, { from, to }, city);
      expect(JSON.stringify(r.a)).toEqual(JSON.stringify(r.b));
      expect(r.a.errors).toBeUndefined();
      expect(r.plannedCount).toBeGreaterThan(0);
    }
  });

  it("refusals are graphql-js's", async () => {
    const bad = await expectSame(
      BOARD,
      { level: "grid", from: "2026-03-01", to: "2026-02-01" },
      "district_admin",
      false,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const resident = await expectSame(
      BOARD,
      { level: "grid", from: "2026-02-01", to: "2026-02-28" },
      "resident",
      false,
    );
    expect(resident.errors?.[0]?.extensions?.code).toEqual(expect.any(String));
    const city = await tokenFor({ city: { code: "benxi" }, role: "city_admin" });
    const r = await both(BOARD, { level: "grid", from: "2026-02-01", to: "2026-02-28" }, city);
    expect(JSON.stringify(r.a)).toEqual(JSON.stringify(r.b));
    expect(r.a.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.plannedCount).toBe(0);
  });
});

describe("what the planner reads", () => {
  it("reads the whole tree in one statement per level, whatever its size", async () => {
    const token = await tokenFor({ district: { code: "mingshan" }, role: "district_admin" });
    const before = planned.statements.length;
    const res = await gql(planned, TREE_WALK, { first: 200 }, token);
    expect(res.errors).toBeUndefined();
    const run = planned.statements.slice(before);
    // BEGIN, the tenant settings, the district, street offices, communities, grids, posts with
    // their persons, the read audit's one row, COMMIT.
    expect(run.filter((s) => /^\s*SELECT .* FROM "staff_assignment"/s.test(s))).toHaveLength(1);
    expect(run.filter((s) => /FROM "person"/.test(s) && !/staff_assignment/.test(s))).toHaveLength(
      0,
    );
    expect(run.length).toBeLessThanOrEqual(9);
  });

  it("reads of a person only the columns its fields' resolvers declare", async () => {
    const token = await tokenFor({ district: { code: "mingshan" }, role: "district_admin" });
    const before = planned.statements.length;
    const res = await gql(planned, TREE_WALK, { first: 200 }, token);
    expect(res.errors).toBeUndefined();
    const [posts] = planned.statements
      .slice(before)
      .filter((s) => /^\s*SELECT .* FROM "staff_assignment"/s.test(s));
    const personColumns = [...posts.matchAll(/j0\."([a-z_]+)"/g)].map((m) => m[1]).sort();
    // Its id and district are the post's own (the join's condition), not read again.
    expect(personColumns).toEqual(["grid_id", "name", "phone", "subject"]);
  });

  it("a resolver reading a column its declaration forgot is caught: graphql-js answers, and says why", async () => {
    const declared = PLANNED_RELATIONS["Person.phone"];
    // As if grid.policy.ts had come to read the person's grid without the declaration following.
    PLANNED_RELATIONS["Person.phone"] = { kind: "reads", props: ["subject", "phone"] };
    try {
      const from = failedLines.length;
      // A grid worker's reach is decided by the person's grid.
      const res = await expectSame(TREE_WALK, { first: 200 }, "grid_worker", false);
      expect(res.errors).toBeUndefined();
      expect(failedLines.slice(from).join("\n")).toContain(
        "Person.gridId was read by a resolver but not by the plan",
      );
    } finally {
      PLANNED_RELATIONS["Person.phone"] = declared;
    }
  });

  it("reads of a case list's page only the columns its selection and the complainant's resolver need", async () => {
    const token = await tokenFor({ district: { code: "mingshan" }, role: "command_center" });
    const before = planned.statements.length;
    const res = await gql(planned, CASES, { first: 50, status: ["dispatched"] }, token);
    expect(res.errors).toBeUndefined();
    const [page] = planned.statements
      .slice(before)
      .filter((s) => /FROM "hotline_case" "c"/.test(s) && /LIMIT/.test(s));
    const selectList = page.slice(0, page.indexOf('FROM "hotline_case"'));
    const columns = [...selectList.matchAll(/c\."([a-z_]+)"/g)].map((m) => m[1]).sort();
    expect(columns).toEqual(
      [
        // the keys, and the fields asked for
        "id",
        "district_id",
        "number",
        "status",
        "received_at",
        "resolution_due_at",
        // what Case.complainant declares it reads (case.plans.ts)
        "complainant_name",
        "complainant_phone",
        "created_by",
        "channel",
        "grid_id",
        "street_office_id",
      ].sort(),
    );
  });

  it("counts a first page's total in the page's own statement, and a later page's apart", async () => {
    const token = await tokenFor({ district: { code: "mingshan" }, role: "command_center" });
    const cases = (from: number) =>
      planned.statements.slice(from).filter((s) => /FROM "hotline_case"/.test(s));
    let before = planned.statements.length;
    const first = await gql(planned, CASES, { first: 5, status: ["dispatched"] }, token);
    expect(first.errors).toBeUndefined();
    const [page, ...others] = cases(before);
    expect(others).toEqual([]);
    expect(page).toMatch(
      /\(SELECT count\(\*\)::int FROM "hotline_case" "c" WHERE .*\) AS "__total"/s,
    );
    const total = (first.data as { cases: { totalCount: number } }).cases.totalCount;
    const { rows } = await ownerPool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM hotline_case
        WHERE district_id = (SELECT id FROM district WHERE code = 'mingshan') AND status = 'dispatched'`,
    );
    expect(total).toBe(rows[0].n);
    expect(total).toBeGreaterThan(5);
    // A later page: its statement cannot count the cases before the cursor.
    const after = (first.data as { cases: { pageInfo: { endCursor: string } } }).cases.pageInfo
      .endCursor;
    before = planned.statements.length;
    const next = await gql(planned, CASES, { first: 5, status: ["dispatched"], after }, token);
    expect((next.data as { cases: { totalCount: number } }).cases.totalCount).toBe(total);
    const statements = cases(before);
    expect(statements).toHaveLength(2);
    expect(statements.filter((s) => /__total/.test(s))).toEqual([]);
  });

  it("a case's complainant read for a column its declaration forgot is caught: graphql-js answers, and says why", async () => {
    const declared = PLANNED_RELATIONS["Case.complainant"];
    expect(declared).toMatchObject({ kind: "reads" });
    // As if case.policy.ts had come to read the case's street office without the declaration
    // following.
    PLANNED_RELATIONS["Case.complainant"] = {
      kind: "reads",
      props: ["complainantName", "complainantPhone", "createdBy", "channel", "gridId"],
    };
    try {
      const from = failedLines.length;
      // A street officer may read a complainant by the case's street office (reachOfCase).
      const res = await expectSame(
        CASES,
        { first: 50 },
        "street_officer",
        false,
        readers.street_officer,
      );
      expect(res.errors).toBeUndefined();
      expect(withComplainant(res)).toBeGreaterThan(0);
      expect(failedLines.slice(from).join("\n")).toContain(
        "Case.streetOfficeId was read by a resolver but not by the plan",
      );
    } finally {
      PLANNED_RELATIONS["Case.complainant"] = declared;
    }
  });

  it("records the same read audit as graphql-js", async () => {
    const token = await tokenFor({ district: { code: "mingshan" }, role: "district_admin" });
    const name = (s: string) => `PlannedAudit${s}${Date.now()}`;
    const [na, nb] = [name("A"), name("B")];
    const q = (n: string) => TREE_WALK.replace("query BenchTreeWalk", `query ${n}`);
    const [a, b] = await Promise.all([
      gql(planned, q(na), { first: 200 }, token),
      gql(plain, q(nb), { first: 200 }, token),
    ]);
    expect(a.errors).toBeUndefined();
    expect(JSON.stringify(a.data)).toEqual(JSON.stringify(b.data));
    const rows = async (n: string) =>
      (
        await ownerPool().query<{ ids: string[]; fields: string[] }>(
          `SELECT coalesce(array_agg(x ORDER BY x), '{}') AS ids, min(fields::text) AS fields
             FROM personal_data_read r
             JOIN personal_data_read_set s ON s.district_id = r.district_id AND s.id = r.record_set,
                  unnest(s.record_ids) AS x
            WHERE r.operation_name = $1`,
          [n],
        )
      ).rows[0];
    const [ra, rb] = [await rows(na), await rows(nb)];
    expect(ra.ids.length).toBeGreaterThan(0);
    expect(ra).toEqual(rb);
  });

  it("another district's tree is out of reach: the caller's district only, and row-level security under it", async () => {
    const own = await tokenFor({ district: { code: "mingshan" }, role: "district_admin" });
    const other = await tokenFor({ district: { code: "pingshan" }, role: "district_admin" });
    const q = `{ district { code streetOffices(first: 200) { totalCount edges { node { code communities(first: 200) { totalCount } } } } } }`;
    const [mine, theirs] = await Promise.all([
      gql(planned, q, {}, own),
      gql(planned, q, {}, other),
    ]);
    const m = mine.data as {
      district: { code: string; streetOffices: { edges: Array<{ node: { code: string } }> } };
    };
    const t = theirs.data as typeof m;
    expect(m.district.code).toBe("mingshan");
    expect(t.district.code).toBe("pingshan");
    const codes = (d: typeof m) => new Set(d.district.streetOffices.edges.map((e) => e.node.code));
    const overlap = [...codes(m)].filter((c) => codes(t).has(c));
    // Street-office codes may repeat between districts; the ids may not.
    const ids = await ownerPool().query<{ code: string; n: number }>(
      `SELECT d.code, count(*)::int AS n FROM street_office s JOIN district d ON d.id = s.district_id
        WHERE d.code IN ('mingshan', 'pingshan') GROUP BY d.code ORDER BY d.code`,
    );
    expect(ids.rows).toEqual([
      { code: "mingshan", n: codes(m).size },
      { code: "pingshan", n: codes(t).size },
    ]);
    void overlap;
  });
});

it("row-level security holds under the planner's reads even when their own district filter is wrong", async () => {
  const { rows } = await ownerPool().query<{ id: string; code: string }>(
    `SELECT id, code FROM district WHERE code IN ('mingshan', 'pingshan') ORDER BY code`,
  );
  const [mingshan, pingshan] = [rows[0].id, rows[1].id];
  const scope = {
    districtIds: [mingshan],
    subject: "mingshan.district_admin",
    role: "district_admin",
  };
  await inTenantTransaction(planned.dataSource, scope, async (m) => {
    // As if the application had forgotten whose request it serves: both districts asked for.
    const s = { m, ds: planned.dataSource, districtIds: [mingshan, pingshan] };
    const shape = { sort: { column: "code", key: "code" }, filters: [] };
    const theirs = await pageRows(s, StreetOffice, null, "district_id", shape, 200, null, [
      pingshan,
    ]);
    expect(theirs.size).toBe(0);
    const mine = await pageRows(s, StreetOffice, null, "district_id", shape, 200, null, [mingshan]);
    expect(mine.get(mingshan)?.length).toBe(7);
    const people = await ownerPool().query<{ id: string; grid_id: string }>(
      `SELECT p.id, p.grid_id FROM person p JOIN district d ON d.id = p.district_id WHERE d.code = 'pingshan' LIMIT 3`,
    );
    expect(people.rows).toHaveLength(3);
    expect(
      (
        await rowsById(
          s,
          Person,
          null,
          people.rows.map((p) => p.id),
        )
      ).size,
    ).toBe(0);
    const byGrid = await childRows(
      s,
      Person,
      null,
      "grid_id",
      "name",
      [],
      people.rows.map((p) => p.grid_id),
    );
    expect(byGrid.size).toBe(0);
  });
});

it("a row read for some columns throws on any other, and takes a value set on it", async () => {
  const { rows } = await ownerPool().query<{ id: string; district_id: string; name: string }>(
    `SELECT p.id, p.district_id, p.name FROM person p JOIN district d ON d.id = p.district_id
      WHERE d.code = 'mingshan' ORDER BY p.id LIMIT 1`,
  );
  const scope = {
    districtIds: [rows[0].district_id],
    subject: "mingshan.district_admin",
    role: "district_admin",
  };
  await inTenantTransaction(planned.dataSource, scope, async (m) => {
    const s = { m, ds: planned.dataSource, districtIds: scope.districtIds };
    const got = await rowsById(s, Person, new Set(["id", "districtId", "name"]), [rows[0].id]);
    const p = got.get(rows[0].id) as unknown as Person;
    expect(p).toBeInstanceOf(Person);
    expect(p.name).toBe(rows[0].name);
    expect(() => p.phone).toThrow(ColumnNotRead);
    expect(() => p.gridId).toThrow(/Person\.gridId was read by a resolver but not by the plan/);
    p.phone = "123";
    expect(p.phone).toBe("123");
    // Read for every column, nothing throws.
    const full = (await rowsById(s, Person, null, [rows[0].id])).get(
      rows[0].id,
    ) as unknown as Person;
    expect(typeof full.gridId).toBe("string");
  });
});

it("makes a case's row as TypeORM does: every column, the same values and types, a Case", async () => {
  const { rows } = await ownerPool().query<{ district_id: string }>(
    `SELECT d.id AS district_id FROM district d WHERE d.code = 'mingshan'`,
  );
  const scope = {
    districtIds: [rows[0].district_id],
    subject: "mingshan.district_admin",
    role: "district_admin",
  };
  await inTenantTransaction(planned.dataSource, scope, async (m) => {
    // Cases of every status, with and without the optional fields filled.
    const byTypeorm = await m
      .createQueryBuilder(Case, "c")
      .where("c.district_id = :d", { d: scope.districtIds[0] })
      .orderBy("c.status")
      .addOrderBy("c.id")
      .getMany();
    const t = tableOf(m.connection, Case, null, "c");
    const raw: Array<Record<string, unknown>> = await m
      .createQueryBuilder(Case, "c")
      .select(t.select)
      .where("c.district_id = :d", { d: scope.districtIds[0] })
      .orderBy("c.status")
      .addOrderBy("c.id")
      .getRawMany();
    const made = raw.map((r) => t.make(r));
    expect(made.length).toBeGreaterThan(1000);
    expect(made).toStrictEqual(byTypeorm);
  });
});
