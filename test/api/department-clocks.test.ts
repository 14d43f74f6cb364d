import { startTestServer, gql, must, mutate, errorCode, type TestServer } from "../helpers/server";
import { closeFactories, ownerPool } from "../factories";
import { buildCaseWorld, hotlineCase, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { ManualClock } from "../../src/common/clock";
import { TEST_EPOCH } from "../helpers/clock";
import { sweepOnce } from "../../src/modules/cases/deadline.sweeper";
import { verifyCounters } from "../../src/modules/cases/case.counters";

/**
 * A department's own clocks (自收到问题件起): each part of an assignment gets its reply and
 * resolution due times from its own receipt, the department replies on its part, the deadline
 * watcher warns and marks the part, and the measures count each department's own timeliness
 * (parts, replied on time, finished on time, breached), so that a department is not charged
 * with the days a case spent before it reached it.
 */
let server: TestServer;
let w: CaseWorld;
let other: CaseWorld;
// Tuesday 10 March 2026, 09:00 in UTC+8.
const clock = new ManualClock(TEST_EPOCH);
const local = (s: string) => new Date(`${s}+08:00`);
type C = { id: string; version: number };

const call = (query: string, variables: Record<string, unknown>, token: string) =>
  must(server, query, variables, token);
const PARTS = `id version resolutionDueAt resolutionDays assignments {
  department { code } role replyDueAt dueAt repliedAt warnedAt replyBreachedAt breachedAt overdue }`;
const act = (name: string, type: string, input: Record<string, unknown>, token: string) =>
  mutate<C & { resolutionDueAt: string; assignments: Array<Record<string, unknown>> }>(
    server,
    token,
    name,
    type,
    input,
    PARTS,
  );
/** The case's version now (the watcher's marks move it too). */
const version = async (id: string) =>
  (
    (await call(`query($id: ID!) { case(id: $id) { version } }`, { id }, w.tokens.command))
      .case as C
  ).version;
const at = (s: string) => {
  clock.set(local(s));
  return local(s);
};
const sweep = (s: string) => sweepOnce(server.dataSource, server.pubSub, at(s), [w.district.id]);
const MEASURES = `query($level: UnitLevel!) { measures(level: $level, from: "2026-03-10", to: "2026-03-10") {
  name parts partsRepliedOnTime partsOnTime partBreaches partReplyRate partOnTimeRate breaches overdueNow } }`;
async function measures(level: string) {
  const d = await call(MEASURES, { level }, w.tokens.admin);
  return (d.measures as Array<Record<string, unknown> & { name: string; parts: number }>).filter(
    (m) => m.parts > 0 || level !== "department",
  );
}

beforeAll(async () => {
  w = await buildCaseWorld();
  other = await buildCaseWorld({ city: w.city });
  server = await startTestServer({}, { clock });
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

test("each part runs on its own clocks from its receipt, and the measures count them", async () => {
  at("2026-03-10T09:00:00");
  let c: C = await hotlineCase(server, w);
  at("2026-03-10T09:10:00");
  c = await act(
    "replyToCase",
    "CaseNoteInput",
    { id: c.id, expectedVersion: c.version, note: "已受理" },
    w.tokens.operator,
  );

  // Assigned on Thursday at 10:00: each part's reply is due at 12:00, its resolution at the end of
  // Tuesday 17 March (Friday, Monday, Tuesday), while the case's stays at the end of Friday.
  at("2026-03-12T10:00:00");
  let d = await act(
    "assignCase",
    "AssignCaseInput",
    {
      id: c.id,
      expectedVersion: c.version,
      assignments: [
        { departmentId: gid("Department", w.housing.id), role: "lead" },
        { departmentId: gid("Department", w.water.id), role: "co" },
      ],
    },
    w.tokens.command,
  );
  expect(d.resolutionDueAt).toBe(local("2026-03-14T00:00:00").toISOString());
  expect(d.assignments).toEqual([
    expect.objectContaining({
      department: { code: "housing" },
      replyDueAt: local("2026-03-12T12:00:00").toISOString(),
      dueAt: local("2026-03-18T00:00:00").toISOString(),
      repliedAt: null,
    }),
    expect.objectContaining({
      department: { code: "water" },
      replyDueAt: local("2026-03-12T12:00:00").toISOString(),
      dueAt: local("2026-03-18T00:00:00").toISOString(),
      repliedAt: null,
    }),
  ]);

  // The lead replies on its part; a second reply of its, or another district's department, is refused.
  at("2026-03-12T11:00:00");
  d = await act(
    "replyToCase",
    "CaseNoteInput",
    { id: d.id, expectedVersion: await version(d.id), note: "已安排人员" },
    w.tokens.housing,
  );
  expect(d.assignments[0].repliedAt).toBe(local("2026-03-12T11:00:00").toISOString());
  const again = await gql(
    server,
    `mutation($i: CaseNoteInput!) { replyToCase(input: $i) { id } }`,
    { i: { id: d.id, expectedVersion: await version(d.id), note: "再次" } } as never,
    w.tokens.housing,
  );
  expect(errorCode(again)).toBe("BAD_USER_INPUT");
  const foreign = await gql(
    server,
    `mutation($i: CaseNoteInput!) { replyToCase(input: $i) { id } }`,
    { i: { id: d.id, expectedVersion: await version(d.id), note: "x" } } as never,
    other.tokens.water,
  );
  expect(errorCode(foreign)).toBe("NOT_FOUND");

  // The co-handler lets its two hours pass: the watcher marks its part only.
  expect(await sweep("2026-03-12T12:00:00")).toMatchObject({
    assignmentReplyBreaches: 1,
    replyBreaches: 0,
    assignmentWarnings: 0,
  });
  at("2026-03-12T12:30:00");
  d = await act(
    "replyToCase",
    "CaseNoteInput",
    { id: d.id, expectedVersion: await version(d.id), note: "收到" },
    w.tokens.water,
  );
  expect(d.assignments.map((a) => [a.repliedAt !== null, a.replyBreachedAt !== null])).toEqual([
    [true, false],
    [true, true],
  ]);

  // The case's own limit passes on Friday night; the departments' parts still run.
  expect(await sweep("2026-03-14T00:00:00")).toMatchObject({ breaches: 1, assignmentBreaches: 0 });
  at("2026-03-16T09:00:00");
  d = await act(
    "reportCaseProgress",
    "ReportProgressInput",
    { id: d.id, expectedVersion: await version(d.id), note: "供水部分已完成", final: true },
    w.tokens.water,
  );

  // Tuesday 20:00, four hours before the parts' due time: the lead's part is warned; at midnight
  // it is breached and overdue, and the department's overdue count says so.
  expect(await sweep("2026-03-17T20:00:00")).toMatchObject({
    assignmentWarnings: 1,
    assignmentBreaches: 0,
  });
  expect(await sweep("2026-03-18T00:00:00")).toMatchObject({
    assignmentBreaches: 1,
    assignmentWarnings: 0,
  });
  const housingNow = (await measures("department")).find((m) => m.name === w.housing.name);
  expect(housingNow?.overdueNow).toBe(1);
  at("2026-03-18T10:00:00");
  const detail = (
    await call(`query($id: ID!) { case(id: $id) { ${PARTS} } }`, { id: d.id }, w.tokens.command)
  ).case as typeof d;
  expect(detail.assignments[0]).toMatchObject({
    overdue: true,
    warnedAt: local("2026-03-17T20:00:00").toISOString(),
    breachedAt: local("2026-03-18T00:00:00").toISOString(),
  });
  const resolved = await act(
    "resolveCase",
    "CaseNoteInput",
    { id: d.id, expectedVersion: detail.version, note: "已修复" },
    w.tokens.housing,
  );
  expect(resolved.assignments[0].breachedAt).not.toBeNull();

  // Each department's own timeliness: the lead replied on time but finished late; the co-handler
  // replied late but finished its part on time. The district counts both parts.
  const byName = Object.fromEntries(
    (await measures("department")).map(({ name, ...m }) => [name, m]),
  );
  expect(byName).toEqual({
    [w.housing.name]: {
      parts: 1,
      partsRepliedOnTime: 1,
      partsOnTime: 0,
      partBreaches: 1,
      partReplyRate: 1,
      partOnTimeRate: 0,
      breaches: 1,
      overdueNow: 0,
    },
    [w.water.name]: {
      parts: 1,
      partsRepliedOnTime: 0,
      partsOnTime: 1,
      partBreaches: 0,
      partReplyRate: 0,
      partOnTimeRate: 1,
      breaches: 1,
      overdueNow: 0,
    },
  });
  expect((await measures("district"))[0]).toMatchObject({
    parts: 2,
    partsRepliedOnTime: 1,
    partsOnTime: 1,
    partBreaches: 1,
    breaches: 1,
  });

  // Departments are ranked on their own parts (no callback yet: satisfaction and effective
  // callback are undefined): housing 100 × 15·1/55 − 100 × (2 supervisions·1 + 1·1 part breach)
  // = −272.73; water 100 × 40·1/55 − 100 × 2·1 = −127.27. On the case's own figures both would
  // score alike (the case was replied on time and breached).
  const board = await call(
    `{ scoreboard(level: department, from: "2026-03-10", to: "2026-03-10") { rows { rank score measures { name } } } }`,
    {},
    w.tokens.admin,
  );
  const ranked = (
    board.scoreboard as { rows: Array<{ rank: number; score: number; measures: { name: string } }> }
  ).rows.filter((r) => r.score !== null);
  expect(ranked.map((r) => [r.measures.name, r.rank, r.score])).toEqual([
    [w.water.name, 1, -127.27],
    [w.housing.name, 2, -272.73],
  ]);

  // The counters kept event by event equal the measures recomputed from the log.
  const client = await ownerPool().connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT set_config('app.district_ids', $1, true)", [`{${w.district.id}}`]);
    const sql = async (q: string, p?: unknown[]) => (await client.query(q, p)).rows;
    expect(await verifyCounters(sql, w.district.id)).toEqual([]);
    await client.query("ROLLBACK");
  } finally {
    client.release();
  }
});
