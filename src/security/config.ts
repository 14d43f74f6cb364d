import path from "node:path";
import { ROLES } from "../auth/roles";
import { parseLimits, type LimitsByRole } from "./limits";
import { type BucketSpec } from "./rate-limit";
import { DEFAULT_WORK_GATE, type WorkGateOptions } from "./work-gate.options";

/** The edge's settings: operation limits, work in flight, rates, CORS, trusted documents, bodies. */
export interface SecurityConfig {
  limits: LimitsByRole;
  workGate: WorkGateOptions;
  /** Token buckets by cost; null: not limited. */
  rate: { subject: BucketSpec | null; district: BucketSpec | null };
  /** Origins a browser page may call from: a list, or "localhost" (any port of this machine). */
  corsOrigins: string[] | "localhost";
  /** A hash → document manifest (JSON); when set, only its documents run. */
  trustedDocuments?: string;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  /** How long a RATE_LIMITED or SERVER_BUSY answer is held (at most its Retry-After), in ms. */
  refusalHoldMs: number;
}

type Fail = (message: string) => Error;

function int(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  fail: Fail,
) {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw fail(`${name} must be an integer between ${min} and ${max}, got "${value}"`);
  return n;
}

/** `burst/perSecond` (e.g. `200000/5000`), or `off`. */
function bucket(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: BucketSpec,
  fail: Fail,
): BucketSpec | null {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  if (/^(off|0|false|none)$/i.test(value)) return null;
  const m = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(value.trim());
  const spec = m ? { burst: Number(m[1]), perSecond: Number(m[2]) } : null;
  if (!spec || spec.burst < 1 || spec.perSecond <= 0)
    throw fail(
      `${name} must be "burst/perSecond" in cost points (e.g. 200000/5000) or "off", got "${value}"`,
    );
  return spec;
}

function origins(value: string | undefined, production: boolean, fail: Fail) {
  if (value === undefined || value === "") return production ? [] : ("localhost" as const);
  if (value.trim() === "localhost") return "localhost" as const;
  if (value.trim() === "none") return [];
  const list = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const o of list) {
    let u: URL | null = null;
    try {
      u = new URL(o);
    } catch {
      // reported below
    }
    if (!u || !/^https?:$/.test(u.protocol) || u.origin !== o)
      throw fail(
        `CORS_ORIGINS must list origins like https://example.gov.cn (scheme, host, optional port, nothing else), got "${o}"`,
      );
  }
  return list;
}

export function loadSecurityConfig(
  env: NodeJS.ProcessEnv,
  production: boolean,
  fail: Fail,
): SecurityConfig {
  return {
    limits: parseLimits(env.QUERY_LIMITS, ROLES, fail),
    workGate: {
      heavyCost: int(env, "HEAVY_COST", DEFAULT_WORK_GATE.heavyCost, 1, 100_000_000, fail),
      heavySlots: int(env, "HEAVY_SLOTS", DEFAULT_WORK_GATE.heavySlots, 1, 1000, fail),
      heavyCostInFlight: int(
        env,
        "HEAVY_COST_IN_FLIGHT",
        DEFAULT_WORK_GATE.heavyCostInFlight!,
        1,
        1_000_000_000_000,
        fail,
      ),
      heavyQueue: int(env, "HEAVY_QUEUE", DEFAULT_WORK_GATE.heavyQueue, 0, 100_000, fail),
      queueWaitMs: int(env, "HEAVY_QUEUE_WAIT_MS", DEFAULT_WORK_GATE.queueWaitMs, 1, 600_000, fail),
      perPrincipal: int(
        env,
        "IN_FLIGHT_PER_PRINCIPAL",
        DEFAULT_WORK_GATE.perPrincipal,
        1,
        100_000,
        fail,
      ),
      perPrincipalHeavy: int(
        env,
        "HEAVY_IN_FLIGHT_PER_PRINCIPAL",
        DEFAULT_WORK_GATE.perPrincipalHeavy,
        1,
        100_000,
        fail,
      ),
    },
    rate: {
      subject: bucket(env, "RATE_LIMIT_SUBJECT", { burst: 200_000, perSecond: 5_000 }, fail),
      district: bucket(env, "RATE_LIMIT_DISTRICT", { burst: 2_000_000, perSecond: 50_000 }, fail),
    },
    corsOrigins: origins(env.CORS_ORIGINS, production, fail),
    trustedDocuments: env.TRUSTED_DOCUMENTS ? path.resolve(env.TRUSTED_DOCUMENTS) : undefined,
    maxBodyBytes: int(env, "MAX_BODY_BYTES", 1_000_000, 1_000, 100_000_000, fail),
    refusalHoldMs: int(env, "REFUSAL_HOLD_MS", 1000, 0, 60_000, fail),
  };
}
