import { ArgsType, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { ArrayMaxSize, IsOptional, Matches } from "class-validator";
import { ConnectionType } from "../../common/connection";
import { Case } from "./case.entity";
import { CaseEvent } from "./case-event.entity";
import { CaseChannel, CaseStatus, DeadlineKind } from "./case.enums";

/** The GraphQL shapes of the case queries and streams (beside the entities themselves). */

export enum CaseOrder {
  newest = "newest",
  oldest = "oldest",
}
registerEnumType(CaseOrder, { name: "CaseOrder", description: "By time of receipt." });

export const CaseConnection = ConnectionType("Case", Case);

@ObjectType({
  description:
    "The complainant, masked unless the caller handles the case; reads in full are recorded in the read audit.",
})
export class Complainant {
  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field({ description: "Whether name and phone are shown in full." })
  visible: boolean;
}

@ArgsType()
export class CaseFilterArgs {
  @Field(() => [CaseStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(9)
  status?: CaseStatus[];

  @Field(() => CaseChannel, { nullable: true })
  channel?: CaseChannel;

  @Field({ nullable: true, description: "Category code." })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{1,39}$/)
  category?: string;

  @Field(() => ID, { nullable: true })
  streetOfficeId?: string;

  @Field(() => ID, { nullable: true })
  gridId?: string;

  @Field(() => ID, { nullable: true, description: "Cases this department is or was assigned." })
  departmentId?: string;

  @Field({
    nullable: true,
    description:
      "Overdue as `Case.overdue` says: open, at or past the resolution due time, or breached.",
  })
  overdue?: boolean;

  @Field({ nullable: true })
  supervised?: boolean;

  @Field({ nullable: true })
  escalated?: boolean;

  @Field({ nullable: true, description: "Received at or after." })
  receivedFrom?: Date;

  @Field({ nullable: true, description: "Received before." })
  receivedTo?: Date;

  @Field(() => CaseOrder, { nullable: true, description: "Default newest first." })
  orderBy?: CaseOrder;
}

@ArgsType()
// Read once by the stream when the subscription starts (no validators); each delivered event
// re-runs the field's resolver, so its arguments are not validated again per event.
export class StreamArgs {
  @Field(() => String, {
    nullable: true,
    description:
      "The cursor of the last event you received: first every event you missed, then live ones.",
  })
  after?: string;

  @Field(() => ID, { nullable: true })
  streetOfficeId?: string;

  @Field(() => ID, { nullable: true })
  gridId?: string;

  @Field(() => ID, { nullable: true, description: "Cases assigned to this department." })
  departmentId?: string;

  @Field(() => [CaseStatus], { nullable: true, description: "The case's status after the event." })
  status?: CaseStatus[];
}

@ObjectType({
  description: "A case event as delivered to a subscriber, with the case as it is now.",
})
export class CaseEventMessage {
  @Field({ description: "Pass as `after` when subscribing again, to miss nothing." })
  cursor: string;

  @Field(() => CaseEvent)
  event: CaseEvent;

  @Field(() => Case)
  case: Case;
}

@ObjectType({ description: "A deadline warning or breach." })
export class CaseDeadlineMessage extends CaseEventMessage {
  @Field(() => DeadlineKind)
  kind: DeadlineKind;

  @Field({ description: "`resolution` or `reply`." })
  limit: string;
}

@ObjectType("CaseEventEdge")
export class CaseEventEdge {
  @Field()
  cursor: string;

  @Field(() => CaseEvent)
  node: CaseEvent;
}

@ObjectType({ description: "A page of the district's case event log, oldest first." })
export class CaseEventPage {
  @Field(() => [CaseEventEdge])
  edges: CaseEventEdge[];

  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page." })
  endCursor: string | null;
}
