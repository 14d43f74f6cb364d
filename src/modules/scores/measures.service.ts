import { type AuthedContext } from "../../context/context";
import { badInput } from "../../common/errors";
import { idFloor, toGlobalId } from "../../common/ids";
import { Case } from "../cases/case.entity";
import { maySeeCase } from "../cases/case.policy";
import { assignmentOverdueSql, overdueSql } from "../cases/case.deadlines";
import { COLUMN, type CaseRow } from "../cases/case.counters";
import { periodInstants } from "../patrols/patrol.coverage";
import {
  CASE_COUNT_MEASURES,
  caseMeasures,
  MEASURE_ACTIONS,
  type Counts,
  type EventFacts,
  MEASURES,
  type Measure,
  ratesOf,
  UnitLevel,
} from "../cases/case.measures";
import { LEVEL_TYPE, type MeasureCases, type UnitMeasures } from "./measures.types";

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
  return ctx.db.run(async (m) => {
    // The period's counters of the level summed first, in one range of score_counter_day_idx
    // (an index-only scan), then joined to every unit: one scan, not one per unit.
    const rows: Array<Record<string, unknown>> = await m.query(
      `WITH s AS (
         SELECT unit_id, ${sums.join(", ")} FROM score_counter
          WHERE district_id = ANY($4::uuid[]) AND level = $1 AND day BETWEEN $2::date AND $3::date
          GROUP BY unit_id
       )
       SELECT u.id AS unit, u.name, ${cols.join(", ")}
         FROM ${LEVEL_TABLE[level]} u LEFT JOIN s ON s.unit_id = u.id
        WHERE ${level === UnitLevel.district ? "u.id" : "u.district_id"} = ANY($4::uuid[])
        ORDER BY u.name, u.id`,
      [level, from, to, districtIds],
    );
    const overdue: Array<{ unit: string; n: number }> = await m.query(
      level === UnitLevel.department
        ? `SELECT a.department_id AS unit, count(*)::int AS n
             FROM case_assignment a
             JOIN hotline_case c ON c.district_id = a.district_id AND c.id = a.case_id
            WHERE a.district_id = ANY($1::uuid[]) AND ${assignmentOverdueSql("a", "c", "$2")}
            GROUP BY 1`
        : `SELECT ${level === UnitLevel.community ? "g.community_id" : level === UnitLevel.district ? "c.district_id" : `c.${level}_id`} AS unit,
                count(DISTINCT c.id)::int AS n
           FROM hotline_case c
           ${level === UnitLevel.community ? "JOIN grid g ON g.district_id = c.district_id AND g.id = c.grid_id" : ""}
          WHERE c.district_id = ANY($1::uuid[]) AND ${overdueSql("c", "$2")}
          GROUP BY 1`,
      [districtIds, ctx.clock.now()],
    );
    const overdueBy = new Map(overdue.map((o) => [o.unit, o.n]));
    return rows.map((r) => {
      const counts = Object.fromEntries(MEASURES.map((k) => [k, Number(r[k])])) as Counts;
      return {
        level,
        unitId: toGlobalId(LEVEL_TYPE[level], r.unit as string),
        name: r.name as string,
        ...counts,
        overdueNow: overdueBy.get(r.unit as string) ?? 0,
        ...ratesOf(counts),
      };
    });
  });
}

/** The units' SQL condition on a case (alias c, the unit's id $2), for drill-down. */
function unitCondition(level: UnitLevel): string {
  switch (level) {
    case UnitLevel.district:
      return "c.district_id = $2";
    case UnitLevel.street_office:
      return "c.street_office_id = $2";
    case UnitLevel.grid:
      return "c.grid_id = $2";
    case UnitLevel.community:
      return "c.grid_id IN (SELECT g.id FROM grid g WHERE g.community_id = $2)";
    case UnitLevel.department:
      return "c.id IN (SELECT a.case_id FROM case_assignment a WHERE a.department_id = $2)";
  }
}

/**
 * Cases whose measures are recomputed at a time, newest first: a little more than the list when
 * the walk stops once the list is full, more when it must count every case.
 */
const DRILL_CHUNK = { listing: 250, counting: 1000 };
const DRILL_LIST = 200;

/**
 * The cases of a unit received in a period that count in one measure, recomputed from their event
 * logs by `caseMeasures` (the counters' own rule, so a drill-down always adds up to its figure).
 * The list holds those the caller may open, newest first, up to 200; only cases whose log has one
 * of the measure's MEASURE_ACTIONS are read. The total counts them all:
 * for a measure that counts cases (CASE_COUNT_MEASURES) it is the figure itself, read from the
 * counters, and the cases are recomputed newest first only until the list is full; for the others
 * (callbacks, returns, supervisions, parts) every case of the unit in the period is recomputed.
 */
export async function casesBehind(
  ctx: AuthedContext,
  q: { level: UnitLevel; unit: string; measure: Measure; from: string; to: string },
): Promise<MeasureCases> {
  const { level, measure } = q;
  const districtIds = ctx.principal.districtIds;
  const { start, end } = periodInstants(q.from, q.to);
  const countsCases = CASE_COUNT_MEASURES.has(measure);
  // Only the cases whose log has an action the measure needs (an index-only probe of the log).
  const actions = MEASURE_ACTIONS[measure];
  const chunkSize = countsCases ? DRILL_CHUNK.listing : DRILL_CHUNK.counting;
  // The unit's district: the district itself, or the caller's (only a district's staff drill
  // below the district level).
  const own = level === UnitLevel.district ? q.unit : ctx.principal.districtId;
  const { total: counted, unitKey } = await ctx.db.run(async (m) => {
    const [figure]: Array<{ n: number }> = countsCases
      ? await m.query(
          `SELECT coalesce(sum(${COLUMN[measure]}), 0)::int AS n FROM score_counter
            WHERE district_id = ANY($1::uuid[]) AND level = $2 AND unit_id = $3
              AND day BETWEEN $4::date AND $5::date`,
          [districtIds, level, q.unit, q.from, q.to],
        )
      : [{ n: 0 }];
    // The measures name a department by its code.
    const [dept]: Array<{ code: string }> =
      level === UnitLevel.department
        ? await m.query(
            `SELECT code FROM department WHERE district_id = ANY($1::uuid[]) AND id = $2`,
            [districtIds, q.unit],
          )
        : [];
    return { total: figure.n, unitKey: level === UnitLevel.department ? dept?.code : q.unit };
  });
  let total = countsCases ? counted : 0;
  const listed: Case[] = [];
  let before = idFloor(end);
  for (;;) {
    const chunk = await ctx.db.run(async (m) => {
      // One district's cases by id (equality, so that the unit's index (…, id) is read in order
      // and the walk stops at a chunk); the period by the ids' time, checked below by the
      // receipt itself. The action test is a subquery per case, an index-only probe of its log,
      // so that the planner cannot turn it into a scan of the district's whole log.
      const rows: CaseRow[] = await m.query(
        `SELECT c.id, c.district_id, c.received_at, c.reply_due_at, c.channel, c.street_office_id,
                c.grid_id, g.community_id
           FROM hotline_case c LEFT JOIN grid g ON g.district_id = c.district_id AND g.id = c.grid_id
          WHERE c.district_id = ANY($1::uuid[]) AND c.district_id = $3 AND ${unitCondition(level)}
            AND c.id >= $4 AND c.id < $5
            ${actions ? "AND (SELECT true FROM case_event e WHERE e.district_id = c.district_id AND e.case_id = c.id AND e.action = ANY($6::text[]) LIMIT 1)" : ""}
          ORDER BY c.id DESC LIMIT ${chunkSize}`,
        [districtIds, q.unit, own, idFloor(start), before, ...(actions ? [actions] : [])],
      );
      const facts = rows.filter((c) => c.received_at >= start && c.received_at < end);
      if (facts.length === 0) return { rows, counting: [] as string[], cases: [] as Case[] };
      const events: Array<{
        case_id: string;
        action: string;
        at: Date;
        data: Record<string, unknown>;
      }> = await m.query(
        `SELECT case_id, action, at, data FROM case_event
            WHERE district_id = ANY($1::uuid[]) AND case_id = ANY($2::uuid[]) ORDER BY position`,
        [districtIds, facts.map((f) => f.id)],
      );
      const byCase = new Map<string, EventFacts[]>();
      for (const e of events) {
        let l = byCase.get(e.case_id);
        if (!l) byCase.set(e.case_id, (l = []));
        l.push({ action: e.action, at: new Date(e.at), data: e.data ?? {} });
      }
      const counting = facts
        .filter((c) => {
          const units = caseMeasures(
            {
              districtId: c.district_id,
              receivedAt: new Date(c.received_at),
              replyDueAt: new Date(c.reply_due_at),
              channel: c.channel,
              streetOfficeId: c.street_office_id,
              communityId: c.community_id,
              gridId: c.grid_id,
            },
            byCase.get(c.id) ?? [],
          );
          const u = units.find((x) => x.level === level && x.unit === unitKey);
          return (u?.counts[measure] ?? 0) > 0;
        })
        .map((c) => c.id);
      // Only the cases the list may still show are read whole.
      const cases =
        listed.length < DRILL_LIST && counting.length > 0
          ? await m
              .createQueryBuilder(Case, "c")
              .where(
                "c.district_id = ANY(CAST(:d AS uuid[])) AND c.id = ANY(CAST(:ids AS uuid[]))",
                {
                  d: districtIds,
                  ids: counting,
                },
              )
              .orderBy("c.id", "DESC")
              .getMany()
          : [];
      return { rows, counting, cases };
    });
    if (!countsCases) total += chunk.counting.length;
    for (const c of chunk.cases)
      if (listed.length < DRILL_LIST && (await maySeeCase(ctx, c))) listed.push(c);
    if (chunk.rows.length < chunkSize || (countsCases && listed.length >= DRILL_LIST)) break;
    before = chunk.rows[chunk.rows.length - 1].id;
  }
  return { total, cases: listed };
}
