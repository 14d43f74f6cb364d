import { Client } from "pg";
import { CASE_TABLES } from "../demo/case-history";
import { caseNumber } from "../modules/cases/intake.rules";
import { COLUMN, forEachCaseMeasures } from "../modules/cases/case.counters";
import { MEASURES } from "../modules/cases/case.measures";
import {
  SCALE_SQL_FUNCTIONS,
  copyStatements,
  templateTables,
  type CopyStatement,
  type TableColumns,
} from "./scale-copy-sql";

/**
 * `npm run bench -- --cases N`: one district brought to N cases in bulk, so that the scoreboards,
 * the case list and the drill-downs are measured on a year of a large district.
 *
 * No second copy of any case rule: the template is the district's own demo month, played by the
 * case core (demo/case-history.ts); its closed cases are copied, whole (case, parts, requests,
 * supervisions, committee units, events), each copy shifted back in time by a number of whole days
 * with every timestamp in it (those inside the events' data too), so that each copy is the same
 * history on other days. Inside PostgreSQL (INSERT … SELECT, one transaction per copy): new ids
 * (the uuidv7 time moved by the shift, its random part kept), log positions after the district's
 * head in the template's order, and the case numbers from `caseNumber` over those positions. The
 * measure counters of a copy are the template's, from `caseMeasures` (case.counters.ts), moved by
 * the same days: a case's measures depend on its times only through their differences, so they
 * stay exactly those of its log (`npm run verify-scores` recomputes them to prove it). The month's
 * patrols and visits are copied once into each month before it, for the grid work terms.
 *
 * Resumable: copies carry the idempotency key `scale:<copy>:<template number>`, and a run counts
 * them and carries on; a district that already has N cases is left alone.
 */

export interface ScaleLoadOptions {
  /** The district's code. */
  district: string;
  /** How many cases the district should hold. */
  cases: number;
  /** Over how many days before the demo month the copies spread (default 365). */
  spanDays?: number;
}

export interface ScaleLoadResult {
  cases: number;
  added: number;
  copies: number;
  seconds: number;
}

export const SCALE_MARK = "scale:";
const DAY_MS = 86_400_000;

/**
 * The cases' table and the index whose order (the district, then the id: the time of receipt) its
 * rows are rewritten in once the copies are written. Each copy goes a window further back, and
 * each round of copies a day later than the last (shiftDays), so cases received a day apart were
 * written a round apart: neighbours in an index over (…, id) lay far apart in the table. A count of
 * 92,041 closed cases of a category, read from the index alone, then looked up the visibility
 * map again for nearly every other entry (45,053 buffers for 92,041 entries; PostgreSQL 15,
 * cg_scale). A district written as its cases came holds them in about that order; rewritten so,
 * the same count touched 869 buffers and took 13–15 ms instead of 19–22 (psql, the server's role).
 */
const CASES_IN_TIME_ORDER = "hotline_case USING hotline_case_pkey";

/** Copy `k`'s shift back in days: a whole window per month back, then a day later per round. */
export function shiftDays(k: number, windowDays: number, spanDays: number): number {
  const months = Math.max(1, Math.floor(spanDays / windowDays));
  const round = Math.floor(k / months);
  // Two copies with one shift would have the same ids.
  if (round >= windowDays)
    throw new Error(
      `--cases: more copies of the template than ${spanDays} days can hold (${months * windowDays})`,
    );
  return windowDays * (1 + (k % months)) + round;
}

export async function loadScaleCases(
  ownerUrl: string,
  opts: ScaleLoadOptions,
  log: (m: string) => void,
): Promise<ScaleLoadResult> {
  const started = Date.now();
  const client = new Client({ connectionString: ownerUrl, application_name: "civic-grid-scale" });
  await client.connect();
  const q = async <T = Record<string, unknown>>(text: string, params?: unknown[]) =>
    (await client.query(text, params)).rows as T[];
  try {
    const [d] = await q<{ id: string; code: string }>(
      "SELECT id, code FROM district WHERE code = $1",
      [opts.district],
    );
    if (!d) throw new Error(`--cases: no district "${opts.district}"`);
    // The owner is held by the forced row-level security too: act as this district.
    await q("SELECT set_config('app.district_ids', $1, false)", [`{${d.id}}`]);
    const [have] = await q<{ total: number; next: number }>(
      `SELECT count(*)::int AS total,
              coalesce(max(split_part(idempotency_key, ':', 2)::int + 1)
                FILTER (WHERE idempotency_key LIKE '${SCALE_MARK}%'), 0) AS next
         FROM hotline_case WHERE district_id = $1`,
      [d.id],
    );
    if (have.total >= opts.cases) {
      log(`${d.code} has ${have.total.toLocaleString("en-US")} cases: nothing to load`);
      // A load stopped after its copies, or made before the cases were put in order, is settled.
      if (!(await casesInOrder(client, d.id))) await settle(client, log);
      return { cases: have.total, added: 0, copies: 0, seconds: 0 };
    }
    // Every row a copy writes refers to the template's units or to rows of the same copy, so the
    // foreign keys' row-by-row checks (which would double the load's time) are skipped where the
    // owner may (a superuser, as the embedded database's and a local one's owner is).
    const fast = await q("SET session_replication_role = replica").then(
      () => true,
      () => false,
    );
    const tmpl = await prepareTemplate(client, d.id);
    const spanDays = opts.spanDays ?? 365;
    log(
      `${d.code}: ${have.total.toLocaleString("en-US")} cases; copying its ${tmpl.cases.length.toLocaleString("en-US")} closed demo cases (${tmpl.events.length.toLocaleString("en-US")} events, a ${tmpl.windowDays}-day window) back over ${spanDays} days up to ${opts.cases.toLocaleString("en-US")} cases${fast ? "" : " (foreign keys checked row by row: not a superuser)"}`,
    );
    const sql = copyStatements(await tableColumns(client));
    let total = have.total;
    let k = have.next;
    let copies = 0;
    const t0 = Date.now();
    while (total < opts.cases) {
      const r = Math.min(tmpl.cases.length, opts.cases - total);
      const days = shiftDays(k, tmpl.windowDays, spanDays);
      // The first round of copies fills each month once: patrols are copied with it.
      const withPatrols = days % tmpl.windowDays === 0;
      await copyOnce(client, sql, tmpl, {
        districtId: d.id,
        code: d.code,
        k,
        r,
        days,
        withPatrols,
      });
      total += r;
      copies++;
      k++;
      const s = (Date.now() - t0) / 1000;
      const eta = ((opts.cases - total) * s) / (total - have.total);
      log(
        `copy ${k}: ${total.toLocaleString("en-US")} / ${opts.cases.toLocaleString("en-US")} cases (${days} days back${withPatrols ? ", with patrols" : ""}), ${s.toFixed(0)} s, about ${eta.toFixed(0)} s to go`,
      );
    }
    await settle(client, log);
    const seconds = (Date.now() - started) / 1000;
    log(`${d.code}: ${total.toLocaleString("en-US")} cases after ${seconds.toFixed(0)} s`);
    return { cases: total, added: total - have.total, copies, seconds };
  } finally {
    await client.end();
  }
}

/** Whether no case of the district lies in an earlier page of its table than the case before it. */
async function casesInOrder(client: Client, districtId: string): Promise<boolean> {
  const { rows } = await client.query(
    `SELECT count(*) FILTER (WHERE page < before)::int AS back FROM (
       SELECT (ctid::text::point)[0] AS page, lag((ctid::text::point)[0]) OVER (ORDER BY id) AS before
         FROM hotline_case WHERE district_id = $1) x`,
    [districtId],
  );
  return (rows[0] as { back: number }).back === 0;
}

/**
 * What a district that grew over a year has and a bulk load has not: its cases in the order they
 * came, statistics and visibility maps of the whole, and its pages written out.
 */
async function settle(client: Client, log: (m: string) => void): Promise<void> {
  log("cases put in the order of their receipt…");
  // CLUSTER marks the index as the table's order for a later CLUSTER; no migration does.
  await client
    .query(`CLUSTER ${CASES_IN_TIME_ORDER}; ALTER TABLE hotline_case SET WITHOUT CLUSTER`)
    .catch((err: Error) =>
      log(
        `cases not put in order (${err.message}): counts over many cases will pin the visibility map more than a real district's would`,
      ),
    );
  log("vacuum and analyze…");
  // Fresh statistics and visibility maps, as a district that grew over a year would have.
  await client.query(
    "VACUUM (ANALYZE) hotline_case, case_assignment, case_request, supervision, case_unit_engagement, case_event, score_counter, score_counter_month, patrol_record, patrol_grid_month, patrol_visit_month, case_log_head",
  );
  // The load left gigabytes of dirty pages; a checkpoint writing them out during the scenarios
  // doubled the tails of the reads measured after it (grid scoreboard p95 70 → 37 ms). A
  // district that grew over a year has them written: so does the load, before it hands over.
  log("checkpoint…");
  await client
    .query("CHECKPOINT")
    .catch((err: Error) =>
      log(`no checkpoint (${err.message}): the reads may meet the load's own writing-out`),
    );
}

interface Template {
  /** By `ord` − 1: the template's closed cases in id order. */
  cases: Array<{ receivedAt: number }>;
  /** The template's events in log order: the case's ord, and whether it is the create event. */
  events: Array<{ ord: number; create: boolean }>;
  windowDays: number;
}

/**
 * The template in session tables: scale_tmpl (its cases, numbered by ord), scale_counts (each
 * case's counters by unit, from the counters' own rule), and the functions the copies use.
 */
async function prepareTemplate(client: Client, districtId: string): Promise<Template> {
  const rows = (
    await client.query(
      `SELECT id, received_at FROM hotline_case
        WHERE district_id = $1 AND status = 'closed'
          AND (idempotency_key IS NULL OR idempotency_key NOT LIKE '${SCALE_MARK}%')
        ORDER BY id`,
      [districtId],
    )
  ).rows as Array<{ id: string; received_at: Date }>;
  if (rows.length === 0)
    throw new Error("--cases: the district has no closed case to copy (load the demo history)");
  const times = rows.map((r) => r.received_at.getTime());
  const first = Math.min(...times);
  const last = Math.max(...times);
  const windowDays = Math.floor((last - first) / DAY_MS) + 1;
  const cols = MEASURES.map((m) => COLUMN[m]);
  await client.query(`
    -- Sorting a copy's events by position in memory.
    SET work_mem = '64MB';
    CREATE TEMP TABLE scale_tmpl (id uuid PRIMARY KEY, ord integer NOT NULL UNIQUE);
    CREATE TEMP TABLE scale_num (ord integer PRIMARY KEY, number text NOT NULL);
    CREATE TEMP TABLE scale_counts (ord integer NOT NULL, level text NOT NULL, unit_id uuid NOT NULL,
      day date NOT NULL, ${cols.map((c) => `${c} integer NOT NULL`).join(", ")});
    ${SCALE_SQL_FUNCTIONS}`);
  const ids = rows.map((r) => r.id);
  await client.query(
    "INSERT INTO scale_tmpl (id, ord) SELECT id, ord FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, ord)",
    [ids],
  );
  const ordOf = new Map(ids.map((id, i) => [id, i + 1]));
  const start = new Date(last - windowDays * DAY_MS);
  for (const text of templateTables())
    await client.query(
      text,
      text.includes("$2") ? [districtId, start, new Date(last)] : [districtId],
    );
  await client.query("ANALYZE scale_tmpl");
  const events = (
    await client.query(
      `SELECT t.ord, e.action = 'create' AS "create" FROM case_event e
         JOIN scale_tmpl t ON t.id = e.case_id WHERE e.district_id = $1 ORDER BY e.position`,
      [districtId],
    )
  ).rows as Array<{ ord: number; create: boolean }>;
  const counts: Array<Record<string, unknown>> = [];
  await forEachCaseMeasures(
    async (text, params) => (await client.query(text, params)).rows,
    districtId,
    ({ caseId, day, units }) => {
      for (const u of units)
        counts.push({
          ord: ordOf.get(caseId),
          level: u.level,
          unit_id: u.unitId,
          day,
          ...Object.fromEntries(MEASURES.map((m) => [COLUMN[m], u.counts[m]])),
        });
    },
    { caseIds: ids },
  );
  for (let i = 0; i < counts.length; i += 5000)
    await client.query(
      `INSERT INTO scale_counts SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(ord integer,
         level text, unit_id uuid, day date, ${cols.map((c) => `${c} integer`).join(", ")})`,
      [JSON.stringify(counts.slice(i, i + 5000))],
    );
  return {
    cases: times.map((receivedAt) => ({ receivedAt })),
    events,
    windowDays,
  };
}

/** The columns of the tables a copy writes, as the schema has them now. */
async function tableColumns(client: Client): Promise<TableColumns> {
  const rows = (
    await client.query(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
        WHERE table_schema = current_schema() AND is_generated = 'NEVER'
          AND table_name = ANY($1::text[])
        ORDER BY table_name, ordinal_position`,
      [[...CASE_TABLES, "patrol_record"]],
    )
  ).rows as Array<{ table_name: string; column_name: string; data_type: string }>;
  const out: TableColumns = {};
  for (const r of rows) (out[r.table_name] ??= []).push([r.column_name, r.data_type]);
  return out;
}

/** One copy (the template's first `r` cases), in one transaction. */
async function copyOnce(
  client: Client,
  sql: ReturnType<typeof copyStatements>,
  tmpl: Template,
  c: { districtId: string; code: string; k: number; r: number; days: number; withPatrols: boolean },
): Promise<void> {
  const shiftMs = -c.days * DAY_MS;
  await client.query("BEGIN");
  try {
    // The log head's lock: positions are handed out in order, as for any appended event.
    const [head] = (
      await client.query(
        "SELECT position::text AS position FROM case_log_head WHERE district_id = $1 FOR UPDATE",
        [c.districtId],
      )
    ).rows as Array<{ position: string }>;
    if (!head) throw new Error("--cases: the district has no log head (load the demo history)");
    const base = Number(head.position);
    // Positions in the template's log order, counted over the copied cases only; a case's number
    // carries its create event's position, as at intake.
    const ords: number[] = [];
    const numbers: string[] = [];
    let n = 0;
    for (const e of tmpl.events) {
      if (e.ord > c.r) continue;
      n++;
      if (!e.create) continue;
      ords.push(e.ord);
      numbers.push(
        caseNumber(c.code, new Date(tmpl.cases[e.ord - 1].receivedAt + shiftMs), base + n),
      );
    }
    await client.query("TRUNCATE scale_num");
    await client.query(
      "INSERT INTO scale_num (ord, number) SELECT * FROM unnest($1::int[], $2::text[])",
      [ords, numbers],
    );
    const values = {
      district: c.districtId,
      ms: shiftMs,
      days: -c.days,
      r: c.r,
      k: c.k,
      base,
    };
    const run = (st: CopyStatement) =>
      client.query(
        st.text,
        st.params.map((p) => values[p]),
      );
    for (const st of sql.cases) await run(st);
    if (c.withPatrols) await run(sql.patrols);
    await run(sql.counters);
    await client.query("UPDATE case_log_head SET position = $2 WHERE district_id = $1", [
      c.districtId,
      base + n,
    ]);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  }
}
