import {
  execute,
  GraphQLError,
  type ExecutionArgs,
  type ExecutionResult,
  type OperationDefinitionNode,
  type OperationTypeNode,
} from "graphql";
import { type DataSource, type EntityManager } from "typeorm";
import { uuidv7 } from "../common/ids";
import { queryPrepared, uuidArrayParam, type Statement } from "../db/statements";
import {
  BeforeCommitError,
  inTenantTransaction,
  scopeOf,
  type RequestTransaction,
} from "../db/tenant";
import { type PerDelivery } from "../realtime/shared-execution";
import { type Principal } from "../auth/principal";
import { type Clock } from "../common/clock";

/**
 * The personal-data read audit's recording side: resolvers that serve a phone, an ID number or a
 * name in full note it on the operation's collector (`ctx.reads`); the notes are written once per
 * HTTP request (one INSERT, inside the request's transaction) or, over the WebSocket, once per
 * delivery through a writer that gathers a whole fan-out into one INSERT. What counts as such a
 * read is decided in modules/audit; this file only carries and writes the notes.
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
            const b: ReadBatch = {
              ...op,
              districtId: g.districtId,
              kind: g.kind,
              fields: FIELD_ORDER.filter((f) => (bits & FIELD_BIT[f]) !== 0),
              recordIds: [recordId],
            };
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
  return reads.map((r) => ({ ...r, readerSubject: reader.subject, readerRole: reader.role, at }));
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

/**
 * The text that writes batches: one text whatever their number, so that it is prepared once per
 * connection. Each column comes as an array with an element per row; the record ids of all rows
 * as one array, each row taking its slice (`first`..`last`), since rows hold arrays of their own
 * lengths.
 */
const INSERT_READS = `INSERT INTO personal_data_read (district_id, id, reader_subject, reader_role, read_at,
                                 record_kind, record_ids, fields, operation_name, operation_type)
SELECT r.district_id, r.id, r.reader_subject, r.reader_role, r.read_at, r.record_kind,
       ($7::uuid[])[r.first:r.last], string_to_array(r.fields, ','), r.operation_name, r.operation_type
  FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::text[],
              $8::int[], $9::int[], $10::text[], $11::text[], $12::text[])
       AS r(district_id, id, reader_subject, reader_role, read_at, record_kind, first, last,
            fields, operation_name, operation_type)`;

/**
 * The statement that writes rows, one whatever their number (row-level security checks each
 * district; a fan-out to a thousand screens is one statement), with everything as parameters:
 * the record ids as one binary uuid[] (a tree's 4,194 ids are 84 KB that PostgreSQL copies, where
 * their text was 155 KB for it to parse, and a regular expression per id here). It takes no
 * answer, so that finishRequest sends it with the COMMIT of a request, in one round trip. Throws
 * if a record id is not a uuid; the table's checks refuse a kind, field or operation type it does
 * not know.
 */
export function insertReadsStatement(rows: readonly ReadRow[]): Statement {
  const first: number[] = [];
  const last: number[] = [];
  let n = 0;
  for (const r of rows) {
    first.push(n + 1);
    n += r.recordIds.length;
    last.push(n);
  }
  return {
    text: INSERT_READS,
    params: [
      rows.map((r) => r.districtId),
      rows.map(() => uuidv7()),
      rows.map((r) => r.readerSubject),
      rows.map((r) => r.readerRole),
      rows.map((r) => r.at),
      rows.map((r) => r.kind),
      uuidArrayParam(rows.flatMap((r) => r.recordIds)),
      first,
      last,
      rows.map((r) => r.fields.join(",")),
      rows.map((r) => r.operationName),
      rows.map((r) => r.operationType),
    ],
  };
}

/** Writes rows in one statement (insertReadsStatement). */
export async function insertReads(m: EntityManager, rows: readonly ReadRow[]): Promise<void> {
  if (rows.length === 0) return;
  const { text, params } = insertReadsStatement(rows);
  await queryPrepared(m, text, params);
}

/**
 * Ends an HTTP request's transaction with its reads recorded. A request that commits writes them
 * in its own transaction, just before COMMIT and in the same round trip: they stand or fall with
 * it, and a failed commit answers no data. A request that rolls back (it has errors) may still
 * answer data beside them, and what it answered was read: those reads are written in a
 * transaction of their own. Either way a failure to record throws, and the caller must then
 * answer no data.
 */
export async function finishRequest(
  ctx: ReadingContext,
  tx: RequestTransaction,
  opts: { commit: boolean; served: boolean; dataSource: DataSource },
): Promise<void> {
  const { settled } = await endRequest(ctx, tx, opts);
  await settled;
}

/**
 * `finishRequest` in two steps (as RequestTransaction.end): resolves once the reads' INSERTs and
 * the COMMIT have been given to the connection, with `settled`, which settles as finishRequest
 * does once PostgreSQL has answered. Until `settled` has resolved, no data may be answered.
 */
export async function endRequest(
  ctx: ReadingContext,
  tx: RequestTransaction,
  opts: { commit: boolean; served: boolean; dataSource: DataSource },
): Promise<{ settled: Promise<void> }> {
  const p = ctx.principal;
  const rows = p ? rowsOf(ctx.reads.take(), p, ctx.clock.now()) : [];
  if (!opts.commit) {
    await tx.finish(false);
    if (opts.served && rows.length > 0)
      await inTenantTransaction(opts.dataSource, scopeOf(p!), (m) => insertReads(m, rows)).catch(
        (err: unknown) => {
          throw new ReadAuditError(err);
        },
      );
    return { settled: Promise.resolve() };
  }
  if (rows.length === 0) return tx.end(true);
  let inserts: Statement[];
  try {
    inserts = [insertReadsStatement(rows)];
  } catch (err) {
    await tx.finish(false).catch(() => undefined);
    throw new ReadAuditError(err);
  }
  const { settled } = await tx.end(true, inserts);
  return {
    // An INSERT failed (the COMMIT behind it ended the transaction without committing): the
    // reads are not recorded. A failed COMMIT, or a connection lost, stays what it is.
    settled: settled.catch((err: unknown) => {
      throw err instanceof BeforeCommitError ? new ReadAuditError(err.cause) : err;
    }),
  };
}

/**
 * Reads over the WebSocket: queries and every subscription event. Each execution gathers its reads
 * on a collector of its own; each subscriber that receives the result records them as itself,
 * before the result is sent. That matters for shared executions (realtime/shared-execution.ts):
 * one execution serves every subscriber with the same rights, under the first one's context, but
 * each of them has read what it receives. The rows of every delivery made in one turn of the
 * event loop (an event fanned out to a thousand screens) are written in one INSERT.
 */
export class SocketReadAudit implements PerDelivery {
  private batch: { rows: ReadRow[]; written: Promise<void> } | null = null;

  constructor(private readonly dataSource: DataSource) {}

  fork(contextValue: unknown) {
    const reads = new ReadCollector();
    return {
      contextValue: { ...(contextValue as ReadingContext), reads },
      gathered: () => reads.take(),
    };
  }

  async deliver(
    contextValue: unknown,
    gathered: unknown,
    result: ExecutionResult,
  ): Promise<ExecutionResult> {
    const ctx = contextValue as ReadingContext;
    const reads = gathered as ReadBatch[];
    if (!ctx.principal || reads.length === 0) return result;
    await this.write(rowsOf(reads, ctx.principal, ctx.clock.now()));
    return result;
  }

  /** graphql-ws's `execute` (queries over the socket): recorded like a subscription's event. */
  execute = async (args: ExecutionArgs): Promise<ExecutionResult> => {
    const forked = this.fork(args.contextValue);
    const result = await execute({ ...args, contextValue: forked.contextValue });
    try {
      return await this.deliver(args.contextValue, forked.gathered(), result);
    } catch (err) {
      return { errors: [new GraphQLError("read audit failed", { originalError: err as Error })] };
    }
  };

  private write(rows: ReadRow[]): Promise<void> {
    if (!this.batch) {
      const batch = { rows: [] as ReadRow[], written: Promise.resolve() };
      batch.written = new Promise<void>((r) => setImmediate(r)).then(() => {
        this.batch = null;
        return this.flush(batch.rows);
      });
      this.batch = batch;
    }
    this.batch.rows.push(...rows);
    return this.batch.written;
  }

  /**
   * Rows of several districts and readers in one statement: the writer acts for the server, as the
   * live feed's reader does, with the rows' own districts as its scope; each row's reader comes
   * from that subscriber's verified token.
   */
  private async flush(rows: ReadRow[]): Promise<void> {
    const districtIds = [...new Set(rows.map((r) => r.districtId))];
    const scope = { districtIds, subject: "system:read-audit", role: "system" };
    try {
      await inTenantTransaction(this.dataSource, scope, (m) => insertReads(m, rows));
    } catch (err) {
      throw new ReadAuditError(err);
    }
  }
}
