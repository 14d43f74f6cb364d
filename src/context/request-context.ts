import { type DataSource } from "typeorm";
import { type Principal } from "../auth/principal";
import { type Clock } from "../common/clock";
import { NO_TENANT, RequestTransaction, scopeOf } from "../db/tenant";
import { requestScope } from "../observability/request";
import { type FeedRegistry } from "../realtime/feeds";
import { type PubSub } from "../realtime/pubsub";
import { type Context } from "./context";
import { createLoaders } from "./loaders";
import { ReadCollector } from "./read-audit";

/** What a request's context is made of besides its caller. */
export interface RequestContextDeps {
  dataSource: DataSource;
  pubSub: PubSub;
  clock: Clock;
  feeds: FeedRegistry;
}

/**
 * The context of one request over HTTP (a GraphQL operation at /graphql, a page of an export):
 * the caller's tenant transaction, opened on first use; loaders that cache for the request; a
 * collector of the personal data it serves; its id and logger.
 */
export function requestContext(
  deps: RequestContextDeps,
  principal: Principal | null,
  remoteAddress?: string,
): Context & { db: RequestTransaction } {
  const db = new RequestTransaction(deps.dataSource, principal ? scopeOf(principal) : NO_TENANT);
  return {
    principal,
    db,
    pubSub: deps.pubSub,
    clock: deps.clock,
    feeds: deps.feeds,
    loaders: createLoaders(db, principal?.districtIds ?? [], { cache: true }),
    reads: new ReadCollector(),
    remoteAddress,
    ...requestScope(principal),
  };
}
