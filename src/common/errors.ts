import { GraphQLError, type GraphQLFormattedError } from "graphql";

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

const PASS_THROUGH = new Set([
  "TOO_MANY_SUBSCRIPTIONS",
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
    return {
      ...base,
      message: first
        ? `${first.field}: ${Object.values(first.c ?? {}).join("; ")}`
        : "invalid input",
      extensions: { code: "BAD_USER_INPUT", field: first?.field, fields: flat.map((f) => f.field) },
    };
  }
  if (code === "UNAUTHORIZED") {
    return {
      ...base,
      message: "your role may not do this",
      extensions: { code: "FORBIDDEN" },
    };
  }
  const pg = fromDatabase((original ?? {}) as PgError);
  if (pg) return { ...base, ...pg };
  if (code && PASS_THROUGH.has(code)) {
    const extensions: Record<string, unknown> = { code };
    if (formatted.extensions?.field) extensions.field = formatted.extensions.field;
    return { ...base, message: formatted.message, extensions };
  }
  log(original);
  return {
    ...base,
    message: "Internal server error",
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}
