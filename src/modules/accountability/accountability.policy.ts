import { Role } from "../../auth/roles";

/**
 * Who records accountability: the two bodies that inspect case handling, discipline inspection
 * (纪检监察) and the supervision office (督查室).
 */
export const ACCOUNTABILITY_RECORDERS: readonly Role[] = [Role.inspector, Role.supervision_office];

/**
 * Who reads it: the recorders and the district admin. Never residents, handlers or the city:
 * a record names people and sanctions, which are the district's internal discipline.
 */
export const ACCOUNTABILITY_READERS: readonly Role[] = [
  ...ACCOUNTABILITY_RECORDERS,
  Role.district_admin,
];
