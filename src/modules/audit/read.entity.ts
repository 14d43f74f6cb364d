import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Role } from "../../auth/role.graphql";

export enum PersonalRecordKind {
  person = "person",
  case_complainant = "case_complainant",
}

export enum PersonalField {
  phone = "phone",
  id_number = "id_number",
  name = "name",
}

export enum OperationType {
  query = "query",
  mutation = "mutation",
  subscription = "subscription",
}

registerEnumType(PersonalRecordKind, {
  name: "PersonalRecordKind",
  description: "Which kind of record's personal data was read.",
  valuesConfig: {
    person: { description: "A person of the register (phone, ID number)." },
    case_complainant: { description: "The complainant of a case (name, phone)." },
  },
});
registerEnumType(PersonalField, {
  name: "PersonalField",
  description: "A field of personal data that has a masked form.",
});
registerEnumType(OperationType, { name: "OperationType" });

/**
 * One read of unmasked personal data: a record whose phone, ID number or name an operation served
 * in full to a caller. Written by the server only (context/read-audit-writes.ts), never changed; stored
 * in batches (one row per operation, kind and set of fields, naming the set of its records, which
 * is kept once per district) and listed one entry per record (read.service.ts). Like a case
 * event, an entry of a log rather than an object: no Node, no global id; edges have cursors.
 */
@ObjectType({
  description:
    "A read of unmasked personal data: who read which record's fields, when, through which operation.",
})
export class PersonalDataRead {
  districtId: string;

  /** The stored batch's id (time-ordered); with `n`, the entry's place in the log. */
  id: string;

  /** The record's place in its batch, from 1. */
  n: number;

  readerSubject: string;

  readerRole: Role;

  @Field({ description: "When the data was served, by the server's clock." })
  at: Date;

  @Field(() => PersonalRecordKind)
  recordKind: PersonalRecordKind;

  /** The person's or the case's id (served as a global id by the resolver). */
  recordId: string;

  @Field(() => [PersonalField], { description: "The fields served in full." })
  fields: PersonalField[];

  @Field(() => String, {
    nullable: true,
    description: "The operation's name as the client sent it; null for an anonymous operation.",
  })
  operationName: string | null;

  @Field(() => OperationType)
  operationType: OperationType;
}

@ObjectType({ description: "Who read personal data." })
export class PersonalDataReader {
  @Field({ description: "The token subject of the reader." })
  subject: string;

  @Field(() => Role)
  role: Role;

  @Field(() => String, {
    nullable: true,
    description: "The name on the district's staff account for this subject, if it has one.",
  })
  displayName: string | null;
}
