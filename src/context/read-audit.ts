import { type OperationDefinitionNode, type OperationTypeNode } from "graphql";
import { type Principal } from "../auth/principal";
import { type Clock } from "../common/clock";
import { extend } from "../common/objects";

/**
 * The personal-data read audit's recording side: resolvers that serve a phone, an ID number or a
 * name in full note it on the operation's collector (`ctx.reads`); the notes are written once per
 * HTTP request (one INSERT, inside the request's transaction) or, over the WebSocket, once per
 * delivery through a writer that gathers a whole fan-out into one INSERT. What counts as such a
 * read is decided in modules/audit; this file only carries the notes, and read-audit-writes.ts
 * writes them.
 */

export type PersonalRecordKind = "person" | "case_complainant";
export type PersonalField = "phone" | "id_number" | "name";

/** One record whose fields one operation served in full. */
export interface PersonalRead {
  districtId: string;
  kind: PersonalRecordKind;
  recordId: string;
  fields: PersonalField[];
  /** Null for an anonymous operation. */
  operationName: string | null;
  operationType: OperationTypeNode;
}

/**
 * The records of one kind and district that one operation served with the same fields: what one
 * row of the audit holds (a tree of 4,000 phones is one row, not 4,000).
 */
export interface ReadBatch extends Omit<PersonalRead, "recordId"> {
  recordIds: string[];
}

/** A batch as stored: who read it, and when by the server's clock. */
export interface ReadRow extends ReadBatch {
  readerSubject: string;
  readerRole: string;
  at: Date;
}

/**
 * The operation that read: a resolver's `info` is one; an export names its own (modules/export).
 * Notes of one operation object are grouped together.
 */
export interface ReadingOperation {
  readonly operation: Pick<OperationDefinitionNode, "operation" | "name">;
}

/** Operation names are the client's to choose; a name beyond this is cut (the table's bound). */
const MAX_OPERATION_NAME = 200;

/** The fields in one order, so that a record's set of fields names its batch; bit i is field i. */
const FIELD_ORDER: readonly PersonalField[] = ["name", "phone", "id_number"];
const FIELD_BIT: Readonly<Record<PersonalField, number>> = { name: 1, phone: 2, id_number: 4 };

/** The records of one kind and district that one operation noted, with their fields as bits. */
interface NotedGroup {
  districtId: string;
  kind: PersonalRecordKind;
  fields: Map<string, number>;
}

/**
 * The reads of one execution, one note per record (fields merged), so that a person shown twice
 * costs one entry. Once taken, further notes are dropped: they come from resolvers still running
 * after the answer was made, whose values no client receives. A tree of thousands of people is
 * noted thousands of times per request, so a note costs one map lookup and a bit, no allocation.
 */
export class ReadCollector {
  /** Per operation (name and type; one per execution in practice), its groups by kind and district. */
  private reads = new Map<
    string,
    {
      op: Pick<PersonalRead, "operationName" | "operationType">;
      groups: Map<string, NotedGroup>;
    }
  >();
  /** The last group noted into: a list notes one group over and over. */
  private last: {
    info: ReadingOperation;
    kind: string;
    districtId: string;
    group: NotedGroup;
  } | null = null;
  private taken = false;

  note(
    info: ReadingOperation,
    read: Pick<PersonalRead, "districtId" | "kind" | "recordId" | "fields">,
  ): void {
    if (this.taken || read.fields.length === 0) return;
    let bits = 0;
    for (const f of read.fields) bits |= FIELD_BIT[f];
    this.add(info, read.districtId, read.kind, read.recordId, bits);
  }

  /** One field of one record: `note` without an object and an array per record. */
  noteField(
    info: ReadingOperation,
    districtId: string,
    kind: PersonalRecordKind,
    recordId: string,
    field: PersonalField,
  ): void {
    if (this.taken) return;
    this.add(info, districtId, kind, recordId, FIELD_BIT[field]);
  }

  private add(
    info: ReadingOperation,
    districtId: string,
    kind: PersonalRecordKind,
    recordId: string,
    bits: number,
  ): void {
    const last = this.last;
    const group =
      last &&
      last.info.operation === info.operation &&
      last.kind === kind &&
      last.districtId === districtId
        ? last.group
        : this.groupOf(info, { districtId, kind });
    group.fields.set(recordId, (group.fields.get(recordId) ?? 0) | bits);
  }

  private groupOf(
    info: ReadingOperation,
    read: Pick<PersonalRead, "districtId" | "kind">,
  ): NotedGroup {
    const operationName = info.operation.name?.value.slice(0, MAX_OPERATION_NAME) ?? null;
    const opKey = `${info.operation.operation}\u0000${operationName ?? ""}`;
    let op = this.reads.get(opKey);
    if (!op) {
      op = { op: { operationName, operationType: info.operation.operation }, groups: new Map() };
      this.reads.set(opKey, op);
    }
    const key = `${read.kind}\u0000${read.districtId}`;
    let group = op.groups.get(key);
    if (!group) {
      group = { districtId: read.districtId, kind: read.kind, fields: new Map() };
      op.groups.set(key, group);
    }
    this.last = { info, kind: read.kind, districtId: read.districtId, group };
    return group;
  }

  /** The reads noted so far, one batch per operation, district, kind and set of fields. */
  take(): ReadBatch[] {
    this.taken = true;
    this.last = null;
    const out: ReadBatch[] = [];
    for (const { op, groups } of this.reads.values()) {
      for (const g of groups.values()) {
        // Batches in the order their first record was noted, as the records within each.
        const byBits = new Map<number, ReadBatch>();
        // forEach, not for…of: no [key, value] array per record.
        g.fields.forEach((bits, recordId) => {
          const batch = byBits.get(bits);
          if (batch) batch.recordIds.push(recordId);
          else {
            const b: ReadBatch = extend(op, {
              districtId: g.districtId,
              kind: g.kind,
              fields: FIELD_ORDER.filter((f) => (bits & FIELD_BIT[f]) !== 0),
              recordIds: [recordId],
            });
            byBits.set(bits, b);
            out.push(b);
          }
        });
      }
    }
    this.reads.clear();
    return out;
  }
}

/**
 * What the audit needs of a request's context (context.ts, which holds a ReadCollector, hence not
 * the whole type): who reads, what it noted, and the time.
 */
export interface ReadingContext {
  principal: Principal | null;
  reads: ReadCollector;
  clock: Clock;
}

/** The batches as rows of one reader at one instant. */
export function rowsOf(
  reads: readonly ReadBatch[],
  reader: Pick<Principal, "subject" | "role">,
  at: Date,
): ReadRow[] {
  return reads.map((r) =>
    extend(r, { readerSubject: reader.subject, readerRole: reader.role, at }),
  );
}

/** Raised when reads could not be recorded: the data that was read must then not be served. */
export class ReadAuditError extends Error {
  constructor(cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`the personal-data read audit could not be written (${why}); nothing was served`, {
      cause,
    });
    this.name = "ReadAuditError";
  }
}
