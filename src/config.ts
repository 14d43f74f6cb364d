import path from "node:path";
import { LOG_LEVELS, type LogFormat, type LogLevel } from "./logger";
import { loadSecurityConfig, type SecurityConfig } from "./security/config";

/**
 * Typed environment. Every variable the process reads is named here (and in the README's
 * configuration table); anything malformed stops the process at start with a message saying which
 * variable and why, rather than failing later on first use.
 */
export interface Config {
  port: number;
  host: string;
  nodeEnv: string;
  production: boolean;
  /** Connection for the server itself: a role that owns no table and has no BYPASSRLS. */
  databaseUrl?: string;
  /** Connection for migrations (the owner role); defaults to databaseUrl. */
  migrationDatabaseUrl?: string;
  /** Where the embedded PostgreSQL and the development JWT secret live. */
  dataDir: string;
  jwtSecret?: string;
  jwksUrl?: string;
  jwtIssuer?: string;
  jwtAudience?: string;
  introspection: boolean;
  /** The offline GraphQL IDE at /graphiql (web/graphiql): on in development, off in production. */
  graphqlIde: boolean;
  /** Queries the planner can answer skip graphql-js's per-field execution (planner/). */
  plannedReads: boolean;
  loadDemoData: boolean;
  redisUrl?: string;
  /** How often the deadline watcher runs, in ms (0: not in this process). */
  sweepIntervalMs: number;
  /**
   * Prefix of the Redis channels and of the PostgreSQL NOTIFY channel: deployments that share a
   * Redis or a database hear only their own events.
   */
  pubSubNamespace: string;
  /** Live subscriptions: limits per WebSocket and per principal, and each subscriber's queue. */
  subscriptions: {
    perConnection: number;
    perPrincipal: number;
    connectionsPerPrincipal: number;
    /** Events a subscriber may fall behind by before it is cut off (close code 4503). */
    queue: number;
  };
  logLevel: LogLevel;
  /** JSON lines (production's default), readable lines, or `auto`: readable on a terminal. */
  logFormat: LogFormat;
  /** GET /metrics in Prometheus's text format; with a token, only for `Authorization: Bearer <token>`. */
  metrics: { enabled: boolean; token?: string };
  /** Operation limits, work in flight, rate limits, CORS, trusted documents (security/config.ts). */
  security: SecurityConfig;
}

export class ConfigError extends Error {}

function bool(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

function int(name: string, value: string | undefined, fallback: number, min: number, max: number) {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${value}"`);
  }
  return n;
}

function url(name: string, value: string | undefined, protocols: string[]): string | undefined {
  if (value === undefined || value === "") return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(" or ")}, got ${parsed.protocol}`);
  }
  return value;
}

function namespace(value: string | undefined): string {
  const v = value || "civic_grid";
  if (!/^[a-z][a-z0-9_]{0,39}$/.test(v))
    throw new ConfigError(
      `PUBSUB_NAMESPACE must be lower-case letters, digits and _ (at most 40, a letter first), got "${value}"`,
    );
  return v;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV || "development";
  const production = nodeEnv === "production";
  const pg = ["postgres:", "postgresql:"];
  const databaseUrl = url("DATABASE_URL", env.DATABASE_URL, pg);
  const jwtSecret = env.JWT_SECRET || undefined;
  const jwksUrl = url("JWKS_URL", env.JWKS_URL, ["https:", "http:"]);
  if (jwtSecret !== undefined && Buffer.byteLength(jwtSecret) < 32) {
    throw new ConfigError("JWT_SECRET must be at least 32 bytes long (HS256 needs a 256-bit key)");
  }
  if (production && !jwtSecret && !jwksUrl) {
    throw new ConfigError(
      "in production set JWT_SECRET or JWKS_URL: no development secret is made",
    );
  }
  if (production && !databaseUrl) {
    throw new ConfigError(
      "in production set DATABASE_URL: the embedded database is for development",
    );
  }
  const logLevel = (env.LOG_LEVEL || "info") as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be ${LOG_LEVELS.join(", ")}, got "${env.LOG_LEVEL}"`);
  }
  const logFormat = (env.LOG_FORMAT || (production ? "json" : "auto")) as LogFormat;
  if (!["json", "pretty", "auto"].includes(logFormat)) {
    throw new ConfigError(`LOG_FORMAT must be json, pretty or auto, got "${env.LOG_FORMAT}"`);
  }
  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && !/^[\x21-\x7e]{16,}$/.test(metricsToken)) {
    throw new ConfigError("METRICS_TOKEN must be at least 16 printable characters without spaces");
  }
  return {
    port: int("PORT", env.PORT, 4000, 0, 65535),
    host: env.HOST || "0.0.0.0",
    nodeEnv,
    production,
    databaseUrl,
    migrationDatabaseUrl:
      url("MIGRATION_DATABASE_URL", env.MIGRATION_DATABASE_URL, pg) ?? databaseUrl,
    dataDir: path.resolve(env.DATA_DIR || path.join(process.cwd(), ".data")),
    jwtSecret,
    jwksUrl,
    jwtIssuer: env.JWT_ISSUER || undefined,
    jwtAudience: env.JWT_AUDIENCE || undefined,
    introspection: bool("GRAPHQL_INTROSPECTION", env.GRAPHQL_INTROSPECTION, !production),
    graphqlIde: bool("GRAPHQL_IDE", env.GRAPHQL_IDE, !production),
    plannedReads: bool("PLANNED_READS", env.PLANNED_READS, true),
    loadDemoData: bool("DEMO_DATA", env.DEMO_DATA, !production),
    redisUrl: url("REDIS_URL", env.REDIS_URL, ["redis:", "rediss:"]),
    sweepIntervalMs: int("SWEEP_INTERVAL_MS", env.SWEEP_INTERVAL_MS, 30_000, 0, 3_600_000),
    pubSubNamespace: namespace(env.PUBSUB_NAMESPACE),
    subscriptions: {
      perConnection: int(
        "WS_SUBSCRIPTIONS_PER_CONNECTION",
        env.WS_SUBSCRIPTIONS_PER_CONNECTION,
        50,
        1,
        100_000,
      ),
      perPrincipal: int(
        "WS_SUBSCRIPTIONS_PER_PRINCIPAL",
        env.WS_SUBSCRIPTIONS_PER_PRINCIPAL,
        200,
        1,
        1_000_000,
      ),
      connectionsPerPrincipal: int(
        "WS_CONNECTIONS_PER_PRINCIPAL",
        env.WS_CONNECTIONS_PER_PRINCIPAL,
        50,
        1,
        1_000_000,
      ),
      queue: int("WS_SUBSCRIBER_QUEUE", env.WS_SUBSCRIBER_QUEUE, 1000, 1, 1_000_000),
    },
    logLevel,
    logFormat,
    metrics: { enabled: bool("METRICS", env.METRICS, true), token: metricsToken },
    security: loadSecurityConfig(env, production, (m) => new ConfigError(m)),
  };
}
