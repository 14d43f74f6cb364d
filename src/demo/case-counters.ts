/**
 * The measure counters of a district's played history, from its events: each case's measures by
 * `caseMeasures` (the rule's one home), added up per unit and day as the recount of
 * `npm run verify-scores` adds them, so that stored and recomputed counters agree exactly. Made
 * in memory as the cases are played: reading the month's log back to count it cost more than
 * writing it.
 */
import { type ClientBase } from "pg";
import { uuidv7 } from "../common/ids";
import { localDay } from "../common/dates";
import { COLUMN } from "../modules/cases/case.counters";
import { caseMeasures, MEASURES, UnitLevel } from "../modules/cases/case.measures";
import { type Column } from "./copy-binary";
import { CopyBuffer } from "./copy-buffer";
import { type BulkMode, copyTo } from "./copy-rows";
import { type Draft } from "./case-world";

const COUNTER_COLUMNS: Column[] = [
  ["id", "uuid"],
  ["level", "text"],
  ["unit_id", "uuid"],
  ["day", "date"],
  ...MEASURES.map((m): Column => [COLUMN[m], "integer"]),
];

/** A counter row being summed: its key's parts and one figure per measure, in MEASURES' order. */
interface Tally {
  level: string;
  unit: string;
  day: string;
  counts: Int32Array;
}

export class CounterTally {
  /** By unit level and id, then by day (a case's local day). */
  private readonly rows = new Map<string, Map<string, Tally>>();

  constructor(
    private readonly districtId: string,
    /** The district's department ids by code (measures name departments by code). */
    private readonly departments: ReadonlyMap<string, string>,
  ) {}

  /** A played case; its events as they were made are its part of the log, in order. */
  add(d: Draft): void {
    const c = d.script.state.case;
    const facts = {
      districtId: this.districtId,
      receivedAt: c.receivedAt,
      replyDueAt: c.replyDueAt,
      channel: d.channel,
      streetOfficeId: d.grid.streetOfficeId,
      communityId: d.grid.communityId,
      gridId: d.grid.id,
    };
    const day = localDay(c.receivedAt);
    for (const u of caseMeasures(facts, d.script.events)) {
      const unit = u.level === UnitLevel.department ? this.departments.get(u.unit) : u.unit;
      if (!unit) continue;
      const key = u.level + unit;
      let days = this.rows.get(key);
      if (!days) this.rows.set(key, (days = new Map()));
      let row = days.get(day);
      if (!row) {
        row = { level: u.level, unit, day, counts: new Int32Array(MEASURES.length) };
        days.set(day, row);
      }
      const counts = row.counts;
      for (let i = 0; i < MEASURES.length; i++) counts[i] += u.counts[MEASURES[i]];
    }
  }

  /** Writes the counters; returns the number of rows. */
  async write(client: ClientBase, mode: BulkMode): Promise<number> {
    const buffer = new CopyBuffer(COUNTER_COLUMNS, this.districtId);
    for (const days of this.rows.values())
      for (const r of days.values()) {
        // A row whose every figure is zero is the same as no row (and the recount makes none).
        if (r.counts.every((n) => n === 0)) continue;
        buffer.begin().uuid(uuidv7()).text(r.level).uuid(r.unit).date(r.day);
        for (const n of r.counts) buffer.int4(n);
        buffer.end();
      }
    return copyTo(client, mode, "score_counter", buffer);
  }
}
