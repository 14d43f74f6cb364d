import { type EntityManager, IsNull } from "typeorm";
import { uuidv7 } from "../../common/ids";
import { localDay } from "../../common/dates";
import { badInput, conflict, forbidden } from "../../common/errors";
import { Role } from "../../auth/roles";
import { Building, BuildingUnit, Compound, Grid } from "./tree.entity";
import { CommitteeMember, OwnerCommittee, Person, StaffAssignment } from "./people.entity";
import { CommitteeRole, CommitteeStatus, GridKind, GridPost } from "./grid.enums";
import { checkStreetWriter, type GridCaller } from "./grid.policy";
import { compoundStreet, day, load, unchanged } from "./grid.rows";

/**
 * People with a part in the tree: staff posts in the grids, and compounds' owner committees. Each
 * function runs in the caller's transaction; ids are the rows' own (the resolver decodes global
 * ids, naming the input's fields).
 */

export interface NewStaffAssignment {
  personId: string;
  gridId: string;
  role: GridPost;
  /** Building heads: the building (in the grid). */
  buildingId?: string | null;
  /** Unit heads: the unit (in the grid). */
  unitId?: string | null;
  /** First day (YYYY-MM-DD); default the day of `at`. */
  startsOn?: string | null;
}

export interface StaffAssignmentEnd {
  id: string;
  /** Last day (YYYY-MM-DD); default the day of `at`. */
  endsOn?: string | null;
}

export interface CommitteeMemberData {
  personId: string;
  role: CommitteeRole;
}

export interface NewOwnerCommittee {
  compoundId: string;
  name: string;
  status?: CommitteeStatus | null;
  electionDate?: string | null;
  termStart?: string | null;
  termEnd?: string | null;
  members?: CommitteeMemberData[] | null;
}

/** Changes to a committee: fields left out stay as they are. */
export interface OwnerCommitteeChanges {
  id: string;
  name?: string | null;
  status?: CommitteeStatus | null;
  electionDate?: string | null;
  termStart?: string | null;
  termEnd?: string | null;
}

export interface NewCommitteeMember extends CommitteeMemberData {
  committeeId: string;
}

// ---------------------------------------------------------------------------------------------
// Staff assignments

/**
 * Who may give or end a post: the district admin; a street officer in its street office; a grid
 * chief in its own grids, for every post but grid chief.
 */
function checkStaffManager(caller: GridCaller, grid: Grid, post: GridPost): void {
  if (caller.role === Role.grid_chief) {
    if (!caller.gridIds.has(grid.id))
      throw forbidden("a grid chief may only manage the staff of its own grids");
    if (post === GridPost.grid_chief)
      throw forbidden("a grid chief cannot appoint or remove a grid chief");
    return;
  }
  checkStreetWriter(caller, grid.streetOfficeId);
}

const URBAN_ONLY = new Set([GridPost.building_head, GridPost.unit_head]);
const RURAL_ONLY = new Set([GridPost.villager_group_leader, GridPost.villager_representative]);

export async function assignStaff(
  m: EntityManager,
  { caller, input, at }: { caller: GridCaller; input: NewStaffAssignment; at: Date },
): Promise<StaffAssignment> {
  const districtId = caller.districtId;
  const grid = await load(m, districtId, Grid, input.gridId, "grid");
  checkStaffManager(caller, grid, input.role);
  unchanged(grid);
  if (URBAN_ONLY.has(input.role) && grid.kind !== GridKind.urban)
    throw badInput("role", `${input.role} is a post of urban grids`);
  if (RURAL_ONLY.has(input.role) && grid.kind !== GridKind.rural)
    throw badInput("role", `${input.role} is a post of rural grids`);
  const person = await load(m, districtId, Person, input.personId, "person");
  const unit = input.unitId ? await load(m, districtId, BuildingUnit, input.unitId, "unit") : null;
  let building = input.buildingId
    ? await load(m, districtId, Building, input.buildingId, "building")
    : null;
  if (unit && building && unit.buildingId !== building.id)
    throw badInput("unitId", "the unit is not in that building");
  if (unit && !building)
    building = await m.findOneOrFail(Building, {
      where: { districtId: unit.districtId, id: unit.buildingId },
    });
  if (input.role === GridPost.building_head && !building)
    throw badInput("buildingId", "a building head needs a building");
  if (input.role === GridPost.unit_head && !unit)
    throw badInput("unitId", "a unit head needs a unit");
  if (!URBAN_ONLY.has(input.role) && (building || unit))
    throw badInput("buildingId", `a ${input.role} is posted to the grid, not to a building`);
  if (building) {
    const compound = await m.findOneOrFail(Compound, {
      where: { districtId: building.districtId, id: building.compoundId },
    });
    if (compound.gridId !== grid.id)
      throw badInput("buildingId", "the building is not in this grid");
  }
  const startsOn = day("startsOn", input.startsOn, localDay(at))!;
  if (input.role === GridPost.grid_chief) {
    const current = await m.existsBy(StaffAssignment, {
      districtId: grid.districtId,
      gridId: grid.id,
      role: GridPost.grid_chief,
      endsOn: IsNull(),
    });
    if (current) throw conflict("the grid already has a grid chief: end that post first");
  }
  const row = m.create(StaffAssignment, {
    districtId: grid.districtId,
    id: uuidv7(),
    personId: person.id,
    gridId: grid.id,
    buildingId: building?.id ?? null,
    unitId: unit?.id ?? null,
    role: input.role,
    startsOn,
    endsOn: null,
  });
  return m.save(row);
}

export async function endStaffAssignment(
  m: EntityManager,
  { caller, input, at }: { caller: GridCaller; input: StaffAssignmentEnd; at: Date },
): Promise<StaffAssignment> {
  const a = await load(m, caller.districtId, StaffAssignment, input.id, "staff assignment");
  const grid = await m.findOneOrFail(Grid, { where: { districtId: a.districtId, id: a.gridId } });
  checkStaffManager(caller, grid, a.role);
  if (a.endsOn) throw badInput("id", `the post already ended on ${a.endsOn}`);
  const endsOn = day("endsOn", input.endsOn, localDay(at))!;
  if (endsOn < a.startsOn) throw badInput("endsOn", `the post started on ${a.startsOn}`);
  a.endsOn = endsOn;
  return m.save(a);
}

// ---------------------------------------------------------------------------------------------
// Owner committees

/** The fields a refusal of members names: a list's, or those of one member added alone. */
interface MemberFields {
  list: string;
  personId: (i: number) => string;
}

const LIST_FIELDS: MemberFields = { list: "members", personId: (i) => `members.${i}.personId` };
// A member added alone: a second chair is its role's fault.
const ONE_MEMBER_FIELDS: MemberFields = { list: "role", personId: () => "personId" };

/** Members must live in the committee's compound; a committee has at most one chair. */
async function checkMembers(
  m: EntityManager,
  compound: Compound,
  members: CommitteeMemberData[],
  fields: MemberFields,
  existing: CommitteeMember[] = [],
): Promise<void> {
  const ids = members.map((r) => r.personId);
  if (new Set(ids).size !== ids.length) throw badInput(fields.list, "a person is listed twice");
  const chairs = [...existing, ...members].filter((r) => r.role === CommitteeRole.chair).length;
  if (chairs > 1) throw badInput(fields.list, "a committee has one chair");
  if (existing.some((e) => ids.includes(e.personId)))
    throw conflict("the person is already a member of this committee");
  if (ids.length === 0) return;
  const living: Array<{ id: string }> = await m.query(
    `SELECT p.id FROM person p JOIN household h ON h.district_id = p.district_id AND h.id = p.household_id
      WHERE p.district_id = $1 AND p.id = ANY($2::uuid[]) AND h.compound_id = $3`,
    [compound.districtId, ids, compound.id],
  );
  const here = new Set(living.map((r) => r.id));
  const stranger = members.findIndex((r) => !here.has(r.personId));
  if (stranger >= 0) throw badInput(fields.personId(stranger), "members must live in the compound");
}

function checkTerm(start: string | null, end: string | null): void {
  if (start && end && end <= start) throw badInput("termEnd", "the term must end after it starts");
}

export async function registerOwnerCommittee(
  m: EntityManager,
  { caller, input }: { caller: GridCaller; input: NewOwnerCommittee },
): Promise<OwnerCommittee> {
  const compound = await load(m, caller.districtId, Compound, input.compoundId, "compound");
  checkStreetWriter(caller, await compoundStreet(m, compound));
  const termStart = day("termStart", input.termStart);
  const termEnd = day("termEnd", input.termEnd);
  checkTerm(termStart, termEnd);
  const members = input.members ?? [];
  await checkMembers(m, compound, members, LIST_FIELDS);
  if (
    await m.existsBy(OwnerCommittee, { districtId: compound.districtId, compoundId: compound.id })
  )
    throw conflict("the compound already has an owner committee");
  const committee = await m.save(
    m.create(OwnerCommittee, {
      districtId: compound.districtId,
      id: uuidv7(),
      compoundId: compound.id,
      name: input.name.trim(),
      status: input.status ?? CommitteeStatus.preparing,
      electionDate: day("electionDate", input.electionDate),
      termStart,
      termEnd,
    }),
  );
  if (members.length)
    await m.insert(
      CommitteeMember,
      members.map((mb) => ({
        districtId: compound.districtId,
        id: uuidv7(),
        committeeId: committee.id,
        personId: mb.personId,
        role: mb.role,
      })),
    );
  return committee;
}

export async function updateOwnerCommittee(
  m: EntityManager,
  { caller, input }: { caller: GridCaller; input: OwnerCommitteeChanges },
): Promise<OwnerCommittee> {
  const { committee: c } = await committeeWriter(m, caller, input.id);
  if (input.name) c.name = input.name.trim();
  if (input.status) c.status = input.status;
  if (input.electionDate) c.electionDate = day("electionDate", input.electionDate);
  if (input.termStart) c.termStart = day("termStart", input.termStart);
  if (input.termEnd) c.termEnd = day("termEnd", input.termEnd);
  checkTerm(c.termStart, c.termEnd);
  return m.save(c);
}

/** A committee of the caller's district, and its compound, once the caller may change them. */
async function committeeWriter(m: EntityManager, caller: GridCaller, committeeId: string) {
  const c = await load(m, caller.districtId, OwnerCommittee, committeeId, "owner committee");
  const compound = await m.findOneOrFail(Compound, {
    where: { districtId: c.districtId, id: c.compoundId },
  });
  checkStreetWriter(caller, await compoundStreet(m, compound));
  return { committee: c, compound };
}

export async function addCommitteeMember(
  m: EntityManager,
  { caller, input }: { caller: GridCaller; input: NewCommitteeMember },
): Promise<CommitteeMember> {
  const { committee, compound } = await committeeWriter(m, caller, input.committeeId);
  const existing = await m.find(CommitteeMember, {
    where: { districtId: committee.districtId, committeeId: committee.id },
  });
  const member = { personId: input.personId, role: input.role };
  await checkMembers(m, compound, [member], ONE_MEMBER_FIELDS, existing);
  return m.save(
    m.create(CommitteeMember, {
      districtId: committee.districtId,
      id: uuidv7(),
      committeeId: committee.id,
      ...member,
    }),
  );
}

/** Removes a member; returns its committee. */
export async function removeCommitteeMember(
  m: EntityManager,
  { caller, id }: { caller: GridCaller; id: string },
): Promise<OwnerCommittee> {
  const member = await load(m, caller.districtId, CommitteeMember, id, "committee member");
  const { committee } = await committeeWriter(m, caller, member.committeeId);
  await m.delete(CommitteeMember, { districtId: member.districtId, id: member.id });
  return committee;
}
