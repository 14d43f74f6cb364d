import { type AuthedContext } from "../../context/context";
import { badInput } from "../../common/errors";
import { monthsAndDays } from "../../common/dates";
import { toGlobalId } from "../../common/ids";
import {
  assignmentHeldSql,
  assignmentOverdueSql,
  openSql,
  overdueSql,
} from "../cases/case.deadlines";
import { COLUMN } from "../cases/case.counters";
import { type Counts, MEASURES, UnitLevel } from "../cases/case.measures";
import { ratesOf } from "../cases/case.rates";
import { LEVEL_TYPE, type UnitMeasures } from "./measures.types";
import { queryPrepared } from "../../db/statements";

const LEVEL_TABLE: Record<UnitLevel, string> = {
  district: "district",
  street_office: "street_office",
  community: "community",
  grid: "grid",
  department: "department",
};

/** A day of a period: YYYY-MM-DD, a real date, from 2000 to 2100 (BAD_USER_INPUT otherwise). */
export function checkDay(field: string, v: string): string {
  const t = new Date(`${v}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(v) ||
    Number.isNaN(t.getTime()) ||
    t.toISOString().slice(0, 10) !== v
  )
    throw badInput(field, "use a date as YYYY-MM-DD");
  if (v < "2000-01-01" || v > "2100-12-31") throw badInput(field, "a date from 2000 to 2100");
  return v;
}

/** A period: both days valid, and not ending before it starts. */
export function checkPeriod(from: string, to: string): void {
  checkDay("from", from);
  checkDay("to", to);
  if (from > to) throw badInput("to", "the period ends before it starts");
}

/**
 * The counter rows of a level over a period (`unit_id` and the measures' columns): the month
 * counters for its whole months, the day counters for the rest. `$1` is the level, `$2` the
 * districts; the period's bounds are appended to `params`.
 */
function periodCounters(from: string, to: string, params: unknown[]): string {
  const cols = MEASURES.map((m) => COLUMN[m]).join(", ");
  const at = (v: string) => `$${params.push(v)}::date`;
  const { months, days } = monthsAndDays(from, to);
  const parts = days.map(
    ([a, b]) =>
      `SELECT unit_id, ${cols} FROM score_counter
        WHERE district_id = ANY($2::uuid[]) AND level = $1 AND day BETWEEN ${at(a)} AND ${at(b)}`,
  );
  if (months)
    parts.push(
      `SELECT unit_id, ${cols} FROM score_counter_month
        WHERE district_id = ANY($2::uuid[]) AND level = $1 AND month >= ${at(months[0])} AND month < ${at(months[1])}`,
    );
  return parts.join(" UNION ALL ");
}

/**
 * A unit's measures as one object literal: every count, the rates of those counts
 * (case.rates.ts) and the open cases now. Written out field by field, not spread: for a
 * district's 702 grids, spreading the counts and the rates into each row cost about 8 ms of CPU
 * a board (objects built by spreads and keyed stores are slow to make and to read) against well
 * under 1. The type checker holds the list complete: a new measure or rate is a missing field.
 */
function unitMeasuresOf(
  level: UnitLevel,
  unitId: string,
  name: string,
  c: Readonly<Counts>,
  openNow: number,
  overdueNow: number,
): UnitMeasures {
  const r = ratesOf(c);
  return {
    level,
    unitId,
    name,
    received: c.received,
    hotline: c.hotline,
    communityReport: c.communityReport,
    gridPatrol: c.gridPatrol,
    residentReport: c.residentReport,
    repliedOnTime: c.repliedOnTime,
    resolved: c.resolved,
    resolvedOnTime: c.resolvedOnTime,
    callbacks: c.callbacks,
    callbacksValid: c.callbacksValid,
    satisfied: c.satisfied,
    basicallySatisfied: c.basicallySatisfied,
    unsatisfied: c.unsatisfied,
    returns: c.returns,
    supervisions: c.supervisions,
    breaches: c.breaches,
    replyBreaches: c.replyBreaches,
    parts: c.parts,
    partsRepliedOnTime: c.partsRepliedOnTime,
    partsOnTime: c.partsOnTime,
    partBreaches: c.partBreaches,
    openNow,
    overdueNow,
    responseRate: r.responseRate,
    onTimeCompletionRate: r.onTimeCompletionRate,
    resolutionRate: r.resolutionRate,
    satisfactionRate: r.satisfactionRate,
    effectiveCallbackRate: r.effectiveCallbackRate,
    proactiveShare: r.proactiveShare,
    partReplyRate: r.partReplyRate,
    partOnTimeRate: r.partOnTimeRate,
  };
}

/** The measures of every unit of a level over a period, from the counters (see `measures`). */
export function computeMeasures(
  ctx: AuthedContext,
  level: UnitLevel,
  from: string,
  to: string,
): Promise<UnitMeasures[]> {
  const districtIds = ctx.principal.districtIds;
  const sums = MEASURES.map((m) => `sum(${COLUMN[m]}) AS ${COLUMN[m]}`);
  const cols = MEASURES.map((m) => `coalesce(s.${COLUMN[m]}, 0)::int AS "${m}"`);
  const params: unknown[] = [level, districtIds];
  const counters = periodCounters(from, to, params);
  return ctx.db.run(async (m) => {
    // The period's counters of the level summed first (whole months from the month counters, a
    // row per unit and month; the other days from the day counters, one range of
    // score_counter_day_idx each), then joined to every unit: one scan, not one per unit.
    const rows: Array<Counts & { unit: string; name: string }> = await queryPrepared(
      m,
      `WITH s AS (
         SELECT unit_id, ${sums.join(", ")} FROM (${counters}) c GROUP BY unit_id
       )
       SELECT u.id AS unit, u.name, ${cols.join(", ")}
         FROM ${LEVEL_TABLE[level]} u LEFT JOIN s ON s.unit_id = u.id
        WHERE ${level === UnitLevel.district ? "u.id" : "u.district_id"} = ANY($2::uuid[])
        ORDER BY u.name, u.id`,
      params,
    );
    // Now, whatever the period: the units' open cases and the overdue among them, in one read of
    // the open cases (hotline_case_open_idx); for a department, the parts it still holds.
    const now: Array<{ unit: string; open: number; overdue: number }> = await queryPrepared(
      m,
      level === UnitLevel.department
        ? `SELECT a.department_id AS unit, count(*)::int AS open,
                  count(*) FILTER (WHERE ${assignmentOverdueSql("a", "c", "$2")})::int AS overdue
             FROM case_assignment a
             JOIN hotline_case c ON c.district_id = a.district_id AND c.id = a.case_id
            WHERE a.district_id = ANY($1::uuid[]) AND ${assignmentHeldSql("a", "c")}
            GROUP BY 1`
        : `SELECT ${level === UnitLevel.community ? "g.community_id" : level === UnitLevel.district ? "c.district_id" : `c.${level}_id`} AS unit,
                count(DISTINCT c.id)::int AS open,
                count(DISTINCT c.id) FILTER (WHERE ${overdueSql("c", "$2")})::int AS overdue
           FROM hotline_case c
           ${level === UnitLevel.community ? "JOIN grid g ON g.district_id = c.district_id AND g.id = c.grid_id" : ""}
          WHERE c.district_id = ANY($1::uuid[]) AND ${openSql("c")}
          GROUP BY 1`,
      [districtIds, ctx.clock.now()],
    );
    const nowBy = new Map(now.map((o) => [o.unit, o]));
    return rows.map((r) => {
      const n = nowBy.get(r.unit);
      return unitMeasuresOf(
        level,
        toGlobalId(LEVEL_TYPE[level], r.unit),
        r.name,
        r,
        n?.open ?? 0,
        n?.overdue ?? 0,
      );
    });
  });
}
