/**
 * The measures a district is held to, as a pure function of a case and its event log. Counters
 * kept in the database are exactly the sum of this function over the cases: each event adds the
 * difference it makes to its case's measures (so incremental and recomputed counters cannot
 * drift), and `npm run verify-scores` recomputes them from the log to prove it.
 *
 * Every measure belongs to the day the case was received (local day, UTC+8): a period's figures
 * are those of the cases received in it, whatever happened to them later.
 */

export const MEASURES = [
  "received",
  "hotline",
  "communityReport",
  "gridPatrol",
  "residentReport",
  "repliedOnTime",
  "resolved",
  "resolvedOnTime",
  "callbacks",
  "callbacksValid",
  "satisfied",
  "basicallySatisfied",
  "unsatisfied",
  "returns",
  "supervisions",
  "breaches",
  "replyBreaches",
  "parts",
  "partsRepliedOnTime",
  "partsOnTime",
  "partBreaches",
] as const;

/**
 * The measures that count a case at most once in any unit (once received, its channel, its first
 * reply, its first resolution, its breach of the reply or the resolution limit): their figure is
 * the number of cases behind it. The others count callbacks, returns, supervisions or parts,
 * several to a case. A property test holds `caseMeasures` to this list.
 */
export const CASE_COUNT_MEASURES: ReadonlySet<Measure> = new Set<Measure>([
  "received",
  "hotline",
  "communityReport",
  "gridPatrol",
  "residentReport",
  "repliedOnTime",
  "resolved",
  "resolvedOnTime",
  "breaches",
  "replyBreaches",
]);

/**
 * For a measure, the actions one of which a case's log must hold for the case to count in it
 * (none listed: any case may, as for `received`). A drill-down reads only the cases whose log has
 * one; a property test holds `caseMeasures` to it.
 */
export const MEASURE_ACTIONS: Readonly<Partial<Record<Measure, readonly string[]>>> = {
  repliedOnTime: ["reply"],
  resolved: ["resolve"],
  resolvedOnTime: ["resolve"],
  callbacks: ["callback"],
  callbacksValid: ["callback"],
  satisfied: ["callback"],
  basicallySatisfied: ["callback"],
  unsatisfied: ["callback"],
  returns: ["rule_return"],
  supervisions: ["supervise"],
  breaches: ["breach"],
  replyBreaches: ["breach"],
  parts: ["assign"],
  partsRepliedOnTime: ["reply"],
  partsOnTime: ["report_progress", "resolve"],
  partBreaches: ["breach"],
};

/** The measures of the departments' own parts: a unit above them counts all its cases' parts. */
const PART_MEASURES = ["parts", "partsRepliedOnTime", "partsOnTime", "partBreaches"] as const;

export type Measure = (typeof MEASURES)[number];
export type Counts = Record<Measure, number>;

export enum UnitLevel {
  district = "district",
  street_office = "street_office",
  community = "community",
  grid = "grid",
  department = "department",
}

/**
 * The levels of the district's map: a case counts the same in each of its units of these levels
 * as in its grid (a department's count is its own). So a grid's figure bounds what the same cases
 * count in the grid's community, street office and district; a drill-down uses it to settle
 * candidates without their logs. A property test holds `caseMeasures` to it.
 */
export const MAP_LEVELS: ReadonlySet<UnitLevel> = new Set([
  UnitLevel.district,
  UnitLevel.street_office,
  UnitLevel.community,
  UnitLevel.grid,
]);

export interface CaseFacts {
  districtId: string;
  receivedAt: Date;
  replyDueAt: Date;
  channel: string;
  streetOfficeId: string | null;
  communityId: string | null;
  gridId: string | null;
}

export interface EventFacts {
  action: string;
  at: Date;
  data: Record<string, unknown>;
}

const ZERO: Readonly<Counts> = Object.freeze(
  Object.fromEntries(MEASURES.map((m) => [m, 0])) as Counts,
);

export interface UnitCounts {
  level: UnitLevel;
  /** The unit's id; for departments, the department's code (resolved to an id by the caller). */
  unit: string;
  counts: Counts;
}

export function zero(): Counts {
  // A copy of one template (V8 clones its shape): an object of Object.fromEntries took ~5×
  // longer to make and to count into, and every case's measures start from one.
  return { ...ZERO };
}

/** Measure by measure, the sum of several units' counts (a city's totals, a period's). */
export function sumCounts(units: ReadonlyArray<Readonly<Counts>>): Counts {
  const total = zero();
  for (const u of units) for (const m of MEASURES) total[m] += u[m];
  return total;
}

const CHANNEL_MEASURE: Record<string, Measure> = {
  hotline: "hotline",
  community_report: "communityReport",
  grid_patrol: "gridPatrol",
  resident: "residentReport",
};

/**
 * The measures of one case after the given events (in log order). Definitions:
 * - received: 1 once the case exists; by channel likewise.
 * - repliedOnTime: 1 if its first provisional reply came by the reply due time (2 hours).
 * - resolved: 1 if it has been resolved at least once.
 * - resolvedOnTime: 1 if its first resolution came before the deadline watcher marked the
 *   resolution limit as breached.
 * - callbacks: callbacks made; callbacksValid: those that reached the complainant and got an
 *   answer; satisfied / basicallySatisfied / unsatisfied: the answers.
 * - returns: returns granted; supervisions: supervisions opened (by inspectors or by the
 *   system); breaches: 1 if the resolution limit was breached; replyBreaches: 1 if the reply
 *   limit (2 hours) was: the watcher marked it passed with no provisional reply given.
 * Departments: the departments of the case's latest assignment carry the case's measures; each
 * granted return counts for the departments that held the case when it was returned.
 * A department's own part, on its own clocks (case.clocks.ts), whichever assignment it was in:
 * - parts: parts it was given; partsRepliedOnTime: those it replied on by the part's reply due
 *   time; partsOnTime: those it finished (the lead by resolving, a co-handler by its final report)
 *   before the watcher marked the part's due time breached; partBreaches: parts so marked.
 *   A unit above the departments (district, street office, community, grid) counts the parts of
 *   all its cases. Parts logged before departments had their own clocks (an assign event without
 *   `parts`) are not counted.
 */
export function caseMeasures(c: CaseFacts, events: readonly EventFacts[]): UnitCounts[] {
  const counts = zero();
  const returnsBy = new Map<string, number>();
  let departments: string[] = [];
  let replied = false;
  let resolvedOnce = false;
  let breached = false;
  const parts = new PartTally();
  for (const e of events) {
    parts.see(e);
    switch (e.action) {
      case "create":
        counts.received = 1;
        if (CHANNEL_MEASURE[c.channel]) counts[CHANNEL_MEASURE[c.channel]] = 1;
        break;
      case "reply":
        if (!replied) {
          replied = true;
          if (e.at.getTime() <= c.replyDueAt.getTime()) counts.repliedOnTime = 1;
        }
        break;
      case "assign":
        departments = Array.isArray(e.data.departments) ? (e.data.departments as string[]) : [];
        break;
      case "rule_return":
        if (e.data.granted === true) {
          counts.returns += 1;
          for (const d of departments) returnsBy.set(d, (returnsBy.get(d) ?? 0) + 1);
          departments = [];
        }
        break;
      case "resolve":
        if (!resolvedOnce) {
          resolvedOnce = true;
          counts.resolved = 1;
          if (!breached) counts.resolvedOnTime = 1;
        }
        break;
      case "callback": {
        counts.callbacks += 1;
        const s = e.data.satisfaction;
        if (e.data.reached === true && typeof s === "string") {
          counts.callbacksValid += 1;
          if (s === "satisfied") counts.satisfied += 1;
          else if (s === "basically_satisfied") counts.basicallySatisfied += 1;
          else if (s === "unsatisfied") counts.unsatisfied += 1;
        }
        break;
      }
      case "supervise":
        counts.supervisions += 1;
        break;
      case "breach":
        if ((e.data.limit ?? "resolution") === "resolution" && !breached) {
          breached = true;
          counts.breaches = 1;
        } else if (e.data.limit === "reply") counts.replyBreaches = 1;
        break;
    }
  }
  if (counts.received === 0) return [];
  for (const m of PART_MEASURES) counts[m] = parts.total(m);
  const out: UnitCounts[] = [{ level: UnitLevel.district, unit: c.districtId, counts }];
  if (c.streetOfficeId)
    out.push({ level: UnitLevel.street_office, unit: c.streetOfficeId, counts });
  if (c.communityId) out.push({ level: UnitLevel.community, unit: c.communityId, counts });
  if (c.gridId) out.push({ level: UnitLevel.grid, unit: c.gridId, counts });
  const depts = new Set([...departments, ...returnsBy.keys(), ...parts.departments()]);
  for (const d of depts) {
    const held = departments.includes(d);
    // Copied with Object.assign, not a spread with properties after it (V8's slow path).
    const mine = Object.assign(zero(), held ? counts : null, parts.of(d));
    mine.returns = returnsBy.get(d) ?? 0;
    out.push({ level: UnitLevel.department, unit: d, counts: mine });
  }
  return out;
}

type PartMeasure = (typeof PART_MEASURES)[number];

const NO_PARTS: Readonly<Record<PartMeasure, number>> = Object.freeze(
  Object.fromEntries(PART_MEASURES.map((m) => [m, 0])) as Record<PartMeasure, number>,
);
const noParts = (): Record<PartMeasure, number> => ({ ...NO_PARTS });

/** The departments' own parts of one case, followed event by event. */
class PartTally {
  /** The parts of the latest assignment, by department code. */
  private current = new Map<
    string,
    { replyDueAt: number; replied: boolean; finished: boolean; breached: boolean }
  >();
  private counts = new Map<string, Record<PartMeasure, number>>();

  private add(d: string, m: PartMeasure) {
    let c = this.counts.get(d);
    if (!c) this.counts.set(d, (c = noParts()));
    c[m] += 1;
  }

  see(e: EventFacts): void {
    const codes = Array.isArray(e.data.departments) ? (e.data.departments as string[]) : [];
    switch (e.action) {
      case "assign": {
        this.current = new Map();
        const parts = Array.isArray(e.data.parts)
          ? (e.data.parts as Array<{ department: string; replyDueAt: string }>)
          : [];
        for (const p of parts) {
          const replyDueAt = Date.parse(p.replyDueAt);
          this.current.set(p.department, {
            replyDueAt,
            replied: false,
            finished: false,
            breached: false,
          });
          this.add(p.department, "parts");
        }
        break;
      }
      case "reply":
        for (const d of codes) {
          const p = this.current.get(d);
          if (!p || p.replied) continue;
          p.replied = true;
          if (e.at.getTime() <= p.replyDueAt) this.add(d, "partsRepliedOnTime");
        }
        break;
      case "report_progress":
      case "resolve":
        if (e.action === "report_progress" && e.data.final !== true) break;
        for (const d of codes) {
          const p = this.current.get(d);
          if (!p || p.finished) continue;
          p.finished = true;
          if (!p.breached) this.add(d, "partsOnTime");
        }
        break;
      case "breach": {
        const p =
          e.data.limit === "assignment" ? this.current.get(e.data.department as string) : undefined;
        // A part is judged once, by its first finish: a redo's new clock does not undo it.
        if (p && !p.breached && !p.finished) {
          p.breached = true;
          this.add(e.data.department as string, "partBreaches");
        }
        break;
      }
    }
  }

  departments(): string[] {
    return [...this.counts.keys()];
  }

  of(d: string): Record<PartMeasure, number> {
    return this.counts.get(d) ?? noParts();
  }

  total(m: PartMeasure): number {
    let n = 0;
    for (const c of this.counts.values()) n += c[m];
    return n;
  }
}

/** after − before, per unit and measure, without zero rows. */
export function difference(before: UnitCounts[], after: UnitCounts[]): UnitCounts[] {
  const key = (u: UnitCounts) => `${u.level}:${u.unit}`;
  const map = new Map<string, UnitCounts>();
  for (const u of after) map.set(key(u), { level: u.level, unit: u.unit, counts: { ...u.counts } });
  for (const u of before) {
    const k = key(u);
    const row = map.get(k) ?? { level: u.level, unit: u.unit, counts: zero() };
    for (const m of MEASURES) row.counts[m] -= u.counts[m];
    map.set(k, row);
  }
  return [...map.values()].filter((u) => MEASURES.some((m) => u.counts[m] !== 0));
}
