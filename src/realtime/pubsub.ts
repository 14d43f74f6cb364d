import { createPgTransport } from "./pg-event-target";
import { type Transport } from "./transport";

export enum Topic {
  DEPARTMENT_CHANGED = "DEPARTMENT_CHANGED",
  CASE_EVENT = "CASE_EVENT",
  SCORE_INPUT = "SCORE_INPUT",
}

/** A case event was appended to its district's log (the subscriber loads it from there). */
export interface CaseEventPayload {
  districtId: string;
  /** Position in the district's log (bigint as a decimal string). */
  position: string;
  caseId: string;
  action: string;
}

/** Payloads carry ids and the district, never personal data: resolvers load what a subscriber may see. */
export interface DepartmentChangedPayload {
  districtId: string;
  departmentId: string;
  action: "created" | "updated";
  at: string;
}

/** Something a score counts beside the cases was recorded (a patrol, a 奖惩 entry, an accountability record). */
export interface ScoreInputPayload {
  districtId: string;
  kind: "patrol" | "reward_penalty" | "accountability";
}

export type Topics = {
  [Topic.DEPARTMENT_CHANGED]: [DepartmentChangedPayload];
  [Topic.CASE_EVENT]: [CaseEventPayload];
  [Topic.SCORE_INPUT]: [ScoreInputPayload];
};

type Payload<T extends Topic> = Topics[T][0];
type Listener = (payload: never) => void;

/**
 * The subscriptions of this process that are live, by field: past their set-up (the log heads
 * read, the first board built), so that every event published from then on reaches them. What an
 * operator counts, and what a test waits for before it publishes, instead of sleeping.
 */
export class LiveSubscriptions {
  private readonly byField = new Map<string, number>();

  /** One subscription of `field` is live; call the returned function when it ends (once is enough). */
  enter(field: string): () => void {
    this.byField.set(field, (this.byField.get(field) ?? 0) + 1);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.byField.set(field, this.byField.get(field)! - 1);
    };
  }

  /** Live subscriptions of one field, or of all. */
  count(field?: string): number {
    if (field !== undefined) return this.byField.get(field) ?? 0;
    let n = 0;
    for (const v of this.byField.values()) n += v;
    return n;
  }

  /** Every field with its live subscriptions (for /metrics). */
  entries(): Array<[string, number]> {
    return [...this.byField];
  }
}

/** Events this process published and heard, by topic: what /metrics reads at each scrape. */
export class EventCounts {
  readonly published = new Map<string, number>();
  readonly heard = new Map<string, number>();

  add(map: Map<string, number>, topic: string): void {
    // Only the topics this code knows: a transport could carry any channel name.
    const t = (Object.values(Topic) as string[]).includes(topic) ? topic : "other";
    map.set(t, (map.get(t) ?? 0) + 1);
  }
}

/**
 * Where events travel between the processes of one deployment. Listeners are plain callbacks,
 * called in the order events are heard; a process has one listener per feed (see feeds.ts), not
 * one per subscriber, and a feed never blocks: it hands events to bounded per-subscriber queues.
 */
export interface PubSub {
  publish<T extends Topic>(topic: T, payload: Payload<T>): void;
  /** Hears every event of `topic` in this process from now on; returns the way to stop. */
  on<T extends Topic>(topic: T, listener: (payload: Payload<T>) => void): () => void;
  /** This process's live subscriptions. */
  live: LiveSubscriptions;
  /** Events published and heard by this process. */
  counts: EventCounts;
  close(): Promise<void>;
}

/** A notice (never from a district) that notifications may have been lost: re-read the logs. */
export const CATCH_UP_DISTRICT = "*";

class LocalPubSub implements PubSub {
  readonly live = new LiveSubscriptions();
  readonly counts = new EventCounts();
  private readonly listeners = new Map<Topic, Set<Listener>>();
  transport: Transport | null = null;

  publish<T extends Topic>(topic: T, payload: Payload<T>): void {
    this.counts.add(this.counts.published, topic);
    if (this.transport) this.transport.send(topic, payload);
    else this.hear(topic, payload);
  }

  on<T extends Topic>(topic: T, listener: (payload: Payload<T>) => void): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener as Listener);
    return () => void set.delete(listener as Listener);
  }

  /** Delivers an event heard from the transport (or published, with none) to this process. */
  hear(topic: string, payload: unknown): void {
    this.counts.add(this.counts.heard, topic);
    const set = this.listeners.get(topic as Topic);
    if (!set) return;
    for (const l of [...set]) {
      try {
        (l as (p: unknown) => void)(payload);
      } catch {
        // A listener's failure is its own (feeds log theirs): never the publisher's, nor the
        // other listeners'.
      }
    }
  }

  /** After a transport lost its connection: case feeds re-read what the log got meanwhile. */
  catchUp(): void {
    this.hear(Topic.CASE_EVENT, {
      districtId: CATCH_UP_DISTRICT,
      position: "0",
      caseId: "",
      action: "catch_up",
    });
  }

  async close(): Promise<void> {
    await this.transport?.close();
  }
}

/**
 * Where events travel: through Redis with REDIS_URL; through PostgreSQL LISTEN/NOTIFY when the
 * server uses an external database (`databaseUrl`: several processes may share it); through memory
 * with the embedded database, which only one process can use. Channels carry the deployment's
 * namespace (PUBSUB_NAMESPACE), so that deployments sharing a Redis or a database do not hear each
 * other. Resolves once the transport is listening.
 */
export async function createPubSubFor(
  config: { redisUrl?: string; pubSubNamespace: string },
  databaseUrl?: string,
  log: (m: string, err?: unknown) => void = () => undefined,
): Promise<PubSub> {
  const pubSub = new LocalPubSub();
  const hear = (topic: string, payload: unknown) => pubSub.hear(topic, payload);
  if (config.redisUrl) {
    pubSub.transport = await createRedisTransport(
      config.redisUrl,
      config.pubSubNamespace,
      hear,
      () => pubSub.catchUp(),
      log,
    );
  } else if (databaseUrl) {
    pubSub.transport = await createPgTransport(
      databaseUrl,
      config.pubSubNamespace,
      hear,
      () => pubSub.catchUp(),
      log,
    );
  }
  return pubSub;
}

/** One channel per topic, `<namespace>:<topic>`; subscribed to every topic before it is used. */
async function createRedisTransport(
  url: string,
  namespace: string,
  hear: (topic: string, payload: unknown) => void,
  onReconnect: () => void,
  log: (m: string, err?: unknown) => void,
): Promise<Transport> {
  const { Redis } = await import("ioredis");
  const publisher = new Redis(url, { maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { maxRetriesPerRequest: 3 });
  publisher.on("error", (err) => log("the Redis publishing connection failed", err));
  subscriber.on("error", (err) => log("the Redis subscribing connection failed", err));
  const prefix = `${namespace}:`;
  subscriber.on("message", (channel: string, message: string) => {
    if (!channel.startsWith(prefix)) return;
    try {
      hear(channel.slice(prefix.length), JSON.parse(message));
    } catch {
      log(`an unreadable message on ${channel} was dropped`);
    }
  });
  await subscriber.subscribe(...Object.values(Topic).map((t) => prefix + t));
  // ioredis subscribes again by itself after a reconnect; what passed meanwhile is in the log.
  let readyOnce = false;
  subscriber.on("ready", () => {
    if (readyOnce) onReconnect();
    readyOnce = true;
  });
  readyOnce = subscriber.status === "ready";
  return {
    send(topic, payload) {
      publisher
        .publish(prefix + topic, JSON.stringify(payload))
        .catch((err: unknown) => log("PUBLISH failed", err));
    },
    async close() {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}

/**
 * Tells live scoreboards, once the writer's transaction has committed, that something a score
 * counts beside the cases changed in a district (a patrol, a 奖惩 entry, an accountability record).
 */
export function scoreInputAfterCommit(
  db: { afterCommit(fn: () => void): void },
  pubSub: PubSub,
  payload: ScoreInputPayload,
): void {
  db.afterCommit(() => pubSub.publish(Topic.SCORE_INPUT, payload));
}
