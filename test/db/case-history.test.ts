import { Client } from "pg";
import { ResolveCaseDocument } from "../generated/graphql";
import { DEMO_CITIES } from "../../src/demo/cities";
import { CASE_HISTORY_TABLES } from "../../src/demo/case-history";
import { loadDemoData } from "../../src/demo/seed";
import { toGlobalId } from "../../src/common/ids";
import { closeFactories, tokenFor } from "../factories";
import { TEST_EPOCH } from "../helpers/clock";
import { lockAgainstWriters } from "../helpers/locks";
import { gql, startTestServer } from "../helpers/server";

/**
 * The month of 12345 history the global set-up loads with the demo data, seen in Mingshan (明山区):
 * its volume and mix, a gapless log whose replay gives every case as it is, the paths off the happy
 * one, and a live server that carries on where the history stops. Read as the owner in the
 * district's tenant context, in one snapshot (other test files' sweeps may append meanwhile).
 */
const DEMO_CODES = DEMO_CITIES.flatMap((c) => c.districts.map((d) => d.code));

let db: Client;
let mingshan: string;
let demoIds: string[];

beforeAll(async () => {
  db = new Client({ connectionString: process.env.TEST_OWNER_DATABASE_URL });
  await db.connect();
  const { rows } = await db.query("SELECT id, code FROM district WHERE code = ANY($1)", [
    DEMO_CODES,
  ]);
  demoIds = rows.map((r) => r.id);
  mingshan = rows.find((r) => r.code === "mingshan")!.id;
});
afterAll(async () => {
  await db.end();
  await closeFactories();
});

/** Where the run's demo history ends (global-setup loads it up to the tests' epoch). */
const HISTORY_END = `'${TEST_EPOCH.toISOString()}'::timestamptz`;

/** The first row of a query with Mingshan's id as $1. */
async function one(sql: string) {
  return (await db.query(sql, [mingshan])).rows[0];
}
async function inMingshan<T>(fn: (q: typeof one) => Promise<T>): Promise<T> {
  await db.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    await db.query("SELECT set_config('app.district_ids', $1, true)", [`{${mingshan}}`]);
    return await fn(one);
  } finally {
    await db.query("ROLLBACK");
  }
}

it("has a month of cases: 10,000–15,000 over 30 days, from every channel, a fifth proactive", async () => {
  await inMingshan(async (one) => {
    const r = await one(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE channel = 'hotline')::float / count(*) AS hotline,
              count(*) FILTER (WHERE channel = 'grid_patrol')::float / count(*) AS patrol,
              count(*) FILTER (WHERE channel = 'community_report')::int AS community,
              count(*) FILTER (WHERE channel = 'resident')::int AS resident,
              (extract(epoch FROM max(received_at) - min(received_at)) / 86400)::float AS span_days,
              count(DISTINCT (received_at AT TIME ZONE 'Asia/Shanghai')::date)::int AS days,
              count(*) FILTER (WHERE received_at > ${HISTORY_END})::int AS future,
              count(DISTINCT grid_id)::int AS grids,
              count(*) FILTER (WHERE grid_id IS NULL OR street_office_id IS NULL)::int AS nowhere
         FROM hotline_case WHERE district_id = $1`,
    );
    expect(r.n).toBeGreaterThanOrEqual(10_000);
    expect(r.n).toBeLessThanOrEqual(15_000);
    expect(r.hotline).toBeGreaterThan(0.5);
    expect(r.patrol).toBeGreaterThanOrEqual(0.15);
    expect(r.patrol).toBeLessThanOrEqual(0.25);
    expect(r.community).toBeGreaterThan(0);
    expect(r.resident).toBeGreaterThan(0);
    expect(r.span_days).toBeGreaterThan(29);
    expect(r.span_days).toBeLessThanOrEqual(30);
    expect(r.days).toBeGreaterThanOrEqual(30);
    expect(r.future).toBe(0);
    expect(r.grids).toBeGreaterThan(500);
    expect(r.nowhere).toBe(0);
    // Few calls at night, the peaks in office hours.
    const hours = await one(
      `SELECT count(*) FILTER (WHERE h BETWEEN 9 AND 10)::float / count(*) FILTER (WHERE h BETWEEN 2 AND 3) AS ratio
         FROM (SELECT extract(hour FROM received_at AT TIME ZONE 'Asia/Shanghai') AS h
                 FROM hotline_case WHERE district_id = $1) x`,
    );
    expect(hours.ratio).toBeGreaterThan(10);
  });
});

it("numbers the district's log 1..n without gaps, and the head says n", async () => {
  await inMingshan(async (one) => {
    const r = await one(
      `SELECT count(*)::int AS n, min(position)::int AS min, max(position)::int AS max,
              count(DISTINCT position)::int AS distinct_positions,
              (SELECT position::int FROM case_log_head WHERE district_id = $1) AS head,
              count(*) FILTER (WHERE at > ${HISTORY_END})::int AS future
         FROM case_event WHERE district_id = $1`,
    );
    expect(r.n).toBeGreaterThan(50_000);
    expect(r).toEqual({
      n: r.n,
      min: 1,
      max: r.n,
      distinct_positions: r.n,
      head: r.n,
      future: 0,
    });
    // In time order: a later position never happened earlier.
    const order = await one(
      `SELECT count(*)::int AS backwards FROM (
         SELECT at < lag(at) OVER (ORDER BY position) AS back FROM case_event WHERE district_id = $1
       ) x WHERE back`,
    );
    expect(order.backwards).toBe(0);
  });
});

it("every case is what replaying its events gives", async () => {
  await inMingshan(async (one) => {
    const r = await one(
      `WITH ev AS (
         SELECT e.case_id,
                count(*) AS events,
                -- One version per transaction: the system's supervision rides with a breach or a return.
                count(*) FILTER (WHERE NOT (e.action = 'supervise' AND e.actor = 'system')) AS versions,
                count(*) FILTER (WHERE e.action = 'create') AS creates,
                min(e.position) FILTER (WHERE e.action = 'create') AS create_position,
                min(e.position) AS first_position,
                max(e.position) AS last_position,
                count(*) FILTER (WHERE e.action = 'callback') AS callbacks,
                max(e.at) FILTER (WHERE e.action = 'callback') AS last_callback,
                -- The case's reply is its first; after it only departments reply, on their own parts.
                min(e.at) FILTER (WHERE e.action = 'reply') AS replied,
                count(*) FILTER (WHERE e.action = 'reply' AND e.actor_role <> 'department') AS replies,
                max(e.at) FILTER (WHERE e.action = 'breach' AND e.data->>'limit' = 'resolution') AS breached,
                max(e.at) FILTER (WHERE e.action = 'breach' AND e.data->>'limit' = 'reply') AS reply_breached,
                count(*) FILTER (WHERE e.action = 'warn') AS warns,
                count(*) FILTER (WHERE e.action = 'rule_return' AND (e.data->>'granted')::boolean) AS returns,
                count(*) FILTER (WHERE e.action = 'callback' AND (e.data->>'redo')::boolean) AS redos,
                count(*) FILTER (WHERE e.action = 'supervise') AS supervisions,
                count(*) FILTER (WHERE e.action = 'escalate') AS escalations,
                max(e.at) AS last_at
           FROM case_event e WHERE e.district_id = $1 GROUP BY e.case_id
       )
       SELECT count(*)::int AS cases,
              count(*) FILTER (WHERE ev.case_id IS NULL)::int AS without_events,
              count(*) FILTER (WHERE c.status <> last.to_status)::int AS wrong_status,
              count(*) FILTER (WHERE c.version <> ev.versions)::int AS wrong_version,
              count(*) FILTER (WHERE ev.creates <> 1 OR ev.create_position <> ev.first_position
                               OR first.at <> c.received_at OR first.actor <> c.created_by)::int AS wrong_create,
              count(*) FILTER (WHERE c.number <> 'MINGSHAN-' || to_char(c.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD')
                               || '-' || lpad(ev.create_position::text, 6, '0'))::int AS wrong_number,
              count(*) FILTER (WHERE c.status IN ('grid_handling', 'street_handling', 'dispatched', 'escalated')
                               AND c.stage <> c.status)::int AS wrong_stage,
              count(*) FILTER (WHERE c.status = 'closed' AND (ev.callbacks = 0 OR c.closed_at <> ev.last_callback))::int AS closed_without_callback,
              count(*) FILTER (WHERE (c.status = 'closed') <> (c.closed_at IS NOT NULL))::int AS wrong_closed_at,
              count(*) FILTER (WHERE c.status = 'resolved' AND c.resolved_at IS NULL)::int AS resolved_without_time,
              count(*) FILTER (WHERE c.replied_at IS DISTINCT FROM ev.replied OR ev.replies > 1)::int AS wrong_reply,
              count(*) FILTER (WHERE c.breached_at IS DISTINCT FROM ev.breached)::int AS wrong_breach,
              count(*) FILTER (WHERE c.reply_breached_at IS DISTINCT FROM ev.reply_breached)::int AS wrong_reply_breach,
              count(*) FILTER (WHERE c.warned_at IS NOT NULL AND ev.warns = 0)::int AS warned_without_event,
              count(*) FILTER (WHERE c.return_count <> ev.returns)::int AS wrong_returns,
              count(*) FILTER (WHERE c.redo_count <> ev.redos)::int AS wrong_redos,
              count(*) FILTER (WHERE c.escalated <> (ev.escalations > 0))::int AS wrong_escalated,
              count(*) FILTER (WHERE c.updated_at <> ev.last_at)::int AS wrong_updated_at,
              count(*) FILTER (WHERE ev.supervisions <> (SELECT count(*) FROM supervision s
                                 WHERE s.district_id = c.district_id AND s.case_id = c.id))::int AS wrong_supervisions,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM case_assignment a
                                 JOIN department d ON d.district_id = a.district_id AND d.id = a.department_id
                                 WHERE a.district_id = c.district_id AND a.case_id = c.id AND a.replied_at IS NOT NULL
                                   AND NOT EXISTS (SELECT 1 FROM case_event r WHERE r.district_id = c.district_id
                                     AND r.case_id = c.id AND r.action = 'reply' AND r.at = a.replied_at
                                     AND r.data->'departments' ? d.code)))::int AS wrong_part_reply,
              count(*) FILTER (WHERE c.supervised <> EXISTS (SELECT 1 FROM supervision s WHERE s.district_id = c.district_id
                                 AND s.case_id = c.id AND s.status = 'open'))::int AS wrong_supervised
         FROM hotline_case c
         LEFT JOIN ev ON ev.case_id = c.id
         LEFT JOIN case_event last ON last.district_id = c.district_id AND last.position = ev.last_position
         LEFT JOIN case_event first ON first.district_id = c.district_id AND first.position = ev.first_position
        WHERE c.district_id = $1`,
    );
    expect(r).toEqual({
      cases: r.cases,
      without_events: 0,
      wrong_status: 0,
      wrong_version: 0,
      wrong_create: 0,
      wrong_number: 0,
      wrong_stage: 0,
      closed_without_callback: 0,
      wrong_closed_at: 0,
      resolved_without_time: 0,
      wrong_reply: 0,
      wrong_breach: 0,
      wrong_reply_breach: 0,
      warned_without_event: 0,
      wrong_returns: 0,
      wrong_redos: 0,
      wrong_escalated: 0,
      wrong_updated_at: 0,
      wrong_supervisions: 0,
      wrong_part_reply: 0,
      wrong_supervised: 0,
    });
    // Each event starts where the case's previous one left it.
    const chain = await one(
      `SELECT count(*)::int AS broken FROM (
         SELECT from_status, lag(to_status) OVER (PARTITION BY case_id ORDER BY position) AS before, action
           FROM case_event WHERE district_id = $1) x
        WHERE action <> 'create' AND from_status IS DISTINCT FROM before`,
    );
    expect(chain.broken).toBe(0);
  });
});

it("keeps assignments and requests in step with the status", async () => {
  await inMingshan(async (one) => {
    const r = await one(
      `SELECT count(*) FILTER (WHERE c.status = 'dispatched' AND (SELECT count(*) FROM case_assignment a
                 WHERE a.district_id = c.district_id AND a.case_id = c.id AND a.role = 'lead' AND a.status = 'assigned') <> 1)::int AS dispatched_without_one_lead,
              count(*) FILTER (WHERE c.status = 'return_requested' AND NOT EXISTS (SELECT 1 FROM case_request q
                 WHERE q.district_id = c.district_id AND q.case_id = c.id AND q.kind = 'return' AND q.status = 'pending'))::int AS return_without_request,
              count(*) FILTER (WHERE c.status NOT IN ('dispatched', 'return_requested') AND EXISTS (SELECT 1 FROM case_request q
                 WHERE q.district_id = c.district_id AND q.case_id = c.id AND q.status = 'pending'))::int AS stray_pending,
              count(*) FILTER (WHERE c.status IN ('received', 'grid_handling', 'street_handling', 'awaiting_dispatch', 'escalated')
                 AND EXISTS (SELECT 1 FROM case_assignment a WHERE a.district_id = c.district_id AND a.case_id = c.id
                 AND a.status = 'assigned'))::int AS stray_assignments,
              (SELECT count(*) FROM case_event e WHERE e.district_id = $1 AND e.action = 'assign')::int AS assign_events,
              (SELECT count(DISTINCT (case_id, assigned_at)) FROM case_assignment WHERE district_id = $1)::int AS assignment_rounds,
              (SELECT count(*) FROM case_event e WHERE e.district_id = $1
                 AND e.action IN ('request_return', 'request_extension'))::int AS request_events,
              (SELECT count(*) FROM case_request WHERE district_id = $1)::int AS requests
         FROM hotline_case c WHERE c.district_id = $1`,
    );
    expect(r).toEqual({
      dispatched_without_one_lead: 0,
      return_without_request: 0,
      stray_pending: 0,
      stray_assignments: 0,
      assign_events: r.assignment_rounds,
      assignment_rounds: r.assign_events,
      request_events: r.requests,
      requests: r.request_events,
    });
  });
});

it("has late, returned, extended, supervised, unsatisfied, escalated and open cases", async () => {
  await inMingshan(async (one) => {
    const r = await one(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE breached_at IS NOT NULL)::float / count(*) AS late,
              count(*) FILTER (WHERE reply_breached_at IS NOT NULL)::int AS late_replies,
              count(*) FILTER (WHERE warned_at IS NOT NULL)::int AS warned,
              count(*) FILTER (WHERE return_count > 0)::int AS returned,
              count(*) FILTER (WHERE return_count > 2)::int AS returned_too_often,
              count(*) FILTER (WHERE satisfaction = 'unsatisfied')::int AS unsatisfied,
              count(*) FILTER (WHERE redo_count > 0)::int AS redone,
              count(*) FILTER (WHERE escalated)::int AS escalated,
              count(*) FILTER (WHERE callback_reached = false)::int AS unreached,
              count(*) FILTER (WHERE status = 'closed' AND received_at < ${HISTORY_END} - interval '10 days')::float
                / count(*) FILTER (WHERE received_at < ${HISTORY_END} - interval '10 days') AS old_closed,
              count(DISTINCT status) FILTER (WHERE status <> 'closed')::int AS open_statuses,
              count(*) FILTER (WHERE status <> 'closed' AND received_at > ${HISTORY_END} - interval '3 days')::int AS recent_open
         FROM hotline_case WHERE district_id = $1`,
    );
    expect(r.late).toBeGreaterThan(0.03);
    expect(r.late).toBeLessThan(0.12);
    expect(r.late_replies).toBeGreaterThan(0);
    expect(r.warned).toBeGreaterThan(0);
    expect(r.returned).toBeGreaterThan(0);
    expect(r.returned_too_often).toBeGreaterThan(0);
    expect(r.unsatisfied).toBeGreaterThan(0);
    expect(r.redone).toBeGreaterThan(0);
    expect(r.escalated).toBeGreaterThan(0);
    expect(r.unreached).toBeGreaterThan(0);
    expect(r.old_closed).toBeGreaterThan(0.97);
    expect(r.open_statuses).toBeGreaterThanOrEqual(5);
    expect(r.recent_open).toBeGreaterThan(100);
    const s = await one(
      `SELECT count(*) FILTER (WHERE trigger = 'breach' AND opened_by = 'system')::int AS breach,
              count(*) FILTER (WHERE trigger = 'returns' AND opened_by = 'system')::int AS returns,
              count(*) FILTER (WHERE trigger = 'inspector' AND opened_by = 'mingshan.inspector')::int AS inspector,
              count(*) FILTER (WHERE status = 'concluded' AND findings IS NOT NULL)::int AS concluded,
              (SELECT count(*) FROM case_request WHERE district_id = $1 AND kind = 'extension')::int AS extensions,
              (SELECT count(*) FROM case_request WHERE district_id = $1 AND kind = 'return' AND status = 'refused')::int AS refused_returns
         FROM supervision WHERE district_id = $1`,
    );
    for (const k of Object.keys(s)) expect({ [k]: s[k] > 0 }).toEqual({ [k]: true });
  });
});

it("no case is due before it was received; breaches come at the due time", async () => {
  await inMingshan(async (one) => {
    const r = await one(
      `SELECT count(*) FILTER (WHERE resolution_due_at <= received_at)::int AS due_before,
              count(*) FILTER (WHERE reply_due_at <> received_at + interval '2 hours')::int AS reply_due,
              count(*) FILTER (WHERE replied_at < received_at OR resolved_at < received_at
                               OR closed_at < resolved_at)::int AS backwards
         FROM hotline_case WHERE district_id = $1`,
    );
    expect(r).toEqual({ due_before: 0, reply_due: 0, backwards: 0 });
    const b = await one(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE at < (data->>'dueAt')::timestamptz)::int AS early,
              count(*) FILTER (WHERE at < (data->>'dueAt')::timestamptz + interval '1 minute')::int AS on_time
         FROM case_event WHERE district_id = $1 AND action = 'breach'`,
    );
    expect(b.n).toBeGreaterThan(0);
    expect(b.early).toBe(0);
    expect(b.on_time / b.n).toBeGreaterThan(0.95);
  });
});

it("loading the demo data again changes no count", async () => {
  const tables = CASE_HISTORY_TABLES;
  const countAll = async () => {
    const { rows } = await db.query(
      tables
        .map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM ${t} WHERE district_id = ANY($1)`)
        .join(" UNION ALL "),
      [demoIds],
    );
    return Object.fromEntries(rows.map((r) => [r.t, r.n]));
  };
  // Hold other writers (a sweep in another test file) while comparing; the seed only reads these
  // tables when it has nothing to add.
  await lockAgainstWriters(db, tables);
  try {
    await db.query("SELECT set_config('app.district_ids', $1, true)", [`{${demoIds.join(",")}}`]);
    const before = await countAll();
    expect(before.hotline_case).toBeGreaterThan(20_000);
    const logged: string[] = [];
    await loadDemoData(process.env.TEST_OWNER_DATABASE_URL!, (m) => logged.push(m));
    expect(await countAll()).toEqual(before);
    expect(logged).toEqual([]);
  } finally {
    await db.query("ROLLBACK");
  }
});

it("the live server carries on: the lead department resolves an open dispatched case", async () => {
  const open = await inMingshan((one) =>
    one(
      `SELECT c.id, c.version, d.code AS department,
              (SELECT position::int FROM case_log_head WHERE district_id = $1) AS head
         FROM hotline_case c
         JOIN case_assignment a ON a.district_id = c.district_id AND a.case_id = c.id
          AND a.role = 'lead' AND a.status = 'assigned'
         JOIN department d ON d.district_id = a.district_id AND d.id = a.department_id
        WHERE c.district_id = $1 AND c.status = 'dispatched'
        ORDER BY c.id LIMIT 1`,
    ),
  );
  expect(open).toBeDefined();
  const server = await startTestServer();
  try {
    const token = await tokenFor(
      { district: { code: "mingshan" }, role: "department" },
      { department: open.department },
    );
    const res = await gql(
      server,
      ResolveCaseDocument,
      {
        input: {
          id: toGlobalId("Case", open.id),
          expectedVersion: open.version,
          note: "已现场处置完毕",
        },
      },
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.resolveCase).toMatchObject({
      status: "resolved",
      version: open.version + 1,
    });
  } finally {
    await server.close();
  }
  const after = await inMingshan((one) =>
    one(
      `SELECT e.position::int AS position, e.action, e.actor FROM case_event e
        WHERE e.district_id = $1 AND e.case_id = '${open.id}' ORDER BY e.position DESC LIMIT 1`,
    ),
  );
  expect(after.action).toBe("resolve");
  expect(after.actor).toBe("mingshan.department");
  expect(after.position).toBeGreaterThan(open.head);
});
