import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Role } from "../../auth/roles";

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
 * in full to a caller. Written by the server only (context/read-audit.ts), never changed. Like a
 * case event, an entry of a log rather than an object: no Node, no global id; edges have cursors.
 */
@Entity({ name: "personal_data_read" })
@ObjectType({
  description:
    "A read of unmasked personal data: who read which record's fields, when, through which operation.",
})
export class PersonalDataRead {
  @PrimaryColumn("uuid", { name: "district_id" })
  districtId: string;

  @PrimaryColumn("uuid")
  id: string;

  @Column("text", { name: "reader_subject" })
  readerSubject: string;

  @Column("text", { name: "reader_role" })
  readerRole: Role;

  @Field({ description: "When the data was served, by the server's clock." })
  @Column("timestamptz", { name: "read_at" })
  at: Date;

  @Field(() => PersonalRecordKind)
  @Column("text", { name: "record_kind" })
  recordKind: PersonalRecordKind;

  /** The person's or the case's id (served as a global id by the resolver). */
  @Column("uuid", { name: "record_id" })
  recordId: string;

  @Field(() => [PersonalField], { description: "The fields served in full." })
  @Column("text", { array: true })
  fields: PersonalField[];

  @Field(() => String, {
    nullable: true,
    description: "The operation's name as the client sent it; null for an anonymous operation.",
  })
  @Column("text", { name: "operation_name", nullable: true })
  operationName: string | null;

  @Field(() => OperationType)
  @Column("text", { name: "operation_type" })
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
