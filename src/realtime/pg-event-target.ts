import { Client, Pool } from "pg";

const CHANNEL = "civic_grid_events";

type Callback = (event: CustomEvent) => void;

/**
 * An event target over PostgreSQL LISTEN/NOTIFY, so that several server processes share their
 * subscription events with no service beside the database. One dedicated connection listens; a
 * published event is a NOTIFY on the same channel carrying `{ topic, detail }` (payloads are ids,
 * far below NOTIFY's 8,000-byte limit). If the listening connection drops, it reconnects with a
 * back-off; case subscribers recover what passed meanwhile from the event log by their cursor.
 */
export function createPgEventTarget(
  url: string,
  log: (m: string, err?: unknown) => void,
  onReconnect: () => void = () => undefined,
) {
  const callbacks = new Map<string, Set<Callback>>();
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
    application_name: "civic-grid-notify",
  });
  publisher.on("error", (err) => log("the NOTIFY connection failed; it will reconnect", err));
  const publisherReady = Promise.resolve();

  async function listen(): Promise<void> {
    const client = new Client({ connectionString: url, application_name: "civic-grid-listen" });
    client.on("notification", (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      let parsed: { topic: string; detail: unknown };
      try {
        parsed = JSON.parse(msg.payload) as { topic: string; detail: unknown };
      } catch {
        return;
      }
      const set = callbacks.get(parsed.topic);
      if (!set) return;
      const event = new CustomEvent(parsed.topic, { detail: parsed.detail });
      for (const cb of set) cb(event);
    });
    client.on("error", (err) => {
      log("the LISTEN connection failed; reconnecting", err);
      void client.end().catch(() => undefined);
      reconnect();
    });
    connecting = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } finally {
      connecting = null;
    }
    if (closed) {
      // Closed while this connection was being opened: it must not outlive the target.
      await client.end().catch(() => undefined);
      return;
    }
    listener = client;
    if (attempt > 0) onReconnect();
    attempt = 0;
  }

  function reconnect() {
    listener = null;
    if (closed) return;
    const delay = Math.min(30_000, 250 * 2 ** attempt++);
    retry = setTimeout(() => {
      retry = null;
      if (!closed) listen().catch((err) => (log("LISTEN reconnect failed", err), reconnect()));
    }, delay);
    retry.unref();
  }

  const ready = listen();

  const callbackOf = (c: unknown): Callback | null => {
    if (c == null) return null;
    if (typeof c === "function") return c as Callback;
    return (c as { handleEvent: Callback }).handleEvent;
  };

  return {
    ready: Promise.all([ready, publisherReady]).then(() => undefined),
    addEventListener(topic: string, cb: unknown) {
      const fn = callbackOf(cb);
      if (!fn) return;
      let set = callbacks.get(topic);
      if (!set) callbacks.set(topic, (set = new Set()));
      set.add(fn);
    },
    removeEventListener(topic: string, cb: unknown) {
      const fn = callbackOf(cb);
      if (fn) callbacks.get(topic)?.delete(fn);
    },
    /** Delivers an event to this process's listeners only. */
    dispatchLocal(topic: string, detail: unknown) {
      const event = new CustomEvent(topic, { detail });
      for (const cb of callbacks.get(topic) ?? []) cb(event);
    },
    dispatchEvent(event: CustomEvent) {
      const payload = JSON.stringify({ topic: event.type, detail: event.detail });
      void publisherReady
        .then(() => publisher.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]))
        .catch((err: unknown) =>
          // One retry on a fresh connection; after that the event is lost to other processes,
          // whose case subscribers still find it in the log at the next event.
          publisher
            .query("SELECT pg_notify($1, $2)", [CHANNEL, payload])
            .catch(() => log("NOTIFY failed", err)),
        );
      return true;
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await Promise.allSettled([listener?.end(), connecting?.end(), publisher.end()]);
    },
  };
}
