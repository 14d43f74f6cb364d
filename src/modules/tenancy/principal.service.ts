import { GraphQLError } from "graphql";
import { type CivicClaims, type TokenVerifier } from "../../auth/jwt";
import { unauthenticated } from "../../common/errors";
import { type TenancyDirectory } from "./tenancy.directory";
import { CITY_SCOPE_ROLES, isRole } from "../../auth/roles";
import { type Principal } from "../../auth/principal";
import { extend } from "../../common/objects";

function bearer(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return "";
  return match[1];
}

/** The edge: a verified token becomes a principal, once per request or WebSocket connection. */
export async function principalFrom(
  header: string | undefined,
  verify: TokenVerifier,
  dir: TenancyDirectory,
): Promise<Principal | null> {
  const token = bearer(header);
  if (token === null) return null;
  if (token === "") {
    throw new GraphQLError("the Authorization header must be 'Bearer <token>'", {
      extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
    });
  }
  return resolvePrincipal(await verify(token), dir);
}

/**
 * Turns verified claims into a principal, checking every code against the reference tables. A
 * token that names an unknown role, city or district, or a district outside its city, is refused
 * as UNAUTHENTICATED: it does not describe anyone the platform knows.
 */
export async function resolvePrincipal(
  claims: CivicClaims,
  dir: TenancyDirectory,
): Promise<Principal> {
  if (!isRole(claims.role))
    throw unauthenticated(`the token's role "${claims.role}" is not a role of this platform`);
  const base = {
    subject: claims.sub,
    role: claims.role,
    departmentCode: claims.department ?? null,
    streetOfficeCode: claims.street ?? null,
    communityCode: claims.community ?? null,
    gridCodes: claims.grids ?? [],
    expiresAt: typeof claims.exp === "number" ? claims.exp * 1000 : null,
  };
  if (CITY_SCOPE_ROLES.has(claims.role)) {
    if (!claims.city) throw unauthenticated("a city-scope token needs a city claim");
    const city = await dir.cityByCode(claims.city);
    if (!city) throw unauthenticated(`the token's city "${claims.city}" is unknown`);
    return extend(base, {
      cityId: city.id,
      cityCode: city.code,
      districtId: null,
      districtCode: null,
      districtIds: dir.districtsOfCity(city.id).map((d) => d.id),
    });
  }
  if (!claims.district) throw unauthenticated("the token needs a district claim for this role");
  const district = await dir.districtByCode(claims.district);
  if (!district) throw unauthenticated(`the token's district "${claims.district}" is unknown`);
  const city = dir.cityById(district.cityId);
  if (!city) throw unauthenticated(`the token's district "${claims.district}" has no city`);
  if (claims.city && claims.city !== city.code) {
    throw unauthenticated(`the district "${district.code}" is not in the city "${claims.city}"`);
  }
  return extend(base, {
    cityId: city.id,
    cityCode: city.code,
    districtId: district.id,
    districtCode: district.code,
    districtIds: [district.id],
  });
}
