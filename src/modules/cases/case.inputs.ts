import { Field, Float, ID, InputType, Int } from "type-graphql";
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from "class-validator";
import { LineOfWork } from "../grid/grid.enums";
import { AssignmentRole, CaseChannel, Satisfaction, Urgency } from "./case.enums";

@InputType({
  description:
    "A new case. The grid and street office are found from the location where not given.",
})
export class CreateCaseInput {
  @Field(() => CaseChannel)
  channel: CaseChannel;

  @Field({ description: "Code of a category of the district's catalogue (see caseCategories)." })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: "a category code, e.g. property_management" })
  categoryCode: string;

  @Field(() => LineOfWork, { nullable: true, description: "Default: the category's." })
  lineOfWork?: LineOfWork;

  @Field()
  @Length(1, 4000)
  description: string;

  @Field(() => Urgency, { nullable: true, description: "Default normal." })
  urgency?: Urgency;

  @Field(() => ID, { nullable: true })
  gridId?: string;

  @Field(() => ID, { nullable: true })
  compoundId?: string;

  @Field(() => ID, { nullable: true })
  buildingId?: string;

  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(300)
  address?: string;

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

  @Field({ nullable: true, description: "Personal data: shown masked to most roles." })
  @IsOptional()
  @Length(1, 50)
  complainantName?: string;

  @Field({ nullable: true, description: "Personal data: shown masked to most roles." })
  @IsOptional()
  @Matches(/^[0-9+-]{5,20}$/, { message: "a phone number" })
  complainantPhone?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUrl({ protocols: ["http", "https"], require_protocol: true }, { each: true })
  attachmentUrls?: string[];

  @Field({
    nullable: true,
    description: "Send the same key again (e.g. after a timeout) and get the same case back.",
  })
  @IsOptional()
  @Length(1, 200)
  idempotencyKey?: string;
}

@InputType({ description: "An action on a case, at the version the caller read." })
export class CaseNoteInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: "The case's `version` as read; a stale one gets CONFLICT." })
  expectedVersion: number;

  @Field({ nullable: true, description: "What was done or why (required where the action says)." })
  @IsOptional()
  @MaxLength(4000)
  note?: string;
}

@InputType()
export class ReportProgressInput extends CaseNoteInput {
  @Field({ nullable: true, description: "A co-handling department's final report ends its part." })
  final?: boolean;
}

@InputType()
export class AssignmentInput {
  @Field(() => ID)
  departmentId: string;

  @Field(() => AssignmentRole)
  role: AssignmentRole;

  @Field({ nullable: true, description: "This department's own due time; default the case's." })
  dueAt?: Date;
}

@InputType({ description: "Assigns a case to one lead department and any co-handling ones." })
export class AssignCaseInput extends CaseNoteInput {
  @Field(() => [AssignmentInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  assignments: AssignmentInput[];
}

@InputType({ description: "The command center's ruling on a return or an extension." })
export class RulingInput extends CaseNoteInput {
  @Field()
  granted: boolean;
}

@InputType()
export class ExtensionRequestInput extends CaseNoteInput {
  @Field({ description: "The due time asked for." })
  requestedDueAt: Date;
}

@InputType({ description: "The callback (回访) to the complainant." })
export class CallbackInput extends CaseNoteInput {
  @Field({ description: "Whether the complainant was reached." })
  reached: boolean;

  @Field(() => Satisfaction, { nullable: true, description: "The answer, when reached." })
  satisfaction?: Satisfaction;

  @Field({
    nullable: true,
    description: "Unsatisfied for a cause of the handler: the case goes back to be redone.",
  })
  handlerAtFault?: boolean;
}

@InputType({ description: "Units of the street's joint committee (大工委) to pull into the case." })
export class EngageUnitsInput extends CaseNoteInput {
  @Field(() => [ID], { description: "JointCommitteeUnit ids of the case's street office." })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  unitIds: string[];
}

@InputType({ description: "What a joint committee unit did on the case (note: the result)." })
export class UnitResultInput extends CaseNoteInput {
  @Field(() => ID, { description: "The unit's part in the case (CaseUnitEngagement id)." })
  engagementId: string;
}
