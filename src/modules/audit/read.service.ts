import { type EntityManager } from "typeorm";
import { type TenantDb } from "../../db/tenant";
import { newestFirstPage, type Page, type PageArgs } from "../../common/connection";
import { CaseChannel } from "../cases/case.enums";
import { PersonalDataRead, PersonalRecordKind } from "./read.entity";

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
 * A page of reads, newest first (ids are time-ordered), with the total counted only when asked:
 * the audit only grows, and most screens page through it without a count.
 */
export function listReads(
  db: TenantDb,
  q: ReadQuery,
  page: PageArgs,
): Promise<Page<PersonalDataRead>> {
  return newestFirstPage(db, page, (m) => filtered(m, q));
}

function filtered(m: EntityManager, q: ReadQuery) {
  const qb = m
    .createQueryBuilder(PersonalDataRead, "r")
    .where("r.district_id = :districtId", { districtId: q.districtId });
  if (q.readerSubject) qb.andWhere("r.reader_subject = :reader", { reader: q.readerSubject });
  if (q.recordKind) qb.andWhere("r.record_kind = :kind", { kind: q.recordKind });
  if (q.record)
    qb.andWhere("r.record_kind = :recordKind AND r.record_id = :recordId", {
      recordKind: q.record.kind,
      recordId: q.record.id,
    });
  if (q.about) {
    const parts: string[] = [];
    if (q.about.personId) parts.push("(r.record_kind = 'person' AND r.record_id = :aboutPerson)");
    if (q.about.subject)
      parts.push(
        `(r.record_kind = 'case_complainant' AND r.record_id IN (SELECT c.id FROM hotline_case c
           WHERE c.district_id = r.district_id AND c.channel = :resident AND c.created_by = :aboutSubject))`,
      );
    qb.andWhere(parts.length ? `(${parts.join(" OR ")})` : "FALSE", {
      aboutPerson: q.about.personId,
      aboutSubject: q.about.subject,
      resident: CaseChannel.resident,
    });
  }
  if (q.from) qb.andWhere("r.read_at >= :from", { from: q.from });
  if (q.to) qb.andWhere("r.read_at < :to", { to: q.to });
  return qb;
}
