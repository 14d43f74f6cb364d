import { type DataSource, type EntityManager } from "typeorm";
import { inTenantTransaction } from "../../db/tenant";
import { type PubSub, Topic } from "../../realtime/pubsub";
import { Case, type CaseEvent } from "./case.entity";
import { appendEvent } from "./case.events";
import { openSupervision } from "./case.service";
import { CaseAction } from "./case.workflow";
import { SupervisionTrigger } from "./case.enums";
import { systemClock, type Clock } from "../../common/clock";

const BATCH = 200;

export interface SweepResult {
  warnings: number;
  breaches: number;
  replyBreaches: number;
  /** Departments that let their own due time pass. */
  assignmentBreaches: number;
}

type Kind = "warning" | "breach" | "reply_breach" | "assignment_breach";

/** Which open cases each pass takes: due (or nearly due) and not yet marked. */
const WHERE: Record<Exclude<Kind, "assignment_breach">, string> = {
  breach: `c.status NOT IN ('resolved', 'closed') AND c.breached_at IS NULL AND c.resolution_due_at <= $1`,
  reply_breach: `c.status NOT IN ('resolved', 'closed') AND c.replied_at IS NULL AND c.reply_breached_at IS NULL AND c.reply_due_at <= $1`,
  warning: `c.status NOT IN ('resolved', 'closed') AND c.warned_at IS NULL AND c.breached_at IS NULL AND c.resolution_due_at > $1
    AND c.resolution_due_at - make_interval(mins => coalesce(
      (SELECT s.warning_minutes FROM case_setting s WHERE s.district_id = c.district_id), 240)) <= $1`,
};

/**
 * One pass of the deadline watcher over every district: a warning before the resolution due time,
 * a breach after it (which opens a supervision), and a breach of the 2-hour reply. The marks live
 * on the cases, so a restarted process goes on where the last one stopped; rows are claimed with
 * FOR UPDATE SKIP LOCKED, so several processes sweeping at once never act twice on a case. A batch
 * is taken in district order, so two sweepers lock the districts' log heads in the same order and
 * cannot deadlock. Resolved cases wait for their callback and are not swept.
 */
export async function sweepOnce(
  ds: DataSource,
  pubSub: PubSub,
  /** The instant the watcher looks at (the clock's now when it runs on its own). */
  now: Date,
  /** Only these districts (tests); every district by default. */
  only?: string[],
): Promise<SweepResult> {
  const [{ ids }] = (await ds.query(
    `SELECT coalesce(array_agg(id), '{}') AS ids FROM district WHERE $1::uuid[] IS NULL OR id = ANY($1::uuid[])`,
    [only ?? null],
  )) as Array<{ ids: string[] }>;
  const scope = { districtIds: ids, subject: "system", role: "system" };
  const result: SweepResult = { warnings: 0, breaches: 0, replyBreaches: 0, assignmentBreaches: 0 };
  for (const kind of ["breach", "reply_breach", "warning", "assignment_breach"] as const) {
    for (;;) {
      const { count, events } = await inTenantTransaction(ds, scope, (m) =>
        sweepBatch(m, kind, now),
      );
      for (const e of events)
        pubSub.publish(Topic.CASE_EVENT, {
          districtId: e.districtId,
          position: e.position,
          caseId: e.caseId,
          action: e.action,
        });
      if (kind === "breach") result.breaches += count;
      else if (kind === "reply_breach") result.replyBreaches += count;
      else if (kind === "assignment_breach") result.assignmentBreaches += count;
      else result.warnings += count;
      if (count < BATCH) break;
    }
  }
  return result;
}

async function sweepBatch(
  m: EntityManager,
  kind: Kind,
  now: Date,
): Promise<{ count: number; events: CaseEvent[] }> {
  if (kind === "assignment_breach") return sweepAssignments(m, now);
  const rows = (await m.query(
    `SELECT c.district_id, c.id FROM hotline_case c WHERE ${WHERE[kind]}
      ORDER BY c.district_id, c.resolution_due_at LIMIT ${BATCH} FOR UPDATE OF c SKIP LOCKED`,
    [now],
  )) as Array<{ district_id: string; id: string }>;
  const events: CaseEvent[] = [];
  for (const r of rows) {
    const c = await m.findOneOrFail(Case, { where: { districtId: r.district_id, id: r.id } });
    const base = { actor: "system", actorRole: "system", from: c.status, to: c.status, at: now };
    if (kind === "warning") {
      c.warnedAt = now;
      events.push(
        await appendEvent(m, c, {
          ...base,
          action: CaseAction.warn,
          data: { limit: "resolution", dueAt: c.resolutionDueAt.toISOString() },
        }),
      );
    } else if (kind === "reply_breach") {
      c.replyBreachedAt = now;
      events.push(
        await appendEvent(m, c, {
          ...base,
          action: CaseAction.breach,
          data: { limit: "reply", dueAt: c.replyDueAt.toISOString() },
        }),
      );
    } else {
      c.breachedAt = now;
      events.push(
        await appendEvent(m, c, {
          ...base,
          action: CaseAction.breach,
          data: { limit: "resolution", dueAt: c.resolutionDueAt.toISOString() },
        }),
      );
      if (!c.supervised) {
        const reason = `the resolution limit passed at ${c.resolutionDueAt.toISOString()}`;
        await openSupervision(m, c, SupervisionTrigger.breach, reason, "system", now);
        events.push(
          await appendEvent(m, c, {
            ...base,
            action: CaseAction.supervise,
            note: reason,
            data: { trigger: "breach" },
          }),
        );
      }
    }
    await m.query(
      `UPDATE hotline_case SET warned_at = $3, breached_at = $4, reply_breached_at = $5, supervised = $6,
              version = version + 1, updated_at = $7 WHERE district_id = $1 AND id = $2`,
      [c.districtId, c.id, c.warnedAt, c.breachedAt, c.replyBreachedAt, c.supervised, now],
    );
  }
  return { count: rows.length, events };
}

/** What the deadline watcher tells whoever watches it (observability/metrics.ts: runs, lag, marks). */
export interface SweepWatch {
  started(at: Date): void;
  ran(run: {
    outcome: "ok" | "failed" | "skipped";
    seconds?: number;
    /** The instant the run swept at. */
    at: Date;
    marks?: SweepResult;
  }): void;
}

export interface SweeperOptions {
  dataSource: DataSource;
  pubSub: PubSub;
  log: { error: (message: string, err?: unknown) => void };
  intervalMs: number;
  clock?: Clock;
  watch?: SweepWatch;
  /** Only these districts (tests); every district by default. */
  only?: string[];
}

/** Runs sweepOnce every `intervalMs` until stopped; errors are logged, never fatal. */
export function startSweeper(opts: SweeperOptions): { stop(): Promise<void> } {
  const { dataSource, pubSub, log, intervalMs, watch, only } = opts;
  const clock = opts.clock ?? systemClock;
  let running: Promise<unknown> | null = null;
  // A tick that finds the last sweep still running skips: sweeps in one process never overlap.
  const tick = () => {
    const at = clock.now();
    if (running) {
      watch?.ran({ outcome: "skipped", at });
      return;
    }
    const t0 = performance.now();
    const seconds = () => (performance.now() - t0) / 1000;
    running = sweepOnce(dataSource, pubSub, at, only)
      .then((marks) => watch?.ran({ outcome: "ok", seconds: seconds(), at, marks }))
      .catch((err) => {
        log.error("deadline sweep failed", err);
        watch?.ran({ outcome: "failed", seconds: seconds(), at });
      })
      .finally(() => (running = null));
  };
  watch?.started(clock.now());
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * A department's own due time (set when the command center assigned it, moved by a granted
 * extension) that passes while the department still holds the case: the assignment is marked and
 * the case's log gets a `breach` with `limit: assignment`, so the command center hears of it.
 */
async function sweepAssignments(
  m: EntityManager,
  now: Date,
): Promise<{ count: number; events: CaseEvent[] }> {
  const rows = (await m.query(
    `SELECT a.district_id, a.id, a.case_id, a.due_at, d.code AS department
       FROM case_assignment a
       JOIN department d ON d.district_id = a.district_id AND d.id = a.department_id
       JOIN hotline_case c ON c.district_id = a.district_id AND c.id = a.case_id
      WHERE a.status = 'assigned' AND a.breached_at IS NULL AND a.due_at <= $1
        AND c.status NOT IN ('resolved', 'closed')
      ORDER BY a.district_id, a.due_at LIMIT ${BATCH} FOR UPDATE OF a, c SKIP LOCKED`,
    [now],
  )) as Array<{
    district_id: string;
    id: string;
    case_id: string;
    due_at: Date;
    department: string;
  }>;
  const events: CaseEvent[] = [];
  for (const r of rows) {
    const c = await m.findOneOrFail(Case, { where: { districtId: r.district_id, id: r.case_id } });
    await m.query(
      `UPDATE case_assignment SET breached_at = $3 WHERE district_id = $1 AND id = $2`,
      [r.district_id, r.id, now],
    );
    await m.query(
      `UPDATE hotline_case SET version = version + 1, updated_at = $3 WHERE district_id = $1 AND id = $2`,
      [r.district_id, r.case_id, now],
    );
    events.push(
      await appendEvent(m, c, {
        action: CaseAction.breach,
        actor: "system",
        actorRole: "system",
        from: c.status,
        to: c.status,
        at: now,
        data: {
          limit: "assignment",
          department: r.department,
          dueAt: new Date(r.due_at).toISOString(),
        },
      }),
    );
  }
  return { count: rows.length, events };
}
