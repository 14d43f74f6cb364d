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
import { type BulkMode, type Column, copyRows } from "./copy-rows";
import { type Draft } from "./case-world";

const COUNTER_COLUMNS: Column[] = [
  ["id", "uuid"],
  ["level", "text"],
  ["unit_id", "uuid"],
  ["day", "date"],
  ...MEASURES.map((m): Column => [COLUMN[m], "integer"]),
];

export class CounterTally {
  private readonly rows = new Map<string, Record<string, unknown>>();

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
      const key = `${u.level}|${unit}|${day}`;
      let row = this.rows.get(key);
      if (!row) {
        row = { level: u.level, unit_id: unit, day };
        for (const m of MEASURES) row[COLUMN[m]] = 0;
        this.rows.set(key, row);
      }
      for (const m of MEASURES) (row[COLUMN[m]] as number) += u.counts[m];
    }
  }

  /** Writes the counters; returns the number of rows. */
  async write(client: ClientBase, mode: BulkMode): Promise<number> {
    // A row whose every figure is zero is the same as no row (and the recount makes none).
    const kept = [...this.rows.values()].filter((r) => MEASURES.some((m) => r[COLUMN[m]] !== 0));
    for (const r of kept) r.id = uuidv7();
    return copyRows(client, mode, "score_counter", this.districtId, COUNTER_COLUMNS, kept);
  }
}
