import { Client, type Pool } from "pg";
import { PromptClient } from "../db/pg-client";

/**
 * The plans behind a request: the SQL statements the server sends while one request runs (the
 * server runs in the benchmark's process, so its pg clients are this module's), replayed as
 * EXPLAIN (ANALYZE, BUFFERS) in a transaction of the server's role with the request's tenant
 * settings, then rolled back.
 */

export interface Statement {
  text: string;
  values: unknown[];
}

export interface StatementPlan {
  text: string;
  plan: string[];
  /** The plan's execution time, ms. */
  executionMs: number;
}

type QueryFn = (this: Client, ...args: unknown[]) => unknown;

/**
 * Runs `fn` and returns the statements any pg client of this process sent meanwhile: `pg`'s own
 * (the peers') and the server's pool's (PromptClient, whose `query` is its own method).
 */
export async function captureStatements(fn: () => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = [];
  const restore = [Client.prototype, PromptClient.prototype].map((target) => {
    const proto = target as unknown as { query: QueryFn };
    const original = proto.query;
    proto.query = function (this: Client, ...args: unknown[]) {
      const [q, v] = args;
      if (typeof q === "string") seen.push({ text: q, values: Array.isArray(v) ? v : [] });
      else if (q && typeof q === "object" && "text" in q)
        seen.push({ text: String(q.text), values: (q as { values?: unknown[] }).values ?? [] });
      return original.apply(this, args);
    };
    return () => (proto.query = original);
  });
  try {
    await fn();
  } finally {
    for (const undo of restore) undo();
  }
  return seen;
}

/**
 * A statement that only reads: a SELECT, or a WITH whose parts write nothing (the read audit's
 * statement is a WITH that inserts; replayed, its rows' ids would already be taken). By the words
 * it holds: a SELECT … FOR UPDATE, which no read of the scenarios sends, is left out too.
 */
export const isRead = (s: string) =>
  /^\s*(SELECT|WITH)\b/i.test(s) &&
  !/set_config\(/i.test(s) &&
  !/\b(INSERT|UPDATE|DELETE|MERGE)\b/i.test(s);

/** EXPLAIN (ANALYZE, BUFFERS) of each read among `statements`, after the tenant settings. */
export async function explainStatements(
  pool: Pool,
  statements: Statement[],
): Promise<StatementPlan[]> {
  const conn = await pool.connect();
  const out: StatementPlan[] = [];
  try {
    await conn.query("BEGIN");
    for (const s of statements) {
      if (/set_config\(/i.test(s.text)) {
        await conn.query(s.text, s.values);
        continue;
      }
      if (!isRead(s.text)) continue;
      const rows = (await conn.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values))
        .rows as Array<{ "QUERY PLAN": string }>;
      const plan = rows.map((r) => r["QUERY PLAN"]);
      const time = plan.map((l) => /Execution Time: ([\d.]+) ms/.exec(l)).find(Boolean);
      out.push({ text: s.text, plan, executionMs: time ? Number(time[1]) : NaN });
    }
  } finally {
    await conn.query("ROLLBACK").catch(() => undefined);
    conn.release();
  }
  return out;
}

/** The lines of a plan worth quoting: the top node, scans, sorts, joins, and the timing. */
export function keyLines(plan: string[]): string[] {
  return plan.filter(
    (l, i) =>
      i === 0 ||
      /Scan|Sort Method|Hash Join|Nested Loop|Merge Join|Aggregate|Execution Time/.test(l),
  );
}
