/**
 * One case of the demo history, driven through the case core exactly as the live server drives
 * it: each step of the script is a command to `perform`, and before each step the deadline
 * sweeper's passes that would have come first apply the marks `marksDue` finds. The rules live in
 * the core alone; this file only keeps the script's bookkeeping (times as milliseconds, the
 * events in the order they were made, asides, and where the script meets `now`).
 */
import { applyMark, marksDue, nextMarkAt } from "../modules/cases/case.deadlines";
import { perform } from "../modules/cases/case.rules";
import { newCase } from "../modules/cases/intake.rules";
import { type Command } from "../modules/cases/case.commands";
import {
  type Actor,
  type AssignmentRecord,
  type CasePolicy,
  CaseRuleError,
  type CaseState,
  type EventDraft,
  newId,
  type Satisfaction,
  type SupervisionRecord,
} from "../modules/cases/case.state";
import { type ActorRole, CaseAction, type CaseStatus } from "../modules/cases/case.workflow";

/** Who acts in the script; `department` is the department's id for the department role. */
export interface ScriptActor {
  subject: string;
  role: ActorRole;
  department?: string;
}

/** An event with the order it was made in on its case (several can share an instant). */
export interface ScriptEvent extends EventDraft {
  seq: number;
}

const SWEEP_MS = 30_000;
/** The sweeper's next pass strictly after an instant (it runs every 30 s). */
function tick(at: number): number {
  return (Math.floor(at / SWEEP_MS) + 1) * SWEEP_MS + 350;
}

/**
 * The script's actor as the core sees it. The history places every case where its grid, street
 * office and departments are the ones acting, so the place is always theirs.
 */
function actorOf(who: ScriptActor): Actor {
  return {
    subject: who.subject,
    role: who.role,
    departmentId: who.department,
    gridOfCase: true,
    streetOfCase: true,
  };
}

const ms = (d: Date | null) => (d === null ? null : d.getTime());

export class CaseScript {
  private current: CaseState;
  readonly events: ScriptEvent[] = [];
  /** Time of the last event: every later one comes after it. */
  last: number;
  /** The script reached `now`: what comes later has not happened yet. */
  stopped = false;
  private readonly asides: Array<{ at: number; run: () => void }> = [];
  /** Inside an aside: reaching now ends the aside, not the case's script. */
  private depth = 0;

  constructor(
    input: {
      districtId: string;
      id: string;
      receivedAt: number;
      replyDueAt: number;
      resolutionDueAt: number;
      resolutionDays: number;
      status: CaseStatus;
      creator: ScriptActor;
      data: Record<string, unknown>;
    },
    private readonly env: { now: number; policy: CasePolicy },
  ) {
    const made = newCase({
      districtId: input.districtId,
      id: input.id,
      status: input.status,
      receivedAt: new Date(input.receivedAt),
      replyDueAt: new Date(input.replyDueAt),
      resolutionDueAt: new Date(input.resolutionDueAt),
      resolutionDays: input.resolutionDays,
      creator: actorOf(input.creator),
      data: input.data,
    });
    this.current = made.state;
    this.record(made.events);
    this.last = input.receivedAt;
  }

  /** The case, its parts, requests and supervisions as the rules left them. */
  get state(): CaseState {
    return this.current;
  }
  get status(): CaseStatus {
    return this.current.case.status;
  }
  get stage(): CaseStatus {
    return this.current.case.stage;
  }
  get supervised(): boolean {
    return this.current.case.supervised;
  }
  get receivedAt(): number {
    return this.current.case.receivedAt.getTime();
  }
  get replyDueAt(): number {
    return this.current.case.replyDueAt.getTime();
  }
  get resolutionDueAt(): number {
    return this.current.case.resolutionDueAt.getTime();
  }
  get breachedAt(): number | null {
    return ms(this.current.case.breachedAt);
  }
  get assignments(): readonly AssignmentRecord[] {
    return this.current.assignments;
  }
  get supervisions(): readonly SupervisionRecord[] {
    return this.current.supervisions;
  }
  /** The due time an extension would move: the department's own, else the case's. */
  dueOf(department: string | undefined): number {
    const mine = this.current.assignments.find(
      (a) => a.departmentId === department && a.status === "assigned",
    );
    return (mine?.dueAt ?? this.current.case.resolutionDueAt).getTime();
  }

  private record(events: EventDraft[]) {
    // Field by field: a spread with a property added after it takes V8's slow path (about 2.5 µs
    // an object against 0.1), and the demo's month records some 178,000 events.
    for (const e of events)
      this.events.push({
        action: e.action,
        actor: e.actor,
        actorRole: e.actorRole,
        from: e.from,
        to: e.to,
        note: e.note,
        data: e.data,
        at: e.at,
        seq: this.events.length,
      });
  }

  /** Something that happens beside the main path at its time (an inspector's supervision). */
  aside(at: number, run: () => void) {
    this.asides.push({ at, run });
    this.asides.sort((a, b) => a.at - b.at);
  }

  /** One pass of the sweeper: every mark due at its instant, in the order it makes them. */
  private sweep(at: number) {
    const when = new Date(at);
    const marks = marksDue(this.current, when, this.env.policy);
    // nextMarkAt promised one; a pass that finds none would be asked again forever.
    if (marks.length === 0)
      throw new Error(`case history: the sweeper finds nothing due at ${when.toISOString()}`);
    for (const mark of marks) {
      const out = applyMark(this.current, mark, when, newId);
      this.current = out.state;
      this.record(out.events);
    }
    this.last = at;
  }

  /** Applies the sweeper's passes and the asides due up to `until`, in time order. */
  private advance(until: number) {
    for (;;) {
      const next = nextMarkAt(this.current, this.env.policy);
      const sweepAt = next ? tick(Math.max(next.getTime(), this.last)) : Infinity;
      const aside = this.asides[0];
      const markAt = sweepAt <= until ? sweepAt : Infinity;
      const asideAt = aside && aside.at <= until ? aside.at : Infinity;
      if (markAt === Infinity && asideAt === Infinity) return;
      if (markAt <= asideAt) this.sweep(markAt);
      else {
        this.asides.shift();
        this.depth += 1;
        try {
          aside.run();
        } finally {
          this.depth -= 1;
        }
      }
    }
  }

  /** Plays the remaining asides and sweeps up to now. */
  finish() {
    this.advance(this.env.now);
  }

  /**
   * One workflow action at `at` (moved after the last event if need be), through the core.
   * Returns the time it happened, or null once the script has reached now.
   */
  private act(at: number, who: ScriptActor, cmd: Command): number | null {
    if (this.stopped) return null;
    at = Math.round(at);
    this.advance(Math.min(at, this.env.now));
    at = Math.max(at, this.last + 1000);
    if (at > this.env.now) {
      if (this.depth === 0) this.stopped = true;
      return null;
    }
    let out;
    try {
      out = perform(this.current, cmd, actorOf(who), new Date(at), this.env.policy, newId);
    } catch (err) {
      // The script asked for something the rules refuse: a bug in the script, not in the case.
      if (err instanceof CaseRuleError)
        throw new Error(
          `case history: ${cmd.action} by ${who.role} (${this.status}): ${err.message}`,
          { cause: err },
        );
      throw err;
    }
    this.current = out.state;
    this.record(out.events);
    this.last = at;
    return at;
  }

  reply(at: number, who: ScriptActor, note: string) {
    return this.act(at, who, { action: CaseAction.reply, note });
  }
  takeLead(at: number, who: ScriptActor, note: string | null) {
    return this.act(at, who, { action: CaseAction.take_lead, note });
  }
  referToStreet(at: number, who: ScriptActor, note: string) {
    return this.act(at, who, { action: CaseAction.refer_to_street, note });
  }
  engageUnits(
    at: number,
    who: ScriptActor,
    units: Array<{ id: string; name: string }>,
    ask: string,
  ) {
    return this.act(at, who, {
      action: CaseAction.engage_units,
      note: ask,
      units: units.map((u) => ({ unitId: u.id, name: u.name, ofCaseStreet: true, active: true })),
    });
  }
  recordUnitResult(at: number, who: ScriptActor, engagementId: string, result: string) {
    return this.act(at, who, { action: CaseAction.record_unit_result, note: result, engagementId });
  }
  referToCommandCenter(at: number, who: ScriptActor, note: string) {
    return this.act(at, who, { action: CaseAction.refer_to_command_center, note });
  }
  assign(
    at: number,
    who: ScriptActor,
    parts: Array<{ id: string; code: string; role: "lead" | "co" }>,
    note: string | null,
  ) {
    return this.act(at, who, {
      action: CaseAction.assign,
      note,
      parts: parts.map((p) => ({ departmentId: p.id, code: p.code, role: p.role })),
    });
  }
  reportProgress(at: number, who: ScriptActor, note: string, final: boolean) {
    return this.act(at, who, { action: CaseAction.report_progress, note, final });
  }
  resolve(at: number, who: ScriptActor, note: string) {
    return this.act(at, who, { action: CaseAction.resolve, note });
  }
  requestReturn(at: number, who: ScriptActor, reason: string) {
    return this.act(at, who, { action: CaseAction.request_return, note: reason });
  }
  ruleOnReturn(at: number, who: ScriptActor, granted: boolean, note: string | null) {
    return this.act(at, who, { action: CaseAction.rule_return, note, granted });
  }
  requestExtension(at: number, who: ScriptActor, requestedDueAt: number, reason: string) {
    return this.act(at, who, {
      action: CaseAction.request_extension,
      note: reason,
      requestedDueAt: new Date(requestedDueAt),
    });
  }
  ruleOnExtension(at: number, who: ScriptActor, granted: boolean, note: string | null) {
    return this.act(at, who, { action: CaseAction.rule_extension, note, granted });
  }
  /** `redo`: the complainant is unsatisfied and the handler is at fault, so it goes back. */
  callback(
    at: number,
    who: ScriptActor,
    reached: boolean,
    satisfaction: Satisfaction | null,
    redo: boolean,
    note: string | null,
  ) {
    return this.act(at, who, {
      action: CaseAction.callback,
      note,
      reached,
      satisfaction,
      handlerAtFault: redo,
    });
  }
  escalate(at: number, who: ScriptActor, note: string) {
    return this.act(at, who, { action: CaseAction.escalate, note });
  }
  supervise(at: number, who: ScriptActor, reason: string) {
    return this.act(at, who, { action: CaseAction.supervise, note: reason });
  }
  concludeSupervision(at: number, who: ScriptActor, findings: string) {
    return this.act(at, who, { action: CaseAction.conclude_supervision, note: findings });
  }
}
