import { registerEnumType } from "type-graphql";

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

registerEnumType(Role, {
  name: "Role",
  description: "What a principal does in the platform; it decides which operations it may call.",
  valuesConfig: {
    resident: { description: "A citizen of the district (居民)." },
    operator: { description: "A 12345 hotline operator (话务员): takes calls, calls back." },
    grid_worker: { description: "Grid worker (网格员): patrols a grid and reports what is found." },
    grid_chief: { description: "Grid chief (网格长): leads a grid and its staff." },
    street_officer: { description: "Staff of a street office (街道办事处)." },
    community_worker: {
      description:
        "Community staff (社区工作者): files its community's direct reports (社区直报), which reach the command center at once, and follows them.",
    },
    command_center: { description: "The district command center (指挥中心) that assigns cases." },
    department: { description: "Staff of a district department (区直部门)." },
    inspector: { description: "Discipline inspection (纪检监察): supervises handling." },
    supervision_office: {
      description:
        "The supervision office (督查室) of the district party committee and government: supervises handling as discipline inspection does, and records accountability (追责问责).",
    },
    district_admin: { description: "Administers one district (tenant)." },
    city_admin: {
      description: "City scope: aggregates across the city's districts, no personal data.",
    },
  },
});
