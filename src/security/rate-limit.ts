import type Redis from "ioredis";
import { HeaderMap } from "@apollo/server";
import { AppError } from "../common/errors";

/**
 * Token buckets counted in cost points (see cost.ts): each bucket holds up to `burst` points and
 * refills at `perSecond`. An operation takes its cost from every bucket it belongs to (its
 * account and its district) or from none, so a refused request spends nothing. The time comes
 * from the server's clock, so tests step it instead of waiting.
 */
export interface BucketSpec {
  burst: number;
  perSecond: number;
}

export interface BucketRequest {
  key: string;
  spec: BucketSpec;
}

export type TakeResult = { ok: true } | { ok: false; key: string; retryAfterMs: number };

export interface RateLimiter {
  take(buckets: BucketRequest[], cost: number, nowMs: number): Promise<TakeResult>;
  close(): Promise<void>;
}

interface Bucket {
  tokens: number;
  at: number;
  /** Its own spec: an account's and a district's buckets refill differently. */
  spec: BucketSpec;
}

function refill(b: Bucket, spec: BucketSpec, now: number): number {
  const elapsed = Math.max(0, now - b.at) / 1000;
  return Math.min(spec.burst, b.tokens + elapsed * spec.perSecond);
}

const waitFor = (missing: number, spec: BucketSpec) =>
  Math.ceil((missing / Math.max(spec.perSecond, 1e-9)) * 1000);

/** Buckets kept before the first sweep of full ones. */
const SWEEP_ABOVE = 100_000;

/** One process's buckets (the default without REDIS_URL). Full buckets are forgotten. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  /**
   * The size that starts the next sweep: twice what the last one left, so that many live buckets
   * (callers from many addresses) cost a sweep now and then, not one per request.
   */
  private sweepAt: number;

  constructor(private readonly sweepAbove = SWEEP_ABOVE) {
    this.sweepAt = sweepAbove;
  }

  async take(requests: BucketRequest[], cost: number, now: number): Promise<TakeResult> {
    const levels = requests.map((r) => {
      const b = this.buckets.get(r.key);
      return b ? refill(b, r.spec, now) : r.spec.burst;
    });
    for (let i = 0; i < requests.length; i++) {
      const need = Math.min(cost, requests[i].spec.burst);
      if (levels[i] < need)
        return {
          ok: false,
          key: requests[i].key,
          retryAfterMs: waitFor(need - levels[i], requests[i].spec),
        };
    }
    requests.forEach((r, i) => {
      const tokens = levels[i] - Math.min(cost, r.spec.burst);
      this.buckets.set(r.key, { tokens, at: now, spec: r.spec });
    });
    if (this.buckets.size > this.sweepAt) this.sweep(now);
    return { ok: true };
  }

  /** Drops buckets that have refilled, each by its own spec (they are the same as absent ones). */
  private sweep(now: number): void {
    for (const [key, b] of this.buckets)
      if (refill(b, b.spec, now) >= b.spec.burst) this.buckets.delete(key);
    this.sweepAt = Math.max(this.sweepAbove, this.buckets.size * 2);
  }

  async close(): Promise<void> {
    this.buckets.clear();
  }
}

/**
 * The same buckets in Redis, shared by every process of the deployment: one script takes from
 * all of a request's buckets atomically. Each bucket key expires once it would be full again by
 * the servers' clock, and a minute at the earliest: the refill is computed from the stored time,
 * so a key that outlives its refill changes nothing, while one that expired too early (Redis's
 * clock running ahead of the servers', or a stalled server) would hand out a full bucket.
 */
const TAKE_SCRIPT = `
local now = tonumber(ARGV[1])
local cost = tonumber(ARGV[2])
local n = #KEYS
local levels = {}
local stamps = {}
for i = 1, n do
  local burst = tonumber(ARGV[1 + 2 * i])
  local rate = tonumber(ARGV[2 + 2 * i])
  local b = redis.call('HMGET', KEYS[i], 'tokens', 'at')
  local level = burst
  stamps[i] = now
  if b[1] then
    local elapsed = math.max(0, now - tonumber(b[2])) / 1000
    level = math.min(burst, tonumber(b[1]) + elapsed * rate)
    -- A process whose clock is behind never moves a bucket's time back (no refill twice).
    stamps[i] = math.max(now, tonumber(b[2]))
  end
  local need = math.min(cost, burst)
  if level < need then
    return {i, math.ceil((need - level) / rate * 1000)}
  end
  levels[i] = level - need
end
for i = 1, n do
  local burst = tonumber(ARGV[1 + 2 * i])
  local rate = tonumber(ARGV[2 + 2 * i])
  redis.call('HSET', KEYS[i], 'tokens', tostring(levels[i]), 'at', tostring(stamps[i]))
  redis.call('PEXPIRE', KEYS[i], math.max(60000, math.ceil((burst - levels[i]) / rate * 1000) + 1000))
end
return {0, 0}
`;

export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly onError: (err: unknown) => void,
  ) {}

  async take(requests: BucketRequest[], cost: number, now: number): Promise<TakeResult> {
    const args: Array<string | number> = [now, cost];
    for (const r of requests) args.push(r.spec.burst, r.spec.perSecond);
    try {
      const [index, retryAfterMs] = (await this.redis.eval(
        TAKE_SCRIPT,
        requests.length,
        // One hash tag for all rate keys: a script's keys share a slot on a Redis Cluster.
        ...requests.map((r) => `{${this.prefix}:rate}:${r.key}`),
        ...args,
      )) as [number, number];
      if (index === 0) return { ok: true };
      return { ok: false, key: requests[index - 1].key, retryAfterMs };
    } catch (err) {
      // Redis away: requests go on (the operation limits and the work gate still hold); logged.
      this.onError(err);
      return { ok: true };
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

/** RATE_LIMITED (HTTP 429 with Retry-After): which bucket, and when to try again. */
export function rateLimited(scope: string, retryAfterMs: number): AppError {
  const retryAfter = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError(
    "RATE_LIMITED",
    `too many requests for this ${scope}; retry after ${retryAfter} s`,
    {
      scope,
      retryAfter,
      http: { status: 429, headers: new HeaderMap([["retry-after", String(retryAfter)]]) },
    },
  );
}

/** Rate-limit buckets: in Redis when REDIS_URL is set (shared by every process), else in memory. */
export async function rateLimiterFor(
  config: { redisUrl?: string; pubSubNamespace: string },
  log: { error(message: string, err?: unknown): void },
): Promise<RateLimiter> {
  if (!config.redisUrl) return new MemoryRateLimiter();
  const { Redis } = await import("ioredis");
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  let reported = false;
  redis.on("error", (err) => {
    if (!reported) log.error("rate limits: Redis unavailable, requests are not rate-limited", err);
    reported = true;
  });
  redis.on("ready", () => (reported = false));
  // Commands are not queued while the connection is made (enableOfflineQueue: false), and a
  // command that cannot be sent lets its request through: the server's first requests would go
  // unmetered. So the server starts once the connection is ready, or has failed (then as above).
  if (redis.status !== "ready") {
    await new Promise<void>((resolve) => {
      redis.once("ready", () => resolve());
      redis.once("error", () => resolve());
      redis.once("end", () => resolve());
    });
  }
  return new RedisRateLimiter(redis, config.pubSubNamespace, (err) =>
    log.error("rate limits: Redis command failed", err),
  );
}
