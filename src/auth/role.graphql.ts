import { registerEnumType } from "type-graphql";
import { Role } from "./roles";

/**
 * The Role enum in the GraphQL schema. Apart from roles.ts so that what reads the roles before the
 * server runs (the configuration, on every start before the database is begun) does not load
 * type-graphql; the types with a Role field import Role from here.
 */
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

export { Role };
