import { type EntityManager } from "typeorm";
import { badInput, notFound } from "../../common/errors";
import { uuidv7 } from "../../common/ids";
import { Role } from "../../auth/roles";
import { StreetOffice } from "./tree.entity";
import { JointCommitteeUnit, type JointUnitKind } from "./joint-committee.entity";
import { checkStreetWriter, type GridCaller } from "./grid.policy";

/**
 * A street office's joint committee (大工委): the units of its area it can pull into a case
 * (case.rules.ts, `engage_units`). The district admin and the street's own officers keep the list;
 * a unit that leaves is made inactive, never deleted, so that the cases it worked on still name it.
 */

export interface UnitData {
  name?: string | null;
  kind?: JointUnitKind | null;
  contactName?: string | null;
  contactPhone?: string | null;
  active?: boolean | null;
}

const PHONE = /^[0-9+\-() ]{5,20}$/;

function checked(d: UnitData): UnitData {
  const name = d.name?.trim();
  if (d.name !== undefined && d.name !== null && !name) throw badInput("name", "a unit has a name");
  if (name && name.length > 100) throw badInput("name", "at most 100 characters");
  const phone = d.contactPhone?.trim() || null;
  if (phone && !PHONE.test(phone)) throw badInput("contactPhone", "a phone number");
  return {
    ...d,
    ...(name ? { name } : {}),
    ...(d.contactName !== undefined ? { contactName: d.contactName?.trim() || null } : {}),
    ...(d.contactPhone !== undefined ? { contactPhone: phone } : {}),
  };
}

/** Adds a unit to a street office's committee (district admin; the street's own officers). */
export async function addUnit(
  m: EntityManager,
  a: {
    caller: GridCaller;
    streetOfficeId: string;
    input: UnitData & { name: string; kind: JointUnitKind };
  },
): Promise<JointCommitteeUnit> {
  const { districtId } = a.caller;
  const street = await m.findOne(StreetOffice, { where: { districtId, id: a.streetOfficeId } });
  if (!street) throw notFound("no street office with this id in your district");
  checkStreetWriter(a.caller, street.id);
  const d = checked(a.input);
  const unit = m.create(JointCommitteeUnit, {
    districtId,
    id: uuidv7(),
    streetOfficeId: street.id,
    name: d.name!,
    kind: d.kind!,
    contactName: d.contactName ?? null,
    contactPhone: d.contactPhone ?? null,
    active: true,
  });
  await m.insert(JointCommitteeUnit, unit);
  return m.findOneOrFail(JointCommitteeUnit, { where: { districtId, id: unit.id } });
}

/** Changes a unit: its name, kind, contact, or whether it is still on the committee. */
export async function updateUnit(
  m: EntityManager,
  a: { caller: GridCaller; id: string; input: UnitData },
): Promise<JointCommitteeUnit> {
  const { districtId } = a.caller;
  const unit = await m.findOne(JointCommitteeUnit, { where: { districtId, id: a.id } });
  if (!unit) throw notFound("no joint committee unit with this id in your district");
  checkStreetWriter(a.caller, unit.streetOfficeId);
  const d = checked(a.input);
  for (const k of ["name", "kind", "contactName", "contactPhone", "active"] as const)
    if (d[k] !== undefined && (d[k] !== null || k === "contactName" || k === "contactPhone"))
      Object.assign(unit, { [k]: d[k] });
  return m.save(unit);
}

/** Roles that see a unit's contact phone whole (the rest see it masked). */
export function seesContact(
  caller: { role: Role; streetOfficeId: string | null; districtId: string | null },
  unit: JointCommitteeUnit,
): boolean {
  if (caller.districtId !== unit.districtId) return false;
  if (caller.role === Role.district_admin || caller.role === Role.command_center) return true;
  return caller.role === Role.street_officer && caller.streetOfficeId === unit.streetOfficeId;
}
