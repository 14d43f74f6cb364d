import { uuidv7 } from "../../common/ids";
import { type Statement } from "../../db/statements";
import { localDay } from "./calendar.rules";
import {
  type CaseFacts,
  caseMeasures,
  difference,
  type EventFacts,
  MEASURES,
  type Measure,
  type UnitCounts,
  UnitLevel,
} from "./case.measures";

/** Runs SQL and returns rows: TypeORM's manager.query, or a pg client wrapped. */
export type Sql = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** The counter column of each measure. */
export const COLUMN: Record<Measure, string> = Object.fromEntries(
  MEASURES.map((m) => [m, m.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`)]),
) as Record<Measure, string>;

/** A case's facts as the measures read them, as one row (see CASE_SELECT). */
export interface CaseRow {
  id: string;
  district_id: string;
  received_at: Date;
  reply_due_at: Date;
  channel: string;
  street_office_id: string | null;
  grid_id: string | null;
  community_id: string | null;
}

function facts(r: CaseRow): CaseFacts {
  return {
    districtId: r.district_id,
    receivedAt: new Date(r.received_at),
    replyDueAt: new Date(r.reply_due_at),
    channel: r.channel,
    streetOfficeId: r.street_office_id,
    communityId: r.community_id,
    gridId: r.grid_id,
  };
}

const CASE_SELECT = `SELECT c.id, c.district_id, c.received_at, c.reply_due_at, c.channel, c.street_office_id,
       c.grid_id, g.community_id
  FROM hotline_case c LEFT JOIN grid g ON g.district_id = c.district_id AND g.id = c.grid_id`;

async function departmentIds(sql: Sql, districtId: string): Promise<Map<string, string>> {
  const rows = await sql(`SELECT code, id FROM department WHERE district_id = $1`, [districtId]);
  return new Map(rows.map((r) => [r.code as string, r.id as string]));
}

/** The counter columns, in the order of MEASURES. */
const COUNTER_COLUMNS = MEASURES.map((m) => COLUMN[m]);

/**
 * The text of addToCounters, the same at every call (the rows are its third parameter), so that
 * it is built once and its prepared statement found by the same string. A count left out of a
 * row's JSON is 0: a new event moves two or three of the twenty, and the JSON holds only those.
 */
const ADD_TO_COUNTERS = `INSERT INTO score_counter (district_id, id, level, unit_id, day, ${COUNTER_COLUMNS.join(", ")})
     SELECT $1, x.id, x.level, x.unit_id, $2::date, ${COUNTER_COLUMNS.map((c) => `coalesce(x.${c}, 0)`).join(", ")}
       FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, level text, unit_id uuid, ${COUNTER_COLUMNS.map((c) => `${c} integer`).join(", ")})
     ON CONFLICT (district_id, level, unit_id, day) DO UPDATE SET
       ${COUNTER_COLUMNS.map((c) => `${c} = score_counter.${c} + EXCLUDED.${c}`).join(",\n       ")}`;

/** The statement that adds counts (positive or negative) to the counters of one day. */
function addToCounters(
  districtId: string,
  day: string,
  rows: UnitCounts[],
  deptIds: Map<string, string>,
): Statement | null {
  const records: Array<Record<string, unknown>> = [];
  for (const u of rows) {
    const unit = u.level === UnitLevel.department ? deptIds.get(u.unit) : u.unit;
    if (!unit) continue;
    const record: Record<string, unknown> = { id: uuidv7(), level: u.level, unit_id: unit };
    for (const m of MEASURES) if (u.counts[m] !== 0) record[COLUMN[m]] = u.counts[m];
    records.push(record);
  }
  if (records.length === 0) return null;
  return { text: ADD_TO_COUNTERS, params: [districtId, day, JSON.stringify(records)] };
}

/**
 * Called with each new event, in its transaction, before the event row is written: the counters
 * move by the difference the event makes to its case's measures.
 */
export async function countEvent(
  sql: Sql,
  districtId: string,
  caseId: string,
  event: EventFacts,
  /** The case's facts and earlier events when the caller has them (a new case); read otherwise. */
  known?: KnownMeasures,
): Promise<void> {
  const s = await countEventStatement(sql, districtId, caseId, event, known);
  if (s) await sql(s.text, s.params);
}

/**
 * What countEvent runs, not run: for a caller that sends it in the same statement as the event
 * row (intake). Null when the event moves no counter. Reads only what `known` does not give.
 */
export async function countEventStatement(
  sql: Sql,
  districtId: string,
  caseId: string,
  event: EventFacts,
  known?: KnownMeasures,
): Promise<Statement | null> {
  const { f, past } = known ?? (await readMeasures(sql, districtId, caseId)) ?? {};
  if (!f || !past) return null;
  const before = caseMeasures(f, past);
  const after = caseMeasures(f, [...past, event]);
  const delta = difference(before, after);
  if (delta.length === 0) return null;
  const depts = delta.some((d) => d.level === UnitLevel.department)
    ? await departmentIds(sql, districtId)
    : new Map<string, string>();
  return addToCounters(districtId, localDay(f.receivedAt), delta, depts);
}

/** A case's facts and its events so far, as the measures read them. */
export interface KnownMeasures {
  f: CaseFacts;
  past: EventFacts[];
}

async function readMeasures(
  sql: Sql,
  districtId: string,
  caseId: string,
): Promise<KnownMeasures | null> {
  const [row] = (await sql(`${CASE_SELECT} WHERE c.district_id = $1 AND c.id = $2`, [
    districtId,
    caseId,
  ])) as unknown as CaseRow[];
  if (!row) return null;
  const past = (await sql(
    `SELECT action, at, data FROM case_event WHERE district_id = $1 AND case_id = $2 ORDER BY position`,
    [districtId, caseId],
  )) as Array<{ action: string; at: Date; data: Record<string, unknown> }>;
  return { f: facts(row), past: past.map(toEvent) };
}

function toEvent(r: { action: string; at: Date; data: Record<string, unknown> }): EventFacts {
  return { action: r.action, at: new Date(r.at), data: r.data ?? {} };
}

/** One case's measures per unit (department codes resolved to ids), by the day they count on. */
export interface CaseUnits {
  caseId: string;
  /** The local day of receipt (YYYY-MM-DD). */
  day: string;
  units: Array<{ level: UnitLevel; unitId: string; counts: UnitCounts["counts"] }>;
}

/** Cases per chunk: a district of a million cases is read a slice at a time, never whole. */
const RECOMPUTE_CHUNK = 5000;

/**
 * Each case of a district (or only those of `caseIds`) with its measures recomputed from its
 * event log by `caseMeasures`, in id order, a chunk of cases and their events at a time.
 */
export async function forEachCaseMeasures(
  sql: Sql,
  districtId: string,
  visit: (c: CaseUnits) => void,
  opts: { caseIds?: readonly string[] } = {},
): Promise<void> {
  const depts = await departmentIds(sql, districtId);
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const cases = (await sql(
      `${CASE_SELECT} WHERE c.district_id = $1 AND c.id > $2
         ${opts.caseIds ? "AND c.id = ANY($4::uuid[])" : ""}
       ORDER BY c.id LIMIT $3`,
      opts.caseIds
        ? [districtId, after, RECOMPUTE_CHUNK, opts.caseIds]
        : [districtId, after, RECOMPUTE_CHUNK],
    )) as unknown as CaseRow[];
    if (cases.length === 0) return;
    after = cases[cases.length - 1].id;
    const events = (await sql(
      `SELECT case_id, action, at, data FROM case_event
        WHERE district_id = $1 AND case_id = ANY($2::uuid[]) ORDER BY case_id, position`,
      [districtId, cases.map((c) => c.id)],
    )) as Array<{ case_id: string; action: string; at: Date; data: Record<string, unknown> }>;
    const byCase = new Map<string, EventFacts[]>();
    for (const e of events) {
      let list = byCase.get(e.case_id);
      if (!list) byCase.set(e.case_id, (list = []));
      list.push(toEvent(e));
    }
    for (const c of cases) {
      const f = facts(c);
      const units: CaseUnits["units"] = [];
      for (const u of caseMeasures(f, byCase.get(c.id) ?? [])) {
        const unitId = u.level === UnitLevel.department ? depts.get(u.unit) : u.unit;
        if (unitId) units.push({ level: u.level, unitId, counts: u.counts });
      }
      visit({ caseId: c.id, day: localDay(f.receivedAt), units });
    }
    if (cases.length < RECOMPUTE_CHUNK) return;
  }
}

/** Every counter of a district, recomputed from its cases and event log: key → counts. */
export async function recomputeCounters(
  sql: Sql,
  districtId: string,
): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  await forEachCaseMeasures(sql, districtId, ({ day, units }) => {
    for (const u of units) {
      const key = `${u.level}|${u.unitId}|${day}`;
      const acc = out.get(key) ?? Object.fromEntries(MEASURES.map((m) => [COLUMN[m], 0]));
      for (const m of MEASURES) acc[COLUMN[m]] += u.counts[m];
      out.set(key, acc);
    }
  });
  // Rows whose every figure is zero are the same as no row.
  for (const [k, v] of out) if (Object.values(v).every((n) => n === 0)) out.delete(k);
  return out;
}

/** The stored counters of a district in the same shape. */
export async function storedCounters(
  sql: Sql,
  districtId: string,
): Promise<Map<string, Record<string, number>>> {
  const cols = COUNTER_COLUMNS;
  const rows = await sql(
    `SELECT level, unit_id, to_char(day, 'YYYY-MM-DD') AS day, ${cols.join(", ")} FROM score_counter WHERE district_id = $1`,
    [districtId],
  );
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const v = Object.fromEntries(cols.map((c) => [c, Number(r[c])]));
    if (Object.values(v).every((n) => n === 0)) continue;
    out.set(`${r.level}|${r.unit_id}|${r.day}`, v);
  }
  return out;
}

/** Replaces a district's counters by the recomputed ones (after a bulk load of history). */
export async function rebuildCounters(sql: Sql, districtId: string): Promise<number> {
  const fresh = await recomputeCounters(sql, districtId);
  await sql(`DELETE FROM score_counter WHERE district_id = $1`, [districtId]);
  const cols = COUNTER_COLUMNS;
  const records = [...fresh].map(([k, v]) => {
    const [level, unit_id, day] = k.split("|");
    return { id: uuidv7(), level, unit_id, day, ...v };
  });
  for (let i = 0; i < records.length; i += 5000) {
    await sql(
      `INSERT INTO score_counter (district_id, id, level, unit_id, day, ${cols.join(", ")})
       SELECT $1, x.id, x.level, x.unit_id, x.day, ${cols.map((c) => `x.${c}`).join(", ")}
         FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, level text, unit_id uuid, day date, ${cols.map((c) => `${c} integer`).join(", ")})`,
      [districtId, JSON.stringify(records.slice(i, i + 5000))],
    );
  }
  return records.length;
}

/** Differences between stored and recomputed counters (empty when they match exactly). */
export async function verifyCounters(sql: Sql, districtId: string): Promise<string[]> {
  const [want, have] = await Promise.all([
    recomputeCounters(sql, districtId),
    storedCounters(sql, districtId),
  ]);
  const problems: string[] = [];
  for (const [k, v] of want) {
    const h = have.get(k);
    if (!h) problems.push(`${k}: missing`);
    else
      for (const c of Object.keys(v))
        if (v[c] !== h[c]) problems.push(`${k}: ${c} is ${h[c]}, recomputed ${v[c]}`);
  }
  for (const k of have.keys()) if (!want.has(k)) problems.push(`${k}: stored but not in the log`);
  return problems;
}
