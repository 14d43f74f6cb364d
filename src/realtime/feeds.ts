import { type DataSource } from "typeorm";
import { type PubSub } from "./pubsub";
import { type Clock } from "../common/clock";
import { BoundedQueue } from "./bounded-queue";

/** What a feed is made from: this process's database and pub/sub. */
export interface FeedDeps {
  dataSource: DataSource;
  pubSub: PubSub;
  clock: Clock;
  log: (message: string, err?: unknown) => void;
}

/**
 * The process's shared feeds, one of each kind, made on first use by the module that owns the
 * kind (cases, scores): whatever a feed reads, it reads once for all its local subscribers.
 */
export class FeedRegistry {
  private readonly feeds = new Map<string, { close?: () => void }>();

  constructor(readonly deps: FeedDeps) {}

  get<T extends { close?: () => void }>(kind: string, make: (deps: FeedDeps) => T): T {
    let feed = this.feeds.get(kind);
    if (!feed) this.feeds.set(kind, (feed = make(this.deps)));
    return feed as T;
  }

  close(): void {
    for (const feed of this.feeds.values()) feed.close?.();
    this.feeds.clear();
  }
}

/**
 * Where a subscription's events wait for its connection: how many it may fall behind by, and what
 * happens when it does (the server closes the connection with 4503; the client resumes from its
 * cursor). Set for WebSocket operations only.
 */
export interface SubscriberLimits {
  queue: number;
  cutOff(reason: string): void;
}

/**
 * A live subscription's queue. `cutOff` (called by the queue when it overflows, or by the
 * subscription itself) runs `leave` at once, out of the feed and of the live count, and closes the
 * connection with 4503; the generator itself may stay suspended until the socket is gone.
 */
export function subscriberQueue<T>(
  ctx: { subscriber?: SubscriberLimits },
  leave: () => void,
): { queue: BoundedQueue<T>; cutOff: (why: string) => void } {
  const cutOff = (why: string) => {
    leave();
    ctx.subscriber?.cutOff(why);
  };
  const queue = new BoundedQueue<T>(ctx.subscriber?.queue ?? 1000, (err) => cutOff(err.message));
  return { queue, cutOff };
}
