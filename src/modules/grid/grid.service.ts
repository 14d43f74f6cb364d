import { IsNull, type EntityManager, type EntityTarget, type ObjectLiteral } from "typeorm";
import { type AuthedContext } from "../../context/context";
import { localDay } from "../../common/dates";
import { toGlobalId, uuidv7 } from "../../common/ids";
import { badInput, conflict, forbidden, notFound } from "../../common/errors";
import { Role } from "../tenancy/role.enums";
import { Department } from "../org/department.entity";
import { Building, BuildingUnit, Community, Compound, Grid, Household } from "./tree.entity";
import { CommitteeMember, OwnerCommittee, Person, StaffAssignment } from "./people.entity";
import {
  Consultation,
  ConsultationComment,
  Proposal,
  RenovationProgress,
  RenovationProject,
  RenovationProjectCompound,
} from "./renovation.entity";
import {
  CommitteeRole,
  CommitteeStatus,
  CommunityKind,
  ConsultationStatus,
  GridKind,
  GridPost,
} from "./grid.enums";
import { idOf } from "./grid.args";
import { assertStreetWriter, callerPerson, ownDistrict, reachOf } from "./grid.policy";
import { effectiveStatus } from "./renovation.resolver";
import type {
  AddCommitteeMemberInput,
  AddConsultationCommentInput,
  AssignStaffInput,
  CastVoteInput,
  CommitteeMemberInput,
  CreateGridInput,
  EndStaffAssignmentInput,
  OpenConsultationInput,
  RecordRenovationProgressInput,
  RegisterOwnerCommitteeInput,
  RetireGridInput,
  UpdateGridInput,
  UpdateOwnerCommitteeInput,
} from "./grid.inputs";

type Row = ObjectLiteral & { districtId: string; id: string };

/**
 * A row of the caller's district by global id, or NOT_FOUND. Another district's row looks exactly
 * like a missing one (and row-level security would hide it anyway).
 */
async function load<T extends Row>(
  ctx: AuthedContext,
  entity: EntityTarget<T> & { name: string },
  globalId: string,
  field: string,
  what: string,
): Promise<T> {
  const districtId = ownDistrict(ctx);
  const id = idOf(globalId, entity.name, field);
  const row = await ctx.db.run((m) => m.findOne(entity, { where: { districtId, id } as never }));
  if (!row) throw notFound(`no such ${what} in your district`);
  return row;
}

/** YYYY-MM-DD that is a real calendar day, or BAD_USER_INPUT. */
function day(field: string, value: string | undefined | null, fallback?: string): string | null {
  const v = value ?? fallback ?? null;
  if (v === null) return null;
  const [y, mo, d] = v.split("-").map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d)
    throw badInput(field, `${v} is not a calendar date`);
  return v;
}

/** Today in the district (UTC+8), by the platform's clock. */
function today(ctx: AuthedContext): string {
  return localDay(ctx.clock.now());
}

function checkBoundary(boundary: Record<string, unknown> | null | undefined): void {
  if (boundary === undefined || boundary === null) return;
  const type = boundary.type;
  if ((type !== "Polygon" && type !== "MultiPolygon") || !Array.isArray(boundary.coordinates))
    throw badInput("boundary", "a GeoJSON geometry of type Polygon or MultiPolygon is expected");
}

function unchanged(grid: Grid): void {
  if (grid.retiredAt) throw badInput("id", "the grid is retired");
}

// ---------------------------------------------------------------------------------------------
// Grids

export async function createGrid(ctx: AuthedContext, input: CreateGridInput): Promise<Grid> {
  const community = await load(ctx, Community, input.communityId, "communityId", "community");
  await assertStreetWriter(ctx, community.streetOfficeId);
  checkBoundary(input.boundary);
  return ctx.db.run(async (m) => {
    if (await m.existsBy(Grid, { districtId: community.districtId, code: input.code }))
      throw conflict(`a grid with code "${input.code}" already exists`);
    const grid = m.create(Grid, {
      districtId: community.districtId,
      id: uuidv7(),
      communityId: community.id,
      streetOfficeId: community.streetOfficeId,
      code: input.code,
      name: input.name.trim(),
      kind: community.kind === CommunityKind.village ? GridKind.rural : GridKind.urban,
      latitude: input.latitude,
      longitude: input.longitude,
      boundary: input.boundary ?? null,
      linesOfWork: [...new Set(input.linesOfWork ?? [])],
      retiredAt: null,
      retiredReason: null,
      version: 1,
    });
    return m.save(grid);
  });
}

export async function updateGrid(ctx: AuthedContext, input: UpdateGridInput): Promise<Grid> {
  const grid = await load(ctx, Grid, input.id, "id", "grid");
  await assertStreetWriter(ctx, grid.streetOfficeId);
  unchanged(grid);
  checkBoundary(input.boundary);
  return ctx.db.run(async (m) => {
    const set: Partial<Grid> = {};
    if (input.name !== undefined && input.name !== null) set.name = input.name.trim();
    if (input.latitude !== undefined && input.latitude !== null) set.latitude = input.latitude;
    if (input.longitude !== undefined && input.longitude !== null) set.longitude = input.longitude;
    if (input.boundary !== undefined) set.boundary = input.boundary;
    if (input.linesOfWork !== undefined && input.linesOfWork !== null)
      set.linesOfWork = [...new Set(input.linesOfWork)];
    return bumpVersion(m, grid, input.expectedVersion, set);
  });
}

/** Optimistic concurrency: the update applies only to the version the caller read. */
async function bumpVersion(
  m: EntityManager,
  grid: Grid,
  expected: number | undefined | null,
  set: Partial<Grid>,
): Promise<Grid> {
  const version = expected ?? grid.version;
  const res = await m
    .createQueryBuilder()
    .update(Grid)
    .set({ ...set, version: () => "version + 1", updatedAt: () => "now()" } as never)
    .where("district_id = :d AND id = :id AND version = :version", {
      d: grid.districtId,
      id: grid.id,
      version,
    })
    .execute();
  if (!res.affected)
    throw conflict(
      `the grid changed since version ${version} was read (it is now at version ${grid.version}); read it again`,
    );
  return (await m.findOne(Grid, { where: { districtId: grid.districtId, id: grid.id } }))!;
}

export async function retireGrid(ctx: AuthedContext, input: RetireGridInput): Promise<Grid> {
  const grid = await load(ctx, Grid, input.id, "id", "grid");
  await assertStreetWriter(ctx, grid.streetOfficeId);
  unchanged(grid);
  return ctx.db.run(async (m) => {
    // Whoever held a post in the grid holds it no longer.
    await m
      .createQueryBuilder()
      .update(StaffAssignment)
      .set({ endsOn: () => "greatest(starts_on, CAST(:today AS date))" } as never)
      .where("district_id = :d AND grid_id = :g AND ends_on IS NULL", {
        d: grid.districtId,
        g: grid.id,
        today: today(ctx),
      })
      .execute();
    return bumpVersion(m, grid, grid.version, {
      retiredAt: ctx.clock.now(),
      retiredReason: input.reason.trim(),
    });
  });
}

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

async function compoundStreet(ctx: AuthedContext, compound: Compound): Promise<string> {
  const grid = await ctx.db.run((m) =>
    m.findOneOrFail(Grid, { where: { districtId: compound.districtId, id: compound.gridId } }),
  );
  return grid.streetOfficeId;
}

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

// ---------------------------------------------------------------------------------------------
// Renovation

export async function recordRenovationProgress(
  ctx: AuthedContext,
  input: RecordRenovationProgressInput,
): Promise<RenovationProject> {
  const project = await load(
    ctx,
    RenovationProject,
    input.projectId,
    "projectId",
    "renovation project",
  );
  const p = ctx.principal;
  if (p.role === Role.department) {
    const dept = project.departmentId
      ? await ctx.db.run((m) =>
          m.findOne(Department, {
            where: { districtId: project.districtId, id: project.departmentId! },
          }),
        )
      : null;
    if (!dept || dept.code !== p.departmentCode)
      throw forbidden("only the department in charge of the project may record its progress");
  } else if (p.role !== Role.district_admin) {
    throw forbidden(`the role ${p.role} may not record renovation progress`);
  }
  if (input.percent < project.progressPercent)
    throw badInput("percent", `progress cannot go back (it is at ${project.progressPercent}%)`);
  return ctx.db.run(async (m) => {
    await m.insert(RenovationProgress, {
      districtId: project.districtId,
      id: uuidv7(),
      projectId: project.id,
      percent: input.percent,
      note: input.note?.trim() || null,
      recordedBy: p.subject,
      recordedAt: ctx.clock.now(),
    });
    project.progressPercent = input.percent;
    return m.save(project);
  });
}

export async function openConsultation(
  ctx: AuthedContext,
  input: OpenConsultationInput,
): Promise<Consultation> {
  const compound = await load(ctx, Compound, input.compoundId, "compoundId", "compound");
  await assertStreetWriter(ctx, await compoundStreet(ctx, compound));
  const project = input.projectId
    ? await load(ctx, RenovationProject, input.projectId, "projectId", "renovation project")
    : null;
  if (project) {
    const covers = await ctx.db.run((m) =>
      m.existsBy(RenovationProjectCompound, {
        districtId: project.districtId,
        projectId: project.id,
        compoundId: compound.id,
      }),
    );
    if (!covers) throw badInput("projectId", "the renovation project does not cover this compound");
  }
  if (!(input.closesAt instanceof Date) || Number.isNaN(input.closesAt.getTime()))
    throw badInput("closesAt", "not a date-time");
  const now = ctx.clock.now();
  if (input.closesAt.getTime() <= now.getTime())
    throw badInput("closesAt", "the consultation must close in the future");
  return ctx.db.run(async (m) => {
    // A consultation whose time ran out is closed now, so that a new one can open.
    await m
      .createQueryBuilder()
      .update(Consultation)
      .set({ status: ConsultationStatus.closed })
      .where("district_id = :d AND compound_id = :c AND status = 'open' AND closes_at <= :now", {
        d: compound.districtId,
        c: compound.id,
        now,
      })
      .execute();
    if (
      await m.existsBy(Consultation, {
        districtId: compound.districtId,
        compoundId: compound.id,
        status: ConsultationStatus.open,
      })
    )
      throw conflict("the compound already has an open consultation");
    const c = await m.save(
      m.create(Consultation, {
        districtId: compound.districtId,
        id: uuidv7(),
        compoundId: compound.id,
        projectId: project?.id ?? null,
        title: input.title.trim(),
        status: ConsultationStatus.open,
        openedAt: now,
        closesAt: input.closesAt,
        openedBy: ctx.principal.subject,
      }),
    );
    await m.insert(
      Proposal,
      input.proposals.map((p, position) => ({
        districtId: compound.districtId,
        id: uuidv7(),
        consultationId: c.id,
        question: p.question,
        position,
        title: p.title.trim(),
        description: p.description?.trim() || null,
      })),
    );
    return c;
  });
}

export async function closeConsultation(ctx: AuthedContext, id: string): Promise<Consultation> {
  const c = await load(ctx, Consultation, id, "id", "consultation");
  const compound = await ctx.db.run((m) =>
    m.findOneOrFail(Compound, { where: { districtId: c.districtId, id: c.compoundId } }),
  );
  await assertStreetWriter(ctx, await compoundStreet(ctx, compound));
  if (c.status === ConsultationStatus.closed) throw badInput("id", "the consultation is closed");
  c.status = ConsultationStatus.closed;
  return ctx.db.run((m) => m.save(c));
}

/** The resident, its household, and a consultation it may take part in (open, its compound). */
async function participant(ctx: AuthedContext, consultation: Consultation) {
  const me = await callerPerson(ctx);
  if (!me?.householdId)
    throw forbidden("your account is not linked to a household of the district's register");
  const household = await ctx.db.run((m) =>
    m.findOneOrFail(Household, { where: { districtId: me.districtId, id: me.householdId! } }),
  );
  if (household.compoundId !== consultation.compoundId)
    throw forbidden("only households of the compound take part in its consultation");
  if (effectiveStatus(consultation, ctx.clock.now()) !== ConsultationStatus.open)
    throw badInput("consultationId", "the consultation is closed");
  return { me, household };
}

export async function castVote(ctx: AuthedContext, input: CastVoteInput): Promise<Proposal> {
  const proposal = await load(ctx, Proposal, input.proposalId, "proposalId", "proposal");
  const consultation = await ctx.db.run((m) =>
    m.findOneOrFail(Consultation, {
      where: { districtId: proposal.districtId, id: proposal.consultationId },
    }),
  );
  const { me, household } = await participant(ctx, consultation);
  return ctx.db.run(async (m) => {
    // The unique key (proposal, household) decides; ON CONFLICT keeps the transaction usable.
    const res: unknown[] = await m.query(
      `INSERT INTO vote (district_id, id, proposal_id, household_id, person_id, choice)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (district_id, proposal_id, household_id) DO NOTHING
       RETURNING id`,
      [proposal.districtId, uuidv7(), proposal.id, household.id, me.id, input.choice],
    );
    if (res.length === 0) throw conflict("your household has already voted on this proposal");
    return proposal;
  });
}

export async function addConsultationComment(
  ctx: AuthedContext,
  input: AddConsultationCommentInput,
): Promise<ConsultationComment> {
  const consultation = await load(
    ctx,
    Consultation,
    input.consultationId,
    "consultationId",
    "consultation",
  );
  let proposalId: string | null = null;
  if (input.proposalId) {
    const proposal = await load(ctx, Proposal, input.proposalId, "proposalId", "proposal");
    if (proposal.consultationId !== consultation.id)
      throw badInput("proposalId", "the proposal belongs to another consultation");
    proposalId = proposal.id;
  }
  const { me } = await participant(ctx, consultation);
  return ctx.db.run((m) =>
    m.save(
      m.create(ConsultationComment, {
        districtId: consultation.districtId,
        id: uuidv7(),
        consultationId: consultation.id,
        proposalId,
        personId: me.id,
        body: input.body.trim(),
        createdAt: ctx.clock.now(),
      }),
    ),
  );
}
