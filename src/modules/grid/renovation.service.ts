import { type AuthedContext } from "../../context/context";
import { uuidv7 } from "../../common/ids";
import { badInput, conflict, forbidden } from "../../common/errors";
import { Role } from "../../auth/roles";
import { Department } from "../org/department.entity";
import { Compound, Household } from "./tree.entity";
import {
  Consultation,
  ConsultationComment,
  Proposal,
  RenovationProgress,
  RenovationProject,
  RenovationProjectCompound,
} from "./renovation.entity";
import { ConsultationStatus } from "./grid.enums";
import { assertStreetWriter, callerPerson } from "./grid.policy";
import { effectiveStatus } from "./renovation.resolver";
import { compoundStreet, load } from "./grid.rows";
import type {
  AddConsultationCommentInput,
  CastVoteInput,
  OpenConsultationInput,
  RecordRenovationProgressInput,
} from "./grid.inputs";

/**
 * The renovation of old compounds: a project's progress, and the residents' consultations on it
 * (proposals, one vote per household, comments).
 */

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
