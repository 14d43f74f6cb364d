import { ArgsType, Field, ID, InputType } from "type-graphql";
import { IsOptional, Length, Matches } from "class-validator";
import { AccountableUnitLevel, HandlingFailing, Sanction } from "./accountability.entity";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = "use a date as YYYY-MM-DD";

@InputType({ description: "A decision of accountability (追责问责) for the handling of a case." })
export class RecordAccountabilityInput {
  @Field(() => ID, { description: "The case whose handling is held to account." })
  caseId: string;

  @Field(() => ID, {
    nullable: true,
    description: "The supervision of that case the decision came from, if any.",
  })
  supervisionId?: string | null;

  @Field(() => AccountableUnitLevel)
  unitLevel: AccountableUnitLevel;

  @Field(() => ID, {
    description:
      "The unit held to account: the District, a StreetOffice, Community, Grid or Department id, as unitLevel says.",
  })
  unitId: string;

  @Field(() => String, { nullable: true, description: "The person held to account, as named." })
  @IsOptional()
  @Length(1, 200)
  person?: string | null;

  @Field(() => HandlingFailing)
  failing: HandlingFailing;

  @Field({ description: "What was found and decided." })
  @Length(1, 2000)
  outcome: string;

  @Field(() => Sanction)
  sanction: Sanction;

  @Field({ description: "The day of the decision (YYYY-MM-DD, UTC+8), not in the future." })
  @Matches(DAY, { message: DAY_MESSAGE })
  decidedOn: string;
}

@ArgsType()
export class AccountabilityDayArgs {
  @Field(() => String, {
    nullable: true,
    description: "Decided on or after this day (YYYY-MM-DD).",
  })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  from?: string;

  @Field(() => String, {
    nullable: true,
    description: "Decided on or before this day (YYYY-MM-DD).",
  })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  to?: string;
}

@ArgsType()
export class AccountabilityFilterArgs extends AccountabilityDayArgs {
  @Field(() => ID, { nullable: true, description: "Records of one case." })
  caseId?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "Records of one unit (a District, StreetOffice, Community, Grid or Department id).",
  })
  unitId?: string;

  @Field(() => HandlingFailing, { nullable: true })
  failing?: HandlingFailing;
}

@ArgsType()
export class AccountabilityCountArgs extends AccountabilityDayArgs {
  @Field(() => AccountableUnitLevel, { description: "Count the units of this level." })
  level: AccountableUnitLevel;
}
