import { type DataSource, type EntityManager } from "typeorm";
import { inTenantTransaction } from "../../db/tenant";
import { type PubSub } from "../../realtime/pubsub";
import { publishEvents } from "./case.events";
import { type CaseEvent } from "./case-event.entity";
import { type CasePolicy } from "./case.state";
import { applyMark, type MarkKind, marksDue, openSql } from "./case.deadlines";
import { loadCase, policyOf, saveCase } from "./case.store";
import { newId } from "./case.state";
import { systemClock, type Clock } from "../../common/clock";

const BATCH = 200;

export interface SweepResult {
  warnings: number;
  breaches: number;
  replyBreaches: number;
  /** Departments warned before their own due time, that let it pass, that let their reply time pass. */
  assignmentWarnings: number;
  assignmentBreaches: number;
  assignmentReplyBreaches: number;
}

/** The passes of a sweep, in order, and what each counts. */
const PASSES: ReadonlyArray<[MarkKind, keyof SweepResult]> = [
  ["breach", "breaches"],
  ["reply_breach", "replyBreaches"],
  ["warning", "warnings"],
  ["assignment_breach", "assignmentBreaches"],
  ["assignment_reply_breach", "assignmentReplyBreaches"],
  ["assignment_warning", "assignmentWarnings"],
];

/** The longest warning a district may set (case_setting.warning_minutes ≤ 10080): it bounds the
 * warning passes' index range to due times that can be inside some district's warning. */
const LONGEST_WARNING = "interval '10080 minutes'";

/** The district's warning. Every district with a case has its settings row (intake makes it on
 * first use, ensureCaseDefaults), so the default is the column's own, in one place. */
const warningMinutes = (districtId: string) =>
  `(SELECT s.warning_minutes FROM case_setting s WHERE s.district_id = ${districtId})`;

const notFinished = openSql("c");

/**
 * Which cases each pass takes: due (or nearly due) and not yet marked. These only pick the
 * candidates with the indexes; whether a mark is due is the rules' call (marksDue).
 */
const WHERE: Record<MarkKind, string> = {
  breach: `c.breached_at IS NULL AND c.resolution_due_at <= $1`,
  reply_breach: `c.replied_at IS NULL AND c.reply_breached_at IS NULL AND c.reply_due_at <= $1`,
  warning: `c.warned_at IS NULL AND c.breached_at IS NULL AND c.resolution_due_at > $1
    AND c.resolution_due_at <= $1 + ${LONGEST_WARNING}
    AND c.resolution_due_at - make_interval(mins => ${warningMinutes("c.district_id")}) <= $1`,
  assignment_breach: `a.breached_at IS NULL AND a.due_at <= $1`,
  assignment_reply_breach: `a.replied_at IS NULL AND a.reply_breached_at IS NULL AND a.reply_due_at <= $1`,
  assignment_warning: `a.warned_at IS NULL AND a.breached_at IS NULL AND a.due_at > $1
    AND a.due_at <= $1 + ${LONGEST_WARNING}
    AND a.due_at - make_interval(mins => ${warningMinutes("a.district_id")}) <= $1`,
};

/** The due time each pass's index orders by. */
const DUE: Record<MarkKind, string> = {
  breach: "c.resolution_due_at",
  reply_breach: "c.reply_due_at",
  warning: "c.resolution_due_at",
  assignment_breach: "a.due_at",
  assignment_reply_breach: "a.reply_due_at",
  assignment_warning: "a.due_at",
};

/** The candidates' query of a pass: cases, or the parts departments hold, with their case locked. */
function candidates(kind: MarkKind): string {
  if (kind.startsWith("assignment_"))
    return `SELECT a.district_id, a.case_id AS id, a.id AS assignment_id
              FROM case_assignment a
              JOIN hotline_case c ON c.district_id = a.district_id AND c.id = a.case_id
             WHERE a.status = 'assigned' AND ${WHERE[kind]} AND ${notFinished}
               AND NOT (a.id = ANY($2::uuid[]))
             ORDER BY a.district_id, ${DUE[kind]} LIMIT ${BATCH} FOR UPDATE OF a, c SKIP LOCKED`;
  return `SELECT c.district_id, c.id FROM hotline_case c
           WHERE ${notFinished} AND ${WHERE[kind]} AND NOT (c.id = ANY($2::uuid[]))
           ORDER BY c.district_id, ${DUE[kind]} LIMIT ${BATCH} FOR UPDATE OF c SKIP LOCKED`;
}

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
  const result = Object.fromEntries(PASSES.map(([, k]) => [k, 0])) as unknown as SweepResult;
  const policies = new Map<string, CasePolicy>();
  for (const [kind, counted] of PASSES) {
    const passedOver = new Set<string>();
    for (;;) {
      const { claimed, count, events } = await inTenantTransaction(ds, scope, (m) =>
        sweepBatch(m, kind, now, policies, passedOver),
      );
      // The batch's transaction has committed: its events may go out.
      publishEvents(pubSub, events);
      result[counted] += count;
      if (claimed < BATCH) break;
    }
  }
  return result;
}

/**
 * One batch of one pass: the SQL above finds the candidates (with the indexes) and claims them;
 * the rules decide and make each mark (case.deadlines.ts), so a candidate the rules do not find
 * due is left as it is.
 */
async function sweepBatch(
  m: EntityManager,
  kind: MarkKind,
  now: Date,
  policies: Map<string, CasePolicy>,
  /** Candidates of this pass the rules did not find due: not claimed again in the same pass. */
  passedOver: Set<string>,
): Promise<{ claimed: number; count: number; events: CaseEvent[] }> {
  const rows = (await m.query(candidates(kind), [now, [...passedOver]])) as Array<{
    district_id: string;
    id: string;
    assignment_id?: string;
  }>;
  const events: CaseEvent[] = [];
  let count = 0;
  for (const r of rows) {
    let policy = policies.get(r.district_id);
    if (!policy) policies.set(r.district_id, (policy = await policyOf(m, r.district_id)));
    const { state } = await loadCase(m, r.district_id, r.id, false);
    const mark = marksDue(state, now, policy).find(
      (k) => k.kind === kind && (!("assignmentId" in k) || k.assignmentId === r.assignment_id),
    );
    if (!mark) {
      // The index's candidate is not due by the rules (e.g. a due time a fraction of a
      // millisecond after the sweep's instant): the next sweep looks again.
      passedOver.add(r.assignment_id ?? r.id);
      continue;
    }
    const out = applyMark(state, mark, now, newId);
    events.push(...(await saveCase(m, state, out.state, out.events)));
    count += 1;
  }
  return { claimed: rows.length, count, events };
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
