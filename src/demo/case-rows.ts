/**
 * Writes a district's played cases in bulk: the district's log numbered in time order after its
 * current head (so the log stays gapless and a case's number carries its create event's
 * position), then the cases, their parts, requests and supervisions as the rules left them.
 *
 * Each case is encoded as soon as it is played (`add`), and its objects are dropped: only the
 * encoded rows (outside the heap) and each event's time wait for the end, when the log is put in
 * order and the positions and case numbers that depend on it are written with the rows.
 */
import { type ClientBase } from "pg";
import { uuidv7 } from "../common/ids";
import { caseNumber } from "../modules/cases/intake.rules";
import { CaseAction } from "../modules/cases/case.workflow";
import { type BulkMode, CopyBuffer } from "./copy-rows";
import { type Draft } from "./case-world";

export class HistoryWriter {
  private readonly cases: CopyBuffer;
  private readonly assignments: CopyBuffer;
  private readonly requests: CopyBuffer;
  private readonly supervisions: CopyBuffer;
  private readonly engagements: CopyBuffer;
  private readonly events: CopyBuffer;
  /** Each event's time (ms), by the index of its row. */
  private readonly eventAt: number[] = [];
  /** Each case's receipt (ms) and the row of its create event, by the index of its row. */
  private readonly receivedAt: number[] = [];
  private readonly createRow: number[] = [];

  constructor(
    private readonly district: { id: string; code: string },
    /** The district's log head before the history: its events come after. */
    private readonly base: number,
  ) {
    const prefix = `${district.id}\t`;
    this.cases = new CopyBuffer(CASE_COLUMNS, prefix);
    this.assignments = new CopyBuffer(ASSIGNMENT_COLUMNS, prefix);
    this.requests = new CopyBuffer(REQUEST_COLUMNS, prefix);
    this.supervisions = new CopyBuffer(SUPERVISION_COLUMNS, prefix);
    this.engagements = new CopyBuffer(ENGAGEMENT_COLUMNS, prefix);
    this.events = new CopyBuffer(EVENT_COLUMNS, prefix);
  }

  get eventCount(): number {
    return this.events.rows;
  }

  /**
   * A played case, in receipt order. Its events are listed as they were made, which is their
   * order in time (a script never goes back); their place in the district's log comes at `write`.
   */
  add(d: Draft): void {
    const { case: c, assignments, requests, supervisions, engagements } = d.script.state;
    let create = -1;
    for (const e of d.script.events) {
      const t = e.at.getTime();
      this.eventAt.push(t);
      const row = this.events.add({
        id: uuidv7(t),
        case_id: d.id,
        action: e.action,
        actor: e.actor,
        actor_role: e.actorRole,
        from_status: e.from,
        to_status: e.to,
        note: e.note,
        data: e.data,
        at: e.at,
      });
      if (e.action === CaseAction.create) create = row;
    }
    this.receivedAt.push(c.receivedAt.getTime());
    this.createRow.push(create);
    this.cases.add({
      id: d.id,
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
      received_at: c.receivedAt,
      reply_due_at: c.replyDueAt,
      replied_at: c.repliedAt,
      resolution_due_at: c.resolutionDueAt,
      resolution_days: c.resolutionDays,
      resolved_at: c.resolvedAt,
      closed_at: c.closedAt,
      warned_at: c.warnedAt,
      breached_at: c.breachedAt,
      reply_breached_at: c.replyBreachedAt,
      return_count: c.returnCount,
      redo_count: c.redoCount,
      supervised: c.supervised,
      escalated: c.escalated,
      callback_reached: c.callbackReached,
      satisfaction: c.satisfaction,
      resolution: c.resolution,
      created_by: d.createdBy.subject,
      created_at: c.receivedAt,
      updated_at: c.updatedAt,
    });
    for (const a of assignments)
      this.assignments.add({
        id: a.id,
        case_id: d.id,
        department_id: a.departmentId,
        role: a.role,
        status: a.status,
        reply_due_at: a.replyDueAt,
        due_at: a.dueAt,
        replied_at: a.repliedAt,
        report: a.report,
        reported_at: a.reportedAt,
        warned_at: a.warnedAt,
        reply_breached_at: a.replyBreachedAt,
        breached_at: a.breachedAt,
        assigned_at: a.assignedAt,
      });
    for (const r of requests)
      this.requests.add({
        id: r.id,
        case_id: d.id,
        assignment_id: r.assignmentId,
        kind: r.kind,
        reason: r.reason,
        requested_due_at: r.requestedDueAt,
        status: r.status,
        requested_by: r.requestedBy,
        requested_at: r.requestedAt,
        ruled_by: r.ruledBy,
        ruled_at: r.ruledAt,
        ruling_note: r.rulingNote,
      });
    for (const v of supervisions)
      this.supervisions.add({
        id: v.id,
        case_id: d.id,
        trigger: v.trigger,
        reason: v.reason,
        status: v.status,
        findings: v.findings,
        opened_by: v.openedBy,
        opened_at: v.openedAt,
        concluded_by: v.concludedBy,
        concluded_at: v.concludedAt,
      });
    for (const e of engagements)
      this.engagements.add({
        id: e.id,
        case_id: d.id,
        unit_id: e.unitId,
        unit_name: e.unitName,
        ask: e.ask,
        engaged_by: e.engagedBy,
        engaged_at: e.engagedAt,
        result: e.result,
        result_at: e.resultAt,
      });
  }

  /**
   * Writes the cases and the district's log after position `base`, and moves the log's head. The
   * log is in time order; events of one instant in the order of their cases' receipt, and a
   * case's own as they were made (the order they were added in).
   */
  async write(client: ClientBase, mode: BulkMode): Promise<void> {
    const at = this.eventAt;
    const order = Uint32Array.from(at.keys()).sort((a, b) => at[a] - at[b] || a - b);
    const position = new Float64Array(order.length);
    order.forEach((row, i) => (position[row] = this.base + i + 1));
    const { code } = this.district;
    await this.cases.copyTo(client, mode, "hotline_case", {
      column: ["number", "text"],
      order: Uint32Array.from(this.receivedAt.keys()),
      value: (k) => caseNumber(code, new Date(this.receivedAt[k]), position[this.createRow[k]]),
    });
    await this.assignments.copyTo(client, mode, "case_assignment");
    await this.requests.copyTo(client, mode, "case_request");
    await this.supervisions.copyTo(client, mode, "supervision");
    await this.engagements.copyTo(client, mode, "case_unit_engagement");
    await this.events.copyTo(client, mode, "case_event", {
      column: ["position", "bigint"],
      order,
      value: (row) => String(position[row]),
    });
    await client.query(
      `INSERT INTO case_log_head (district_id, id, position) VALUES ($1, $2, $3)
       ON CONFLICT (district_id) DO UPDATE SET position = EXCLUDED.position`,
      [this.district.id, uuidv7(), this.base + order.length],
    );
  }
}

const CASE_COLUMNS = [
  ["id", "uuid"],
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
