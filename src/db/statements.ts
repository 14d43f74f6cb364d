import { createHash } from "node:crypto";
import { type ClientBase, type QueryConfig, type QueryResult } from "pg";
import { type EntityManager, QueryFailedError, type QueryRunner } from "typeorm";
import { uuidInto } from "../common/ids";

/**
 * Statements run outside TypeORM's query builder: the application's hot statements as prepared
 * statements of their connection, look-ups with rows as arrays, and statements given to a
 * connection's driver client at once (db/tenant.ts sends BEGIN and the writes ahead with it).
 */

/** A statement and its parameters ($1, $2, …). */
export interface Statement {
  text: string;
  params: unknown[];
}

/** PostgreSQL's type oid of uuid, which a uuid array's binary header names. */
const UUID_OID = 2950;

/**
 * A uuid[] parameter in PostgreSQL's binary form (its array_send: one dimension, no nulls, then
 * each element's length and 16 bytes); `pg` sends a Buffer parameter as binary. PostgreSQL takes
 * the bytes as they are, where the same ids as an array's text cost it a parse of 37 characters
 * each: for a tree's 4,194 ids, 3–4 ms of text to read against a copy. Throws on any id that is
 * not a uuid.
 */
export function uuidArrayParam(ids: readonly string[]): Buffer {
  if (ids.length === 0) return Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0b, 0x86]);
  const buf = Buffer.allocUnsafe(20 + ids.length * 20);
  buf.writeInt32BE(1, 0);
  buf.writeInt32BE(0, 4);
  buf.writeInt32BE(UUID_OID, 8);
  buf.writeInt32BE(ids.length, 12);
  buf.writeInt32BE(1, 16);
  let at = 20;
  for (const id of ids) {
    buf.writeInt32BE(16, at);
    uuidInto(buf, at + 4, id);
    at += 20;
  }
  return buf;
}

/**
 * The connection's driver client in pipeline mode (the server's pools, db/data-source.ts): each
 * statement is sent as soon as it is given, behind those still running, and their answers come
 * back in order.
 */
export function pipelined(client: ClientBase): boolean {
  return (client as unknown as { pipeline?: boolean }).pipeline === true;
}

/**
 * Texts run as prepared statements, by name; beyond a budget's size, a new text runs unprepared.
 * Two budgets: the application's hot statements (queryPrepared: few texts) and the planned path's
 * look-ups (queryArrays: a text per shape of selection, which clients choose), so that look-ups
 * can never use up the room of the hot statements. Each connection keeps at most both.
 */
const HOT_STATEMENTS = { names: new Map<string, string>(), max: 500 };
const LOOKUPS = { names: new Map<string, string>(), max: 400 };

/** The name of a text run as a prepared statement; undefined once its budget is spent. */
function preparedName(
  text: string,
  budget: { names: Map<string, string>; max: number },
): string | undefined {
  let name = budget.names.get(text);
  if (!name && budget.names.size < budget.max) {
    name = `cg_${createHash("sha256").update(text).digest("base64url").slice(0, 40)}`;
    budget.names.set(text, name);
  }
  return name;
}

/**
 * Runs one of the application's own hot statements (intake's, the log position, the boards'
 * counters and coverage) as a named prepared statement of its connection: PostgreSQL parses it
 * once per connection, and once it has run a few times may keep its plan, instead of parsing and
 * planning it at every request (planning the intake's read took longer than running it). Meant
 * for statements whose text comes in few variants (each distinct text gets a name, and past
 * HOT_STATEMENTS.max of them a new text runs as usual) and whose best plan does not depend on
 * their values: a plan kept for some values is used for all. Logged (and counted) like any statement; errors are TypeORM's
 * QueryFailedError, as from `m.query`.
 */
export async function queryPrepared<T = Record<string, unknown>>(
  m: EntityManager,
  text: string,
  params: unknown[],
): Promise<T[]> {
  const qr = m.queryRunner;
  if (!qr || qr.isReleased || !preparedName(text, HOT_STATEMENTS))
    return (await m.query(text, params)) as T[];
  const client = (await qr.connect()) as ClientBase;
  return (await sendOn(qr, client, text, params, { prepared: "hot" })).rows as T[];
}

/**
 * Hot statements (as queryPrepared) given to the connection one behind another without waiting for
 * their answers: a pipelined connection sends them at once, and PostgreSQL runs them in order,
 * each with a snapshot taken as it starts, so that a statement sees what those before it waited
 * for (a lock). Their rows once every one is answered; a failure is thrown, the first one (the
 * statements behind it fail only because the transaction is aborted).
 */
export async function queryPreparedInOrder(
  m: EntityManager,
  statements: Statement[],
): Promise<Array<Array<Record<string, unknown>>>> {
  const qr = m.queryRunner;
  if (!qr || qr.isReleased) {
    const rows: Array<Array<Record<string, unknown>>> = [];
    for (const s of statements) rows.push(await queryPrepared(m, s.text, s.params));
    return rows;
  }
  const client = (await qr.connect()) as ClientBase;
  const answers = await Promise.allSettled(
    statements.map((s) => sendOn(qr, client, s.text, s.params, { prepared: "hot" })),
  );
  const failed = answers.find((a) => a.status === "rejected");
  if (failed) throw failed.reason;
  return answers.map((a) => (a as PromiseFulfilledResult<QueryResult>).value.rows);
}

/**
 * Gives a statement to the connection's driver client now (it is sent at once on a pipelined
 * connection, and queued behind the running one otherwise), logged and counted like any. With a
 * budget, as a prepared statement named from it (queryPrepared, queryArrays); `rowMode` as pg's.
 * Errors are TypeORM's QueryFailedError, as from `m.query`.
 */
export function sendOn(
  qr: QueryRunner,
  client: ClientBase,
  text: string,
  params: unknown[],
  opts: { prepared?: "hot" | "lookup"; rowMode?: "array" } = {},
): Promise<QueryResult> {
  const logger = qr.connection.logger;
  logger.logQuery(text, params, qr);
  const name = opts.prepared
    ? preparedName(text, opts.prepared === "hot" ? HOT_STATEMENTS : LOOKUPS)
    : undefined;
  return (
    client
      // pg types an array-rowed query apart; the answer's shape is the caller's to read.
      .query({ name, text, values: params, rowMode: opts.rowMode } as QueryConfig)
      .catch((err: unknown) => {
        logger.logQueryError(err as Error, text, params, qr);
        throw new QueryFailedError(text, params, err as Error);
      })
  );
}

/** A statement's rows as arrays, in the order of its columns, and the columns' names. */
export interface ArrayRows {
  names: string[];
  rows: unknown[][];
}

/**
 * Runs a statement whose rows are wanted as arrays (pg's rowMode "array"), not as an object keyed
 * by column name each: for reads of thousands of rows that are made into other objects at once
 * (the planned read path), the keyed object per row was so much garbage. Logged (and counted)
 * like any statement; errors are TypeORM's QueryFailedError, as from `m.query`.
 *
 * `prepared`: run it as a named prepared statement of its connection, as queryPrepared does (a
 * budget of texts of its own). Only for statements whose best plan does not hang on their values
 * (rows by key: the planned path's look-ups by id and by parent); a filtered, ordered page is not
 * one, since PostgreSQL may settle on one plan for all values after a few runs.
 */
export async function queryArrays(
  m: EntityManager,
  text: string,
  params: unknown[],
  prepared = false,
): Promise<ArrayRows> {
  const qr = m.queryRunner;
  if (!qr || qr.isReleased) {
    const keyed = (await m.query(text, params)) as Array<Record<string, unknown>>;
    const names = keyed.length > 0 ? Object.keys(keyed[0]) : [];
    return { names, rows: keyed.map((r) => names.map((n) => r[n])) };
  }
  const client = (await qr.connect()) as ClientBase;
  const res = await sendOn(qr, client, text, params, {
    prepared: prepared ? "lookup" : undefined,
    rowMode: "array",
  });
  return { names: res.fields.map((f) => f.name), rows: res.rows as unknown[][] };
}
