import { IsNull } from "typeorm";
import { type AuthedContext } from "../../context/context";
import { toGlobalId, uuidv7 } from "../../common/ids";
import { badInput, conflict, forbidden } from "../../common/errors";
import { Role } from "../../auth/roles";
import { Building, BuildingUnit, Compound, Grid } from "./tree.entity";
import { CommitteeMember, OwnerCommittee, Person, StaffAssignment } from "./people.entity";
import { CommitteeRole, CommitteeStatus, GridKind, GridPost } from "./grid.enums";
import { idOf } from "./grid.args";
import { assertStreetWriter, reachOf } from "./grid.policy";
import { compoundStreet, day, load, today, unchanged } from "./grid.rows";
import type {
  AddCommitteeMemberInput,
  AssignStaffInput,
  CommitteeMemberInput,
  EndStaffAssignmentInput,
  RegisterOwnerCommitteeInput,
  UpdateOwnerCommitteeInput,
} from "./grid.inputs";

/** People with a part in the tree: staff posts in the grids, and compounds' owner committees. */

// ---------------------------------------------------------------------------------------------
// Staff assignments

/**
 * Who may give or end a post: the district admin; a street officer in its street office; a grid
 * chief in its own grids, for every post but grid chief.
 */
async function assertStaffManager(ctx: AuthedContext, grid: Grid, post: GridPost): Promise<void> {
  const role = ctx.principal.role;
  if (role === Role.grid_chief) {
    const reach = await reachOf(ctx);
    if (!reach.gridIds.has(grid.id))
      throw forbidden("a grid chief may only manage the staff of its own grids");
    if (post === GridPost.grid_chief)
      throw forbidden("a grid chief cannot appoint or remove a grid chief");
    return;
  }
  await assertStreetWriter(ctx, grid.streetOfficeId);
}

const URBAN_ONLY = new Set([GridPost.building_head, GridPost.unit_head]);
const RURAL_ONLY = new Set([GridPost.villager_group_leader, GridPost.villager_representative]);

export async function assignStaff(
  ctx: AuthedContext,
  input: AssignStaffInput,
): Promise<StaffAssignment> {
  const grid = await load(ctx, Grid, input.gridId, "gridId", "grid");
  await assertStaffManager(ctx, grid, input.role);
  unchanged(grid);
  if (URBAN_ONLY.has(input.role) && grid.kind !== GridKind.urban)
    throw badInput("role", `${input.role} is a post of urban grids`);
  if (RURAL_ONLY.has(input.role) && grid.kind !== GridKind.rural)
    throw badInput("role", `${input.role} is a post of rural grids`);
  const person = await load(ctx, Person, input.personId, "personId", "person");
  let unit: BuildingUnit | null = null;
  let building: Building | null = null;
  if (input.unitId) unit = await load(ctx, BuildingUnit, input.unitId, "unitId", "unit");
  if (input.buildingId)
    building = await load(ctx, Building, input.buildingId, "buildingId", "building");
  if (unit && building && unit.buildingId !== building.id)
    throw badInput("unitId", "the unit is not in that building");
  if (unit && !building)
    building = await ctx.db.run((m) =>
      m.findOneOrFail(Building, { where: { districtId: unit!.districtId, id: unit!.buildingId } }),
    );
  if (input.role === GridPost.building_head && !building)
    throw badInput("buildingId", "a building head needs a building");
  if (input.role === GridPost.unit_head && !unit)
    throw badInput("unitId", "a unit head needs a unit");
  if (!URBAN_ONLY.has(input.role) && (building || unit))
    throw badInput("buildingId", `a ${input.role} is posted to the grid, not to a building`);
  if (building) {
    const compound = await ctx.db.run((m) =>
      m.findOneOrFail(Compound, {
        where: { districtId: building!.districtId, id: building!.compoundId },
      }),
    );
    if (compound.gridId !== grid.id)
      throw badInput("buildingId", "the building is not in this grid");
  }
  const startsOn = day("startsOn", input.startsOn, today(ctx))!;
  return ctx.db.run(async (m) => {
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
  });
}

export async function endStaffAssignment(
  ctx: AuthedContext,
  input: EndStaffAssignmentInput,
): Promise<StaffAssignment> {
  const a = await load(ctx, StaffAssignment, input.id, "id", "staff assignment");
  const grid = await ctx.db.run((m) =>
    m.findOneOrFail(Grid, { where: { districtId: a.districtId, id: a.gridId } }),
  );
  await assertStaffManager(ctx, grid, a.role);
  if (a.endsOn) throw badInput("id", `the post already ended on ${a.endsOn}`);
  const endsOn = day("endsOn", input.endsOn, today(ctx))!;
  if (endsOn < a.startsOn) throw badInput("endsOn", `the post started on ${a.startsOn}`);
  return ctx.db.run(async (m) => {
    a.endsOn = endsOn;
    return m.save(a);
  });
}

// ---------------------------------------------------------------------------------------------
// Owner committees

/** Members must live in the committee's compound; a committee has at most one chair. */
async function checkMembers(
  ctx: AuthedContext,
  compound: Compound,
  members: Array<Pick<CommitteeMemberInput, "personId" | "role">>,
  existing: CommitteeMember[] = [],
): Promise<Array<{ personId: string; role: CommitteeRole }>> {
  const resolved = members.map((mb, i) => ({
    personId: idOf(mb.personId, "Person", `members.${i}.personId`),
    role: mb.role,
  }));
  const ids = resolved.map((r) => r.personId);
  if (new Set(ids).size !== ids.length) throw badInput("members", "a person is listed twice");
  const chairs = [...existing, ...resolved].filter((r) => r.role === CommitteeRole.chair).length;
  if (chairs > 1) throw badInput("members", "a committee has one chair");
  if (existing.some((e) => ids.includes(e.personId)))
    throw conflict("the person is already a member of this committee");
  if (ids.length === 0) return resolved;
  const living: Array<{ id: string }> = await ctx.db.run((m) =>
    m.query(
      `SELECT p.id FROM person p JOIN household h ON h.district_id = p.district_id AND h.id = p.household_id
        WHERE p.district_id = $1 AND p.id = ANY($2::uuid[]) AND h.compound_id = $3`,
      [compound.districtId, ids, compound.id],
    ),
  );
  const here = new Set(living.map((r) => r.id));
  const stranger = resolved.findIndex((r) => !here.has(r.personId));
  if (stranger >= 0)
    throw badInput(`members.${stranger}.personId`, "members must live in the compound");
  return resolved;
}

function checkTerm(start: string | null, end: string | null): void {
  if (start && end && end <= start) throw badInput("termEnd", "the term must end after it starts");
}

export async function registerOwnerCommittee(
  ctx: AuthedContext,
  input: RegisterOwnerCommitteeInput,
): Promise<OwnerCommittee> {
  const compound = await load(ctx, Compound, input.compoundId, "compoundId", "compound");
  await assertStreetWriter(ctx, await compoundStreet(ctx, compound));
  const termStart = day("termStart", input.termStart);
  const termEnd = day("termEnd", input.termEnd);
  checkTerm(termStart, termEnd);
  const members = await checkMembers(ctx, compound, input.members ?? []);
  return ctx.db.run(async (m) => {
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
  });
}

export async function updateOwnerCommittee(
  ctx: AuthedContext,
  input: UpdateOwnerCommitteeInput,
): Promise<OwnerCommittee> {
  const c = await load(ctx, OwnerCommittee, input.id, "id", "owner committee");
  const compound = await ctx.db.run((m) =>
    m.findOneOrFail(Compound, { where: { districtId: c.districtId, id: c.compoundId } }),
  );
  await assertStreetWriter(ctx, await compoundStreet(ctx, compound));
  if (input.name) c.name = input.name.trim();
  if (input.status) c.status = input.status;
  if (input.electionDate) c.electionDate = day("electionDate", input.electionDate);
  if (input.termStart) c.termStart = day("termStart", input.termStart);
  if (input.termEnd) c.termEnd = day("termEnd", input.termEnd);
  checkTerm(c.termStart, c.termEnd);
  return ctx.db.run((m) => m.save(c));
}

async function committeeWriter(ctx: AuthedContext, committeeId: string, field: string) {
  const c = await load(ctx, OwnerCommittee, committeeId, field, "owner committee");
  const compound = await ctx.db.run((m) =>
    m.findOneOrFail(Compound, { where: { districtId: c.districtId, id: c.compoundId } }),
  );
  await assertStreetWriter(ctx, await compoundStreet(ctx, compound));
  return { committee: c, compound };
}

export async function addCommitteeMember(
  ctx: AuthedContext,
  input: AddCommitteeMemberInput,
): Promise<CommitteeMember> {
  const { committee, compound } = await committeeWriter(ctx, input.committeeId, "committeeId");
  const existing = await ctx.db.run((m) =>
    m.find(CommitteeMember, {
      where: { districtId: committee.districtId, committeeId: committee.id },
    }),
  );
  let checked;
  try {
    checked = await checkMembers(ctx, compound, [input], existing);
  } catch (err) {
    // Name the field of this input, not of a members list.
    if (err instanceof Error && "extensions" in err) {
      const ext = (err as { extensions: Record<string, unknown> }).extensions;
      if (typeof ext.field === "string" && ext.field.startsWith("members"))
        ext.field = ext.field.includes("personId") ? "personId" : "role";
    }
    throw err;
  }
  return ctx.db.run((m) =>
    m.save(
      m.create(CommitteeMember, {
        districtId: committee.districtId,
        id: uuidv7(),
        committeeId: committee.id,
        personId: checked[0].personId,
        role: checked[0].role,
      }),
    ),
  );
}

export async function removeCommitteeMember(
  ctx: AuthedContext,
  id: string,
): Promise<OwnerCommittee> {
  const member = await load(ctx, CommitteeMember, id, "id", "committee member");
  const { committee } = await committeeWriter(
    ctx,
    toGlobalId("OwnerCommittee", member.committeeId),
    "id",
  );
  await ctx.db.run((m) =>
    m.delete(CommitteeMember, { districtId: member.districtId, id: member.id }),
  );
  return committee;
}
