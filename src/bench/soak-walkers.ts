import { performance } from "node:perf_hooks";

/**
 * The walkers of `npm run soak`, in a process of their own so that receiving their answers does
 * not delay the soak's measurement of ordinary requests: one loop per token, each keeping one
 * whole-tree walk in flight and sending the next as soon as the last is answered or refused (or,
 * when asked, once a refusal's Retry-After has passed).
 * Driven over IPC: `start`, then `tick` (outcomes by code since the last tick), then `stop`.
 */

interface Start {
  type: "start";
  url: string;
  tokens: string[];
  /** The request body of the walk. */
  body: string;
  /** Wait as long as a refusal's Retry-After asks before sending again (else: at once). */
  obeyRetryAfter: boolean;
}

export interface WalkTick {
  type: "tick";
  /** Answers by outcome: `ok`, or the error code (`RATE_LIMITED`, `SERVER_BUSY`, …). */
  outcomes: Record<string, number>;
  /** Latency of the walks answered in full, ms. */
  okMs: number[];
  /** Latency of the refused ones, ms. */
  refusedMs: number[];
  inFlight: number;
}

let outcomes: Record<string, number> = {};
let okMs: number[] = [];
let refusedMs: number[] = [];
let inFlight = 0;
let running = false;
const loops: Array<Promise<void>> = [];

/** `ok` for a full answer (read without parsing it: a walk's answer is large), else the code. */
function outcome(status: number, text: string): string {
  if (status === 200 && !text.includes('"errors"')) return "ok";
  try {
    const body = JSON.parse(text) as {
      data?: unknown;
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    return body.errors?.[0]?.extensions?.code ?? (body.data ? "ok" : `HTTP_${status}`);
  } catch {
    return `HTTP_${status}`;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function walker(msg: Start, token: string): Promise<void> {
  while (running) {
    const t0 = performance.now();
    let code: string;
    let retryAfter = 0;
    inFlight++;
    try {
      const res = await fetch(msg.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: msg.body,
      });
      code = outcome(res.status, await res.text());
      retryAfter = Number(res.headers.get("retry-after") ?? 0);
    } catch {
      code = "FETCH_FAILED";
    } finally {
      inFlight--;
    }
    const ms = performance.now() - t0;
    outcomes[code] = (outcomes[code] ?? 0) + 1;
    (code === "ok" ? okMs : refusedMs).push(ms);
    // With up to a second of jitter, as careful clients add, so that refused walkers do not all
    // come back in the same instant.
    if (msg.obeyRetryAfter && retryAfter > 0) await sleep(retryAfter * 1000 + Math.random() * 1000);
  }
}

process.on("message", (msg: Start | { type: "tick" } | { type: "stop" }) => {
  if (msg.type === "start") {
    running = true;
    for (const token of msg.tokens) loops.push(walker(msg, token));
  } else if (msg.type === "tick") {
    const tick: WalkTick = { type: "tick", outcomes, okMs, refusedMs, inFlight };
    outcomes = {};
    okMs = [];
    refusedMs = [];
    process.send!(tick);
  } else if (msg.type === "stop") {
    running = false;
    void Promise.all(loops).then(() => process.exit(0));
  }
});
