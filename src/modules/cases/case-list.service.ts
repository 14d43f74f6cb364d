import { type EntityManager } from "typeorm";
import { decodeCursor, type Page, type PageArgs, pageSize, toPage } from "../../common/connection";
import { idFloor } from "../../common/ids";
import { type TenantDb } from "../../db/tenant";
import { Case } from "./case.entity";
import { CaseEvent } from "./case-event.entity";
import { overdueSql } from "./case.deadlines";

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
 * The total is counted only if the client asks for it (a district's million cases take a
 * parallel scan to count, the page an index read), and not at all when the page holds them all.
 */
export async function listCases(
  db: TenantDb,
  q: {
    districtIds: string[];
    visibility: Visibility;
    filter: CaseFilter;
    page: PageArgs;
    now: Date;
  },
): Promise<Page<Case>> {
  const first = pageSize(q.page);
  const filtered = (m: EntityManager) => casesQuery(m, q);
  const rows = await db.run((m) => {
    const qb = filtered(m);
    if (q.page.after) {
      const [, id] = decodeCursor(q.page.after, 2, "uuid");
      qb.andWhere(`c.id ${q.filter.newestFirst ? "<" : ">"} :cursorId`, { cursorId: id });
    }
    return qb
      .orderBy("c.id", q.filter.newestFirst ? "DESC" : "ASC")
      .limit(first + 1)
      .getMany();
  });
  return toPage(rows, q.page, first, "id", () => db.run((m) => filtered(m).getCount()));
}

function casesQuery(
  m: EntityManager,
  q: { districtIds: string[]; visibility: Visibility; filter: CaseFilter; now: Date },
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
  // (…, id) reads alone; the receipt itself stays the test.
  if (f.receivedFrom)
    qb.andWhere("c.received_at >= :fFrom AND c.id >= :fFromId", {
      fFrom: f.receivedFrom,
      fFromId: idFloor(f.receivedFrom),
    });
  if (f.receivedTo)
    qb.andWhere("c.received_at < :fTo AND c.id < :fToId", {
      fTo: f.receivedTo,
      fToId: idFloor(new Date(f.receivedTo.getTime() + 1)),
    });
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
