import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { type AuthedContext } from "../../context/context";
import { writableDistrict } from "../../auth/principal";
import { Role } from "../../auth/roles";
import { Grid } from "./tree.entity";
import { CommitteeMember, OwnerCommittee, StaffAssignment } from "./people.entity";
import {
  Consultation,
  ConsultationComment,
  Proposal,
  RenovationProject,
} from "./renovation.entity";
import {
  AddCommitteeMemberInput,
  AddConsultationCommentInput,
  AssignStaffInput,
  CastVoteInput,
  CreateGridInput,
  EndStaffAssignmentInput,
  OpenConsultationInput,
  RecordRenovationProgressInput,
  RegisterOwnerCommitteeInput,
  RetireGridInput,
  UpdateGridInput,
  UpdateOwnerCommitteeInput,
} from "./grid.inputs";
import { idOf } from "./grid.args";
import { callerPerson, gridCallerOf } from "./grid.policy";
import * as trees from "./tree.service";
import * as people from "./people.service";
import * as renovation from "./renovation.service";

const TREE_WRITERS = [Role.district_admin, Role.street_officer];
const STAFF_MANAGERS = [Role.district_admin, Role.street_officer, Role.grid_chief];

/** A resident of the caller's district, with the person its account is linked to. */
async function residentOf(ctx: AuthedContext): Promise<renovation.Resident> {
  return { districtId: writableDistrict(ctx.principal), person: await callerPerson(ctx) };
}

/**
 * What staff maintain. Roles are checked twice: here, coarsely, by role; in the service, finely,
 * by reach (a street officer's street office, a grid chief's grids, a resident's compound). Each
 * mutation translates the request for its service (the caller from the token, its reach and the
 * clock's instant resolved first, global ids decoded naming the input's fields) and runs the
 * service in the request's transaction.
 */
@Resolver()
export class GridMutationResolver {
  @Authorized(...TREE_WRITERS)
  @Mutation(() => Grid, {
    description:
      "Adds a grid to a community or village (district_admin; street_officer in its street office).",
  })
  async createGrid(@Arg("input") input: CreateGridInput, @Ctx() ctx: AuthedContext) {
    const caller = await gridCallerOf(ctx);
    const communityId = idOf(input.communityId, "Community", "communityId");
    return ctx.db.run((m) => trees.createGrid(m, { caller, input: { ...input, communityId } }));
  }

  @Authorized(...TREE_WRITERS)
  @Mutation(() => Grid, {
    description: "Changes a grid in use (as createGrid); CONFLICT on a stale expectedVersion.",
  })
  async updateGrid(@Arg("input") input: UpdateGridInput, @Ctx() ctx: AuthedContext) {
    const caller = await gridCallerOf(ctx);
    const id = idOf(input.id, "Grid", "id");
    return ctx.db.run((m) => trees.updateGrid(m, { caller, input: { ...input, id } }));
  }

  @Authorized(...TREE_WRITERS)
  @Mutation(() => Grid, {
    description:
      "Retires a grid: it leaves the lists (see includeRetired) and its current posts end today.",
  })
  async retireGrid(@Arg("input") input: RetireGridInput, @Ctx() ctx: AuthedContext) {
    const caller = await gridCallerOf(ctx);
    const id = idOf(input.id, "Grid", "id");
    const at = ctx.clock.now();
    return ctx.db.run((m) => trees.retireGrid(m, { caller, input: { ...input, id }, at }));
  }

  @Authorized(...STAFF_MANAGERS)
  @Mutation(() => StaffAssignment, {
    description:
      "Gives a person a post in a grid (district_admin; street_officer in its street office; grid_chief in its grids, except grid chief).",
  })
  async assignStaff(@Arg("input") input: AssignStaffInput, @Ctx() ctx: AuthedContext) {
    const caller = await gridCallerOf(ctx);
    const ids = {
      gridId: idOf(input.gridId, "Grid", "gridId"),
      personId: idOf(input.personId, "Person", "personId"),
      unitId: input.unitId ? idOf(input.unitId, "BuildingUnit", "unitId") : null,
      buildingId: input.buildingId ? idOf(input.buildingId, "Building", "buildingId") : null,
    };
    const at = ctx.clock.now();
    return ctx.db.run((m) => people.assignStaff(m, { caller, input: { ...input, ...ids }, at }));
  }

  @Authorized(...STAFF_MANAGERS)
  @Mutation(() => StaffAssignment, { description: "Ends a post (same rules as assignStaff)." })
  async endStaffAssignment(
    @Arg("input") input: EndStaffAssignmentInput,
    @Ctx() ctx: AuthedContext,
  ) {
    const caller = await gridCallerOf(ctx);
    const id = idOf(input.id, "StaffAssignment", "id");
    const at = ctx.clock.now();
    return ctx.db.run((m) => people.endStaffAssignment(m, { caller, input: { ...input, id }, at }));
  }

  @Authorized(...TREE_WRITERS)
  @Mutation(() => OwnerCommittee, {
    description:
      "Registers a compound's owner committee with its members (district_admin; street_officer).",
  })
  async registerOwnerCommittee(
    @Arg("input") input: RegisterOwnerCommitteeInput,
    @Ctx() ctx: AuthedContext,
  ) {
    const caller = await gridCallerOf(ctx);
    const compoundId = idOf(input.compoundId, "Compound", "compoundId");
    const members = (input.members ?? []).map((mb, i) => ({
      personId: idOf(mb.personId, "Person", `members.${i}.personId`),
      role: mb.role,
    }));
    return ctx.db.run((m) =>
      people.registerOwnerCommittee(m, { caller, input: { ...input, compoundId, members } }),
    );
  }

  @Authorized(...TREE_WRITERS)
  @Mutation(() => OwnerCommittee, { description: "Changes a committee's name, status or term." })
  async updateOwnerCommittee(
    @Arg("input") input: UpdateOwnerCommitteeInput,
    @Ctx() ctx: AuthedContext,
  ) {
    const caller = await gridCallerOf(ctx);
    const id = idOf(input.id, "OwnerCommittee", "id");
    return ctx.db.run((m) => people.updateOwnerCommittee(m, { caller, input: { ...input, id } }));
  }

  @Authorized(...TREE_WRITERS)
  @Mutation(() => CommitteeMember, { description: "Adds a member living in the compound." })
  async addCommitteeMember(
    @Arg("input") input: AddCommitteeMemberInput,
    @Ctx() ctx: AuthedContext,
  ) {
    const caller = await gridCallerOf(ctx);
    const member = {
      committeeId: idOf(input.committeeId, "OwnerCommittee", "committeeId"),
      personId: idOf(input.personId, "Person", "personId"),
      role: input.role,
    };
    return ctx.db.run((m) => people.addCommitteeMember(m, { caller, input: member }));
  }

  @Authorized(...TREE_WRITERS)
  @Mutation(() => OwnerCommittee, { description: "Removes a member; returns the committee." })
  async removeCommitteeMember(@Arg("id", () => ID) id: string, @Ctx() ctx: AuthedContext) {
    const caller = await gridCallerOf(ctx);
    const memberId = idOf(id, "CommitteeMember", "id");
    return ctx.db.run((m) => people.removeCommitteeMember(m, { caller, id: memberId }));
  }

  @Authorized(Role.district_admin, Role.department)
  @Mutation(() => RenovationProject, {
    description:
      "Records a renovation project's progress (district_admin; the department in charge).",
  })
  async recordRenovationProgress(
    @Arg("input") input: RecordRenovationProgressInput,
    @Ctx() ctx: AuthedContext,
  ) {
    const caller = await gridCallerOf(ctx);
    const projectId = idOf(input.projectId, "RenovationProject", "projectId");
    const at = ctx.clock.now();
    return ctx.db.run((m) =>
      renovation.recordRenovationProgress(m, { caller, input: { ...input, projectId }, at }),
    );
  }

  @Authorized(...TREE_WRITERS)
  @Mutation(() => Consultation, {
    description:
      "Opens a consultation of a compound's households (district_admin; street_officer).",
  })
  async openConsultation(@Arg("input") input: OpenConsultationInput, @Ctx() ctx: AuthedContext) {
    const caller = await gridCallerOf(ctx);
    const ids = {
      compoundId: idOf(input.compoundId, "Compound", "compoundId"),
      projectId: input.projectId ? idOf(input.projectId, "RenovationProject", "projectId") : null,
    };
    const at = ctx.clock.now();
    return ctx.db.run((m) =>
      renovation.openConsultation(m, { caller, input: { ...input, ...ids }, at }),
    );
  }

  @Authorized(...TREE_WRITERS)
  @Mutation(() => Consultation, { description: "Closes a consultation before its time." })
  async closeConsultation(@Arg("id", () => ID) id: string, @Ctx() ctx: AuthedContext) {
    const caller = await gridCallerOf(ctx);
    const consultationId = idOf(id, "Consultation", "id");
    return ctx.db.run((m) => renovation.closeConsultation(m, { caller, id: consultationId }));
  }

  @Authorized(Role.resident)
  @Mutation(() => Proposal, {
    description:
      "Casts the caller's household's vote on a proposal of its compound's open consultation: one vote per household (CONFLICT after that).",
  })
  async castVote(@Arg("input") input: CastVoteInput, @Ctx() ctx: AuthedContext) {
    const resident = await residentOf(ctx);
    const proposalId = idOf(input.proposalId, "Proposal", "proposalId");
    const at = ctx.clock.now();
    return ctx.db.run((m) =>
      renovation.castVote(m, { resident, input: { ...input, proposalId }, at }),
    );
  }

  @Authorized(Role.resident)
  @Mutation(() => ConsultationComment, {
    description: "Comments on an open consultation of the caller's compound.",
  })
  async addConsultationComment(
    @Arg("input") input: AddConsultationCommentInput,
    @Ctx() ctx: AuthedContext,
  ) {
    const resident = await residentOf(ctx);
    const ids = {
      consultationId: idOf(input.consultationId, "Consultation", "consultationId"),
      proposalId: input.proposalId ? idOf(input.proposalId, "Proposal", "proposalId") : null,
    };
    const at = ctx.clock.now();
    return ctx.db.run((m) =>
      renovation.addConsultationComment(m, { resident, input: { ...input, ...ids }, at }),
    );
  }
}
