import { forbidden } from "../common/errors";
import { type Role } from "./roles";

/**
 * Who is calling, resolved once at the edge from a verified token. Codes from the token have been
 * checked against the reference tables and turned into ids. Everything downstream takes the tenant
 * from here and from nowhere else.
 */
export interface Principal {
  subject: string;
  role: Role;
  cityId: string;
  cityCode: string;
  /** The principal's own district; null for city-scope principals. */
  districtId: string | null;
  districtCode: string | null;
  /** The districts this principal may read: its own, or every district of its city. */
  districtIds: string[];
  departmentCode: string | null;
  /** The street office a street officer works for (token claim `street`). */
  streetOfficeCode: string | null;
  /** The community a community worker works for (token claim `community`). */
  communityCode: string | null;
  gridCodes: string[];
  expiresAt: number | null;
}

/** The district a write goes to: the principal's own. City-scope principals write nowhere. */
export function writableDistrict(p: Principal): string {
  if (!p.districtId) throw forbidden("city-scope callers cannot change a district's data");
  return p.districtId;
}

export function isCityScope(p: Principal): boolean {
  return p.districtId === null;
}
