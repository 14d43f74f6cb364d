import { type EntityManager } from "typeorm";
import { decodeCursor, type Page, type PageArgs, pageSize, toPage } from "../../common/connection";
import { idFloor } from "../../common/ids";
import { queryArrays } from "../../db/statements";
import { type TenantDb } from "../../db/tenant";
import { tableOf } from "../../planner/rows";
import { Case } from "./case.entity";
import { CaseEvent } from "./case-event.entity";
import { overdueSql } from "./case.deadlines";
import { COLUMN } from "./case.counters";
import { UnitLevel } from "./case.measures";

/** A SQL condition on the case alias `c` that keeps the cases the caller may see. */
export interface Visibility {
  sql: string;
  params: Record<string, unknown>;
}

/** The filters of `cases`, with ids already decoded. */
export interface CaseFilter {
  status?: string[] | null;
  channel?: string | null;
  category?: string | null;
  streetOfficeId?: string | null;
  gridId?: string | null;
  departmentId?: string | null;
  overdue?: boolean | null;
  supervised?: boolean | null;
  escalated?: boolean | null;
  receivedFrom?: Date | null;
  receivedTo?: Date | null;
  newestFirst: boolean;
}

/**
 * A page of the cases the caller may see, filtered; `now` is the instant "overdue" is read at.
 * The total is counted only if the client asks for it, and not at all when the page holds them
 * all; a district-wide reader's unfiltered total is the district's counter (see `counted`).
 */
export async function listCases(
  db: TenantDb,
  q: {
    districtIds: string[];
    visibility: Visibility;
    filter: CaseFilter;
    page: PageArgs;
    now: Date;
    /** The properties the page's cases must hold (null, or absent: every column). */
    props?: ReadonlySet<string> | null;
    /** The client asks for the total (known before the page is read: the planned path). */
    withTotal?: boolean;
  },
): Promise<Page<Case>> {
  const first = pageSize(q.page);
  const filtered = (m: EntityManager) => casesQuery(m, q);
  // A first page's total, when asked for and counted, is counted by the page's own statement:
  // the count's query as a scalar subquery, which PostgreSQL runs once with its own plan (one
  // round trip fewer; an index-only count, where a window over the page's rows would read every
  // matching case).
  const inlineTotal = Boolean(q.withTotal) && !q.page.after && !countsByCounters(q);
  let total: number | undefined;
  const rows = await db.run(async (m) => {
    const qb = casesQuery(m, q, true);
    if (q.page.after) {
      const [, id] = decodeCursor(q.page.after, 2, "uuid");
      qb.andWhere(`c.id ${q.filter.newestFirst ? "<" : ">"} :cursorId`, { cursorId: id });
    }
    // The rows made as the planned read path makes them (planner/rows.ts): the columns asked for
    // (every one when a resolver may read any) under their properties' names, each row a Case by
    // assignment with TypeORM's values, without TypeORM's hydration, which cost more than the
    // statement (40 columns a case, 51 cases a page). A property not read throws if read
    // (ColumnNotRead): the planned path then gives the query to graphql-js.
    const t = tableOf(m.connection, Case, q.props ?? null, "c");
    qb.select(t.select);
    if (inlineTotal) {
      const count = filtered(m).select("count(*)::int");
      qb.addSelect(`(${count.getQuery()})`, TOTAL).setParameters(count.getParameters());
    }
    const [sql, params] = qb
      .orderBy("c.id", q.filter.newestFirst ? "DESC" : "ASC")
      .limit(first + 1)
      .getQueryAndParameters();
    const raw = await queryArrays(m, sql, params);
    // No row: no case matches the filter (a first page has no cursor), so the total is 0.
    if (inlineTotal)
      total = raw.rows.length ? (raw.rows[0][raw.names.indexOf(TOTAL)] as number) : 0;
    const make = t.reader(raw.names);
    return raw.rows.map((r) => make(r) as unknown as Case);
  });
  return toPage(
    rows,
    q.page,
    first,
    "id",
    total ?? (() => db.run((m) => counted(m, q) ?? filtered(m).getCount())),
  );
}

/** The column alias of a page's inline total. */
const TOTAL = "__total";

/** The keys of a filter that only order the list. */
const ORDER_KEYS = new Set(["newestFirst", "orderBy"]);

/**
 * The total of a whole district's list (one district, a reader who sees all of it, no filter)
 * without counting its cases (a million take a parallel scan of 300–500 ms): each case counts 1
 * in its district's `received` from its creation on (case.measures.ts), and the counters equal
 * the log (`npm run verify-scores`), so their sum over every day is the number of cases, read from
 * a few hundred counter rows. Null for any other list, which is counted.
 */
function counted(
  m: EntityManager,
  q: { districtIds: string[]; visibility: Visibility; filter: CaseFilter },
): Promise<number> | null {
  if (!countsByCounters(q)) return null;
  return m
    .query(
      `SELECT coalesce(sum(s.${COLUMN.received}), 0)::int AS n FROM score_counter s
        WHERE s.district_id = $1 AND s.level = $2 AND s.unit_id = $1`,
      [q.districtIds[0], UnitLevel.district],
    )
    .then((r: Array<{ n: number }>) => r[0].n);
}

/** Whether the list's total is its district's counter (`counted`). */
function countsByCounters(q: {
  districtIds: string[];
  visibility: Visibility;
  filter: CaseFilter;
}): boolean {
  // Every key but the order is a filter, a key added later too (it is then counted).
  const unfiltered = Object.entries(q.filter).every(
    ([k, v]) =>
      ORDER_KEYS.has(k) || v === null || v === undefined || (Array.isArray(v) && v.length === 0),
  );
  return q.districtIds.length === 1 && q.visibility.sql === "TRUE" && unfiltered;
}

/** The filtered cases; `page`: for a page read in id order, not for a count. */
function casesQuery(
  m: EntityManager,
  q: { districtIds: string[]; visibility: Visibility; filter: CaseFilter; now: Date },
  page = false,
) {
  const f = q.filter;
  const qb = m.createQueryBuilder(Case, "c");
  // One district by equality: only then can PostgreSQL read (district_id, id) in id order and
  // stop at the page, instead of sorting every matching case (`= ANY` of one element cannot).
  if (q.districtIds.length === 1) {
    qb.where("c.district_id = :districtId", { districtId: q.districtIds[0] });
  } else {
    qb.where("c.district_id = ANY(CAST(:districtIds AS uuid[]))", { districtIds: q.districtIds });
  }
  qb.andWhere(q.visibility.sql, q.visibility.params);
  if (f.status?.length) qb.andWhere("c.status IN (:...fStatus)", { fStatus: f.status });
  if (f.channel) qb.andWhere("c.channel = :fChannel", { fChannel: f.channel });
  // The category's ids first, not per case: a subquery correlated with the case ran once per row.
  if (f.category)
    qb.andWhere(
      "c.category_id IN (SELECT k.id FROM case_category k WHERE k.district_id = ANY(CAST(:fCatDistricts AS uuid[])) AND k.code = :fCat)",
      { fCat: f.category, fCatDistricts: q.districtIds },
    );
  if (f.streetOfficeId) qb.andWhere("c.street_office_id = :fSo", { fSo: f.streetOfficeId });
  if (f.gridId) qb.andWhere("c.grid_id = :fGrid", { fGrid: f.gridId });
  if (f.departmentId)
    qb.andWhere(
      "EXISTS (SELECT 1 FROM case_assignment fa WHERE fa.district_id = c.district_id AND fa.case_id = c.id AND fa.department_id = :fDept)",
      { fDept: f.departmentId },
    );
  if (f.overdue !== undefined && f.overdue !== null)
    qb.andWhere(`${f.overdue ? "" : "NOT "}${overdueSql("c", ":fNow")}`, { fNow: q.now });
  if (f.supervised !== undefined && f.supervised !== null)
    qb.andWhere("c.supervised = :fSup", { fSup: f.supervised });
  if (f.escalated !== undefined && f.escalated !== null)
    qb.andWhere("c.escalated = :fEsc", { fEsc: f.escalated });
  // uuidv7 ids follow the time of receipt: the period is also a range of ids, which an index
  // (…, id) reads alone; the receipt itself stays the test. For a page, the receipt's bound reads
  // "or the id is outside the range", which the range excludes (the same cases): PostgreSQL
  // otherwise takes the two bounds of one period for independent ones, expects a week of 21,000
  // cases to hold 200, and sorts them all rather than read an index in id order up to the page
  // (50 ms → 2 ms). A count keeps them plain, for an index holding the receipt to answer alone.
  if (f.receivedFrom)
    qb.andWhere(
      page
        ? "c.id >= :fFromId AND (c.received_at >= :fFrom OR c.id < :fFromId)"
        : "c.received_at >= :fFrom AND c.id >= :fFromId",
      { fFrom: f.receivedFrom, fFromId: idFloor(f.receivedFrom) },
    );
  if (f.receivedTo)
    qb.andWhere(
      page
        ? "c.id < :fToId AND (c.received_at < :fTo OR c.id >= :fToId)"
        : "c.received_at < :fTo AND c.id < :fToId",
      { fTo: f.receivedTo, fToId: idFloor(new Date(f.receivedTo.getTime() + 1)) },
    );
  return qb;
}

/** The district's log after a position, oldest first, of the cases the caller may see. */
export async function caseEventsAfter(
  m: EntityManager,
  q: { districtId: string; visibility: Visibility; after: string | null; first: number },
) {
  const rows = await m
    .createQueryBuilder(CaseEvent, "e")
    .innerJoin(Case, "c", "c.district_id = e.district_id AND c.id = e.case_id")
    .where("e.district_id = :districtId AND e.position > :after", {
      districtId: q.districtId,
      after: q.after ?? "0",
    })
    .andWhere(q.visibility.sql, q.visibility.params)
    .orderBy("e.position", "ASC")
    .limit(q.first + 1)
    .getMany();
  const edges = rows.slice(0, q.first).map((e) => ({ cursor: e.position, node: e }));
  return {
    edges,
    hasNextPage: rows.length > q.first,
    endCursor: edges.at(-1)?.cursor ?? q.after ?? null,
  };
}
