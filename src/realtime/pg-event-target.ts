import { Client, Pool } from "pg";
import { type Transport } from "./transport";

/**
 * Events across processes over PostgreSQL LISTEN/NOTIFY, so that several server processes share
 * them with no service beside the database. One dedicated connection listens on the deployment's
 * channel; a published event is a NOTIFY on it carrying `{ topic, detail }` (payloads are ids, far
 * below NOTIFY's 8,000-byte limit). If the listening connection drops, it reconnects with a
 * back-off and `onReconnect` runs: case feeds recover what passed meanwhile from the event log.
 * The channel is `<namespace>_events`; both connections are named `civic-grid-listen/<namespace>`
 * and `civic-grid-notify/<namespace>` in `pg_stat_activity`, so that an operator (or a test) can
 * tell the deployments sharing a database apart.
 */
export async function createPgTransport(
  url: string,
  namespace: string,
  hear: (topic: string, payload: unknown) => void,
  onReconnect: () => void,
  log: (m: string, err?: unknown) => void,
): Promise<Transport> {
  if (!/^[a-z][a-z0-9_]*$/.test(namespace)) throw new Error(`not a namespace: ${namespace}`);
  const channel = `${namespace}_events`;
  let listener: Client | null = null;
  /** A connection being opened (first, or after a loss): close() must end it too. */
  let connecting: Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let closed = false;
  let attempt = 0;

  // A pool of one: a broken connection is replaced on the next NOTIFY.
  const publisher = new Pool({
    connectionString: url,
    max: 1,
    application_name: `civic-grid-notify/${namespace}`,
  });
  publisher.on("error", (err) => log("the NOTIFY connection failed; it will reconnect", err));

  async function listen(): Promise<void> {
    const client = new Client({
      connectionString: url,
      application_name: `civic-grid-listen/${namespace}`,
    });
    client.on("notification", (msg) => {
      if (msg.channel !== channel || !msg.payload) return;
      let parsed: { topic: string; detail: unknown };
      try {
        parsed = JSON.parse(msg.payload) as { topic: string; detail: unknown };
      } catch {
        return;
      }
      hear(parsed.topic, parsed.detail);
    });
    client.on("error", (err) => {
      log("the LISTEN connection failed; reconnecting", err);
      void client.end().catch(() => undefined);
      // Only the connection in use (or being opened) leads to a reconnect, and only once.
      if (client === listener || client === connecting) reconnect();
    });
    connecting = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (err) {
      void client.end().catch(() => undefined);
      throw err;
    } finally {
      connecting = null;
    }
    if (closed) {
      // Closed while this connection was being opened: it must not outlive the transport.
      await client.end().catch(() => undefined);
      return;
    }
    listener = client;
    if (attempt > 0) onReconnect();
    attempt = 0;
  }

  function reconnect() {
    listener = null;
    if (closed || retry) return; // one reconnection at a time
    const delay = Math.min(30_000, 250 * 2 ** attempt++);
    retry = setTimeout(() => {
      retry = null;
      if (!closed) listen().catch((err) => (log("LISTEN reconnect failed", err), reconnect()));
    }, delay);
    retry.unref();
  }

  await listen();

  return {
    send(topic: string, detail: unknown) {
      const payload = JSON.stringify({ topic, detail });
      publisher.query("SELECT pg_notify($1, $2)", [channel, payload]).catch((err: unknown) =>
        // One retry on a fresh connection; after that the event is lost to other processes,
        // whose case feeds still find it in the log at the next event.
        publisher
          .query("SELECT pg_notify($1, $2)", [channel, payload])
          .catch(() => log("NOTIFY failed", err)),
      );
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await Promise.allSettled([listener?.end(), connecting?.end(), publisher.end()]);
    },
  };
}
