import { Role } from "../../auth/roles";

/**
 * What the read audit records, and who may look at it.
 *
 * Recorded: every field with a masked form that an operation serves in full: a person's phone and
 * ID number, a complainant's name and phone. A masked value is no read. A person's name has no
 * masked form (residents see the names of their grid's staff), so it is not recorded.
 *
 * Not recorded: one's own data. A resident reading its own register entry, or the complainant of
 * a case it filed itself, reads nothing of anybody else's; recording it would only fill the
 * resident's own view of who read its data with itself.
 *
 * Each record's module notes the reads of it on the request's collector (a person's in
 * grid/grid.policy.ts, a complainant's in cases/case.policy.ts).
 */

/**
 * Roles that may query the district's read audit: discipline inspection, the supervision office
 * (督查室, which oversees handling as inspection does) and the district admin.
 */
export const AUDIT_READERS: readonly Role[] = [
  Role.inspector,
  Role.supervision_office,
  Role.district_admin,
];
