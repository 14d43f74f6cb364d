import { ArgsType, Field, ID } from "type-graphql";
import { MaxLength } from "class-validator";
import { PersonalRecordKind } from "./read.entity";

@ArgsType()
export class ReadTimeArgs {
  @Field({ nullable: true, description: "Read at or after this time." })
  from?: Date;

  @Field({ nullable: true, description: "Read before this time." })
  to?: Date;
}

@ArgsType()
export class ReadFilterArgs extends ReadTimeArgs {
  @Field(() => String, { nullable: true, description: "Reads by this token subject." })
  @MaxLength(200)
  readerSubject?: string;

  @Field(() => PersonalRecordKind, { nullable: true })
  recordKind?: PersonalRecordKind;

  @Field(() => ID, {
    nullable: true,
    description: "Reads of one record: a Person id, or a Case id for its complainant.",
  })
  recordId?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "Reads of one person's data: its register entry and the complainant of the cases it filed as a resident.",
  })
  personId?: string;
}
