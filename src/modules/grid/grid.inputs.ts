import { Field, Float, ID, InputType, Int } from "type-graphql";
import { GraphQLJSONObject } from "graphql-scalars";
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from "class-validator";
import {
  CommitteeRole,
  CommitteeStatus,
  GridPost,
  LineOfWork,
  ProposalQuestion,
  VoteChoice,
} from "./grid.enums";

const CODE = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const CODE_MESSAGE =
  "use 1–40 lowercase letters, digits, '-' or '_', starting with a letter or digit";
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = "use a date as YYYY-MM-DD";

@InputType({ description: "A new grid in a community or village." })
export class CreateGridInput {
  @Field(() => ID, { description: "The community or administrative village." })
  communityId: string;

  @Field({ description: "Stable code, unique in the district." })
  @Matches(CODE, { message: CODE_MESSAGE })
  code: string;

  @Field()
  @Length(1, 100)
  name: string;

  @Field(() => Float)
  @Min(-90)
  @Max(90)
  latitude: number;

  @Field(() => Float)
  @Min(-180)
  @Max(180)
  longitude: number;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "GeoJSON Polygon or MultiPolygon geometry.",
  })
  boundary?: Record<string, unknown> | null;

  @Field(() => [LineOfWork], { nullable: true, description: "Default: none." })
  @ArrayMaxSize(6)
  linesOfWork?: LineOfWork[];
}

@InputType({ description: "Changes to a grid; fields left out stay as they are." })
export class UpdateGridInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "The version you read; if the grid changed since, the update is refused (CONFLICT).",
  })
  expectedVersion?: number;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100)
  name?: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-90)
  @Max(90)
  latitude?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-180)
  @Max(180)
  longitude?: number;

  @Field(() => GraphQLJSONObject, { nullable: true, description: "null removes the boundary." })
  boundary?: Record<string, unknown> | null;

  @Field(() => [LineOfWork], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(6)
  linesOfWork?: LineOfWork[];
}

@InputType()
export class RetireGridInput {
  @Field(() => ID)
  id: string;

  @Field({ description: "Why, e.g. merged into another grid." })
  @Length(1, 500)
  reason: string;
}

@InputType({ description: "Gives a person a post in a grid." })
export class AssignStaffInput {
  @Field(() => ID)
  personId: string;

  @Field(() => ID)
  gridId: string;

  @Field(() => GridPost)
  role: GridPost;

  @Field(() => ID, { nullable: true, description: "Building heads: the building (in the grid)." })
  buildingId?: string;

  @Field(() => ID, { nullable: true, description: "Unit heads: the unit (in the grid)." })
  unitId?: string;

  @Field({ nullable: true, description: "First day (YYYY-MM-DD); default today." })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  startsOn?: string;
}

@InputType()
export class EndStaffAssignmentInput {
  @Field(() => ID)
  id: string;

  @Field({ nullable: true, description: "Last day (YYYY-MM-DD); default today." })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  endsOn?: string;
}

@InputType()
export class CommitteeMemberInput {
  @Field(() => ID, { description: "A person living in the compound." })
  personId: string;

  @Field(() => CommitteeRole)
  role: CommitteeRole;
}

@InputType({ description: "An owner committee for a compound that has none." })
export class RegisterOwnerCommitteeInput {
  @Field(() => ID)
  compoundId: string;

  @Field()
  @Length(1, 100)
  name: string;

  @Field(() => CommitteeStatus, { nullable: true, description: "Default `preparing`." })
  status?: CommitteeStatus;

  @Field({ nullable: true, description: "YYYY-MM-DD" })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  electionDate?: string;

  @Field({ nullable: true, description: "YYYY-MM-DD" })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  termStart?: string;

  @Field({ nullable: true, description: "YYYY-MM-DD, after termStart." })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  termEnd?: string;

  @Field(() => [CommitteeMemberInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  members?: CommitteeMemberInput[];
}

@InputType({ description: "Changes to a committee; fields left out stay as they are." })
export class UpdateOwnerCommitteeInput {
  @Field(() => ID)
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100)
  name?: string;

  @Field(() => CommitteeStatus, { nullable: true })
  status?: CommitteeStatus;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  electionDate?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  termStart?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  termEnd?: string;
}

@InputType()
export class AddCommitteeMemberInput extends CommitteeMemberInput {
  @Field(() => ID)
  committeeId: string;
}

@InputType()
export class RecordRenovationProgressInput {
  @Field(() => ID)
  projectId: string;

  @Field(() => Int, { description: "Progress in percent (0–100); it cannot go back." })
  @Min(0)
  @Max(100)
  percent: number;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string;
}

@InputType()
export class ProposalInput {
  @Field(() => ProposalQuestion)
  question: ProposalQuestion;

  @Field()
  @Length(1, 200)
  title: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string;
}

@InputType({ description: "Opens a consultation of a compound's households." })
export class OpenConsultationInput {
  @Field(() => ID)
  compoundId: string;

  @Field(() => ID, { nullable: true, description: "The renovation project it is about, if any." })
  projectId?: string;

  @Field()
  @Length(1, 200)
  title: string;

  @Field({ description: "When voting ends; in the future." })
  closesAt: Date;

  @Field(() => [ProposalInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  proposals: ProposalInput[];
}

@InputType({ description: "A household's vote on one proposal, cast by one of its members." })
export class CastVoteInput {
  @Field(() => ID)
  proposalId: string;

  @Field(() => VoteChoice)
  choice: VoteChoice;
}

@InputType()
export class AddConsultationCommentInput {
  @Field(() => ID)
  consultationId: string;

  @Field(() => ID, { nullable: true, description: "The proposal it is about, if any." })
  proposalId?: string;

  @Field()
  @Length(1, 2000)
  body: string;
}
