import { type Principal } from "../auth/principal";
import { type Loaders } from "./loaders";
import { type TenantDb } from "../db/tenant";
import { type PubSub } from "../realtime/pubsub";
import { type Clock } from "../common/clock";
import { type Logger } from "../logger";
import { type FeedRegistry, type SubscriberLimits } from "../realtime/feeds";
import { type ReadCollector } from "./read-audit";

/** What every resolver receives: who is calling, its tenant-scoped database, its loaders, the time. */
export interface Context {
  principal: Principal | null;
  db: TenantDb;
  loaders: Loaders;
  pubSub: PubSub;
  /** The time the rules read (see common/clock.ts). */
  clock: Clock;
  /** The process's shared live feeds (read once, deliver many). */
  feeds: FeedRegistry;
  /** Over a WebSocket: how far a subscription may fall behind, and how it is cut off. */
  subscriber?: SubscriberLimits;
  /** The request's id (HTTP), or `<connection id>:<operation id>` over a WebSocket. */
  requestId?: string;
  /** A logger whose lines carry the request's id, caller and operation (observability/). */
  log?: Logger;
  /** The client's address (HTTP), which rate limits count anonymous requests by. */
  remoteAddress?: string;
  /** Personal data this operation served in full, for the read audit (see read-audit.ts). */
  reads: ReadCollector;
  /**
   * Over HTTP: where the transaction plugin holds the answer's text until the request's commit is
   * known (transaction-plugin.ts); without it, the plugin waits for the commit itself.
   */
  answerHold?: AnswerHold;
}

/** How the transaction plugin holds an HTTP answer until its commit's outcome is known. */
export interface AnswerHold {
  /** Write the answer when `outcome` resolves: as it is (null), or the failure in its place. */
  hold(outcome: Promise<FailedAnswer | null>): void;
}

/** What is written in place of an answer whose commit failed: its error and no data. */
export interface FailedAnswer {
  status?: number;
  headers: Record<string, string>;
  /** The answer's text, as Apollo writes a single result. */
  body: string;
}

/** A context whose principal is known: what resolvers behind @Authorized get. */
export interface AuthedContext extends Context {
  principal: Principal;
}
