/**
 * Close codes and refusals of the WebSocket endpoint beyond graphql-ws's own (4400, 4401, 4403,
 * 4408, 4409, 4429, 4500: see its PROTOCOL.md). graphql-ws clients reconnect after these.
 */
export const CLOSE_SLOW_SUBSCRIBER = 4503;
export const CLOSE_TOO_MANY_CONNECTIONS = 4430;

export interface LiveLimits {
  perConnection: number;
  perPrincipal: number;
  connectionsPerPrincipal: number;
}

/**
 * Counts WebSocket connections and their operations per principal (the token's subject), so that
 * one token cannot hold the process's sockets or subscriptions: past a limit, a new connection is
 * closed with 4430 and a new subscription is refused with TOO_MANY_SUBSCRIPTIONS (the others go
 * on).
 */
export class ConnectionLimits {
  private readonly connections = new Map<string, number>();
  private readonly operations = new Map<string, number>();

  constructor(readonly limits: LiveLimits) {}

  /** A connection of `subject` opens; false (and nothing counted) if it would be one too many. */
  connect(subject: string): boolean {
    const n = this.connections.get(subject) ?? 0;
    if (n >= this.limits.connectionsPerPrincipal) return false;
    this.connections.set(subject, n + 1);
    return true;
  }

  disconnect(subject: string, openOperations: number): void {
    this.drop(this.connections, subject, 1);
    this.drop(this.operations, subject, openOperations);
  }

  /** Why an operation may not start, and the limit (null: it may, and it is counted). */
  start(subject: string, onThisConnection: number): { message: string; limit: number } | null {
    const { perConnection, perPrincipal } = this.limits;
    if (onThisConnection >= perConnection)
      return {
        message: `at most ${perConnection} subscriptions on one connection`,
        limit: perConnection,
      };
    const n = this.operations.get(subject) ?? 0;
    if (n >= perPrincipal)
      return {
        message: `at most ${perPrincipal} subscriptions for one account`,
        limit: perPrincipal,
      };
    this.operations.set(subject, n + 1);
    return null;
  }

  end(subject: string): void {
    this.drop(this.operations, subject, 1);
  }

  private drop(map: Map<string, number>, subject: string, by: number): void {
    const n = (map.get(subject) ?? 0) - by;
    if (n > 0) map.set(subject, n);
    else map.delete(subject);
  }
}
