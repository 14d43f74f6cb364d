import { type EntityManager } from "typeorm";
import { type AuthedContext } from "../../context/context";
import { localDay } from "../../common/dates";
import { idFloor } from "../../common/ids";
import { Case } from "../cases/case.entity";
import { maySeeCase } from "../cases/case.policy";
import { COLUMN, type CaseRow } from "../cases/case.counters";
import { periodInstants } from "../patrols/patrol.coverage";
import {
  CASE_COUNT_MEASURES,
  caseMeasures,
  MAP_LEVELS,
  MEASURE_ACTIONS,
  type EventFacts,
  type Measure,
  UnitLevel,
} from "../cases/case.measures";
import { type MeasureCases } from "./measures.types";
import { queryPrepared } from "../../db/statements";

/** Drill-down (`measureCases`): the cases behind one figure of the measures. */

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

/** Cases recomputed at a time when every case of the period is counted; the list's length. */
const DRILL_CHUNK = 1000;
const DRILL_LIST = 200;

interface DrillQuery {
  level: UnitLevel;
  unit: string;
  measure: Measure;
  from: string;
  to: string;
}

/**
 * The cases of a unit received in a period that count in one measure, by the counters' own rule
 * (`caseMeasures`, so a drill-down always adds up to its figure). The list holds those the caller
 * may open, newest first, up to 200; only cases whose log has one of the measure's MEASURE_ACTIONS
 * are considered (`candidates`). The total counts them all: for a measure that
 * counts cases (CASE_COUNT_MEASURES) it is the figure itself, read from the counters day by day,
 * and the list is filled from the newest days (`listFromDays`); for the others (callbacks,
 * returns, supervisions, parts) every case of the unit in the period is recomputed from its log.
 */
export async function casesBehind(ctx: AuthedContext, q: DrillQuery): Promise<MeasureCases> {
  // The measures name a department by its code.
  const unitKey =
    q.level === UnitLevel.department
      ? await ctx.db.run(async (m) => {
          const [dept]: Array<{ code: string }> = await m.query(
            `SELECT code FROM department WHERE district_id = ANY($1::uuid[]) AND id = $2`,
            [ctx.principal.districtIds, q.unit],
          );
          return dept?.code;
        })
      : q.unit;
  return CASE_COUNT_MEASURES.has(q.measure)
    ? listFromDays(ctx, q, unitKey)
    : countEveryCase(ctx, q, unitKey);
}

/**
 * A measure that counts cases: its figure per day of receipt (the day counters; their sum is the
 * total), and the list from the newest days whose figures add up to what it still needs, their
 * candidates read at once. The cases that count are among the candidates (MEASURE_ACTIONS), and
 * the counters say how many of them count, per day and per grid (the counters equal the log:
 * `npm run verify-scores`): a group of candidates whose figure is 0 needs no log, nor one whose
 * figure is its size (`settle`). Only the other groups' candidates are recomputed from their logs
 * (for `resolved` every candidate counts; for `breaches` and `replyBreaches` a breach of another
 * limit does not).
 */
async function listFromDays(
  ctx: AuthedContext,
  q: DrillQuery,
  unitKey: string | undefined,
): Promise<MeasureCases> {
  const districtIds = ctx.principal.districtIds;
  const figures: Array<{ day: string; n: number }> = await ctx.db.run((m) =>
    queryPrepared(
      m,
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(${COLUMN[q.measure]})::int AS n
         FROM score_counter
        WHERE district_id = ANY($1::uuid[]) AND level = $2 AND unit_id = $3
          AND day BETWEEN $4::date AND $5::date
        GROUP BY day HAVING sum(${COLUMN[q.measure]}) > 0 ORDER BY day DESC`,
      [districtIds, q.level, q.unit, q.from, q.to],
    ),
  );
  const total = figures.reduce((n, f) => n + f.n, 0);
  const listed: Case[] = [];
  let next = 0;
  while (listed.length < DRILL_LIST && next < figures.length) {
    const days = new Map<string, number>();
    for (let want = 0; next < figures.length && want < DRILL_LIST - listed.length; next++) {
      days.set(figures[next].day, figures[next].n);
      want += figures[next].n;
    }
    const newest = figures[next - days.size].day;
    const { start, end } = periodInstants(figures[next - 1].day, newest);
    const counting = await ctx.db.run(async (m) => {
      const { facts } = await candidates(m, ctx, q, start, end);
      const ofDays = facts.filter((c) => days.has(localDay(c.received_at)));
      const { sure, unsure } = await settle(m, ctx, q, days, ofDays);
      const recounted = new Set(await countingIn(m, ctx, q, unitKey, unsure));
      return ofDays.filter((c) => sure.has(c.id) || recounted.has(c.id));
    });
    await listVisible(ctx, counting, listed);
  }
  return { total, cases: listed };
}

/**
 * Which of a day's candidates count, as far as the counters tell without a log. The candidates
 * are taken in groups, each with a figure that bounds how many of them count: for a unit of the
 * map above the grid (MAP_LEVELS), the cases of one grid and day with that grid's figure of the
 * day (a case counts in its grid as in the unit); otherwise, the day's cases with the unit's
 * figure. A group counts at most min(its size, its figure) =: its cap, and a day's groups together
 * count the unit's figure of the day. So a group whose figure is 0 has none that count; and when
 * a day's caps add up to its figure, every group counts its cap: all of a group whose cap is its
 * size count. The rest (`unsure`) are recomputed from their logs.
 */
async function settle(
  m: EntityManager,
  ctx: AuthedContext,
  q: DrillQuery,
  days: ReadonlyMap<string, number>,
  cases: readonly CaseRow[],
): Promise<{ sure: Set<string>; unsure: CaseRow[] }> {
  const byGrid = MAP_LEVELS.has(q.level) && q.level !== UnitLevel.grid;
  const gridSet = new Set<string>();
  if (byGrid) for (const c of cases) if (c.grid_id) gridSet.add(c.grid_id);
  const grids = [...gridSet];
  const gridFigures = new Map<string, number>();
  if (grids.length > 0) {
    const dayList = [...days.keys()].sort();
    // Unprepared: from one grid to all of them, a plan kept for a few could be a poor one for many.
    const rows: Array<{ grid: string; day: string; n: number }> = await m.query(
      `SELECT unit_id AS grid, to_char(day, 'YYYY-MM-DD') AS day, sum(${COLUMN[q.measure]})::int AS n
         FROM score_counter
        WHERE district_id = ANY($1::uuid[]) AND level = 'grid' AND unit_id = ANY($2::uuid[])
          AND day BETWEEN $3::date AND $4::date AND ${COLUMN[q.measure]} > 0
        GROUP BY 1, 2`,
      [ctx.principal.districtIds, grids, dayList[0], dayList[dayList.length - 1]],
    );
    for (const r of rows) gridFigures.set(`${r.day} ${r.grid}`, r.n);
  }
  const groups = new Map<string, { day: string; figure: number; cases: CaseRow[] }>();
  for (const c of cases) {
    const day = localDay(c.received_at);
    const key = byGrid && c.grid_id ? `${day} ${c.grid_id}` : day;
    let g = groups.get(key);
    const figure = key === day ? (days.get(day) ?? 0) : (gridFigures.get(key) ?? 0);
    if (!g) groups.set(key, (g = { day, figure, cases: [] }));
    g.cases.push(c);
  }
  const cap = (g: { figure: number; cases: CaseRow[] }) => Math.min(g.figure, g.cases.length);
  const caps = new Map<string, number>();
  for (const g of groups.values()) caps.set(g.day, (caps.get(g.day) ?? 0) + cap(g));
  const sure = new Set<string>();
  const unsure: CaseRow[] = [];
  for (const g of groups.values()) {
    if (cap(g) === 0) continue;
    if (cap(g) === g.cases.length && caps.get(g.day) === days.get(g.day))
      for (const c of g.cases) sure.add(c.id);
    else unsure.push(...g.cases);
  }
  return { sure, unsure };
}

/**
 * A measure that may count a case several times: every case of the unit in the period with one
 * of its actions, newest first, a chunk at a time, recomputed from its log; the total is theirs.
 */
async function countEveryCase(
  ctx: AuthedContext,
  q: DrillQuery,
  unitKey: string | undefined,
): Promise<MeasureCases> {
  const { start, end } = periodInstants(q.from, q.to);
  let total = 0;
  const listed: Case[] = [];
  let before = idFloor(end);
  for (;;) {
    const chunk = await ctx.db.run(async (m) => {
      const { rows, facts } = await candidates(m, ctx, q, start, end, {
        before,
        limit: DRILL_CHUNK,
      });
      const counting = new Set(await countingIn(m, ctx, q, unitKey, facts));
      return { rows, counting: facts.filter((c) => counting.has(c.id)) };
    });
    total += chunk.counting.length;
    await listVisible(ctx, chunk.counting, listed);
    if (chunk.rows.length < DRILL_CHUNK) break;
    before = chunk.rows[chunk.rows.length - 1].id;
  }
  return { total, cases: listed };
}

/**
 * The unit's cases with one of the measure's actions and ids from the start's on (before
 * `before`, at most `limit`), newest first (`rows`), and those received in [start, end)
 * (`facts`). One district's cases by equality, so that the unit's index (…, id) is read in order.
 * The action test is one of two shapes. Each case probed in its log (an index-only subquery per
 * case, so that the planner cannot turn it into a scan of the district's whole log): for a grid or
 * a community, a few hundred of its district's cases in a month, and for a page (`limit`), which
 * stops at its first thousand. Or, for all the days a street office, a department or a district
 * needs, a large share of the district's cases: the unit's cases joined to the district's log
 * entries of the measure's actions in the same range of ids (case_event_action_idx), read once.
 * (The planner cannot choose between the two: the tenant's `district_id = ANY(…)` makes it count
 * each probe as ten.)
 */
async function candidates(
  m: EntityManager,
  ctx: AuthedContext,
  q: DrillQuery,
  start: Date,
  end: Date,
  page: { before?: string; limit?: number } = {},
): Promise<{ rows: CaseRow[]; facts: CaseRow[] }> {
  const actions = MEASURE_ACTIONS[q.measure];
  // The unit's district: the district itself, or the caller's (only a district's staff drill
  // below the district level).
  const own = q.level === UnitLevel.district ? q.unit : ctx.principal.districtId;
  const probe =
    page.limit !== undefined || q.level === UnitLevel.grid || q.level === UnitLevel.community;
  const actionTest = !actions
    ? ""
    : probe
      ? "AND (SELECT true FROM case_event e WHERE e.district_id = c.district_id AND e.case_id = c.id AND e.action = ANY($6::text[]) LIMIT 1)"
      : `AND c.id IN (SELECT e.case_id FROM case_event e
                       WHERE e.district_id = $3 AND e.action = ANY($6::text[])
                         AND e.case_id >= $4 AND e.case_id < $5)`;
  const rows: CaseRow[] = await m.query(
    `SELECT c.id, c.district_id, c.received_at, c.reply_due_at, c.channel, c.street_office_id,
            c.grid_id, g.community_id
       FROM hotline_case c LEFT JOIN grid g ON g.district_id = c.district_id AND g.id = c.grid_id
      WHERE c.district_id = ANY($1::uuid[]) AND c.district_id = $3 AND ${unitCondition(q.level)}
        AND c.id >= $4 AND c.id < $5
        ${actionTest}
      ORDER BY c.id DESC ${page.limit ? `LIMIT ${page.limit}` : ""}`,
    [
      ctx.principal.districtIds,
      q.unit,
      own,
      idFloor(start),
      page.before ?? idFloor(end),
      ...(actions ? [actions] : []),
    ],
  );
  return { rows, facts: rows.filter((c) => c.received_at >= start && c.received_at < end) };
}

/** The ids of those of `cases` that count in the measure for the unit, from their logs. */
async function countingIn(
  m: EntityManager,
  ctx: AuthedContext,
  q: DrillQuery,
  unitKey: string | undefined,
  cases: CaseRow[],
): Promise<string[]> {
  if (cases.length === 0) return [];
  const events: Array<{
    case_id: string;
    action: string;
    at: Date;
    data: Record<string, unknown>;
  }> = await queryPrepared(
    m,
    `SELECT case_id, action, at, data FROM case_event
      WHERE district_id = ANY($1::uuid[]) AND case_id = ANY($2::uuid[]) ORDER BY position`,
    [ctx.principal.districtIds, cases.map((c) => c.id)],
  );
  const byCase = new Map<string, EventFacts[]>();
  for (const e of events) {
    let l = byCase.get(e.case_id);
    if (!l) byCase.set(e.case_id, (l = []));
    l.push({ action: e.action, at: new Date(e.at), data: e.data ?? {} });
  }
  return cases
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
      const u = units.find((x) => x.level === q.level && x.unit === unitKey);
      return (u?.counts[q.measure] ?? 0) > 0;
    })
    .map((c) => c.id);
}

/**
 * Adds to the list, newest first, those of `counting` (newest first) the caller may open, until
 * it holds 200: only as many are read whole as it still takes (more if some may not be opened).
 */
async function listVisible(
  ctx: AuthedContext,
  counting: readonly CaseRow[],
  listed: Case[],
): Promise<void> {
  for (let i = 0; i < counting.length && listed.length < DRILL_LIST;) {
    const ids = counting.slice(i, i + DRILL_LIST - listed.length).map((c) => c.id);
    i += ids.length;
    const cases = await ctx.db.run((m) =>
      m
        .createQueryBuilder(Case, "c")
        .where("c.district_id = ANY(CAST(:d AS uuid[])) AND c.id = ANY(CAST(:ids AS uuid[]))", {
          d: ctx.principal.districtIds,
          ids,
        })
        .orderBy("c.id", "DESC")
        .getMany(),
    );
    for (const c of cases) if (await maySeeCase(ctx, c)) listed.push(c);
  }
}
