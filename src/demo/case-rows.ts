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
import { CopyBuffer } from "./copy-buffer";
import { type BulkMode, copyTo } from "./copy-rows";
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
    const id = district.id;
    this.cases = new CopyBuffer(CASE_COLUMNS, id, { ordered: true, lead: true });
    this.assignments = new CopyBuffer(ASSIGNMENT_COLUMNS, id);
    this.requests = new CopyBuffer(REQUEST_COLUMNS, id);
    this.supervisions = new CopyBuffer(SUPERVISION_COLUMNS, id);
    this.engagements = new CopyBuffer(ENGAGEMENT_COLUMNS, id);
    this.events = new CopyBuffer(EVENT_COLUMNS, id, { ordered: true });
  }

  get eventCount(): number {
    return this.events.rows;
  }

  /**
   * A played case, in receipt order. Its events are listed as they were made, which is their
   * order in time (a script never goes back); their place in the district's log comes at `write`.
   * Each row is written field by field in its table's column order (the lists below).
   */
  add(d: Draft): void {
    const { case: c, assignments, requests, supervisions, engagements } = d.script.state;
    let create = -1;
    for (const e of d.script.events) {
      const t = e.at.getTime();
      this.eventAt.push(t);
      const row = this.events
        .begin()
        .uuid(uuidv7(t))
        .slot()
        .uuid(d.id)
        .text(e.action)
        .text(e.actor)
        .text(e.actorRole)
        .text(e.from)
        .text(e.to)
        .text(e.note)
        .json(e.data)
        .time(t)
        .end();
      if (e.action === CaseAction.create) create = row;
    }
    this.receivedAt.push(c.receivedAt.getTime());
    this.createRow.push(create);
    this.cases
      .begin()
      .uuid(d.id)
      .text(d.channel)
      .uuid(d.category.id)
      .text(d.category.lineOfWork)
      .text(d.urgent ? "urgent" : "normal")
      .text(d.description)
      .uuid(d.grid.streetOfficeId)
      .uuid(d.grid.id)
      .uuid(d.compoundId)
      .uuid(d.buildingId)
      .text(d.address)
      .float8(d.latitude)
      .float8(d.longitude)
      .text(d.complainantName)
      .text(d.complainantPhone)
      .text(c.status)
      .text(c.stage)
      .int4(c.version)
      .time(c.receivedAt)
      .time(c.replyDueAt)
      .time(c.repliedAt)
      .time(c.resolutionDueAt)
      .int2(c.resolutionDays)
      .time(c.resolvedAt)
      .time(c.closedAt)
      .time(c.warnedAt)
      .time(c.breachedAt)
      .time(c.replyBreachedAt)
      .int4(c.returnCount)
      .int4(c.redoCount)
      .bool(c.supervised)
      .bool(c.escalated)
      .bool(c.callbackReached)
      .text(c.satisfaction)
      .text(c.resolution)
      .text(d.createdBy.subject)
      .time(c.receivedAt)
      .time(c.updatedAt)
      .end();
    for (const a of assignments)
      this.assignments
        .begin()
        .uuid(a.id)
        .uuid(d.id)
        .uuid(a.departmentId)
        .text(a.role)
        .text(a.status)
        .time(a.replyDueAt)
        .time(a.dueAt)
        .time(a.repliedAt)
        .text(a.report)
        .time(a.reportedAt)
        .time(a.warnedAt)
        .time(a.replyBreachedAt)
        .time(a.breachedAt)
        .time(a.assignedAt)
        .end();
    for (const r of requests)
      this.requests
        .begin()
        .uuid(r.id)
        .uuid(d.id)
        .uuid(r.assignmentId)
        .text(r.kind)
        .text(r.reason)
        .time(r.requestedDueAt)
        .text(r.status)
        .text(r.requestedBy)
        .time(r.requestedAt)
        .text(r.ruledBy)
        .time(r.ruledAt)
        .text(r.rulingNote)
        .end();
    for (const v of supervisions)
      this.supervisions
        .begin()
        .uuid(v.id)
        .uuid(d.id)
        .text(v.trigger)
        .text(v.reason)
        .text(v.status)
        .text(v.findings)
        .text(v.openedBy)
        .time(v.openedAt)
        .text(v.concludedBy)
        .time(v.concludedAt)
        .end();
    for (const e of engagements)
      this.engagements
        .begin()
        .uuid(e.id)
        .uuid(d.id)
        .uuid(e.unitId)
        .text(e.unitName)
        .text(e.ask)
        .text(e.engagedBy)
        .time(e.engagedAt)
        .text(e.result)
        .time(e.resultAt)
        .end();
  }

  /**
   * Writes the cases and the district's log after position `base`, and moves the log's head. The
   * log is in time order; events of one instant in the order of their cases' receipt, and a
   * case's own as they were made (the order they were added in). The rows go in that order, so
   * that the log's keys (its positions, its time-ordered ids) are appended, not scattered.
   */
  async write(client: ClientBase, mode: BulkMode): Promise<void> {
    const at = this.eventAt;
    const order = Uint32Array.from(at.keys()).sort((a, b) => at[a] - at[b] || a - b);
    const position = new Float64Array(order.length);
    order.forEach((row, i) => (position[row] = this.base + i + 1));
    const { code } = this.district;
    await copyTo(client, mode, "hotline_case", this.cases, {
      order: Uint32Array.from(this.receivedAt.keys()),
      lead: {
        column: ["number", "text"],
        value: (k) => caseNumber(code, new Date(this.receivedAt[k]), position[this.createRow[k]]),
      },
    });
    await copyTo(client, mode, "case_assignment", this.assignments);
    await copyTo(client, mode, "case_request", this.requests);
    await copyTo(client, mode, "supervision", this.supervisions);
    await copyTo(client, mode, "case_unit_engagement", this.engagements);
    this.events.fill((row) => position[row]);
    await copyTo(client, mode, "case_event", this.events, { order });
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
