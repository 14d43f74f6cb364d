import { print } from "graphql";
import { CaseCreatedDocument, CreateCaseDocument } from "../generated/graphql";
import { errorCode, gql, wsClient } from "../helpers/server";
import { asDistrict } from "../factories";
import { type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { verifyCounters } from "../../src/modules/cases/case.counters";

/** The clients of a fault test: operators taking calls, command centers watching, and a look at the database. */

export interface Attempt {
  key: string;
  /** The case's global id when the server answered with it. */
  id?: string;
  code?: unknown;
  retryAfter?: unknown;
  /** The HTTP status of a failed call. */
  status?: number;
}

/** One hotline call taken in with its idempotency key: the case, or the error's code. */
export async function createCase(
  server: { url: string },
  w: CaseWorld,
  key: string,
): Promise<Attempt> {
  const res = await gql(
    server,
    CreateCaseDocument,
    {
      input: {
        channel: "hotline",
        categoryCode: "roads",
        description: `路灯不亮 (${key})`,
        gridId: gid("Grid", w.tree.gridA),
        idempotencyKey: key,
      },
    },
    w.tokens.operator,
  );
  const id = res.data?.createCase?.id;
  if (id) return { key, id };
  return {
    key,
    code: errorCode(res),
    retryAfter: res.errors?.[0]?.extensions?.retryAfter,
    status: res.status,
  };
}

/**
 * Operators taking calls: `writers` in parallel, each case with a key of its own. After an error
 * a writer waits a little, as a client does, instead of hammering a database that is down.
 * Bounded in count; `stop` waits for the calls in flight.
 */
export function callStream(server: { url: string }, w: CaseWorld, writers: number, max = 3000) {
  const attempts: Attempt[] = [];
  let stopped = false;
  let n = 0;
  const loops = Array.from({ length: writers }, async () => {
    while (!stopped && n < max) {
      const a = await createCase(server, w, `call-${++n}`);
      attempts.push(a);
      if (!a.id) await new Promise((r) => setTimeout(r, 50));
    }
  });
  return {
    attempts,
    ok: () => attempts.filter((a) => a.id).length,
    failed: () => attempts.filter((a) => !a.id).length,
    async stop() {
      stopped = true;
      await Promise.all(loops);
      if (n >= max) throw new Error(`the stream reached its bound of ${max} calls`);
    },
  };
}

/**
 * A command center's live list of new cases. Whenever its subscription ends (the server closed
 * it, or it failed), it subscribes again from the cursor of the last case it received, after a
 * short wait; `pause` lets its connection go (a laptop closed), `resume` comes back from there.
 */
export function watcher(server: { wsUrl: string }, token: string) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let running = false;
  let client: ReturnType<typeof wsClient>["client"] | undefined;
  const subscribe = () => {
    const c = wsClient(server, token).client;
    client = c;
    const again = () => {
      void c.dispose();
      if (running && client === c) setTimeout(subscribe, 200);
    };
    c.subscribe<{ caseCreated: { cursor: string; case: { id: string } } }>(
      { query: print(CaseCreatedDocument), variables: { after: cursor } },
      {
        next: (v) => {
          const m = v.data?.caseCreated;
          if (!m) return;
          ids.push(m.case.id);
          cursor = m.cursor;
        },
        error: again,
        complete: again,
      },
    );
  };
  return {
    /** Global ids of the cases received, in order. */
    ids,
    resume() {
      running = true;
      subscribe();
    },
    async pause() {
      running = false;
      const c = client;
      client = undefined;
      await c?.dispose();
    },
  };
}

/** The district's cases as the database has them, with their create events and counters. */
export function stored(w: CaseWorld) {
  return asDistrict(w.district.id, async (q) => {
    const cases = (
      await q(
        `SELECT c.id, c.idempotency_key AS key, c.number,
                (SELECT count(*)::int FROM case_event e
                  WHERE e.district_id = c.district_id AND e.case_id = c.id AND e.action = 'create') AS creates
           FROM hotline_case c WHERE c.district_id = $1`,
        [w.district.id],
      )
    ).rows as Array<{ id: string; key: string | null; number: string; creates: number }>;
    const counters = await verifyCounters(
      async (sql, params) => (await q(sql, params)).rows,
      w.district.id,
    );
    return { cases, counters };
  });
}
