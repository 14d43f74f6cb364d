import { type DataSource } from "typeorm";
import { type Principal } from "../../auth/principal";
import { type Clock } from "../../common/clock";
import { type AuthedContext } from "../../context/context";
import { createLoaders } from "../../context/loaders";
import { finishRequest, ReadCollector } from "../../context/read-audit";
import { RequestTransaction, scopeOf } from "../../db/tenant";
import { type FeedRegistry } from "../../realtime/feeds";
import { type PubSub } from "../../realtime/pubsub";

/** What an export needs of the server: the database, the time, and what a context carries. */
export interface ExportDeps {
  dataSource: DataSource;
  clock: Clock;
  pubSub: PubSub;
  feeds: FeedRegistry;
}

/**
 * Runs `fn` as one GraphQL request would run: a context of the caller (its loaders, its read
 * collector) over one tenant transaction, so that row-level security and the modules' own rules
 * see the caller as they do in the API. The transaction commits with the personal data `fn` read
 * in full recorded in the read audit (finishRequest, as for a request over HTTP); it rolls back if
 * `fn` fails. Each page of an export is one such unit: read, recorded, committed, then written to
 * the client, so that nothing is sent that was not recorded, and no connection is held while a
 * slow client reads.
 */
export async function asRequest<T>(
  deps: ExportDeps,
  principal: Principal,
  fn: (ctx: AuthedContext) => Promise<T>,
): Promise<T> {
  const tx = new RequestTransaction(deps.dataSource, scopeOf(principal));
  const ctx: AuthedContext = {
    principal,
    db: tx,
    pubSub: deps.pubSub,
    clock: deps.clock,
    feeds: deps.feeds,
    loaders: createLoaders(tx, principal.districtIds, { cache: true }),
    reads: new ReadCollector(),
  };
  let result: T;
  try {
    result = await fn(ctx);
  } catch (err) {
    await tx.finish(false).catch(() => undefined);
    throw err;
  }
  await finishRequest(ctx, tx, { commit: true, served: true, dataSource: deps.dataSource });
  return result;
}
