/**
 * The roles and who may do what by role. Plain values, without GraphQL (loaded by config.ts before
 * the database starts): the enum's GraphQL registration is in role.graphql.ts.
 */
export enum Role {
  resident = "resident",
  operator = "operator",
  grid_worker = "grid_worker",
  grid_chief = "grid_chief",
  street_officer = "street_officer",
  community_worker = "community_worker",
  command_center = "command_center",
  department = "department",
  inspector = "inspector",
  supervision_office = "supervision_office",
  district_admin = "district_admin",
  city_admin = "city_admin",
}

export const ROLES = Object.values(Role);

/** Roles whose scope is a whole city rather than one district. */
export const CITY_SCOPE_ROLES: ReadonlySet<Role> = new Set([Role.city_admin]);

/** Every role that works inside one district. */
export const DISTRICT_ROLES = ROLES.filter((r) => !CITY_SCOPE_ROLES.has(r));

/** Roles of district staff (everyone but residents and city-scope principals). */
export const STAFF_ROLES = DISTRICT_ROLES.filter((r) => r !== Role.resident);

/** Roles that may read the district's staff accounts (names and posts of its staff). */
export const STAFF_READERS: readonly Role[] = [
  Role.district_admin,
  Role.command_center,
  Role.inspector,
];

/** Roles that may list people and households: district staff, and city admins (always masked). */
export const PEOPLE_READERS: readonly Role[] = [...STAFF_ROLES, Role.city_admin];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as string[]).includes(value);
}
