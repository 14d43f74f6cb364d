import { existsSync } from "node:fs";
import path from "node:path";
import express, { type RequestHandler, type Router } from "express";
import { type Config } from "../config";
import { signingSecret, signToken } from "../auth/jwt";
import { CITY_SCOPE_ROLES, isRole, ROLES } from "../auth/roles";
import { DEMO_CITIES, findDemoDistrict } from "../demo/cities";
import { type TokenRequest, tokenClaims, TokenRequestError } from "../demo/tokens";
import { jsonBody, sendError } from "../security/http-edges";

/** The project's root: the nearest folder above this file with a package.json (src/ or dist/src/). */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = up;
  }
  return dir;
}

/** Where `vite build` (web/vite.config.ts) writes the pages: dist/web. */
export const WEB_DIR = path.join(projectRoot(), "dist", "web");

/** The IDE's path; GET /graphql from a browser is sent here when the IDE is on. */
export const IDE_PATH = "/graphiql";

/** The command center's live page (web/src/command-center). */
export const COMMAND_CENTER_PATH = "/command-center";

/** Hashed file names change with their content: a year, never revalidated. */
const ASSETS_CACHE = "public, max-age=31536000, immutable";

/** A page's HTML names the current hashed assets: always revalidated. */
function page(file: string): RequestHandler {
  return (_req, res, next) => {
    res.sendFile(
      path.join(WEB_DIR, file),
      { headers: { "cache-control": "no-cache" }, dotfiles: "deny" },
      // Not built (or removed): the ordinary JSON 404, never an HTML error page.
      (err) => err && next(),
    );
  };
}

/**
 * The browser's side: the pages built from web/ (the home and sign-in page at /, the command
 * center's page at /command-center, the offline IDE at /graphiql unless GRAPHQL_IDE is off),
 * their assets, and in development, when the server signs its own tokens, GET and POST /dev/token
 * for the demo accounts' tokens (the role picker).
 */
export function webRoutes(config: Config): Router {
  const router = express.Router();
  router.use(
    "/assets",
    express.static(path.join(WEB_DIR, "assets"), {
      index: false,
      etag: false,
      setHeaders: (res) => res.setHeader("cache-control", ASSETS_CACHE),
    }),
  );
  router.get("/", page("index.html"));
  router.get([COMMAND_CENTER_PATH, `${COMMAND_CENTER_PATH}/`], page("command-center/index.html"));
  if (config.graphqlIde) {
    router.get([IDE_PATH, `${IDE_PATH}/`], page("graphiql/index.html"));
    // A browser opening the API's URL gets the IDE (Apollo's landing page is off: it loads from a CDN).
    // A middleware, not a GET route: a route would make the router answer OPTIONS /graphql itself,
    // before the API's CORS preflight.
    router.use("/graphql", (req, res, next) => {
      if (
        req.method === "GET" &&
        req.path === "/" &&
        req.query.query === undefined &&
        req.accepts(["json", "html"]) === "html"
      ) {
        res.redirect(302, IDE_PATH);
        return;
      }
      next();
    });
  }
  if (!config.production && !config.jwksUrl) {
    router.get("/dev/token", (_req, res) => {
      res.set("cache-control", "no-store").json(demoAccounts());
    });
    router.post("/dev/token", ...jsonBody(16_384), devToken(config));
  }
  return router;
}

/** The roles whose demo account needs no more than its district (or city), and the demo tenants. */
function demoAccounts() {
  const signs = (req: TokenRequest) => {
    try {
      tokenClaims(req);
      return true;
    } catch {
      return false;
    }
  };
  const [first] = DEMO_CITIES;
  return {
    roles: ROLES.filter((role) => signs({ role, district: first.districts[0].code })),
    cityRoles: ROLES.filter((role) => signs({ role, city: first.code })),
    districts: DEMO_CITIES.flatMap((c) =>
      c.districts.map((d) => ({ code: d.code, name: d.name, city: c.code })),
    ),
    cities: DEMO_CITIES.map((c) => ({ code: c.code, name: c.name })),
  };
}

/**
 * POST /dev/token {"role": "command_center", "district": "mingshan"} (or {"role": "city_admin",
 * "city": "benxi"}): a token of that role's demo account (`<district>.<role>`), signed as
 * `npm run token` signs. Development only; absent in production and with JWKS_URL. GET /dev/token
 * lists the roles and tenants it signs for (the sign-in page's role picker).
 */
function devToken(config: Config): RequestHandler {
  return async (req, res, next) => {
    const body: unknown = req.body;
    const { role, district, city } = (body ?? {}) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
    const refuse = (message: string) => sendError(res, 400, "BAD_USER_INPUT", message);
    if (!isRole(role)) return refuse("role must be one of the roles of the token CLI");
    if (CITY_SCOPE_ROLES.has(role)) {
      if (!DEMO_CITIES.some((c) => c.code === city))
        return refuse(`city must be a demo city: ${DEMO_CITIES.map((c) => c.code).join(", ")}`);
    } else if (typeof district !== "string" || !findDemoDistrict(district)) {
      return refuse("district must be a demo district's code, e.g. mingshan");
    }
    try {
      const claims = tokenClaims({ role, district: text(district), city: text(city) });
      const token = await signToken(signingSecret(config), claims, config);
      res.set("cache-control", "no-store").json({ token, subject: claims.sub, role });
    } catch (err) {
      if (err instanceof TokenRequestError) return refuse(err.message);
      next(err);
    }
  };
}
