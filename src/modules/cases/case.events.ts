import { type EntityManager } from "typeorm";
import { uuidv7 } from "../../common/ids";
import { queryPrepared, type Statement } from "../../db/statements";
import { type TenantDb } from "../../db/tenant";
import { type PubSub, Topic } from "../../realtime/pubsub";
import { CaseEvent } from "./case-event.entity";
import { type CaseAction, type CaseStatus } from "./case.workflow";
import { countEvent } from "./case.counters";

export interface EventInput {
  action: CaseAction;
  actor: string;
  actorRole: string;
  from: CaseStatus | null;
  to: CaseStatus;
  note?: string | null;
  data?: Record<string, unknown>;
  at?: Date;
}

/**
 * Appends an event to the case's district log. The position comes from the district's head row,
 * whose lock is held until the transaction ends: positions are gapless and in commit order, so a
 * subscriber that resumes after position p misses nothing and sees nothing twice.
 */
export async function appendEvent(
  m: EntityManager,
  c: { districtId: string; id: string },
  /** `at`: the action's instant, from the platform's clock (see common/clock.ts). */
  e: EventInput & { at: Date },
): Promise<CaseEvent> {
  const position = await nextPosition(m, c.districtId);
  // The measures' counters move in the same transaction (see case.measures.ts).
  await countEvent((sql, params) => m.query(sql, params), c.districtId, c.id, {
    action: e.action,
    at: e.at,
    data: e.data ?? {},
  });
  const event = eventRow(m, c, e);
  event.position = position;
  await m.insert(CaseEvent, event as never);
  return event;
}

/**
 * An event's row, not yet written and without its log position: what appendEvent writes, and what
 * intake writes in one statement with the new case (the position is set once taken).
 */
export function eventRow(
  m: EntityManager,
  c: { districtId: string; id: string },
  e: EventInput & { at: Date },
): CaseEvent {
  return m.create(CaseEvent, {
    districtId: c.districtId,
    id: uuidv7(),
    caseId: c.id,
    action: e.action,
    actor: e.actor,
    actorRole: e.actorRole,
    fromStatus: e.from,
    toStatus: e.to,
    note: e.note ?? null,
    data: e.data ?? {},
    at: e.at,
  });
}

/**
 * The district's log head taken, as a statement over the placeholders given (the district's id
 * and a new row's id): it returns the next position and holds the head's lock until the
 * transaction ends. With `when`, a condition, the position is taken only if it holds (no row
 * otherwise, and no lock).
 */
export function takePositionSql(district: string, rowId: string, when?: string): string {
  const row = when
    ? `SELECT ${district}::uuid, ${rowId}::uuid, 1 WHERE ${when}`
    : `VALUES (${district}, ${rowId}, 1)`;
  return `INSERT INTO case_log_head (district_id, id, position) ${row}
     ON CONFLICT (district_id) DO UPDATE SET position = case_log_head.position + 1
     RETURNING position::text AS position`;
}

/**
 * Takes the district's next log position. The district's log head first: every writer takes it
 * before anything else of the district's log or counters, so writers queue on one lock and never
 * deadlock; the lock is held until the transaction ends.
 */
export async function nextPosition(m: EntityManager, districtId: string): Promise<string> {
  const { text, params } = positionStatement(districtId);
  const [head] = await queryPrepared<{ position: string }>(m, text, params);
  return head.position;
}

/** The statement of nextPosition, for a caller that sends it with others (intake). */
export function positionStatement(districtId: string): Statement {
  return { text: takePositionSql("$1", "$2"), params: [districtId, uuidv7()] };
}

/** Tells the live streams of committed events (their subscribers read the rest from the log). */
export function publishEvents(pubSub: PubSub, events: CaseEvent[]): void {
  for (const e of events)
    pubSub.publish(Topic.CASE_EVENT, {
      districtId: e.districtId,
      position: e.position,
      caseId: e.caseId,
      action: e.action,
    });
}

/** Publishes the events once the transaction has committed (never if it rolls back). */
export function publishAfterCommit(db: TenantDb, pubSub: PubSub, events: CaseEvent[]): void {
  db.afterCommit(() => publishEvents(pubSub, events));
}
