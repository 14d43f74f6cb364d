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
 * Each subscriber reads through its own repeater; one that falls more than 1,024 events behind
 * overflows and its subscription ends with an error, instead of growing the server's memory. It
 * resubscribes and, where the topic has a cursor, resumes from it.
 */
export type PubSub = ReturnType<typeof createPubSub<Topics>> & { close(): Promise<void> };

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
    return Object.assign(createPubSub<Topics>({ eventTarget: eventTarget as never }), {
      close: () => eventTarget.close(),
    });
  }
  if (!config.redisUrl) {
    return Object.assign(createPubSub<Topics>(), { close: async () => undefined });
  }
  const { Redis } = await import("ioredis");
  const { createRedisEventTarget } = await import("@graphql-yoga/redis-event-target");
  const publishClient = new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(config.redisUrl, {
    lazyConnect: false,
    maxRetriesPerRequest: 3,
  });
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return Object.assign(createPubSub<Topics>({ eventTarget }), {
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  });
}
