import express, { type Request, type Response, type Router } from "express";
import { GraphQLError, type GraphQLSchema, parse } from "graphql";
import { type Principal } from "../../auth/principal";
import { type TokenVerifier } from "../../auth/jwt";
import { AppError, formatError, unauthenticated } from "../../common/errors";
import { MAX_PAGE_SIZE } from "../../common/connection";
import { operationCost } from "../../security/cost";
import { type Caller, type OperationGuard } from "../../security/guard";
import { corsFor, sendError } from "../../security/http-edges";
import { requestLog } from "../../observability/request";
import { type Logger } from "../../logger";
import { principalFrom } from "../tenancy/principal.service";
import { type TenancyDirectory } from "../tenancy/tenancy.directory";
import { asRequest, type ExportDeps } from "./export-context";
import { caseFilterOf } from "./case-params";
import { CASE_HEADERS, casePageRows, exportOperation } from "./case-export";
import { gridFeatures, gridParamsOf } from "./grid-export";
import { SCORE_HEADERS, scoreParamsOf, scoreRows } from "./score-export";
import { csvWriter, type TableWriter, xlsxWriter } from "./table-writers";

export interface ExportRouterDeps extends ExportDeps {
  verify: TokenVerifier;
  directory: TenancyDirectory;
  /** Where what no client may see is logged (an unexpected failure), with the request's id. */
  log: Logger;
  /** The origins browser pages may call from (CORS_ORIGINS), as for /graphql. */
  config: { security: { corsOrigins: string[] | "localhost" } };
  /** The API's guard: an export's pages are charged to the caller's rates and work in flight. */
  guard: OperationGuard;
  schema: GraphQLSchema;
}

/**
 * What reads a page of each export through the API: a page of an export costs what that query
 * costs (security/cost.ts), against the same rates and the same work in flight.
 */
const PAGE_DOCUMENTS = {
  cases: `{ cases(first: ${MAX_PAGE_SIZE}) { edges { node { number category description
    complainant { name phone } grid { name } streetOffice { name } } } } }`,
  grids: `{ district { grids(first: ${MAX_PAGE_SIZE}) { edges { node { code name boundary
    streetOffice { code name } community { code name } } } } } }`,
  scoreboard: `{ scoreboard(from: "", to: "", level: grid) { rows { rank score measures { received } } } }`,
} as const;

/** Writes a piece of text, and waits while the client is behind (or until it has gone). */
async function writeOut(res: Response, text: string): Promise<void> {
  if (res.destroyed || res.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

/** How many times a later page of an export waits out a rate refusal before it gives up. */
const MAX_RATE_WAITS = 30;

/** The HTTP status of each code an export may answer with. */
const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  SERVER_BUSY: 503,
  SERVICE_UNAVAILABLE: 503,
};

const TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/**
 * GET /export/…: files of what the API answers, for the caller of a Bearer token, read through the
 * modules' own rules (see README "Exports"). Refusals are the API's coded JSON errors.
 */
export function exportRouter(deps: ExportRouterDeps): Router {
  const router = express.Router();
  router.use(corsFor(deps.config.security.corsOrigins));
  const logError = (m: string, err: unknown) => requestLog(deps.log).error(m, err);
  const cost = Object.fromEntries(
    Object.entries(PAGE_DOCUMENTS).map(([k, doc]) => [
      k,
      operationCost(deps.schema, parse(doc), null, {}),
    ]),
  ) as Record<keyof typeof PAGE_DOCUMENTS, number>;

  /**
   * Runs the reading of one page as the API runs an operation: its cost taken from the caller's
   * rate buckets (the account's, the district's), then a place among the work in flight. The first
   * page's refusal is the API's (429 or 503 with Retry-After). A later page waits its turn instead,
   * so a long export is slowed to the caller's rate rather than cut off half-way.
   */
  async function metered<T>(
    req: Request,
    res: Response,
    principal: Principal,
    what: keyof typeof PAGE_DOCUMENTS,
    first: boolean,
    read: () => Promise<T>,
  ): Promise<T> {
    const who: Caller = { principal, remoteAddress: req.socket.remoteAddress };
    for (let waits = 0; ; waits++) {
      try {
        await deps.guard.take(who, cost[what]);
        break;
      } catch (err) {
        // Waits are bounded: an export still refused after them is cut off, as any failure.
        const refused = err instanceof AppError && err.extensions.code === "RATE_LIMITED";
        if (first || !refused || waits >= MAX_RATE_WAITS) throw err;
        const seconds = Number(err.extensions.retryAfter ?? 1);
        await deps.clock.sleep(seconds * 1000);
        if (res.destroyed) throw err;
      }
    }
    const release = await deps.guard.admit(who, cost[what]);
    try {
      return await read();
    } finally {
      release();
    }
  }

  /** The caller; a request without a token is UNAUTHENTICATED, as `cases` would answer it. */
  async function caller(req: Request): Promise<Principal> {
    const p = await principalFrom(req.headers.authorization, deps.verify, deps.directory);
    if (!p) throw unauthenticated("an export needs a token: Authorization: Bearer <token>");
    return p;
  }

  /** An error as the API would answer it (formatError: the one mapping), or a cut-off stream. */
  function fail(res: Response, err: unknown): void {
    if (res.headersSent) {
      // Part of the file is out: end the connection without finishing it, so that the client
      // sees a broken download (an unterminated chunked body), never a file that looks whole.
      logError("an export failed after it began", err);
      res.destroy();
      return;
    }
    const gqlError =
      err instanceof GraphQLError
        ? err
        : new GraphQLError("unexpected", { originalError: err as Error });
    const f = formatError(gqlError.toJSON(), gqlError, (e) =>
      logError("unexpected error in an export", e),
    );
    const code = String(f.extensions?.code ?? "INTERNAL_SERVER_ERROR");
    const { code: _code, ...extra } = f.extensions ?? {};
    if (typeof extra.retryAfter === "number")
      res.setHeader("retry-after", String(extra.retryAfter));
    sendError(res, STATUS[code] ?? 500, code, f.message, extra);
  }

  function fileHeaders(res: Response, type: string, filename: string): void {
    res.status(200);
    res.setHeader("content-type", type);
    res.setHeader("content-disposition", `attachment; filename="${filename}"`);
    // Personal data may be in it: no cache keeps a copy.
    res.setHeader("cache-control", "no-store");
    res.setHeader("x-content-type-options", "nosniff");
  }

  const cases = (format: "csv" | "xlsx") => async (req: Request, res: Response) => {
    try {
      const principal = await caller(req);
      const filter = await caseFilterOf(req.query as Record<string, unknown>);
      const now = deps.clock.now();
      const op = exportOperation(`export:cases.${format}`);
      const page = (after: string | null) =>
        metered(req, res, principal, "cases", after === null, () =>
          asRequest(deps, principal, (ctx) => casePageRows(ctx, { filter, after, now, op })),
        );
      // The first page before the headers: a refused filter (an id of the wrong kind) is still a
      // coded error, not a broken file.
      let current = await page(null);
      fileHeaders(res, TYPES[format], `cases.${format}`);
      const out: TableWriter =
        format === "csv"
          ? csvWriter(res, CASE_HEADERS)
          : await xlsxWriter(res, "案件", CASE_HEADERS);
      for (;;) {
        await out.rows(current.rows);
        if (current.next === null || res.destroyed) break;
        current = await page(current.next);
      }
      if (!res.destroyed) await out.end();
    } catch (err) {
      fail(res, err);
    }
  };
  router.get("/cases.csv", cases("csv"));
  router.get("/cases.xlsx", cases("xlsx"));

  const scores = (format: "csv" | "xlsx") => async (req: Request, res: Response) => {
    try {
      const principal = await caller(req);
      const params = scoreParamsOf(req.query as Record<string, unknown>);
      const rows = await metered(req, res, principal, "scoreboard", true, () =>
        asRequest(deps, principal, (ctx) => scoreRows(ctx, params)),
      );
      fileHeaders(res, TYPES[format], `scoreboard.${format}`);
      const out: TableWriter =
        format === "csv"
          ? csvWriter(res, SCORE_HEADERS)
          : await xlsxWriter(res, "排名", SCORE_HEADERS);
      await out.rows(rows);
      if (!res.destroyed) await out.end();
    } catch (err) {
      fail(res, err);
    }
  };
  router.get("/scoreboard.csv", scores("csv"));
  router.get("/scoreboard.xlsx", scores("xlsx"));

  router.get("/grids.geojson", async (req, res) => {
    try {
      const principal = await caller(req);
      const { crs, filter } = gridParamsOf(req.query as Record<string, unknown>);
      const page = (after: string | null) =>
        metered(req, res, principal, "grids", after === null, () =>
          asRequest(deps, principal, (ctx) => gridFeatures(ctx, { filter, after, crs })),
        );
      let current = await page(null);
      fileHeaders(res, "application/geo+json; charset=utf-8", "grids.geojson");
      const system = crs === "gcj02" ? "GCJ-02" : "WGS 84";
      let first = true;
      await writeOut(
        res,
        `{"type":"FeatureCollection","coordinateSystem":"${system}","features":[`,
      );
      for (;;) {
        for (const f of current.features) {
          await writeOut(res, (first ? "\n" : ",\n") + JSON.stringify(f));
          first = false;
        }
        if (current.next === null || res.destroyed) break;
        current = await page(current.next);
      }
      if (!res.destroyed) res.end("\n]}\n");
    } catch (err) {
      fail(res, err);
    }
  });

  return router;
}
