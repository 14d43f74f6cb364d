/**
 * How events cross processes: PostgreSQL NOTIFY, Redis, or nothing (one process). A transport
 * carries a topic's name and its payload as they are; what they mean is pubsub.ts's business.
 */
export interface Transport {
  send(topic: string, payload: unknown): void;
  close(): Promise<void>;
}
