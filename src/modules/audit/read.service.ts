import { type TenantDb } from "../../db/tenant";
import { decodeCursor, pageSize, toPage, type Page, type PageArgs } from "../../common/connection";
import { badInput } from "../../common/errors";
import { CaseChannel } from "../cases/case.enums";
import { type PersonalDataRead, type PersonalRecordKind } from "./read.entity";

/** Which reads of one district to list. Every filter is optional; they combine with AND. */
export interface ReadQuery {
  districtId: string;
  readerSubject?: string;
  recordKind?: PersonalRecordKind;
  record?: { kind: PersonalRecordKind; id: string };
  /**
   * The reads of one person's data: its register entry (`personId`) and the complainant of the
   * cases filed by its resident account (`subject`). Either may be null.
   */
  about?: { personId: string | null; subject: string | null };
  from?: Date;
  to?: Date;
}

/**
 * A page of reads, newest first, one entry per record, with the total counted only when asked:
 * the audit only grows, and most screens page through it without a count. The audit stores its
 * records in batches (one row per operation, kind and fields), each naming its set of record ids
 * (`personal_data_read_set`, kept once per district); an entry is a batch's row and its record's
 * place `n` in the set, and the keyset is (id, n) descending. A filter on records first finds the
 * sets through the GIN index on their `record_ids`, then the batches that name them, then keeps
 * that record's entries only.
 */
export async function listReads(
  db: TenantDb,
  q: ReadQuery,
  page: PageArgs,
): Promise<Page<PersonalDataRead>> {
  const first = pageSize(page);
  const { where, params } = filtered(q);
  const from = `FROM personal_data_read r
    JOIN personal_data_read_set s ON s.district_id = r.district_id AND s.id = r.record_set
    CROSS JOIN LATERAL unnest(s.record_ids) WITH ORDINALITY AS x(record_id, n)
    WHERE ${where.join(" AND ")}`;
  const keyset: string[] = [];
  const pageParams = [...params];
  if (page.after) {
    const [n, id] = decodeCursor(page.after, 2, "text") as [string, string];
    if (!/^[1-9]\d{0,8}$/.test(n)) {
      throw badInput("after", "the cursor is not valid: use a cursor returned by this connection");
    }
    pageParams.push(id, Number(n));
    // The first test alone lets the primary key start at the cursor's batch.
    keyset.push(
      `r.id <= $${pageParams.length - 1}::uuid AND (r.id, x.n) < ($${pageParams.length - 1}::uuid, $${pageParams.length}::bigint)`,
    );
  }
  pageParams.push(first + 1);
  const rows = await db.run((m) =>
    m.query(
      `SELECT r.district_id AS "districtId", r.id, x.n::int AS n, r.reader_subject AS "readerSubject",
              r.reader_role AS "readerRole", r.read_at AS at, r.record_kind AS "recordKind",
              x.record_id AS "recordId", r.fields, r.operation_name AS "operationName",
              r.operation_type AS "operationType"
         ${from} ${keyset.map((k) => `AND ${k}`).join(" ")}
        ORDER BY r.id DESC, x.n DESC
        LIMIT $${pageParams.length}`,
      pageParams,
    ),
  );
  const count = () =>
    db.run(async (m) => {
      const [r] = await m.query(`SELECT count(*)::int AS n ${from}`, params);
      return r.n as number;
    });
  return toPage(rows as PersonalDataRead[], page, first, "n", count);
}

/** The WHERE clause of a query, on `r` (the batch), `s` (its set) and `x` (one of its records). */
function filtered(q: ReadQuery): { where: string[]; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [`r.district_id = ${p(q.districtId)}`];
  if (q.readerSubject) where.push(`r.reader_subject = ${p(q.readerSubject)}`);
  if (q.recordKind) where.push(`r.record_kind = ${p(q.recordKind)}`);
  if (q.record) {
    const id = p(q.record.id);
    where.push(
      `r.record_kind = ${p(q.record.kind)} AND s.record_ids @> ARRAY[${id}::uuid] AND x.record_id = ${id}::uuid`,
    );
  }
  if (q.about) {
    const parts: string[] = [];
    if (q.about.personId) {
      const id = p(q.about.personId);
      parts.push(
        `(r.record_kind = 'person' AND s.record_ids @> ARRAY[${id}::uuid] AND x.record_id = ${id}::uuid)`,
      );
    }
    if (q.about.subject) {
      const filed = `(SELECT coalesce(array_agg(c.id), '{}')::uuid[] FROM hotline_case c
           WHERE c.district_id = $1 AND c.channel = ${p(CaseChannel.resident)}
             AND c.created_by = ${p(q.about.subject)})`;
      parts.push(
        `(r.record_kind = 'case_complainant' AND s.record_ids && ${filed} AND x.record_id = ANY (${filed}::uuid[]))`,
      );
    }
    where.push(parts.length ? `(${parts.join(" OR ")})` : "FALSE");
  }
  if (q.from) where.push(`r.read_at >= ${p(q.from)}`);
  if (q.to) where.push(`r.read_at < ${p(q.to)}`);
  return { where, params };
}
