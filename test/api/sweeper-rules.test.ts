import { startTestServer, mutate, type TestServer } from "../helpers/server";
import { asDistrict, closeFactories } from "../factories";
import { buildCaseWorld, hotlineCase, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { ManualClock } from "../../src/common/clock";
import { fromGlobalId } from "../../src/common/ids";
import { TEST_EPOCH } from "../helpers/clock";
import { inTenantTransaction } from "../../src/db/tenant";
import { sweepOnce } from "../../src/modules/cases/deadline.sweeper";
import { loadCase, policyOf } from "../../src/modules/cases/case.store";
import { marksDue, type Mark } from "../../src/modules/cases/case.deadlines";

/**
 * The deadline watcher's SQL only finds candidates; the rules (marksDue) decide. On cases placed
 * on every side of each limit, one sweep makes exactly the marks the rules say are due, in their
 * order, and a second sweep at the same instant makes none.
 */
let server: TestServer;
let w: CaseWorld;
const clock = new ManualClock(TEST_EPOCH);
const MIN = 60_000;

type C = { id: string; version: number };
const act = (name: string, type: string, input: Record<string, unknown>, token: string) =>
  mutate<C>(server, token, name, type, input);
const uuid = (c: C) => fromGlobalId(c.id)!.id;
const set = (sql: string, params: unknown[]) => asDistrict(w.district.id, (q) => q(sql, params));

beforeAll(async () => {
  w = await buildCaseWorld();
  server = await startTestServer({}, { clock });
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

test("one sweep makes exactly the marks the rules find due", async () => {
  const T = clock.now();
  const made: Record<string, C> = {};
  // Unreplied, due in three days: only the reply breach (its 2 hours are moved into the past).
  made.unreplied = await hotlineCase(server, w);
  // Replied; resolution due in two hours (inside the 240-minute warning), at the instant, or past.
  for (const [name, dueMin] of [
    ["warned", 120],
    ["dueNow", 0],
    ["pastDue", -1],
    ["notYet", 300],
  ] as const) {
    const c = await hotlineCase(server, w);
    made[name] = await act(
      "replyToCase",
      "CaseNoteInput",
      { id: c.id, expectedVersion: c.version, note: "已受理" },
      w.tokens.operator,
    );
    await set("UPDATE hotline_case SET resolution_due_at = $2 WHERE id = $1", [
      uuid(c),
      new Date(T.getTime() + dueMin * MIN),
    ]);
  }
  // Dispatched and replied, by the case's handler and by the department on its part: one
  // department clock at a time is placed, the case's are not due.
  const dispatched = async () => {
    let d: C = await hotlineCase(server, w);
    d = await act(
      "replyToCase",
      "CaseNoteInput",
      { id: d.id, expectedVersion: d.version, note: "已受理" },
      w.tokens.operator,
    );
    d = await act(
      "assignCase",
      "AssignCaseInput",
      {
        id: d.id,
        expectedVersion: d.version,
        assignments: [{ departmentId: gid("Department", w.housing.id), role: "lead" }],
      },
      w.tokens.command,
    );
    return d;
  };
  const partReplied = async (d: C) =>
    act(
      "replyToCase",
      "CaseNoteInput",
      { id: d.id, expectedVersion: d.version, note: "已收到" },
      w.tokens.housing,
    );
  // The lead's own due time has passed (the case's has not).
  made.departmentLate = await partReplied(await dispatched());
  await set("UPDATE case_assignment SET due_at = $2 WHERE case_id = $1", [
    uuid(made.departmentLate),
    new Date(T.getTime() - MIN),
  ]);
  // The lead's own due time is two hours away.
  made.departmentNear = await partReplied(await dispatched());
  await set("UPDATE case_assignment SET due_at = $2 WHERE case_id = $1", [
    uuid(made.departmentNear),
    new Date(T.getTime() + 120 * MIN),
  ]);
  // The lead has not replied on its part, and its two hours have passed.
  made.departmentSilent = await dispatched();
  await set("UPDATE case_assignment SET reply_due_at = $2 WHERE case_id = $1", [
    uuid(made.departmentSilent),
    new Date(T.getTime() - MIN),
  ]);
  await set("UPDATE hotline_case SET reply_due_at = $2 WHERE id = $1", [
    uuid(made.unreplied),
    new Date(T.getTime() - MIN),
  ]);

  const scope = { districtIds: [w.district.id], subject: "system", role: "system" };
  const expected = await inTenantTransaction(server.dataSource, scope, async (m) => {
    const policy = await policyOf(m, w.district.id);
    const out: Record<string, string[]> = {};
    for (const [name, c] of Object.entries(made)) {
      const { state } = await loadCase(m, w.district.id, uuid(c), false);
      out[name] = marksDue(state, T, policy).map((k: Mark) => k.kind);
    }
    return out;
  });
  expect(expected).toEqual({
    unreplied: ["reply_breach"],
    warned: ["warning"],
    dueNow: ["breach"],
    pastDue: ["breach"],
    notYet: [],
    departmentLate: ["assignment_breach"],
    departmentNear: ["assignment_warning"],
    departmentSilent: ["assignment_reply_breach"],
  });

  const result = await sweepOnce(server.dataSource, server.pubSub, T, [w.district.id]);
  const all = Object.values(expected).flat();
  expect(result).toEqual({
    breaches: all.filter((k) => k === "breach").length,
    replyBreaches: all.filter((k) => k === "reply_breach").length,
    warnings: all.filter((k) => k === "warning").length,
    assignmentBreaches: all.filter((k) => k === "assignment_breach").length,
    assignmentReplyBreaches: all.filter((k) => k === "assignment_reply_breach").length,
    assignmentWarnings: all.filter((k) => k === "assignment_warning").length,
  });
  expect(result.assignmentWarnings * result.assignmentReplyBreaches).toBe(1);
  // Each case's log got exactly those marks.
  for (const [name, c] of Object.entries(made)) {
    const rows = (await set(
      `SELECT action, data->>'limit' AS "limit" FROM case_event WHERE case_id = $1 AND actor = 'system' AND action IN ('warn', 'breach') ORDER BY position`,
      [uuid(c)],
    )) as unknown as { rows: Array<{ action: string; limit: string }> };
    const kinds = rows.rows.map(
      (e) =>
        (<Record<string, string>>{
          "warn:resolution": "warning",
          "warn:assignment": "assignment_warning",
          "breach:resolution": "breach",
          "breach:reply": "reply_breach",
          "breach:assignment": "assignment_breach",
          "breach:assignment_reply": "assignment_reply_breach",
        })[`${e.action}:${e.limit}`],
    );
    expect([name, kinds.sort()]).toEqual([name, [...expected[name]].sort()]);
  }
  expect(await sweepOnce(server.dataSource, server.pubSub, T, [w.district.id])).toEqual({
    breaches: 0,
    replyBreaches: 0,
    warnings: 0,
    assignmentBreaches: 0,
    assignmentReplyBreaches: 0,
    assignmentWarnings: 0,
  });
});
