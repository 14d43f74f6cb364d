import express, { type ErrorRequestHandler, type RequestHandler, type Response } from "express";
import cors from "cors";
import { noteError } from "../observability/request";

/** A GraphQL-shaped error body: what every refusal at the HTTP edge answers, never HTML. */
export function sendError(
  res: Response,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const error = noteError({ message, extensions: { code, ...extra } });
  res
    .status(status)
    .type("application/json")
    .send(JSON.stringify({ errors: [error] }));
}

const LOCALHOST = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * CORS for browser pages on other origins: the allow-list of CORS_ORIGINS, or any port of this
 * machine ("localhost", the development default). Preflights are answered (204) and cached for
 * ten minutes; an origin not on the list gets no CORS headers, so the browser refuses it.
 */
export function corsFor(origins: string[] | "localhost"): RequestHandler {
  const allowed = (origin: string) =>
    origins === "localhost" ? LOCALHOST.test(origin) : origins.includes(origin);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed(origin)),
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: [
      "authorization",
      "content-type",
      "accept",
      "x-request-id",
      "apollo-require-preflight",
      "x-apollo-operation-name",
    ],
    exposedHeaders: ["retry-after", "x-request-id"],
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
}

/** The JSON body parser, bounded, with its refusals in GraphQL's shape instead of HTML pages. */
export function jsonBody(maxBytes: number): RequestHandler[] {
  const parse = express.json({ limit: maxBytes });
  const refuse: ErrorRequestHandler = (err, _req, res, next) => {
    const type = (err as { type?: string }).type;
    switch (type) {
      case "entity.parse.failed":
        return sendError(res, 400, "BAD_REQUEST", "the request body is not valid JSON");
      case "entity.too.large":
        return sendError(
          res,
          413,
          "PAYLOAD_TOO_LARGE",
          `the request body is over ${maxBytes} bytes`,
          {
            limit: maxBytes,
          },
        );
      case "encoding.unsupported":
      case "charset.unsupported":
        return sendError(res, 415, "BAD_REQUEST", "send the body as UTF-8 JSON");
      case "request.aborted":
        return sendError(res, 400, "BAD_REQUEST", "the request body was cut short");
      default:
        return next(err);
    }
  };
  return [parse, refuse as unknown as RequestHandler];
}

/** Anything no route answered: a JSON 404. */
export const notFound: RequestHandler = (req, res) =>
  sendError(res, 404, "NOT_FOUND", `nothing at ${req.method} ${req.path}; the API is at /graphql`);

/**
 * The last error handler of the app: whatever escaped a route is logged here and answered with a
 * bare coded error, with no stack, in any environment.
 */
export function lastResort(log: (message: string, err: unknown) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const status = (err as { status?: number; statusCode?: number }).status ?? 500;
    if (status >= 400 && status < 500) {
      sendError(res, status, "BAD_REQUEST", "the request could not be read");
      return;
    }
    log("unexpected error at the HTTP edge", err);
    sendError(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error");
  };
}
