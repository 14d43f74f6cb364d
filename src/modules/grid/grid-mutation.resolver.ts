import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { type AuthedContext } from "../../context/context";
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
import * as trees from "./tree.service";
import * as people from "./people.service";
import * as renovation from "./renovation.service";

const TREE_WRITERS = [Role.district_admin, Role.street_officer];
const STAFF_MANAGERS = [Role.district_admin, Role.street_officer, Role.grid_chief];

/**
 * What staff maintain. Roles are checked twice: here, coarsely, by role; in the service, finely,
 * by reach (a street officer's street office, a grid chief's grids, a resident's compound).
 */
@Resolver()
export class GridMutationResolver {
  @Authorized(...TREE_WRITERS)
  @Mutation(() => Grid, {
    description:
      "Adds a grid to a community or village (district_admin; street_officer in its street office).",
  })
  createGrid(@Arg("input") input: CreateGridInput, @Ctx() ctx: AuthedContext) {
    return trees.createGrid(ctx, input);
  }

  @Authorized(...TREE_WRITERS)
  @Mutation(() => Grid, {
    description: "Changes a grid in use (as createGrid); CONFLICT on a stale expectedVersion.",
  })
  updateGrid(@Arg("input") input: UpdateGridInput, @Ctx() ctx: AuthedContext) {
    return trees.updateGrid(ctx, input);
  }

  @Authorized(...TREE_WRITERS)
  @Mutation(() => Grid, {
    description:
      "Retires a grid: it leaves the lists (see includeRetired) and its current posts end today.",
  })
  retireGrid(@Arg("input") input: RetireGridInput, @Ctx() ctx: AuthedContext) {
    return trees.retireGrid(ctx, input);
  }

  @Authorized(...STAFF_MANAGERS)
  @Mutation(() => StaffAssignment, {
    description:
      "Gives a person a post in a grid (district_admin; street_officer in its street office; grid_chief in its grids, except grid chief).",
  })
  assignStaff(@Arg("input") input: AssignStaffInput, @Ctx() ctx: AuthedContext) {
    return people.assignStaff(ctx, input);
  }

  @Authorized(...STAFF_MANAGERS)
  @Mutation(() => StaffAssignment, { description: "Ends a post (same rules as assignStaff)." })
  endStaffAssignment(@Arg("input") input: EndStaffAssignmentInput, @Ctx() ctx: AuthedContext) {
    return people.endStaffAssignment(ctx, input);
  }

  @Authorized(...TREE_WRITERS)
  @Mutation(() => OwnerCommittee, {
    description:
      "Registers a compound's owner committee with its members (district_admin; street_officer).",
  })
  registerOwnerCommittee(
    @Arg("input") input: RegisterOwnerCommitteeInput,
    @Ctx() ctx: AuthedContext,
  ) {
    return people.registerOwnerCommittee(ctx, input);
  }

  @Authorized(...TREE_WRITERS)
  @Mutation(() => OwnerCommittee, { description: "Changes a committee's name, status or term." })
  updateOwnerCommittee(@Arg("input") input: UpdateOwnerCommitteeInput, @Ctx() ctx: AuthedContext) {
    return people.updateOwnerCommittee(ctx, input);
  }

  @Authorized(...TREE_WRITERS)
  @Mutation(() => CommitteeMember, { description: "Adds a member living in the compound." })
  addCommitteeMember(@Arg("input") input: AddCommitteeMemberInput, @Ctx() ctx: AuthedContext) {
    return people.addCommitteeMember(ctx, input);
  }

  @Authorized(...TREE_WRITERS)
  @Mutation(() => OwnerCommittee, { description: "Removes a member; returns the committee." })
  removeCommitteeMember(@Arg("id", () => ID) id: string, @Ctx() ctx: AuthedContext) {
    return people.removeCommitteeMember(ctx, id);
  }

  @Authorized(Role.district_admin, Role.department)
  @Mutation(() => RenovationProject, {
    description:
      "Records a renovation project's progress (district_admin; the department in charge).",
  })
  recordRenovationProgress(
    @Arg("input") input: RecordRenovationProgressInput,
    @Ctx() ctx: AuthedContext,
  ) {
    return renovation.recordRenovationProgress(ctx, input);
  }

  @Authorized(...TREE_WRITERS)
  @Mutation(() => Consultation, {
    description:
      "Opens a consultation of a compound's households (district_admin; street_officer).",
  })
  openConsultation(@Arg("input") input: OpenConsultationInput, @Ctx() ctx: AuthedContext) {
    return renovation.openConsultation(ctx, input);
  }

  @Authorized(...TREE_WRITERS)
  @Mutation(() => Consultation, { description: "Closes a consultation before its time." })
  closeConsultation(@Arg("id", () => ID) id: string, @Ctx() ctx: AuthedContext) {
    return renovation.closeConsultation(ctx, id);
  }

  @Authorized(Role.resident)
  @Mutation(() => Proposal, {
    description:
      "Casts the caller's household's vote on a proposal of its compound's open consultation: one vote per household (CONFLICT after that).",
  })
  castVote(@Arg("input") input: CastVoteInput, @Ctx() ctx: AuthedContext) {
    return renovation.castVote(ctx, input);
  }

  @Authorized(Role.resident)
  @Mutation(() => ConsultationComment, {
    description: "Comments on an open consultation of the caller's compound.",
  })
  addConsultationComment(
    @Arg("input") input: AddConsultationCommentInput,
    @Ctx() ctx: AuthedContext,
  ) {
    return renovation.addConsultationComment(ctx, input);
  }
}
