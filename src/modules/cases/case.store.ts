import { type EntityManager } from "typeorm";
import { conflict, notFound } from "../../common/errors";
import { Case } from "./case.entity";
import { CaseAssignment, CaseRequest } from "./assignment.entity";
import { type CaseEvent } from "./case-event.entity";
import { Supervision } from "./supervision.entity";
import { appendEvent } from "./case.events";
import {
  type AssignmentRecord,
  type CasePolicy,
  type CaseRecord,
  type CaseState,
  type EventDraft,
} from "./case.state";
import { ruleSettingsOf } from "./settings.service";
import { HandlingRule } from "./settings.entity";
import { CaseUnitEngagement } from "./engagement.entity";
import { extend } from "../../common/objects";

/**
 * A case's state in and out of the database: the services read it under the case's row lock,
 * hand it to the rules (case.rules.ts, case.deadlines.ts) and write back what changed, with the
 * events, in the caller's transaction.
 */

/** The case's workflow fields of a row (the rest never changes by rule). */
const CASE_FIELDS = [
  "status",
  "stage",
  "repliedAt",
  "resolutionDueAt",
  "resolvedAt",
  "closedAt",
  "warnedAt",
  "breachedAt",
  "replyBreachedAt",
  "returnCount",
  "redoCount",
  "supervised",
  "escalated",
  "callbackReached",
  "satisfaction",
  "resolution",
] as const;

function recordOf(c: Case): CaseRecord {
  return {
    districtId: c.districtId,
    id: c.id,
    version: c.version,
    receivedAt: c.receivedAt,
    replyDueAt: c.replyDueAt,
    resolutionDays: c.resolutionDays,
    updatedAt: c.updatedAt,
    ...Object.fromEntries(CASE_FIELDS.map((f) => [f, c[f]])),
  } as CaseRecord;
}

/**
 * Reads a case and its rows. `lock`: the row lock that makes concurrent actions on one case take
 * turns (the second then sees the first's version and gets a plain CONFLICT, having done nothing).
 */
export async function loadCase(
  m: EntityManager,
  districtId: string,
  id: string,
  lock: boolean,
): Promise<{ row: Case; state: CaseState }> {
  const row = await m.findOne(Case, {
    where: { districtId, id },
    ...(lock ? { lock: { mode: "pessimistic_write" as const } } : {}),
  });
  if (!row) throw notFound("no such case in your district");
  // One statement at a time: the transaction's connection runs them in turn anyway.
  const assignments = (await m.query(
    `SELECT a.id, a.department_id AS "departmentId", d.code AS "departmentCode", a.role, a.status,
              a.reply_due_at AS "replyDueAt", a.due_at AS "dueAt", a.replied_at AS "repliedAt",
              a.report, a.reported_at AS "reportedAt", a.warned_at AS "warnedAt",
              a.reply_breached_at AS "replyBreachedAt", a.breached_at AS "breachedAt",
              a.assigned_at AS "assignedAt"
         FROM case_assignment a JOIN department d ON d.district_id = a.district_id AND d.id = a.department_id
        WHERE a.district_id = $1 AND a.case_id = $2 ORDER BY a.assigned_at, a.id`,
    [districtId, id],
  )) as AssignmentRecord[];
  const requests = await m.find(CaseRequest, {
    where: { districtId, caseId: id },
    order: { requestedAt: "ASC" },
  });
  const supervisions = await m.find(Supervision, {
    where: { districtId, caseId: id },
    order: { openedAt: "ASC" },
  });
  const engagements = await m.find(CaseUnitEngagement, {
    where: { districtId, caseId: id },
    order: { engagedAt: "ASC", id: "ASC" },
  });
  return {
    row,
    state: {
      case: recordOf(row),
      assignments,
      requests: requests.map(({ districtId: _d, caseId: _c, ...r }) => r),
      supervisions: supervisions.map(({ districtId: _d, caseId: _c, ...v }) => v),
      engagements: engagements.map(({ districtId: _d, caseId: _c, ...e }) => e),
    },
  };
}

/** The district's settings the rules read, with its calendar (one statement). */
export async function policyOf(m: EntityManager, districtId: string): Promise<CasePolicy> {
  const { setting: s, calendar } = await ruleSettingsOf(m, districtId);
  return {
    maxReturns: s.maxReturns,
    warningMinutes: s.warningMinutes,
    superviseOnUnsatisfied: s.superviseOnUnsatisfied,
    maxRedos: s.maxRedos,
    replyHours: s.replyHours,
    calendar,
    gridMayResolve: s.handlingRule === HandlingRule.grid_may_resolve,
  };
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

/** The rows of `after` that are new, and those whose given fields changed (with those fields). */
function changes<T extends { id: string }, K extends keyof T>(
  before: T[],
  after: T[],
  fields: readonly K[],
) {
  const old = new Map(before.map((r) => [r.id, r]));
  return {
    added: after.filter((r) => !old.has(r.id)),
    changed: after
      .filter((r) => {
        const o = old.get(r.id);
        return o !== undefined && fields.some((f) => !same(o[f], r[f]));
      })
      .map((r) => ({ id: r.id, set: Object.fromEntries(fields.map((f) => [f, r[f]])) })),
  };
}

/**
 * Writes what the rules changed, then appends the events (whose counters read the updated row).
 * The case's update is conditional on the version read: a change that slipped in between is a
 * CONFLICT, and the caller's transaction rolls back whole.
 */
export async function saveCase(
  m: EntityManager,
  before: CaseState,
  after: CaseState,
  drafts: EventDraft[],
): Promise<CaseEvent[]> {
  const { districtId, id } = after.case;
  const res = await m
    .createQueryBuilder()
    .update(Case)
    .set(
      extend(Object.fromEntries(CASE_FIELDS.map((f) => [f, after.case[f]])), {
        version: after.case.version,
        updatedAt: after.case.updatedAt,
      }),
    )
    .where("district_id = :d AND id = :id AND version = :v", {
      d: districtId,
      id,
      v: before.case.version,
    })
    .execute();
  if (!res.affected) throw conflict("the case changed while this action ran: read it again");
  await saveRows(m, districtId, id, before, after);
  const events: CaseEvent[] = [];
  for (const e of drafts) events.push(await appendEvent(m, after.case, e));
  return events;
}

async function saveRows(
  m: EntityManager,
  districtId: string,
  caseId: string,
  before: CaseState,
  after: CaseState,
): Promise<void> {
  const keys = { districtId, caseId };
  const a = changes(before.assignments, after.assignments, [
    "status",
    "dueAt",
    "repliedAt",
    "report",
    "reportedAt",
    "warnedAt",
    "replyBreachedAt",
    "breachedAt",
  ]);
  const q = changes(before.requests, after.requests, [
    "status",
    "ruledBy",
    "ruledAt",
    "rulingNote",
  ]);
  const v = changes(before.supervisions, after.supervisions, [
    "status",
    "findings",
    "concludedBy",
    "concludedAt",
  ]);
  const e = changes(before.engagements, after.engagements, ["result", "resultAt"]);
  // Changes first, then new rows: a step that rules a request and asks a new one, or concludes a
  // supervision and opens another, must not meet the one-pending and one-open unique indexes.
  for (const r of a.changed) await m.update(CaseAssignment, { districtId, id: r.id }, r.set);
  for (const r of q.changed) await m.update(CaseRequest, { districtId, id: r.id }, r.set);
  for (const r of v.changed) await m.update(Supervision, { districtId, id: r.id }, r.set);
  for (const r of e.changed) await m.update(CaseUnitEngagement, { districtId, id: r.id }, r.set);
  if (a.added.length)
    await m.insert(
      CaseAssignment,
      a.added.map(({ departmentCode: _code, ...r }) => extend(keys, r)) as never,
    );
  if (q.added.length) await m.insert(CaseRequest, q.added.map((r) => extend(keys, r)) as never);
  if (v.added.length) await m.insert(Supervision, v.added.map((r) => extend(keys, r)) as never);
  if (e.added.length)
    await m.insert(CaseUnitEngagement, e.added.map((r) => extend(keys, r)) as never);
}
