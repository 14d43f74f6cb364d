import { type DataSource } from "typeorm";
import { type PubSub } from "./pubsub";
import { type Clock } from "../common/clock";

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
  private readonly feeds = new Map<string, { feed: unknown; close?: () => void }>();

  constructor(readonly deps: FeedDeps) {}

  get<T extends { close?: () => void }>(kind: string, make: (deps: FeedDeps) => T): T {
    let entry = this.feeds.get(kind);
    if (!entry) {
      const feed = make(this.deps);
      entry = { feed, close: feed.close?.bind(feed) };
      this.feeds.set(kind, entry);
    }
    return entry.feed as T;
  }

  close(): void {
    for (const e of this.feeds.values()) e.close?.();
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
