import { ArgsType, Field, Float, ID, InputType, Int } from "type-graphql";
import { IsOptional, Length, Matches, MaxLength } from "class-validator";
import { type Filter } from "../../common/batch";
import { escapeLike } from "../tenancy/tenancy.resolver";
import { TargetProgramme } from "./target.entity";

const CODE = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const CODE_MESSAGE =
  "use 1–40 lowercase letters, digits, '-' or '_', starting with a letter or digit";
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = "use a date as YYYY-MM-DD";

@InputType({ description: "A new target of the caller's district." })
export class CreateTargetInput {
  @Field({ description: "Stable code, unique in the district." })
  @Matches(CODE, { message: CODE_MESSAGE })
  code: string;

  @Field()
  @Length(1, 200)
  name: string;

  @Field(() => TargetProgramme)
  programme: TargetProgramme;

  @Field({ description: "What is counted, e.g. 个, 处, 平方米, 户, 万元." })
  @Length(1, 20)
  unit: string;

  @Field(() => Float, { nullable: true, description: "Omit for an open-ended count." })
  targetValue?: number | null;

  @Field(() => Float, { nullable: true, description: "Default 0." })
  baseline?: number | null;

  @Field(() => Int)
  year: number;

  @Field(() => ID, { nullable: true, description: "The department in charge, if any." })
  departmentId?: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  dueOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  notes?: string | null;
}

@InputType({
  description:
    "Changes to a target: omitted fields stay; an explicit null clears targetValue, dueOn or notes.",
})
export class UpdateTargetInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => Float, { nullable: true, description: "null makes the count open-ended." })
  targetValue?: number | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  dueOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  notes?: string | null;
}

@InputType({ description: "An increment towards a target." })
export class RecordTargetProgressInput {
  @Field(() => ID)
  targetId: string;

  @Field(() => Float, { description: "How much was done, in the target's unit (> 0)." })
  amount: number;

  @Field(() => String, {
    nullable: true,
    description: "The day it was done (YYYY-MM-DD, not in the future); default today (UTC+8).",
  })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  recordedOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}

@ArgsType()
export class TargetFilterArgs {
  @Field(() => TargetProgramme, { nullable: true })
  programme?: TargetProgramme;

  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => String, { nullable: true, description: "Text to find in the name or code." })
  @MaxLength(100)
  search?: string;

  filters(): Filter[] {
    const { programme, year, search } = this;
    return [
      (a) =>
        programme
          ? { sql: `${a}.programme = :tProgramme`, params: { tProgramme: programme } }
          : null,
      (a) =>
        year === undefined || year === null
          ? null
          : { sql: `${a}.year = :tYear`, params: { tYear: year } },
      (a) =>
        search?.trim()
          ? {
              sql: `(${a}.name ILIKE :tSearch OR ${a}.code ILIKE :tSearch)`,
              params: { tSearch: `%${escapeLike(search.trim())}%` },
            }
          : null,
    ];
  }
}
