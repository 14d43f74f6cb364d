import pino from "pino";

/**
 * Structured logs: one JSON object a line on stdout, with `time` (ISO 8601), `level` (a word),
 * `msg`, and the fields of the line or of the logger it came from (`requestId`, `subject`,
 * `district`, `operation` on request loggers). Errors go in `err`, with their type, message and
 * stack; they are never sent to clients (see common/errors.ts).
 */
export type LogLevel = "silent" | "error" | "warn" | "info" | "debug";
export const LOG_LEVELS: readonly LogLevel[] = ["silent", "error", "warn", "info", "debug"];
/** `auto`: readable lines on a terminal, JSON otherwise (a pipe, a file, a log collector). */
export type LogFormat = "json" | "pretty" | "auto";
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, err?: unknown, fields?: LogFields): void;
  /** A logger whose every line also carries `bindings` (a request's id, its caller, …). */
  child(bindings: LogFields): Logger;
}

/** Where lines go: anything with `write(line)` (tests collect them); stdout by default. */
export interface LogDestination {
  write(line: string): unknown;
}

export interface LoggerOptions {
  format?: LogFormat;
  destination?: LogDestination;
}

/**
 * What of an error reaches the log: its type, message and stack, and the fields that say which
 * statement or constraint failed. Not all its own fields: TypeORM's carry the statement's
 * parameters and PostgreSQL's `detail` may quote a row, and those can be a person's data.
 */
const ERROR_FIELDS = ["code", "constraint", "table", "column", "routine", "query"];

export function errorFields(err: unknown, depth = 0): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const out: Record<string, unknown> = {
    type: err.constructor?.name ?? err.name,
    message: err.message,
    stack: err.stack,
  };
  for (const k of ERROR_FIELDS) {
    const v = (err as unknown as Record<string, unknown>)[k];
    if (typeof v === "string" || typeof v === "number") out[k] = v;
  }
  if (err.cause !== undefined && depth < 3) out.cause = errorFields(err.cause, depth + 1);
  return out;
}

function wrap(p: pino.Logger): Logger {
  return {
    debug: (message, fields) => p.debug(fields ?? {}, message),
    info: (message, fields) => p.info(fields ?? {}, message),
    warn: (message, fields) => p.warn(fields ?? {}, message),
    error(message, err, fields) {
      if (err === undefined) p.error(fields ?? {}, message);
      else p.error({ ...fields, err: errorFields(err) }, message);
    },
    child: (bindings) => wrap(p.child(bindings)),
  };
}

export function createLogger(level: LogLevel, opts: LoggerOptions = {}): Logger {
  // Synchronous writes: a line logged just before process.exit (at shutdown) is not lost.
  const out: LogDestination = opts.destination ?? pino.destination({ dest: 1, sync: true });
  const format = opts.format ?? "json";
  const pretty =
    format === "pretty" || (format === "auto" && !opts.destination && process.stdout.isTTY);
  return wrap(
    pino(
      {
        level,
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        // `err` is already written by errorFields, not by pino's serializer (which keeps every field).
        serializers: { err: (e: unknown) => e },
      },
      pretty ? prettyLines(out) : out,
    ),
  );
}

/**
 * Log lines for a person at a terminal (LOG_FORMAT=pretty, or `auto` on a terminal in
 * development): `09:00:01.234 INFO  message key=value …`, an error's stack below its line, and a
 * message of several lines (the start-up banner) as it was written. The same JSON lines underneath,
 * so no field is lost; no dependency, so a production install needs nothing more.
 */
const HIDDEN = new Set(["time", "level", "msg", "pid", "hostname", "err"]);

function value(v: unknown): string {
  if (typeof v === "string") return /^[^\s"=]+$/.test(v) ? v : JSON.stringify(v);
  return JSON.stringify(v);
}

export function prettyLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith("\n") ? json : json + "\n";
  }
  const time = typeof entry.time === "string" ? entry.time.slice(11, 23) : "";
  const level = String(entry.level ?? "").toUpperCase();
  const fields = Object.entries(entry)
    .filter(([k]) => !HIDDEN.has(k))
    .map(([k, v]) => `${k}=${value(v)}`)
    .join(" ");
  let line = `${time} ${level.padEnd(5)} ${String(entry.msg ?? "")}${fields ? "  " + fields : ""}\n`;
  const err = entry.err as { stack?: string; message?: string } | undefined;
  if (err) line += `    ${(err.stack ?? err.message ?? "").split("\n").join("\n    ")}\n`;
  return line;
}

export function prettyLines(out: { write(line: string): unknown }) {
  return { write: (json: string) => void out.write(prettyLine(json)) };
}
