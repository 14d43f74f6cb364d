import { type AuthedContext } from "../../context/context";
import { badInput } from "../../common/errors";
import { toGlobalId } from "../../common/ids";
import { Case } from "../cases/case.entity";
import { maySeeCase } from "../cases/case.policy";
import { assignmentOverdueSql, overdueSql } from "../cases/case.deadlines";
import { COLUMN } from "../cases/case.counters";
import {
  caseMeasures,
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
  const cols = MEASURES.map((m) => `coalesce(sum(s.${COLUMN[m]}), 0)::int AS "${m}"`);
  return ctx.db.run(async (m) => {
    const rows: Array<Record<string, unknown>> = await m.query(
      `SELECT u.id AS unit, u.name, ${cols.join(", ")}
           FROM ${LEVEL_TABLE[level]} u
           LEFT JOIN score_counter s ON s.district_id = ${level === UnitLevel.district ? "u.id" : "u.district_id"}
                AND s.level = $1 AND s.unit_id = u.id AND s.day BETWEEN $2::date AND $3::date
          WHERE ${level === UnitLevel.district ? "u.id" : "u.district_id"} = ANY($4::uuid[])
          GROUP BY u.id, u.name ORDER BY u.name`,
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

/** The units' SQL column on a case, for drill-down. */
function unitCondition(level: UnitLevel): string {
  switch (level) {
    case UnitLevel.district:
      return "c.district_id = $2";
    case UnitLevel.street_office:
      return "c.street_office_id = $2";
    case UnitLevel.grid:
      return "c.grid_id = $2";
    case UnitLevel.community:
      return "c.grid_id IN (SELECT g.id FROM grid g WHERE g.district_id = c.district_id AND g.community_id = $2)";
    case UnitLevel.department:
      return "c.id IN (SELECT a.case_id FROM case_assignment a WHERE a.district_id = c.district_id AND a.department_id = $2)";
  }
}

/**
 * The cases of a unit received in a period that count in one measure, recomputed from their event
 * logs by `caseMeasures` (the counters' own rule, so a drill-down always adds up to its figure).
 * The total counts them all; the list holds those the caller may open, newest first, up to 200.
 */
export async function casesBehind(
  ctx: AuthedContext,
  q: { level: UnitLevel; unit: string; measure: Measure; from: string; to: string },
): Promise<MeasureCases> {
  const { level, from, to } = q;
  const rows = await ctx.db.run(async (m) => {
    const cases: Case[] = await m
      .createQueryBuilder(Case, "c")
      .where("c.district_id = ANY(CAST(:d AS uuid[]))", { d: ctx.principal.districtIds })
      .andWhere(unitCondition(level).replace("$2", ":unit"), { unit: q.unit })
      .andWhere(
        "(c.received_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN CAST(:from AS date) AND CAST(:to AS date)",
        { from, to },
      )
      .orderBy("c.id", "DESC")
      .getMany();
    if (cases.length === 0) return [];
    const events: Array<{
      case_id: string;
      action: string;
      at: Date;
      data: Record<string, unknown>;
    }> = await m.query(
      `SELECT case_id, action, at, data FROM case_event WHERE district_id = ANY($1::uuid[]) AND case_id = ANY($2::uuid[]) ORDER BY position`,
      [ctx.principal.districtIds, cases.map((c) => c.id)],
    );
    const depts: Array<{ code: string; id: string }> =
      level === UnitLevel.department
        ? await m.query(`SELECT code, id FROM department WHERE district_id = ANY($1::uuid[])`, [
            ctx.principal.districtIds,
          ])
        : [];
    const codeOf = new Map(depts.map((d) => [d.id, d.code]));
    const byCase = new Map<string, EventFacts[]>();
    for (const e of events) {
      let l = byCase.get(e.case_id);
      if (!l) byCase.set(e.case_id, (l = []));
      l.push({ action: e.action, at: new Date(e.at), data: e.data ?? {} });
    }
    const grids: Array<{ id: string; community_id: string }> = await m.query(
      `SELECT id, community_id FROM grid WHERE district_id = ANY($1::uuid[])`,
      [ctx.principal.districtIds],
    );
    const communityOf = new Map(grids.map((g) => [g.id, g.community_id]));
    const unitKey = level === UnitLevel.department ? codeOf.get(q.unit) : q.unit;
    return cases.filter((c) => {
      const units = caseMeasures(
        {
          districtId: c.districtId,
          receivedAt: c.receivedAt,
          replyDueAt: c.replyDueAt,
          channel: c.channel,
          streetOfficeId: c.streetOfficeId,
          communityId: c.gridId ? (communityOf.get(c.gridId) ?? null) : null,
          gridId: c.gridId,
        },
        byCase.get(c.id) ?? [],
      );
      const u = units.find((x) => x.level === level && x.unit === unitKey);
      return (u?.counts[q.measure] ?? 0) > 0;
    });
  });
  const visible: Case[] = [];
  for (const c of rows) if (await maySeeCase(ctx, c)) visible.push(c);
  return { total: rows.length, cases: visible.slice(0, 200) };
}
