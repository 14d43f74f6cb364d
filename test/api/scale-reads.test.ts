import { Client } from "pg";
import { gql, ok, startTestServer, type TestServer } from "../helpers/server";
import { TEST_EPOCH } from "../helpers/clock";
import { asAppIn, asDistrict, closeFactories, ownerPool, tokenFor } from "../factories";
import { buildCaseWorld, hotlineCase, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { ManualClock } from "../../src/common/clock";
import { fromGlobalId } from "../../src/common/ids";
import { COLUMN } from "../../src/modules/cases/case.counters";
import { MEASURES } from "../../src/modules/cases/case.measures";
import { monthsAndDays } from "../../src/common/dates";
import { rebuildPatrolMonths, verifyPatrolMonths } from "../../src/modules/patrols/patrol.months";

/**
 * The reads of a district of a million cases (issue 14) answer as before: the month counters
 * always equal their days, a period's measures add up the same counters however it is cut, a
 * whole district's total is its counters' figure, and a drill-down reads an event log only for
 * the days where the figure does not already say which candidates count. Counted in statements,
 * never timed.
 */
let server: TestServer;
let clock: ManualClock;
let w: CaseWorld;
const HOUR = 3_600_000;
const cols = MEASURES.map((m) => COLUMN[m]);

async function act(mutation: string, input: Record<string, unknown>, token: string) {
  const type = mutation === "recordCallback" ? "CallbackInput" : "CaseNoteInput";
  const res = ok(
    await gql<Record<string, { id: string; version: number }>, Record<string, unknown>>(
      server,
      `mutation($input: ${type}!) { ${mutation}(input: $input) { id version } }`,
      { input },
      token,
    ),
  );
  return res[mutation];
}

/** A call, replied to after `replyAfterHours`, then resolved by the grid. */
async function handled(replyAfterHours: number) {
  clock.advance(60_000);
  let c: { id: string; version: number } = await hotlineCase(server, w);
  clock.advance(replyAfterHours * HOUR);
  c = await act(
    "replyToCase",
    { id: c.id, expectedVersion: c.version, note: "已受理" },
    w.tokens.operator,
  );
  c = await act("takeCaseLead", { id: c.id, expectedVersion: c.version }, w.tokens.worker);
  return act(
    "resolveCase",
    { id: c.id, expectedVersion: c.version, note: "已修好" },
    w.tokens.worker,
  );
}

const ids: string[] = [];

beforeAll(async () => {
  clock = new ManualClock(TEST_EPOCH);
  w = await buildCaseWorld();
  server = await startTestServer({}, { clock });
  // 2026-03-10: one replied on time, one three hours late; then 2026-03-31 late in the evening
  // and 2026-04-01, either side of a month's end (UTC+8).
  ids.push((await handled(0)).id, (await handled(3)).id);
  clock.advance(Date.parse("2026-03-31T23:00:00+08:00") - clock.now().getTime());
  ids.push((await handled(0)).id);
  clock.advance(2 * HOUR);
  ids.push((await hotlineCase(server, w)).id);
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

it("cuts a period into whole calendar months and the days around them", () => {
  expect(monthsAndDays("2026-03-01", "2026-03-31")).toEqual({
    months: ["2026-03-01", "2026-04-01"],
    days: [],
  });
  expect(monthsAndDays("2026-01-31", "2026-04-02")).toEqual({
    months: ["2026-02-01", "2026-04-01"],
    days: [
      ["2026-01-31", "2026-01-31"],
      ["2026-04-01", "2026-04-02"],
    ],
  });
  expect(monthsAndDays("2026-03-05", "2026-03-30")).toEqual({
    months: null,
    days: [["2026-03-05", "2026-03-30"]],
  });
  expect(monthsAndDays("2025-12-15", "2026-01-31")).toEqual({
    months: ["2026-01-01", "2026-02-01"],
    days: [["2025-12-15", "2025-12-31"]],
  });
});

/** The month counters next to their days summed by month, as rows that must be equal. */
const monthsVsDays = (
  q: (sql: string, p?: unknown[]) => Promise<{ rows: unknown[] }>,
  districtId = w.district.id,
) =>
  q(
    `SELECT coalesce(m.level, d.level) AS level, coalesce(m.unit_id, d.unit_id) AS unit,
            to_char(coalesce(m.month, d.month), 'YYYY-MM') AS month,
            ${cols.map((c) => `coalesce(m.${c}, 0) AS m_${c}, coalesce(d.${c}, 0) AS d_${c}`).join(", ")}
       FROM score_counter_month m
       FULL JOIN (SELECT level, unit_id, date_trunc('month', day::timestamp)::date AS month,
                         ${cols.map((c) => `sum(${c})::int AS ${c}`).join(", ")}
                    FROM score_counter WHERE district_id = $1 GROUP BY 1, 2, 3) d
         ON d.level = m.level AND d.unit_id = m.unit_id AND d.month = m.month
      WHERE coalesce(m.district_id, $1) = $1
      ORDER BY 1, 2, 3`,
    [districtId],
  ).then((r) =>
    (r.rows as Array<Record<string, unknown>>).map((row) => ({
      key: `${String(row.level)} ${String(row.unit)} ${String(row.month)}`,
      month: cols.map((c) => row[`m_${c}`]),
      days: cols.map((c) => row[`d_${c}`]),
    })),
  );

it("keeps the month counters equal to their days, whatever changes the day counters", async () => {
  await asDistrict(w.district.id, async (q) => {
    const rows = await monthsVsDays(q);
    // March and April, at the district, its street office, community, grid (and departments none).
    expect(rows.filter((r) => r.key.startsWith("district ")).map((r) => r.key)).toEqual([
      `district ${w.district.id} 2026-03`,
      `district ${w.district.id} 2026-04`,
    ]);
    for (const r of rows) expect(r.month).toEqual(r.days);
    const march = rows.find((r) => r.key === `grid ${w.tree.gridA} 2026-03`)!;
    expect(march.days[cols.indexOf("received")]).toBe(3);
  });
  // An update and a delete of day rows (as a repair would) move their months in the same statement.
  await expect(
    asDistrict(w.district.id, async (q) => {
      await q("UPDATE score_counter SET received = received + 2 WHERE district_id = $1", [
        w.district.id,
      ]);
      await q("DELETE FROM score_counter WHERE district_id = $1 AND day = '2026-04-01'", [
        w.district.id,
      ]);
      for (const r of await monthsVsDays(q)) expect(r.month).toEqual(r.days);
      throw new Error("rolled back");
    }),
  ).rejects.toThrow("rolled back");
});

it("skips the month rollups' work for a statement that changed no day counter", async () => {
  // An upsert whose rows all exist fires the INSERT trigger with no new row (MonthsEarlyReturn).
  const [{ def }] = (
    await ownerPool().query(
      "SELECT pg_get_functiondef('app.score_counter_to_months()'::regprocedure) AS def",
    )
  ).rows as Array<{ def: string }>;
  for (const [branch, rows] of [
    ["IF TG_OP = 'INSERT' THEN", "new_rows"],
    ["ELSIF TG_OP = 'UPDATE' THEN", "new_rows"],
    ["ELSIF TG_OP = 'DELETE' THEN", "old_rows"],
  ])
    expect(def.replace(/\s+/g, " ")).toContain(
      `${branch} IF NOT EXISTS (SELECT FROM ${rows}) THEN RETURN NULL; END IF;`,
    );
  // An upsert of day counters that all exist (INSERT trigger: no row; UPDATE trigger: its rows)
  // moves their months, and an update of no row moves nothing.
  await expect(
    asDistrict(w.district.id, async (q) => {
      const { rows: days } = await q(
        "SELECT level, unit_id, day FROM score_counter WHERE district_id = $1 ORDER BY day LIMIT 3",
        [w.district.id],
      );
      expect(days).toHaveLength(3);
      await q(
        `INSERT INTO score_counter (district_id, id, level, unit_id, day, received)
         SELECT $1, gen_random_uuid(), x.level, x.unit_id, x.day, 5
           FROM jsonb_to_recordset($2::jsonb) AS x(level text, unit_id uuid, day date)
         ON CONFLICT (district_id, level, unit_id, day) DO UPDATE
           SET received = score_counter.received + EXCLUDED.received`,
        [w.district.id, JSON.stringify(days)],
      );
      await q("UPDATE score_counter SET received = 0 WHERE district_id = $1 AND false", [
        w.district.id,
      ]);
      for (const r of await monthsVsDays(q)) expect(r.month).toEqual(r.days);
      throw new Error("rolled back");
    }),
  ).rejects.toThrow("rolled back");
});

it("keeps the months of a history loaded in bulk, as a replica skipping the foreign keys (Mingshan)", async () => {
  const [{ id }] = (await ownerPool().query("SELECT id FROM district WHERE code = 'mingshan'"))
    .rows as Array<{ id: string }>;
  await asDistrict(id, async (q) => {
    const rows = await monthsVsDays(q, id);
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) expect([r.key, r.month]).toEqual([r.key, r.days]);
  });
});

it("sums the same counters for a period of whole months, of days, or both", async () => {
  const MEASURES_Q = `query($from: String!, $to: String!) { measures(level: grid, from: $from, to: $to) {
    unitId ${MEASURES.join(" ")} } }`;
  const byDays = (from: string, to: string) =>
    asDistrict(w.district.id, async (q) => {
      const { rows } = await q(
        `SELECT unit_id, ${cols.map((c) => `sum(${c})::int AS ${c}`).join(", ")} FROM score_counter
          WHERE district_id = $1 AND level = 'grid' AND day BETWEEN $2::date AND $3::date GROUP BY 1`,
        [w.district.id, from, to],
      );
      return new Map(rows.map((r) => [r.unit_id as string, cols.map((c) => r[c] as number)]));
    });
  for (const [from, to] of [
    ["2026-03-01", "2026-03-31"],
    ["2026-03-01", "2026-04-30"],
    ["2026-02-20", "2026-04-01"],
    ["2026-03-10", "2026-03-31"],
  ]) {
    const rows = ok(
      await gql<{ measures: Array<Record<string, number | string>> }, Record<string, string>>(
        server,
        MEASURES_Q,
        { from, to },
        w.tokens.command,
      ),
    ).measures;
    const want = await byDays(from, to);
    for (const r of rows) {
      const unit = fromGlobalId(r.unitId as string)!.id;
      expect([from, unit, MEASURES.map((m) => r[m])]).toEqual([
        from,
        unit,
        want.get(unit) ?? MEASURES.map(() => 0),
      ]);
    }
  }
});

const LIST = `query($first: Int, $status: [CaseStatus!]) {
  cases(first: $first, status: $status) { totalCount edges { node { id } } }
}`;

it("totals a whole district's list from its counters, equal to its cases; a filtered list is counted", async () => {
  const counts = (from: number) =>
    server.statements.slice(from).filter((s) => /count\(/i.test(s)).length;
  let before = server.statements.length;
  const all = ok(
    await gql<{ cases: { totalCount: number } }, Record<string, unknown>>(
      server,
      LIST,
      { first: 1 },
      w.tokens.command,
    ),
  ).cases;
  expect(all.totalCount).toBe(ids.length);
  expect(counts(before)).toBe(0);
  expect(
    server.statements.slice(before).filter((s) => /FROM score_counter s/.test(s)),
  ).toHaveLength(1);
  before = server.statements.length;
  const resolved = ok(
    await gql<{ cases: { totalCount: number } }, Record<string, unknown>>(
      server,
      LIST,
      { first: 1, status: ["resolved"] },
      w.tokens.command,
    ),
  ).cases;
  expect(resolved.totalCount).toBe(3);
  expect(counts(before)).toBe(1);
  // A grid worker sees only some of a district's cases: counted, never the district's figure.
  before = server.statements.length;
  ok(await gql(server, LIST, { first: 1 }, w.tokens.worker));
  expect(server.statements.slice(before).filter((s) => /FROM score_counter s/.test(s))).toEqual([]);
});

it("drills down without reading a log where every candidate counts, and reads it where one may not", async () => {
  const drill = async (measure: string) => {
    const before = server.statements.length;
    const res = ok(
      await gql<
        { measureCases: { total: number; cases: Array<{ id: string }> } },
        Record<string, string>
      >(
        server,
        `query($u: ID!, $m: MeasureName!) { measureCases(level: grid, unitId: $u, measure: $m, from: "2026-03-01", to: "2026-04-30") { total cases { id } } }`,
        { u: gid("Grid", w.tree.gridA), m: measure },
        w.tokens.command,
      ),
    ).measureCases;
    const logs = server.statements
      .slice(before)
      .filter((s) => /SELECT case_id, action, at, data FROM case_event/.test(s)).length;
    return { total: res.total, cases: res.cases.map((c) => c.id), logs };
  };
  // Every resolved candidate is resolved: no log is read.
  expect(await drill("resolved")).toEqual({
    total: 3,
    cases: [ids[2], ids[1], ids[0]],
    logs: 0,
  });
  // On 2026-03-10 two replied and one on time: that day's logs are read, the day after's not.
  expect(await drill("repliedOnTime")).toEqual({ total: 2, cases: [ids[2], ids[0]], logs: 1 });
});

const COVERAGE = `query($level: UnitLevel!, $from: String!, $to: String!) {
  patrolCoverage(level: $level, from: $from, to: $to) {
    unitId patrols patrolDays visits householdsVisited households
  }
}`;

/** The rollups of patrols next to their records recounted, per grid and month (UTC+8). */
const patrolMonthsVsRecords = (
  q: (sql: string, p?: unknown[]) => Promise<{ rows: unknown[] }>,
  districtId: string,
) =>
  q(
    `WITH r AS (
       SELECT grid_id, date_trunc('month', at AT TIME ZONE 'Asia/Shanghai')::date AS month,
              kind, household_id, extract(day FROM at AT TIME ZONE 'Asia/Shanghai')::int AS day
         FROM patrol_record WHERE district_id = $1
     ), want AS (
       SELECT grid_id, month, count(*) FILTER (WHERE kind = 'patrol')::int AS patrols,
              count(*) FILTER (WHERE kind = 'visit')::int AS visits,
              count(DISTINCT household_id)::int AS households_visited,
              coalesce(array_agg(DISTINCT day ORDER BY day) FILTER (WHERE kind = 'patrol'), '{}') AS days,
              coalesce(array_agg(DISTINCT household_id::text ORDER BY household_id::text)
                         FILTER (WHERE household_id IS NOT NULL), '{}') AS households
         FROM r GROUP BY 1, 2
     ), got AS (
       SELECT m.grid_id, m.month, m.patrols, m.visits, m.households_visited,
              ARRAY(SELECT i FROM generate_series(1, 31) i WHERE substring(m.days FROM i FOR 1) = B'1') AS days,
              ARRAY(SELECT v.household_id::text FROM patrol_visit_month v
                     WHERE v.district_id = m.district_id AND v.grid_id = m.grid_id AND v.month = m.month
                     ORDER BY 1) AS households
         FROM patrol_grid_month m WHERE m.district_id = $1
     )
     SELECT coalesce(w.grid_id, g.grid_id) || ' ' || to_char(coalesce(w.month, g.month), 'YYYY-MM') AS key,
            row_to_json(w)::text AS want, row_to_json(g)::text AS got
       FROM want w FULL JOIN got g ON g.grid_id = w.grid_id AND g.month = w.month
      ORDER BY 1`,
    [districtId],
  ).then((r) => r.rows as Array<{ key: string; want: string | null; got: string | null }>);

/**
 * A unit's coverage recounted from the records alone (the definitions of patrol.coverage.ts):
 * `unit` names the unit of a grid row g.
 */
const coverageFromRecords = (districtId: string, unit: string, from: string, to: string) =>
  asDistrict(districtId, async (q) => {
    const { rows } = await q(
      `SELECT ${unit} AS unit, count(*) FILTER (WHERE r.kind = 'patrol')::int AS patrols,
              count(DISTINCT (r.at AT TIME ZONE 'Asia/Shanghai')::date) FILTER (WHERE r.kind = 'patrol')::int AS "patrolDays",
              count(*) FILTER (WHERE r.kind = 'visit')::int AS visits,
              count(DISTINCT r.household_id)::int AS "householdsVisited"
         FROM patrol_record r JOIN grid g ON g.district_id = r.district_id AND g.id = r.grid_id
        WHERE r.district_id = $1 AND r.at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND r.at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
        GROUP BY 1`,
      [districtId, from, to],
    );
    return new Map(rows.map((r) => [r.unit as string, r]));
  });

async function coverageEqualsRecords(
  districtId: string,
  token: string,
  periods: string[][],
): Promise<number> {
  let seen = 0;
  for (const [level, unit] of [
    ["grid", "g.id"],
    ["community", "g.community_id"],
    ["street_office", "g.street_office_id"],
    ["district", "g.district_id"],
  ])
    for (const [from, to] of periods) {
      const rows = ok(
        await gql<
          { patrolCoverage: Array<Record<string, number | string>> },
          Record<string, string>
        >(server, COVERAGE, { level, from, to }, token),
      ).patrolCoverage;
      const want = await coverageFromRecords(districtId, unit, from, to);
      for (const r of rows) {
        const w0 = want.get(fromGlobalId(r.unitId as string)!.id);
        const counts = ["patrols", "patrolDays", "visits", "householdsVisited"];
        expect([level, from, to, r.unitId, counts.map((k) => r[k])]).toEqual([
          level,
          from,
          to,
          r.unitId,
          counts.map((k) => w0?.[k] ?? 0),
        ]);
        if (w0) seen++;
      }
    }
  return seen;
}

it("keeps the patrol months equal to their records, and reads whole months there for the same coverage", async () => {
  const record = async (kind: string, at: string, household?: string) =>
    ok(
      await gql(
        server,
        `mutation($input: RecordPatrolInput!) { recordPatrol(input: $input) { id } }`,
        {
          input: {
            gridId: gid("Grid", w.tree.gridA),
            kind,
            at: new Date(at).toISOString(),
            observation: "楼道通畅",
            ...(household ? { householdId: gid("Household", household) } : {}),
          },
        },
        w.tokens.worker,
      ),
    );
  // Either side of the end of March (UTC+8), a household visited twice in March and again in April.
  await record("patrol", "2026-03-05T10:00:00+08:00");
  await record("patrol", "2026-03-05T15:00:00+08:00");
  await record("visit", "2026-03-20T09:00:00+08:00", w.tree.household1);
  await record("visit", "2026-03-31T23:30:00+08:00", w.tree.household1);
  await record("patrol", "2026-03-31T23:45:00+08:00");
  await record("patrol", "2026-04-01T00:30:00+08:00");
  await record("visit", "2026-04-01T00:40:00+08:00", w.tree.household2);
  await asDistrict(w.district.id, async (q) => {
    const rows = await patrolMonthsVsRecords(q, w.district.id);
    expect(rows.map((r) => r.key)).toEqual([`${w.tree.gridA} 2026-03`, `${w.tree.gridA} 2026-04`]);
    for (const r of rows) expect(JSON.parse(r.got!)).toEqual(JSON.parse(r.want!));
  });
  // An update and a delete of records (as a repair would) recount their months in the statement.
  await expect(
    asDistrict(w.district.id, async (q) => {
      await q(
        `UPDATE patrol_record SET at = at + interval '1 hour' WHERE district_id = $1 AND at = $2`,
        [w.district.id, new Date("2026-03-31T23:30:00+08:00")],
      );
      await q(`DELETE FROM patrol_record WHERE district_id = $1 AND at < $2`, [
        w.district.id,
        new Date("2026-03-06T00:00:00+08:00"),
      ]);
      const rows = await patrolMonthsVsRecords(q, w.district.id);
      for (const r of rows)
        expect([r.key, JSON.parse(r.got!)]).toEqual([r.key, JSON.parse(r.want!)]);
      throw new Error("rolled back");
    }),
  ).rejects.toThrow("rolled back");
  const seen = await coverageEqualsRecords(w.district.id, w.tokens.command, [
    ["2026-03-01", "2026-03-31"],
    ["2026-03-01", "2026-04-30"],
    ["2026-02-20", "2026-04-01"],
    ["2026-03-05", "2026-03-31"],
    ["2026-04-01", "2026-04-01"],
  ]);
  expect(seen).toBeGreaterThan(10);
});

it("keeps the patrol months of a history loaded in bulk (Mingshan), and its coverage by month equals its records'", async () => {
  const [{ id }] = (await ownerPool().query("SELECT id FROM district WHERE code = 'mingshan'"))
    .rows as Array<{ id: string }>;
  const months = await asDistrict(id, async (q) => {
    const rows = await patrolMonthsVsRecords(q, id);
    expect(rows.length).toBeGreaterThan(500);
    for (const r of rows)
      expect([r.key, r.got && JSON.parse(r.got)]).toEqual([r.key, JSON.parse(r.want!)]);
    return [...new Set(rows.map((r) => r.key.slice(-7)))].sort();
  });
  const token = await tokenFor({ district: { code: "mingshan" }, role: "district_admin" });
  const [first] = months;
  const last = (m: string) =>
    new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).toISOString().slice(0, 10);
  expect(
    await coverageEqualsRecords(id, token, [
      [`${first}-01`, last(first)],
      [`${first}-10`, last(months[months.length - 1])],
    ]),
  ).toBeGreaterThan(700);
});

it("keeps patrol months to their district: the server's role in another district's context sees and writes none", async () => {
  const other = await buildCaseWorld();
  const app = new Client({ connectionString: process.env.TEST_APP_DATABASE_URL });
  await app.connect();
  const asApp = <T>(d: string, fn: () => Promise<T>) => asAppIn(app, d, fn);
  const count = async () =>
    (
      await app.query(
        `SELECT (SELECT count(*) FROM patrol_grid_month)::int AS months,
                (SELECT count(*) FROM patrol_visit_month)::int AS visits`,
      )
    ).rows[0] as { months: number; visits: number };
  try {
    // The district that patrolled sees its months (the test above recorded them) ...
    const own = await asApp(w.district.id, count);
    expect(own.months).toBeGreaterThan(0);
    expect(own.visits).toBeGreaterThan(0);
    // ... another district's context, without any WHERE, none of them, and cannot write them.
    expect(await asApp(other.district.id, count)).toEqual({ months: 0, visits: 0 });
    await asApp(other.district.id, async () => {
      const upd = await app.query("UPDATE patrol_grid_month SET patrols = patrols + 1");
      expect(upd.rowCount).toBe(0);
      await expect(
        app.query(
          `INSERT INTO patrol_grid_month (district_id, id, grid_id, month, patrols, visits, days, households_visited)
           VALUES ($1, gen_random_uuid(), $2, '2026-03-01', 1, 0, repeat('0', 31)::bit(31), 0)`,
          [w.district.id, w.tree.gridA],
        ),
      ).rejects.toThrow(/row-level security/);
    });
  } finally {
    await app.end();
  }
});

it("verify-scores finds a patrol month that differs from its records, and --fix recounts it", async () => {
  await expect(
    asDistrict(w.district.id, async (q) => {
      const sql = async (text: string, p?: unknown[]) =>
        (await q(text, p)).rows as Array<Record<string, unknown>>;
      expect(await verifyPatrolMonths(sql, w.district.id)).toEqual([]);
      await q("UPDATE patrol_grid_month SET visits = visits + 1 WHERE district_id = $1", [
        w.district.id,
      ]);
      await q("DELETE FROM patrol_visit_month WHERE district_id = $1 AND month = '2026-04-01'", [
        w.district.id,
      ]);
      const found = await verifyPatrolMonths(sql, w.district.id);
      expect(found).toHaveLength(2);
      expect(found[0]).toContain(`patrol month 2026-03 of grid ${w.tree.gridA}`);
      expect(await rebuildPatrolMonths(sql, w.district.id)).toBe(2);
      expect(await verifyPatrolMonths(sql, w.district.id)).toEqual([]);
      throw new Error("rolled back");
    }),
  ).rejects.toThrow("rolled back");
});
