import { type SignOptions } from "../auth/jwt";
import { CITY_SCOPE_ROLES, isRole, ROLES } from "../auth/roles";
import { findDemoDistrict } from "./cities";

/** What a local token is asked for: by `npm run token` and, in development, POST /dev/token. */
export interface TokenRequest {
  role?: string;
  district?: string;
  city?: string;
  department?: string;
  street?: string;
  community?: string;
  grids?: string[];
  /** Subject; default `<district or city>.<role>`, the demo account of that role. */
  sub?: string;
  /** Lifetime, e.g. 30m, 8h, 7d. */
  ttl?: string;
}

/** A request that names no valid token; the message says which option and why. */
export class TokenRequestError extends Error {}

/**
 * The claims of a local token, checked: the role's scope (city or district), the claims its role
 * needs, and the lifetime. The one home of these rules for the CLI and the development endpoint.
 */
export function tokenClaims(req: TokenRequest): SignOptions {
  const fail = (m: string): never => {
    throw new TokenRequestError(m);
  };
  const role = req.role;
  if (!role || !isRole(role)) return fail(`role must be one of ${ROLES.join(", ")}`);
  let city = req.city;
  if (CITY_SCOPE_ROLES.has(role)) {
    if (!city) fail("city is required for a city-scope role");
    if (req.district) fail("a city-scope role has no district");
  } else {
    if (!req.district) fail("district is required for this role");
    city ??= findDemoDistrict(req.district!)?.city.code;
  }
  if (role === "department" && !req.department)
    fail("department is required for the department role");
  if (role === "street_officer" && !req.street)
    fail("street is required for the street_officer role, e.g. beidi");
  if (role === "community_worker" && !req.community)
    fail("community is required for the community_worker role, e.g. mingshan-c01");
  if ((role === "grid_chief" || role === "grid_worker") && !req.grids?.length)
    fail("grid is required for grid roles, e.g. mingshan-c01-g01");
  const ttl = req.ttl ?? "8h";
  if (!/^\d+[smhd]$/.test(ttl)) fail("ttl must look like 30m, 8h or 7d");
  return {
    sub: req.sub ?? `${req.district ?? city}.${role}`,
    role,
    city,
    district: req.district,
    department: req.department,
    street: req.street,
    community: req.community,
    grids: req.grids,
    expiresIn: ttl,
  };
}
