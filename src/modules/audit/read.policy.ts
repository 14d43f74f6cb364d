import { type GraphQLResolveInfo } from "graphql";
import { type AuthedContext } from "../../context/context";
import { Role } from "../tenancy/role.enums";
import { isOwnRecord } from "../grid/grid.policy";
import { type Person } from "../grid/people.entity";
import { type Case } from "../cases/case.entity";
import { CaseChannel } from "../cases/case.enums";
import { PersonalField, PersonalRecordKind } from "./read.entity";

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
 */

/** Roles that may query the district's read audit: discipline inspection and the district admin. */
export const AUDIT_READERS: readonly Role[] = [Role.inspector, Role.district_admin];

/** Notes that the caller was served this field of the person in full (its resolver decided so). */
export function notePersonRead(
  ctx: AuthedContext,
  info: GraphQLResolveInfo,
  person: Person,
  field: PersonalField.phone | PersonalField.id_number,
): void {
  if (isOwnRecord(ctx, person)) return;
  ctx.reads.note(info, {
    districtId: person.districtId,
    kind: PersonalRecordKind.person,
    recordId: person.id,
    fields: [field],
  });
}

/** Whether the case's complainant is the caller itself: a case it filed as a resident. */
export function isOwnComplaint(ctx: AuthedContext, c: Case): boolean {
  return c.channel === CaseChannel.resident && c.createdBy === ctx.principal.subject;
}

/** Notes that the caller was served the case's complainant in full. */
export function noteComplainantRead(ctx: AuthedContext, info: GraphQLResolveInfo, c: Case): void {
  if (isOwnComplaint(ctx, c)) return;
  const fields: PersonalField[] = [];
  if (c.complainantName) fields.push(PersonalField.name);
  if (c.complainantPhone) fields.push(PersonalField.phone);
  ctx.reads.note(info, {
    districtId: c.districtId,
    kind: PersonalRecordKind.case_complainant,
    recordId: c.id,
    fields,
  });
}
