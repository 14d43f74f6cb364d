import { type EntityManager } from "typeorm";
import { type PageArgs, paginate } from "../../common/connection";
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

/** A page of the cases the caller may see, filtered; `now` is the instant "overdue" is read at. */
export function listCases(
  m: EntityManager,
  q: {
    districtIds: string[];
    visibility: Visibility;
    filter: CaseFilter;
    page: PageArgs;
    now: Date;
  },
) {
  const f = q.filter;
  const qb = m
    .createQueryBuilder(Case, "c")
    .where("c.district_id = ANY(CAST(:districtIds AS uuid[]))", { districtIds: q.districtIds })
    .andWhere(q.visibility.sql, q.visibility.params);
  if (f.status?.length) qb.andWhere("c.status IN (:...fStatus)", { fStatus: f.status });
  if (f.channel) qb.andWhere("c.channel = :fChannel", { fChannel: f.channel });
  if (f.category)
    qb.andWhere(
      "c.category_id IN (SELECT k.id FROM case_category k WHERE k.district_id = c.district_id AND k.code = :fCat)",
      { fCat: f.category },
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
  if (f.receivedFrom) qb.andWhere("c.received_at >= :fFrom", { fFrom: f.receivedFrom });
  if (f.receivedTo) qb.andWhere("c.received_at < :fTo", { fTo: f.receivedTo });
  // uuidv7 ids follow the time of receipt.
  return paginate(qb, q.page, "id", "id", "uuid", f.newestFirst);
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
