import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

/**
 * A client process of the fan-out benchmark: opens its share of the subscribers (one graphql-ws
 * connection and one `caseCreated` subscription each, each with its own token), and records when
 * each case reaches each subscriber. Driven by the benchmark over IPC.
 */
interface Start {
  type: "start";
  urls: string[];
  tokens: string[];
  /** Subscriber numbers of this process (for spreading over the servers). */
  offset: number;
}

const QUERY = `subscription { caseCreated { cursor case { id number status } } }`;
const clients: Client[] = [];
/** Per subscriber: case ids in the order received, and when (ms since the epoch). */
let received: Array<{ ids: string[]; at: number[] }> = [];
let delivered = 0;
let errors = 0;

process.on("message", (msg: Start | { type: "count" } | { type: "report" } | { type: "stop" }) => {
  if (msg.type === "start") void start(msg);
  else if (msg.type === "count")
    process.send!({ type: "count", delivered, errors, open: clients.length });
  else if (msg.type === "report") process.send!({ type: "report", received });
  else if (msg.type === "stop")
    void Promise.all(clients.map((c) => c.dispose())).then(() => process.exit(0));
});

async function start(msg: Start) {
  received = msg.tokens.map(() => ({ ids: [], at: [] }));
  // Connect in small batches: a burst of thousands of handshakes at once is not what is measured.
  const BATCH = 100;
  for (let i = 0; i < msg.tokens.length; i += BATCH) {
    await Promise.all(
      msg.tokens.slice(i, i + BATCH).map(
        (token, j) =>
          new Promise<void>((resolve) => {
            const n = i + j;
            const client = createClient({
              url: msg.urls[(msg.offset + n) % msg.urls.length],
              webSocketImpl: WebSocket,
              lazy: false,
              retryAttempts: 0,
              connectionParams: { Authorization: `Bearer ${token}` },
              on: { connected: () => resolve() },
              onNonLazyError: () => {
                errors += 1;
                resolve();
              },
            });
            clients.push(client);
            client.subscribe<{ caseCreated: { case: { id: string } } }>(
              { query: QUERY },
              {
                next: (v) => {
                  const id = v.data?.caseCreated.case.id;
                  if (!id) {
                    errors += 1;
                    return;
                  }
                  received[n].ids.push(id);
                  received[n].at.push(Date.now());
                  delivered += 1;
                },
                error: () => (errors += 1),
                complete: () => undefined,
              },
            );
          }),
      ),
    );
  }
  process.send!({ type: "started" });
}
