import { type Role } from "../modules/tenancy/roles";

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
  gridCodes: string[];
  expiresAt: number | null;
}

export function isCityScope(p: Principal): boolean {
  return p.districtId === null;
}
