import { createPubSub } from "@graphql-yoga/subscription";
import { type Config } from "../config";
import { createPgEventTarget } from "./pg-event-target";

export enum Topic {
  DEPARTMENT_CHANGED = "DEPARTMENT_CHANGED",
  CASE_EVENT = "CASE_EVENT",
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

export type Topics = {
  [Topic.DEPARTMENT_CHANGED]: [DepartmentChangedPayload];
  [Topic.CASE_EVENT]: [CaseEventPayload];
};

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
}

/**
 * Each subscriber reads through its own repeater; one that falls more than 1,024 events behind
 * overflows and its subscription ends with an error, instead of growing the server's memory. It
 * resubscribes and, where the topic has a cursor, resumes from it.
 */
export type PubSub = ReturnType<typeof createPubSub<Topics>> & {
  close(): Promise<void>;
  live: LiveSubscriptions;
};

interface EventTargetLike {
  addEventListener(topic: string, cb: (e: CustomEvent) => void): void;
}

/**
 * Listens to every topic for as long as the pub/sub lives, which keeps a backend that subscribes
 * per topic (Redis) subscribed: a new subscriber never waits for the backend to start listening,
 * and an event published right after it became live is not lost.
 */
function finish(
  pubSub: ReturnType<typeof createPubSub<Topics>>,
  target: EventTargetLike,
  close: () => Promise<void>,
): PubSub {
  for (const topic of Object.values(Topic)) target.addEventListener(topic, () => undefined);
  return Object.assign(pubSub, { close, live: new LiveSubscriptions() });
}

/**
 * Where events travel: through Redis with REDIS_URL; through PostgreSQL LISTEN/NOTIFY when the
 * server uses an external database (`databaseUrl`: several processes may share it); through memory
 * with the embedded database, which only one process can use.
 */
export async function createPubSubFor(
  config: Config,
  databaseUrl?: string,
  log: (m: string, err?: unknown) => void = () => undefined,
): Promise<PubSub> {
  if (!config.redisUrl && databaseUrl) {
    // After the listening connection comes back, case subscribers re-read the log they follow.
    const eventTarget = createPgEventTarget(databaseUrl, log, () =>
      eventTarget.dispatchLocal(Topic.CASE_EVENT, {
        districtId: "*",
        position: "0",
        caseId: "",
        action: "catch_up",
      }),
    );
    await eventTarget.ready;
    return finish(createPubSub<Topics>({ eventTarget: eventTarget as never }), eventTarget, () =>
      eventTarget.close(),
    );
  }
  if (!config.redisUrl) {
    const eventTarget = new EventTarget();
    return finish(
      createPubSub<Topics>({ eventTarget }),
      eventTarget as unknown as EventTargetLike,
      async () => undefined,
    );
  }
  const { Redis } = await import("ioredis");
  const { createRedisEventTarget } = await import("@graphql-yoga/redis-event-target");
  const publishClient = new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(config.redisUrl, {
    lazyConnect: false,
    maxRetriesPerRequest: 3,
  });
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  const pubSub = finish(
    createPubSub<Topics>({ eventTarget }),
    eventTarget as unknown as EventTargetLike,
    async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  );
  // The listeners above asked Redis to subscribe to every topic; ready when it has.
  await subscribeClient.subscribe(...Object.values(Topic));
  return pubSub;
}
