import { type EntityManager } from "typeorm";
import { uuidv7 } from "../../common/ids";
import { badInput, conflict, forbidden } from "../../common/errors";
import { Role } from "../../auth/roles";
import { Department } from "../org/department.entity";
import { Compound, Household } from "./tree.entity";
import { type Person } from "./people.entity";
import {
  Consultation,
  ConsultationComment,
  Proposal,
  RenovationProgress,
  RenovationProject,
  RenovationProjectCompound,
} from "./renovation.entity";
import { ConsultationStatus, type ProposalQuestion, type VoteChoice } from "./grid.enums";
import { checkStreetWriter, type GridCaller } from "./grid.policy";
import { effectiveStatus } from "./consultation.rules";
import { compoundStreet, load } from "./grid.rows";

/**
 * The renovation of old compounds: a project's progress, and the residents' consultations on it
 * (proposals, one vote per household, comments). Each function runs in the caller's transaction;
 * ids are the rows' own (the resolver decodes global ids).
 */

export interface RenovationProgressEntry {
  projectId: string;
  /** Percent (0–100); it cannot go back. */
  percent: number;
  note?: string | null;
}

export interface NewProposal {
  question: ProposalQuestion;
  title: string;
  description?: string | null;
}

export interface NewConsultation {
  compoundId: string;
  /** The renovation project it is about, if any. */
  projectId?: string | null;
  title: string;
  /** When voting ends; after `at`. */
  closesAt: Date;
  proposals: NewProposal[];
}

export interface Vote {
  proposalId: string;
  choice: VoteChoice;
}

export interface NewConsultationComment {
  consultationId: string;
  proposalId?: string | null;
  body: string;
}

/**
 * A resident as the consultations need it: its district, and the person of the register its
 * account is linked to (resolved by the resolver; null when there is none).
 */
export interface Resident {
  districtId: string;
  person: Pick<Person, "id" | "householdId"> | null;
}

export async function recordRenovationProgress(
  m: EntityManager,
  { caller, input, at }: { caller: GridCaller; input: RenovationProgressEntry; at: Date },
): Promise<RenovationProject> {
  const project = await load(
    m,
    caller.districtId,
    RenovationProject,
    input.projectId,
    "renovation project",
  );
  if (caller.role === Role.department) {
    const dept = project.departmentId
      ? await m.findOne(Department, {
          where: { districtId: project.districtId, id: project.departmentId },
        })
      : null;
    if (!dept || dept.code !== caller.departmentCode)
      throw forbidden("only the department in charge of the project may record its progress");
  } else if (caller.role !== Role.district_admin) {
    throw forbidden(`the role ${caller.role} may not record renovation progress`);
  }
  if (input.percent < project.progressPercent)
    throw badInput("percent", `progress cannot go back (it is at ${project.progressPercent}%)`);
  await m.insert(RenovationProgress, {
    districtId: project.districtId,
    id: uuidv7(),
    projectId: project.id,
    percent: input.percent,
    note: input.note?.trim() || null,
    recordedBy: caller.subject,
    recordedAt: at,
  });
  project.progressPercent = input.percent;
  return m.save(project);
}

/** Opens a consultation at `at`; a compound has one open at a time. */
export async function openConsultation(
  m: EntityManager,
  { caller, input, at }: { caller: GridCaller; input: NewConsultation; at: Date },
): Promise<Consultation> {
  const compound = await load(m, caller.districtId, Compound, input.compoundId, "compound");
  checkStreetWriter(caller, await compoundStreet(m, compound));
  const project = input.projectId
    ? await load(m, caller.districtId, RenovationProject, input.projectId, "renovation project")
    : null;
  if (project) {
    const covers = await m.existsBy(RenovationProjectCompound, {
      districtId: project.districtId,
      projectId: project.id,
      compoundId: compound.id,
    });
    if (!covers) throw badInput("projectId", "the renovation project does not cover this compound");
  }
  if (!(input.closesAt instanceof Date) || Number.isNaN(input.closesAt.getTime()))
    throw badInput("closesAt", "not a date-time");
  if (input.closesAt.getTime() <= at.getTime())
    throw badInput("closesAt", "the consultation must close in the future");
  // A consultation whose time ran out is closed now, so that a new one can open.
  await m
    .createQueryBuilder()
    .update(Consultation)
    .set({ status: ConsultationStatus.closed })
    .where("district_id = :d AND compound_id = :c AND status = 'open' AND closes_at <= :now", {
      d: compound.districtId,
      c: compound.id,
      now: at,
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
      openedAt: at,
      closesAt: input.closesAt,
      openedBy: caller.subject,
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
}

export async function closeConsultation(
  m: EntityManager,
  { caller, id }: { caller: GridCaller; id: string },
): Promise<Consultation> {
  const c = await load(m, caller.districtId, Consultation, id, "consultation");
  const compound = await m.findOneOrFail(Compound, {
    where: { districtId: c.districtId, id: c.compoundId },
  });
  checkStreetWriter(caller, await compoundStreet(m, compound));
  if (c.status === ConsultationStatus.closed) throw badInput("id", "the consultation is closed");
  c.status = ConsultationStatus.closed;
  return m.save(c);
}

/** The resident's person and household, if it may take part (open at `at`, its compound). */
async function participant(
  m: EntityManager,
  resident: Resident,
  consultation: Consultation,
  at: Date,
) {
  const me = resident.person;
  if (!me?.householdId)
    throw forbidden("your account is not linked to a household of the district's register");
  const household = await m.findOneOrFail(Household, {
    where: { districtId: resident.districtId, id: me.householdId },
  });
  if (household.compoundId !== consultation.compoundId)
    throw forbidden("only households of the compound take part in its consultation");
  if (effectiveStatus(consultation, at) !== ConsultationStatus.open)
    throw badInput("consultationId", "the consultation is closed");
  return { me, household };
}

/** The resident's household's vote: one per household and proposal (CONFLICT after that). */
export async function castVote(
  m: EntityManager,
  { resident, input, at }: { resident: Resident; input: Vote; at: Date },
): Promise<Proposal> {
  const proposal = await load(m, resident.districtId, Proposal, input.proposalId, "proposal");
  const consultation = await m.findOneOrFail(Consultation, {
    where: { districtId: proposal.districtId, id: proposal.consultationId },
  });
  const { me, household } = await participant(m, resident, consultation, at);
  // The unique key (proposal, household) decides; ON CONFLICT keeps the transaction usable.
  const res: unknown[] = await m.query(
    `INSERT INTO vote (district_id, id, proposal_id, household_id, person_id, choice)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (district_id, proposal_id, household_id) DO NOTHING
     RETURNING id`,
    [proposal.districtId, uuidv7(), proposal.id, household.id, me.id, input.choice],
  );
  if (res.length === 0) throw conflict("your household has already voted on this proposal");
  return proposal;
}

export async function addConsultationComment(
  m: EntityManager,
  { resident, input, at }: { resident: Resident; input: NewConsultationComment; at: Date },
): Promise<ConsultationComment> {
  const consultation = await load(
    m,
    resident.districtId,
    Consultation,
    input.consultationId,
    "consultation",
  );
  let proposalId: string | null = null;
  if (input.proposalId) {
    const proposal = await load(m, resident.districtId, Proposal, input.proposalId, "proposal");
    if (proposal.consultationId !== consultation.id)
      throw badInput("proposalId", "the proposal belongs to another consultation");
    proposalId = proposal.id;
  }
  const { me } = await participant(m, resident, consultation, at);
  return m.save(
    m.create(ConsultationComment, {
      districtId: consultation.districtId,
      id: uuidv7(),
      consultationId: consultation.id,
      proposalId,
      personId: me.id,
      body: input.body.trim(),
      createdAt: at,
    }),
  );
}
