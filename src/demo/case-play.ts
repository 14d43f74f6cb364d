/**
 * What people do with a case of the demo history, in order and at realistic times: who replies,
 * who takes it, whether it goes to the street office, the command center and the departments,
 * returns and extensions, escalation, the callback and a redo, an inspector's supervision. Each
 * step goes through the case's script (case-script.ts), and so through the live rules.
 */
import { CaseStatus } from "../modules/cases/case.workflow";
import { type ScriptActor } from "./case-script";
import {
  assignmentNote,
  callbackText,
  CO_DEPARTMENTS,
  LEAD_DEPARTMENT,
  noteText,
  resolutionText,
} from "./case-texts";
import { DAY_MS, type Draft, HOUR_MS, hours, MINUTE_MS, type World } from "./case-world";

function departmentActor(w: World, id: string): ScriptActor {
  return { subject: `${w.code}.department`, role: "department", department: id };
}

/** Lead and co-handling departments for a category, among the district's departments. */
function pickDepartments(
  w: World,
  category: string,
  avoid: ReadonlySet<string> = new Set(),
): Array<{ id: string; code: string; role: "lead" | "co" }> {
  const has = (code: string) => w.departments.has(code) && !avoid.has(code);
  const all = [...w.departments.keys()].filter(has);
  const usual = LEAD_DEPARTMENT[category];
  const lead =
    usual && has(usual) && !(category === "noise" && w.rng.chance(0.4))
      ? usual
      : category === "noise" && has("urban_management")
        ? "urban_management"
        : w.rng.pick(all.length ? all : [...w.departments.keys()]);
  const pool = (CO_DEPARTMENTS[category] ?? []).filter((c) => c !== lead && has(c));
  const n = w.rng.weighted([
    [0, 70],
    [1, 22],
    [2, 8],
  ] as const);
  const co = w.rng.sample(pool, Math.min(n, pool.length));
  return [
    { id: w.departments.get(lead)!, code: lead, role: "lead" as const },
    ...co.map((code) => ({ id: w.departments.get(code)!, code, role: "co" as const })),
  ];
}

interface Plan {
  late: boolean;
  returns: boolean[];
  extension: boolean | null;
  escalate: "none" | "received" | "dispatched";
  inspector: boolean;
}

/** Plays one case's life: what people do, in order, at realistic times. */
export function play(w: World, d: Draft) {
  const { rng, clock, actors: A } = w;
  const s = d.script;
  const cat = d.category.code;
  const plan: Plan = {
    late: rng.chance(0.055),
    returns: [],
    extension: null,
    escalate: "none",
    inspector: rng.chance(0.011),
  };
  const gridStaff = rng.chance(0.2) ? A.chief : A.worker;

  if (plan.inspector)
    s.aside(s.receivedAt + hours(rng, 3, 40, 1), () => {
      if (!s.supervised && s.status !== CaseStatus.closed)
        s.supervise(s.last + rng.int(60, 600) * 1000, A.inspector, noteText(rng, "inspect"));
    });

  // The provisional reply, by whoever has the case; some late, after the 2 hours.
  const replier =
    s.status === CaseStatus.grid_handling
      ? gridStaff
      : s.status === CaseStatus.street_handling
        ? A.street
        : s.status === CaseStatus.awaiting_dispatch
          ? A.commandCenter
          : A.operator;
  const lateReply = rng.chance(0.06);
  const replyAt = lateReply
    ? s.replyDueAt + rng.int(10, 360) * MINUTE_MS
    : s.receivedAt + (3 + 112 * rng.next() ** 1.8) * MINUTE_MS;
  let t = s.reply(
    replyAt,
    replier,
    noteText(rng, replier === A.operator ? "reply" : "replyOnSite"),
  );
  if (t === null) return;

  /** When the handler resolves: on time (before the due time, with room for the callback) or late. */
  const resolveAt = (natural: number, late = plan.late): number => {
    const due = s.resolutionDueAt;
    if (late) return clock.office(Math.max(natural, due + hours(rng, 1, 40)));
    const latest = due - 5 * HOUR_MS;
    if (natural <= latest) return natural;
    return latest > s.last + 30 * MINUTE_MS
      ? s.last + 30 * MINUTE_MS + rng.next() * (latest - s.last - 30 * MINUTE_MS)
      : natural;
  };

  /**
   * Each department's provisional reply on its part, on its own 2-hour clock from the assignment;
   * a few late.
   */
  const partsReply = (from: number | null, parts: Array<{ id: string }>): number | null => {
    let at = from;
    for (const p of parts) {
      if (at === null) return null;
      const late = rng.chance(0.05);
      const when = late
        ? from! + (2 * 60 + rng.int(10, 300)) * MINUTE_MS
        : Math.max(at, from! + (5 + 100 * rng.next() ** 1.5) * MINUTE_MS);
      at = s.reply(
        Math.max(when, at + MINUTE_MS),
        departmentActor(w, p.id),
        noteText(rng, "replyDepartment"),
      );
    }
    return at;
  };

  /** The departments' part: assignment, returns, extension, co-handling reports, resolution. */
  const departments = (from: number): number | null => {
    const avoid = new Set<string>();
    let parts = pickDepartments(w, cat);
    let at = partsReply(s.assign(from, A.commandCenter, parts, assignNote(parts, w)), parts);
    if (at === null) return null;
    // Returns: most are granted and the case goes to another department.
    while (plan.returns.length) {
      const granted = plan.returns.shift()!;
      const lead = departmentActor(w, parts[0].id);
      at = s.requestReturn(
        clock.office(at + hours(rng, 1, 20)),
        lead,
        noteText(rng, "requestReturn"),
      );
      if (at === null) return null;
      at = s.ruleOnReturn(
        at + hours(rng, 0.3, 4),
        A.commandCenter,
        granted,
        noteText(rng, granted ? "returnGranted" : "returnRefused"),
      );
      if (at === null) return null;
      if (granted) {
        avoid.add(parts[0].code);
        parts = pickDepartments(w, cat, avoid);
        at = partsReply(
          s.assign(at + hours(rng, 0.2, 3), A.commandCenter, parts, assignNote(parts, w)),
          parts,
        );
        if (at === null) return null;
      }
    }
    const lead = departmentActor(w, parts[0].id);
    if (plan.escalate === "dispatched") {
      at = s.escalate(at + hours(rng, 4, 30), A.commandCenter, noteText(rng, "escalate"));
      return at === null ? null : city(at);
    }
    // An extension, asked during the last day before the due time.
    if (plan.extension !== null) {
      const due = s.dueOf(lead.department);
      const askAt = due - hours(rng, 6, 30, 1);
      if (askAt > at + HOUR_MS) {
        const requested = due + rng.pick([2, 3, 5]) * DAY_MS;
        at = s.requestExtension(askAt, lead, requested, noteText(rng, "requestExtension"));
        if (at === null) return null;
        at = s.ruleOnExtension(
          at + hours(rng, 0.5, 4),
          A.commandCenter,
          plan.extension,
          noteText(rng, plan.extension ? "extensionGranted" : "extensionRefused"),
        );
        if (at === null) return null;
      }
    }
    const natural = clock.office(at + hours(rng, 3, 56, 1.4));
    const done = resolveAt(natural, plan.late || (plan.extension === false && rng.chance(0.6)));
    if (rng.chance(0.3)) {
      at = s.reportProgress(
        clock.office(at + (done - at) * (0.3 + 0.4 * rng.next())),
        lead,
        noteText(rng, "progress"),
        false,
      );
      if (at === null) return null;
    }
    for (const co of parts.slice(1)) {
      at = s.reportProgress(
        clock.office(at + (done - at) * (0.2 + 0.6 * rng.next())),
        departmentActor(w, co.id),
        noteText(rng, "coReport"),
        true,
      );
      if (at === null) return null;
    }
    return s.resolve(done, lead, resolutionText(rng, cat));
  };

  /** Escalated to the city: the command center records the city's answer days later. */
  const city = (from: number): number | null =>
    s.resolve(
      clock.office(from + hours(rng, 40, 150, 1)),
      A.commandCenter,
      noteText(rng, "cityAnswered"),
    );

  /** 大工委: the street pulls one or two units of its joint committee in, and records their results. */
  const jointUnits = (from: number): number | null => {
    const all = w.units.get(d.grid.streetOfficeId) ?? [];
    if (all.length === 0 || !rng.chance(0.3)) return from;
    const first = rng.pick(all);
    const second = rng.chance(0.3) ? rng.pick(all) : first;
    const units = second.id === first.id ? [first] : [first, second];
    let at = s.engageUnits(
      clock.office(from + hours(rng, 0.5, 6)),
      A.street,
      units,
      noteText(rng, "engageUnits"),
    );
    for (const e of s.state.engagements.filter((x) => x.result === null)) {
      if (at === null) return null;
      at = s.recordUnitResult(
        clock.office(at + hours(rng, 2, 30, 1.3)),
        A.street,
        e.id,
        noteText(rng, "unitResult"),
      );
    }
    return at;
  };

  const street = (start: number, dept: number): number | null => {
    const from = jointUnits(start);
    if (from === null) return null;
    if (rng.chance(dept)) {
      const at = s.referToCommandCenter(
        clock.office(from + hours(rng, 2, 24)),
        A.street,
        noteText(rng, "toCommandCenter"),
      );
      return at === null ? null : departments(at + hours(rng, 0.2, 3));
    }
    return s.resolve(
      resolveAt(clock.office(from + hours(rng, 4, 60, 1.3), { everyDay: rng.chance(0.2) })),
      A.street,
      resolutionText(rng, cat),
    );
  };

  // Under the report's rule (街道首办) the street office resolves what the grid takes on; a
  // district may let the grid resolve what it settles on the spot.
  const gridMayResolve = w.settings.handlingRule === "grid_may_resolve";
  const grid = (from: number, toStreet: number, dept: number): number | null => {
    const referred = rng.chance(toStreet);
    if (referred || !gridMayResolve) {
      const at = s.referToStreet(
        clock.office(from + hours(rng, 1, 20), { everyDay: true }),
        gridStaff,
        noteText(rng, referred ? "gridToStreet" : "gridHandledToStreet"),
      );
      // What the grid settled on the spot, the street office checks and resolves itself.
      return at === null ? null : street(at, referred ? dept : 0);
    }
    return s.resolve(
      resolveAt(clock.office(from + hours(rng, 0.5, 30, 2), { from: 7.5, to: 19, everyDay: true })),
      gridStaff,
      resolutionText(rng, cat),
    );
  };

  // Departments' handling details are drawn once: a return (one in ten), else an extension.
  const detail = rng.next();
  if (detail < 0.1) {
    plan.returns.push(rng.chance(0.6));
    if (plan.returns[0] && rng.chance(0.25)) plan.returns.push(rng.chance(0.7));
    if (plan.returns.length === 2 && plan.returns[1] && rng.chance(0.35)) plan.returns.push(true);
  } else if (detail < 0.19) plan.extension = rng.chance(0.8);

  let resolved: number | null;
  if (s.status === CaseStatus.grid_handling) {
    resolved = grid(t, d.channel === "grid_patrol" ? 0.2 : 0.4, 0.45);
  } else if (s.status === CaseStatus.street_handling) {
    resolved = street(t, 0.3);
  } else if (s.status === CaseStatus.awaiting_dispatch) {
    // A community's direct report, in the command center's queue from the start.
    resolved = departments(t + hours(rng, 0.2, 4));
  } else {
    // A call or a resident's report: who takes it.
    const route = rng.weighted([
      ["grid", 24.1],
      ["grid_street", 11.5],
      ["street", 15],
      ["dept", 34],
      ["street_dept", 10],
      ["escalate", 0.8],
      ["dept_escalate", 0.7],
    ] as const);
    if (route === "grid" || route === "grid_street") {
      t = s.takeLead(
        clock.office(t + hours(rng, 0.1, 3), { from: 7.5, to: 19, everyDay: true }),
        gridStaff,
        rng.chance(0.6) ? noteText(rng, "takeLead") : null,
      );
      resolved = t === null ? null : grid(t, route === "grid" ? 0 : 1, 0.3);
    } else if (route === "street" || route === "street_dept") {
      t = s.referToStreet(
        t + hours(rng, 0.2, 4),
        rng.chance(0.5) ? A.operator : A.commandCenter,
        noteText(rng, "toStreet"),
      );
      resolved = t === null ? null : street(t, route === "street" ? 0 : 1);
    } else if (route === "escalate") {
      t = s.escalate(t + hours(rng, 1, 8), A.commandCenter, noteText(rng, "escalate"));
      resolved = t === null ? null : city(t);
    } else {
      if (route === "dept_escalate") plan.escalate = "dispatched";
      resolved = departments(t + hours(rng, 0.2, 4));
    }
  }
  if (resolved === null) return;

  // The callback, then possibly a redo and a second callback.
  const callbackBy =
    d.channel === "hotline" || d.channel === "resident" ? A.operator : A.commandCenter;
  const callback = (from: number, second: boolean): number | null => {
    let at = clock.office(from + hours(rng, 0.5, 22), { from: 8.5, to: 20.5, everyDay: true });
    const latest = s.resolutionDueAt - 10 * MINUTE_MS;
    if (!s.breachedAt && at > latest && latest > from + 10 * MINUTE_MS)
      at = from + 10 * MINUTE_MS + rng.next() * (latest - from - 10 * MINUTE_MS);
    const reached = rng.chance(0.92);
    const satisfaction = !reached
      ? null
      : rng.weighted([
          ["satisfied", second ? 70 : 85],
          ["basically_satisfied", second ? 25 : 10],
          ["unsatisfied", 5],
        ] as const);
    const redo = !second && satisfaction === "unsatisfied" && rng.chance(1 / 3);
    const note = callbackText(rng, satisfaction ?? "unreached");
    const done = s.callback(at, callbackBy, reached, satisfaction, redo, note);
    if (done === null || !redo) return done;
    // Back to the stage that handled it: the same handler does it again.
    const handler =
      s.stage === CaseStatus.grid_handling
        ? gridStaff
        : s.stage === CaseStatus.street_handling
          ? A.street
          : s.stage === CaseStatus.escalated
            ? A.commandCenter
            : departmentActor(
                w,
                s.assignments.find((a) => a.role === "lead" && a.status === "assigned")!
                  .departmentId,
              );
    const again = s.resolve(
      clock.office(done + hours(rng, 4, 48), { everyDay: handler.role !== "department" }),
      handler,
      `返工：${resolutionText(rng, cat)}`,
    );
    return again === null ? null : callback(again, true);
  };
  const closed = callback(resolved, false);
  if (closed === null) return;

  // Discipline inspection concludes most supervisions once the case is closed.
  if (s.supervised) {
    const inspector = s.supervisions.some((x) => x.status === "open" && x.trigger === "inspector");
    if (rng.chance(inspector ? 0.8 : 0.45))
      s.concludeSupervision(
        clock.office(closed + hours(rng, 4, 96, 1)),
        A.inspector,
        noteText(rng, "conclude"),
      );
  }
}

function assignNote(parts: Array<{ code: string; role: "lead" | "co" }>, w: World): string | null {
  return w.rng.chance(0.15) ? null : assignmentNote(parts);
}
