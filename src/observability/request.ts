import { AsyncLocalStorage } from "node:async_hooks";
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { type NextFunction, type Request, type RequestHandler, type Response } from "express";
import { type GraphQLFormattedError } from "graphql";
import { type LogFields, type Logger } from "../logger";
import { type Principal } from "../auth/principal";
import { type Metrics, type Outcome } from "./metrics";
import { extend } from "../common/objects";

/**
 * What is known of one HTTP request while it runs, and what its access log line reports. It is
 * reachable from anywhere inside the request (`currentRequest()`), so that code without the
 * GraphQL context (Apollo's formatError, plugins) logs with the request's id and counts its errors.
 */
export interface RequestRecord {
  id: string;
  /** The request's logger: its id, and once known its caller and operation. */
  log: Logger;
  subject?: string;
  role?: string;
  district?: string | null;
  city?: string;
  /** Apollo took the request in (observability/plugin.ts). */
  graphql: boolean;
  /** The operation's name (null: anonymous) and type, once the document is read. */
  operation?: string | null;
  operationType?: string;
  /** The response Apollo sends (read when the request ends: its data may be dropped late). */
  result?: { data?: unknown };
  /** extensions.code of every error sent, in order. */
  codes: string[];
}

const requests = new AsyncLocalStorage<RequestRecord>();

/**
 * A logger bound to fields (a request's id, then its caller, then its operation), made only when
 * it first writes a line: most requests write none besides their access line, which is written
 * with every field by observeRequests, and a logger's child costs an allocation of the logging
 * library's per binding.
 */
class BoundLogger implements Logger {
  private made?: Logger;
  constructor(
    private readonly base: Logger,
    private readonly bindings: LogFields,
  ) {}
  private get log(): Logger {
    return (this.made ??= this.base.child(this.bindings));
  }
  debug(message: string, fields?: LogFields) {
    this.log.debug(message, fields);
  }
  info(message: string, fields?: LogFields) {
    this.log.info(message, fields);
  }
  warn(message: string, fields?: LogFields) {
    this.log.warn(message, fields);
  }
  error(message: string, err?: unknown, fields?: LogFields) {
    this.log.error(message, err, fields);
  }
  child(bindings: LogFields): Logger {
    return new BoundLogger(this.base, extend(this.bindings, bindings));
  }
}

export function currentRequest(): RequestRecord | undefined {
  return requests.getStore();
}

/** The request's logger inside a request; `fallback` elsewhere. */
export function requestLog(fallback: Logger): Logger {
  return requests.getStore()?.log ?? fallback;
}

/** Notes an error sent to the client (its code goes in the access log and the metrics). */
export function noteError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  requests.getStore()?.codes.push(typeof code === "string" ? code : "INTERNAL_SERVER_ERROR");
  return formatted;
}

/**
 * An id for a request or a connection: the caller's `X-Request-Id` when it is a plain token
 * (letters, digits and `._:/+=-`, at most 128), so that a proxy's id follows the request through;
 * a new UUID otherwise. Anything else would let a caller put arbitrary text into the logs.
 */
export function requestIdFrom(header: string | string[] | undefined): string {
  const v = Array.isArray(header) ? header[0] : header;
  return v && /^[\w.:/+=-]{1,128}$/.test(v) ? v : randomUUID();
}

/** The caller, for the log lines of a request or a WebSocket operation. */
export function callerFields(p: Principal): Record<string, unknown> {
  return { subject: p.subject, role: p.role, district: p.districtCode, city: p.cityCode };
}

/**
 * For the GraphQL context, once the principal is known: the request's id, and its logger bound to
 * the caller. Outside a request (no record) nothing.
 */
export function requestScope(principal: Principal | null): { requestId?: string; log?: Logger } {
  const rec = requests.getStore();
  if (!rec) return {};
  if (principal) {
    rec.subject = principal.subject;
    rec.role = principal.role;
    rec.district = principal.districtCode;
    rec.city = principal.cityCode;
    rec.log = rec.log.child(callerFields(principal));
  }
  return { requestId: rec.id, log: rec.log };
}

const ROUTES = new Set(["/graphql", "/healthz", "/readyz", "/metrics"]);
const PROBES = new Set(["/healthz", "/readyz", "/metrics"]);
const METHODS = new Set(["GET", "POST", "OPTIONS", "HEAD"]);

function outcomeOf(rec: RequestRecord): Outcome {
  if (rec.codes.length === 0) return "ok";
  return rec.result?.data != null ? "partial" : "error";
}

/**
 * First on every request: its id (taken or made, and echoed in `X-Request-Id`), the record that
 * code inside the request reaches, and when the response is done, one access log line and the
 * request's metrics. Probes (/healthz, /readyz, /metrics) are logged at debug only.
 */
export function observeRequests(log: Logger, metrics: Metrics): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    const id = requestIdFrom(req.headers["x-request-id"]);
    res.setHeader("X-Request-Id", id);
    const path = req.path;
    const rec: RequestRecord = {
      id,
      log: new BoundLogger(log, { requestId: id }),
      graphql: false,
      codes: [],
    };
    let done = false;
    const end = () => {
      if (done) return;
      done = true;
      const seconds = (performance.now() - started) / 1000;
      const aborted = !res.writableFinished;
      const route = ROUTES.has(path) ? path : "other";
      const status = aborted ? "aborted" : String(res.statusCode);
      metrics.httpRequest({
        method: METHODS.has(req.method) ? req.method : "other",
        route,
        status,
      });
      const graphql = rec.graphql || (route === "/graphql" && rec.codes.length > 0);
      const outcome = outcomeOf(rec);
      // The answer is no longer needed, and the record outlives the request for a while (the
      // response's listeners hold it): holding the answer kept its objects alive through the next
      // young-generation collection, which promoted them (docs/performance.md, "Fifth round").
      rec.result = undefined;
      if (graphql) {
        const operation = metrics.operation(rec.operation);
        const type = rec.operationType ?? "unknown";
        metrics.graphqlRequest({ operation, type, outcome, transport: "http", seconds });
        for (const code of rec.codes) metrics.error(code, "http");
      }
      const length = res.getHeader("content-length");
      const line = {
        requestId: id,
        method: req.method,
        path: path.slice(0, 200),
        status: res.statusCode,
        ms: Math.round(seconds * 10_000) / 10,
        bytes: length === undefined ? undefined : Number(length),
        ip: req.ip,
        subject: rec.subject,
        role: rec.role,
        district: rec.district,
        city: rec.city,
        operation: rec.operation === undefined ? undefined : (rec.operation ?? "anonymous"),
        operationType: rec.operationType,
        outcome: graphql ? outcome : undefined,
        errors: rec.codes.length ? rec.codes : undefined,
        aborted: aborted || undefined,
      };
      if (PROBES.has(path)) log.debug("request", line);
      else log.info("request", line);
    };
    res.once("finish", end);
    res.once("close", end);
    requests.run(rec, next);
  };
}

/** Constant-time comparison of a bearer token with the configured one. */
function tokenMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1] ?? "";
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/** GET /metrics: Prometheus's text format; with a token configured, only for that bearer. */
export function serveMetrics(metrics: Metrics, token: string | undefined): RequestHandler {
  return async (req, res) => {
    if (token && !tokenMatches(req.headers.authorization, token)) {
      res
        .status(401)
        .set("WWW-Authenticate", 'Bearer realm="metrics"')
        .json({
          errors: [
            {
              message: "GET /metrics needs its bearer token",
              extensions: { code: "UNAUTHENTICATED" },
            },
          ],
        });
      return;
    }
    res.set("Content-Type", metrics.contentType).send(await metrics.text());
  };
}
