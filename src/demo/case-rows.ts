/**
 * Writes a district's played cases in bulk: the district's log numbered in time order after its
 * current head (so the log stays gapless and a case's number carries its create event's
 * position), then the cases, their parts, requests and supervisions as the rules left them.
 */
import { type ClientBase } from "pg";
import { uuidv7 } from "../common/ids";
import { caseNumber } from "../modules/cases/intake.rules";
import { CaseAction } from "../modules/cases/case.workflow";
import { type ScriptEvent } from "./case-script";
import { type Draft } from "./case-world";

/** Rows per statement: few round trips, modest memory. */
const CHUNK = 4000;

async function insertRows(
  client: ClientBase,
  districtId: string,
  table: string,
  columns: ReadonlyArray<readonly [string, string]>,
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  const names = columns.map(([c]) => `"${c}"`);
  const sql = `INSERT INTO ${table} (district_id, ${names.join(", ")})
    SELECT $1, ${names.map((n) => `x.${n}`).join(", ")}
      FROM jsonb_to_recordset($2::jsonb) AS x(${columns.map(([c, t]) => `"${c}" ${t}`).join(", ")})`;
  for (let i = 0; i < rows.length; i += CHUNK)
    await client.query(sql, [districtId, JSON.stringify(rows.slice(i, i + CHUNK))]);
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/**
 * Writes the drafts' cases and the district's log after position `base`, and moves the log's head.
 * Returns the number of events written.
 */
export async function writeHistory(
  client: ClientBase,
  district: { id: string; code: string },
  base: number,
  drafts: readonly Draft[],
): Promise<number> {
  const districtId = district.id;
  // The district's log: every event in time order (a case's own in the order they were made).
  const all: Array<{ d: number; e: ScriptEvent }> = [];
  drafts.forEach((d, i) => {
    for (const e of d.script.events) all.push({ d: i, e });
  });
  all.sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.d - b.d || a.e.seq - b.e.seq);
  const createPosition = new Array<number>(drafts.length);
  all.forEach(({ d, e }, i) => {
    if (e.action === CaseAction.create) createPosition[d] = base + i + 1;
  });

  const caseRows = drafts.map((d, i) => {
    const c = d.script.state.case;
    return {
      id: d.id,
      number: caseNumber(district.code, c.receivedAt, createPosition[i]),
      channel: d.channel,
      category_id: d.category.id,
      line_of_work: d.category.lineOfWork,
      urgency: d.urgent ? "urgent" : "normal",
      description: d.description,
      street_office_id: d.grid.streetOfficeId,
      grid_id: d.grid.id,
      compound_id: d.compoundId,
      building_id: d.buildingId,
      address: d.address,
      latitude: d.latitude,
      longitude: d.longitude,
      complainant_name: d.complainantName,
      complainant_phone: d.complainantPhone,
      status: c.status,
      stage: c.stage,
      version: c.version,
      received_at: iso(c.receivedAt),
      reply_due_at: iso(c.replyDueAt),
      replied_at: iso(c.repliedAt),
      resolution_due_at: iso(c.resolutionDueAt),
      resolution_days: c.resolutionDays,
      resolved_at: iso(c.resolvedAt),
      closed_at: iso(c.closedAt),
      warned_at: iso(c.warnedAt),
      breached_at: iso(c.breachedAt),
      reply_breached_at: iso(c.replyBreachedAt),
      return_count: c.returnCount,
      redo_count: c.redoCount,
      supervised: c.supervised,
      escalated: c.escalated,
      callback_reached: c.callbackReached,
      satisfaction: c.satisfaction,
      resolution: c.resolution,
      created_by: d.createdBy.subject,
      created_at: iso(c.receivedAt),
      updated_at: iso(c.updatedAt),
    };
  });
  await insertRows(client, districtId, "hotline_case", CASE_COLUMNS, caseRows);
  await insertRows(
    client,
    districtId,
    "case_assignment",
    ASSIGNMENT_COLUMNS,
    drafts.flatMap((d) =>
      d.script.state.assignments.map((a) => ({
        id: a.id,
        case_id: d.id,
        department_id: a.departmentId,
        role: a.role,
        status: a.status,
        reply_due_at: iso(a.replyDueAt),
        due_at: iso(a.dueAt),
        replied_at: iso(a.repliedAt),
        report: a.report,
        reported_at: iso(a.reportedAt),
        warned_at: iso(a.warnedAt),
        reply_breached_at: iso(a.replyBreachedAt),
        breached_at: iso(a.breachedAt),
        assigned_at: iso(a.assignedAt),
      })),
    ),
  );
  await insertRows(
    client,
    districtId,
    "case_request",
    REQUEST_COLUMNS,
    drafts.flatMap((d) =>
      d.script.state.requests.map((r) => ({
        id: r.id,
        case_id: d.id,
        assignment_id: r.assignmentId,
        kind: r.kind,
        reason: r.reason,
        requested_due_at: iso(r.requestedDueAt),
        status: r.status,
        requested_by: r.requestedBy,
        requested_at: iso(r.requestedAt),
        ruled_by: r.ruledBy,
        ruled_at: iso(r.ruledAt),
        ruling_note: r.rulingNote,
      })),
    ),
  );
  await insertRows(
    client,
    districtId,
    "supervision",
    SUPERVISION_COLUMNS,
    drafts.flatMap((d) =>
      d.script.state.supervisions.map((s) => ({
        id: s.id,
        case_id: d.id,
        trigger: s.trigger,
        reason: s.reason,
        status: s.status,
        findings: s.findings,
        opened_by: s.openedBy,
        opened_at: iso(s.openedAt),
        concluded_by: s.concludedBy,
        concluded_at: iso(s.concludedAt),
      })),
    ),
  );
  await insertRows(
    client,
    districtId,
    "case_unit_engagement",
    ENGAGEMENT_COLUMNS,
    drafts.flatMap((d) =>
      d.script.state.engagements.map((e) => ({
        id: e.id,
        case_id: d.id,
        unit_id: e.unitId,
        unit_name: e.unitName,
        ask: e.ask,
        engaged_by: e.engagedBy,
        engaged_at: iso(e.engagedAt),
        result: e.result,
        result_at: iso(e.resultAt),
      })),
    ),
  );
  await insertRows(
    client,
    districtId,
    "case_event",
    EVENT_COLUMNS,
    all.map(({ d, e }, i) => ({
      id: uuidv7(e.at.getTime()),
      position: base + i + 1,
      case_id: drafts[d].id,
      action: e.action,
      actor: e.actor,
      actor_role: e.actorRole,
      from_status: e.from,
      to_status: e.to,
      note: e.note,
      data: e.data,
      at: iso(e.at),
    })),
  );
  await client.query(
    `INSERT INTO case_log_head (district_id, id, position) VALUES ($1, $2, $3)
     ON CONFLICT (district_id) DO UPDATE SET position = EXCLUDED.position`,
    [districtId, uuidv7(), base + all.length],
  );
  return all.length;
}

const CASE_COLUMNS = [
  ["id", "uuid"],
  ["number", "text"],
  ["channel", "text"],
  ["category_id", "uuid"],
  ["line_of_work", "text"],
  ["urgency", "text"],
  ["description", "text"],
  ["street_office_id", "uuid"],
  ["grid_id", "uuid"],
  ["compound_id", "uuid"],
  ["building_id", "uuid"],
  ["address", "text"],
  ["latitude", "double precision"],
  ["longitude", "double precision"],
  ["complainant_name", "text"],
  ["complainant_phone", "text"],
  ["status", "text"],
  ["stage", "text"],
  ["version", "integer"],
  ["received_at", "timestamptz"],
  ["reply_due_at", "timestamptz"],
  ["replied_at", "timestamptz"],
  ["resolution_due_at", "timestamptz"],
  ["resolution_days", "smallint"],
  ["resolved_at", "timestamptz"],
  ["closed_at", "timestamptz"],
  ["warned_at", "timestamptz"],
  ["breached_at", "timestamptz"],
  ["reply_breached_at", "timestamptz"],
  ["return_count", "integer"],
  ["redo_count", "integer"],
  ["supervised", "boolean"],
  ["escalated", "boolean"],
  ["callback_reached", "boolean"],
  ["satisfaction", "text"],
  ["resolution", "text"],
  ["created_by", "text"],
  ["created_at", "timestamptz"],
  ["updated_at", "timestamptz"],
] as const;
const ASSIGNMENT_COLUMNS = [
  ["id", "uuid"],
  ["case_id", "uuid"],
  ["department_id", "uuid"],
  ["role", "text"],
  ["status", "text"],
  ["reply_due_at", "timestamptz"],
  ["due_at", "timestamptz"],
  ["replied_at", "timestamptz"],
  ["report", "text"],
  ["reported_at", "timestamptz"],
  ["warned_at", "timestamptz"],
  ["reply_breached_at", "timestamptz"],
  ["breached_at", "timestamptz"],
  ["assigned_at", "timestamptz"],
] as const;
const REQUEST_COLUMNS = [
  ["id", "uuid"],
  ["case_id", "uuid"],
  ["assignment_id", "uuid"],
  ["kind", "text"],
  ["reason", "text"],
  ["requested_due_at", "timestamptz"],
  ["status", "text"],
  ["requested_by", "text"],
  ["requested_at", "timestamptz"],
  ["ruled_by", "text"],
  ["ruled_at", "timestamptz"],
  ["ruling_note", "text"],
] as const;
const SUPERVISION_COLUMNS = [
  ["id", "uuid"],
  ["case_id", "uuid"],
  ["trigger", "text"],
  ["reason", "text"],
  ["status", "text"],
  ["findings", "text"],
  ["opened_by", "text"],
  ["opened_at", "timestamptz"],
  ["concluded_by", "text"],
  ["concluded_at", "timestamptz"],
] as const;
const ENGAGEMENT_COLUMNS = [
  ["id", "uuid"],
  ["case_id", "uuid"],
  ["unit_id", "uuid"],
  ["unit_name", "text"],
  ["ask", "text"],
  ["engaged_by", "text"],
  ["engaged_at", "timestamptz"],
  ["result", "text"],
  ["result_at", "timestamptz"],
] as const;
const EVENT_COLUMNS = [
  ["id", "uuid"],
  ["position", "bigint"],
  ["case_id", "uuid"],
  ["action", "text"],
  ["actor", "text"],
  ["actor_role", "text"],
  ["from_status", "text"],
  ["to_status", "text"],
  ["note", "text"],
  ["data", "jsonb"],
  ["at", "timestamptz"],
] as const;
