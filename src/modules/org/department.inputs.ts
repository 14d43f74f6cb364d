import { ArgsType, Field, ID, InputType } from "type-graphql";
import { Length, Matches, MaxLength } from "class-validator";

@ArgsType()
export class DepartmentFilterArgs {
  @Field(() => String, { nullable: true, description: "Text to find in the name or code." })
  @MaxLength(100)
  search?: string;
}

@InputType({ description: "A new department of the caller's district." })
export class CreateDepartmentInput {
  @Field({
    description: "Stable code: lowercase letters, digits and underscores, 2–40 characters.",
  })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, {
    message: "use 2–40 lowercase letters, digits or underscores, starting with a letter",
  })
  code: string;

  @Field()
  @Length(1, 100)
  name: string;
}

@InputType({ description: "A department's new name." })
export class RenameDepartmentInput {
  @Field(() => ID)
  id: string;

  @Field()
  @Length(1, 100)
  name: string;
}
