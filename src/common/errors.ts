import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { extend } from "./objects";

/**
 * The stable error codes clients may rely on. Every error that reaches a client carries one of
 * these in `extensions.code` (Apollo's own validation codes pass through as they are).
 */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "CONFLICT"
  /** Over a limit on live subscriptions (per connection, per account); `extensions.limit`. */
  | "TOO_MANY_SUBSCRIPTIONS"
  /** Over an operation limit, before it ran; `extensions.limit`, `.max` and `.found`. */
  | "QUERY_TOO_COMPLEX"
  /** Over a rate (HTTP 429, Retry-After); `extensions.scope` and `.retryAfter` in seconds. */
  | "RATE_LIMITED"
  /** Heavy work is queued to its bound (HTTP 503, Retry-After); `extensions.retryAfter`. */
  | "SERVER_BUSY"
  /** Trusted documents only: the request named no registered document. */
  | "DOCUMENT_NOT_TRUSTED"
  /** The request body is over the size limit (HTTP 413); `extensions.limit`. */
  | "PAYLOAD_TOO_LARGE"
  /** The database is out of reach for now (restarting, failing over); `extensions.retryAfter`. */
  | "SERVICE_UNAVAILABLE"
  | "INTERNAL_SERVER_ERROR";

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401 };

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const unauthenticated = (message: string) =>
  new AppError("UNAUTHENTICATED", message, { http: { status: HTTP_STATUS.UNAUTHENTICATED } });
export const forbidden = (message: string) => new AppError("FORBIDDEN", message);
export const notFound = (message: string) => new AppError("NOT_FOUND", message);
export const conflict = (message: string) => new AppError("CONFLICT", message);
export const tooManySubscriptions = (message: string, limit: number) =>
  new AppError("TOO_MANY_SUBSCRIPTIONS", message, { limit });
/** `field` names the argument or input field at fault, so a form can show the message beside it. */
export const badInput = (field: string, message: string) =>
  new AppError("BAD_USER_INPUT", message, { field });

interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
}

/** PostgreSQL errors that are the client's doing, translated; the rest stay internal. */
function fromDatabase(err: PgError): GraphQLFormattedError | null {
  switch (err.code) {
    case "23505":
      return {
        message: `already exists (${err.constraint ?? "unique constraint"})`,
        extensions: { code: "CONFLICT" },
      };
    case "40001":
    case "40P01":
      return {
        message: "the data changed while this request ran; retry it",
        extensions: { code: "CONFLICT" },
      };
    case "22P02":
    case "23502":
    case "23503":
    case "23514":
    case "22001":
    case "22007":
    case "22008":
      return {
        message: `invalid value (${err.constraint ?? err.column ?? "constraint"})`,
        extensions: { code: "BAD_USER_INPUT", field: err.column },
      };
    case "42501":
      // Row-level security refused a write: the row belongs to another district.
      return { message: "not allowed in this district", extensions: { code: "FORBIDDEN" } };
    default:
      return null;
  }
}

/**
 * A database that went away, or will not take a session yet: a session it ended (57P01 admin
 * shutdown, 57P02 crash, 57P03 starting up or shutting down), too many connections, SQLSTATE class
 * 08, a refused or cut connection, and node-postgres's own words for a connection it lost, which
 * carry no code. Such a request may succeed when retried, once the database is back.
 */
const UNAVAILABLE_STATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const UNAVAILABLE_ERRNOS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
const CONNECTION_LOST =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;
/**
 * TypeORM gives up a query runner whose connection failed (its error handler releases it), and
 * then refuses the runner's next statement in these words. Nothing in this code base uses a
 * runner after releasing it (db/tenant.ts), so here they mean a lost connection.
 */
const RUNNER_LOST = new Set([
  "QueryRunnerAlreadyReleasedError",
  "QueryRunnerProviderAlreadyReleasedError",
]);
/** Seconds a client waits before it retries: about what a PostgreSQL restart takes. */
export const RETRY_AFTER_SECONDS = 2;

function databaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 3) return false;
  const e = err as Record<string, unknown>;
  const code = typeof e.code === "string" ? e.code : "";
  if (UNAVAILABLE_STATES.has(code) || UNAVAILABLE_ERRNOS.has(code) || /^08...$/.test(code))
    return true;
  if (typeof e.message === "string" && CONNECTION_LOST.test(e.message)) return true;
  if (RUNNER_LOST.has(String(e.name))) return true;
  // A connection to every address of a host name failed (AggregateError); TypeORM's wrapper of
  // a driver error; graphql-js's wrapper of a thrown value that is no Error of its realm.
  if (Array.isArray(e.errors) && e.errors.some((x) => databaseUnavailable(x, depth + 1)))
    return true;
  return (
    databaseUnavailable(e.driverError, depth + 1) || databaseUnavailable(e.thrownValue, depth + 1)
  );
}

const PASS_THROUGH = new Set([
  "TOO_MANY_SUBSCRIPTIONS",
  "QUERY_TOO_COMPLEX",
  "RATE_LIMITED",
  "SERVER_BUSY",
  "DOCUMENT_NOT_TRUSTED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "CONFLICT",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/** Extensions a client may read beside the code (the rest, such as `http`, stay inside). */
const PUBLIC_EXTENSIONS = ["field", "limit", "max", "found", "scope", "retryAfter"] as const;

export type ErrorLogger = (err: unknown) => void;

/**
 * The one place where errors become what a client sees. Known codes keep their message; type-graphql's
 * validation and authorization errors get our codes; anything else is logged and replaced by a
 * bare INTERNAL_SERVER_ERROR, so no stack trace, SQL or internal message leaves the server.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: ErrorLogger,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { locations: formatted.locations, path: formatted.path };
  const code = formatted.extensions?.code as string | undefined;

  if (original instanceof GraphQLError && original.constructor.name === "ArgumentValidationError") {
    const details = (original.extensions.validationErrors ?? []) as Array<{
      property: string;
      constraints?: Record<string, string>;
      children?: Array<{ property: string; constraints?: Record<string, string> }>;
    }>;
    const flat = details.flatMap((d) =>
      d.children && d.children.length > 0
        ? d.children.map((c) => ({ field: `${d.property}.${c.property}`, c: c.constraints }))
        : [{ field: d.property, c: d.constraints }],
    );
    const first = flat[0];
    return extend(base, {
      message: first
        ? `${first.field}: ${Object.values(first.c ?? {}).join("; ")}`
        : "invalid input",
      extensions: { code: "BAD_USER_INPUT", field: first?.field, fields: flat.map((f) => f.field) },
    });
  }
  if (code === "UNAUTHORIZED") {
    return extend(base, {
      message: "your role may not do this",
      extensions: { code: "FORBIDDEN" },
    });
  }
  const pg = fromDatabase((original ?? {}) as PgError);
  if (pg) return extend(base, pg);
  if (databaseUnavailable(original)) {
    return extend(base, {
      message:
        "the database cannot be reached at the moment; retry in a few seconds. A mutation cut " +
        "off this way may have been applied or not: retry it with the same idempotencyKey, or " +
        "read before you act again",
      extensions: { code: "SERVICE_UNAVAILABLE", retryAfter: RETRY_AFTER_SECONDS },
    });
  }
  // The parser's token ceiling (see security/limits.ts): the same code as the other limits.
  const tokens =
    code === "GRAPHQL_PARSE_FAILED" && /more th\w+ (\d+) tokens/.exec(formatted.message);
  if (tokens) {
    const max = Number(tokens[1]);
    return extend(base, {
      message: `the operation is over the tokens limit: more than ${max} against at most ${max}`,
      extensions: { code: "QUERY_TOO_COMPLEX", limit: "tokens", max, found: null },
    });
  }
  if (code && PASS_THROUGH.has(code)) {
    const extensions: Record<string, unknown> = { code };
    for (const key of PUBLIC_EXTENSIONS) {
      if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    }
    return extend(base, { message: formatted.message, extensions });
  }
  log(original);
  return extend(base, {
    message: "Internal server error",
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  });
}
