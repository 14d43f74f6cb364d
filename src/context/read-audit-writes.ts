import { execute, GraphQLError, type ExecutionArgs, type ExecutionResult } from "graphql";
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
import {
  ReadAuditError,
  ReadCollector,
  rowsOf,
  type ReadBatch,
  type ReadingContext,
  type ReadRow,
} from "./read-audit";
import { extend } from "../common/objects";

/**
 * The read audit's writing side (the notes are read-audit.ts's): the statement that writes them,
 * and when: with the COMMIT of an HTTP request (finishRequest, endRequest), or over the WebSocket
 * once per turn of deliveries (SocketReadAudit).
 */

/**
 * The text that writes batches: one text whatever their number, so that it is prepared once per
 * connection. Each column comes as an array with an element per row; the record ids of all rows
 * as one array, each row taking its slice (`first`..`last`), since rows hold arrays of their own
 * lengths. A row's ids are its set, named by their SHA-256 (`record_set`, migration ReadAuditSets):
 * the set is written the first time its district reads it, and a read of a set already there
 * writes only its own row (a screen shown again writes about 200 bytes, not its 4,000 ids again).
 * A statement's sets are written in the order of their keys: two statements writing several new
 * sets each (two fan-outs) wait on each other in one order, never in a cycle.
 */
export const INSERT_READS = `WITH r AS (
  SELECT r.*, ($7::uuid[])[r.first:r.last] AS record_ids,
         sha256(array_send(($7::uuid[])[r.first:r.last])) AS record_set
    FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::text[],
                $8::int[], $9::int[], $10::text[], $11::text[], $12::text[])
         AS r(district_id, id, reader_subject, reader_role, read_at, record_kind, first, last,
              fields, operation_name, operation_type)
), sets AS (
  INSERT INTO personal_data_read_set (district_id, id, record_ids)
  SELECT DISTINCT ON (district_id, record_set) district_id, record_set, record_ids
    FROM r ORDER BY district_id, record_set
  ON CONFLICT (district_id, id) DO NOTHING
)
INSERT INTO personal_data_read (district_id, id, reader_subject, reader_role, read_at,
                                record_kind, record_set, fields, operation_name, operation_type)
SELECT district_id, id, reader_subject, reader_role, read_at, record_kind, record_set,
       string_to_array(fields, ','), operation_name, operation_type
  FROM r`;

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
      contextValue: extend(contextValue as ReadingContext, { reads }),
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
    const result = await execute(extend(args, { contextValue: forked.contextValue }));
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
