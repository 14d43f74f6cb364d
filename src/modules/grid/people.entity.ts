import { Column, Entity, UpdateDateColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../../common/node";
import { TenantRow } from "../../common/tenant-row";
import {
  CommitteeRole,
  CommitteeStatus,
  Gender,
  GridPost,
  OrganizationKind,
  PersonTag,
} from "./grid.enums";

/**
 * A person known to the grid. Only the name is a plain field: the rest goes through Person's
 * field resolvers, which mask phone and ID unless the caller's role needs them, and show a
 * resident nothing but the names of others.
 */
@Entity({ name: "person" })
@ObjectType({ implements: Node, description: "A person registered in a grid." })
export class Person extends TenantRow implements Node {
  @Column("uuid", { name: "grid_id" })
  gridId: string;

  @Column("uuid", { name: "household_id", nullable: true })
  householdId: string | null;

  @Field()
  @Column("text")
  name: string;

  @Column("text", { nullable: true })
  gender: Gender | null;

  @Column("integer", { name: "birth_year", nullable: true })
  birthYear: number | null;

  @Column("text", { nullable: true })
  phone: string | null;

  @Column("text", { name: "id_number", nullable: true })
  idNumber: string | null;

  @Column("text", { array: true })
  tags: PersonTag[];

  @Column("text", { nullable: true })
  subject: string | null;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}

@Entity({ name: "organization" })
@ObjectType({
  implements: Node,
  description: "An enterprise, school, shop or other organization in a grid.",
})
export class Organization extends TenantRow implements Node {
  @Column("uuid", { name: "grid_id" })
  gridId: string;

  @Field(() => OrganizationKind)
  @Column("text")
  kind: OrganizationKind;

  @Field()
  @Column("text")
  name: string;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  address: string | null;
}

@Entity({ name: "staff_assignment" })
@ObjectType({
  implements: Node,
  description: "A person's post in a grid's chain of responsibility, for a period.",
})
export class StaffAssignment extends TenantRow implements Node {
  @Column("uuid", { name: "person_id" })
  personId: string;

  @Column("uuid", { name: "grid_id" })
  gridId: string;

  @Column("uuid", { name: "building_id", nullable: true })
  buildingId: string | null;

  @Column("uuid", { name: "unit_id", nullable: true })
  unitId: string | null;

  @Field(() => GridPost)
  @Column("text")
  role: GridPost;

  @Field({ description: "First day of the post (YYYY-MM-DD)." })
  @Column("date", { name: "starts_on" })
  startsOn: string;

  @Field(() => String, { nullable: true, description: "Last day of the post; null while held." })
  @Column("date", { name: "ends_on", nullable: true })
  endsOn: string | null;

  /** The post's holder when it was read with the post (a grid's staff); no column. */
  holder?: Person;
}

@Entity({ name: "owner_committee" })
@ObjectType({ implements: Node, description: "An owner committee (业主委员会) of one compound." })
export class OwnerCommittee extends TenantRow implements Node {
  @Column("uuid", { name: "compound_id" })
  compoundId: string;

  @Field()
  @Column("text")
  name: string;

  @Field(() => CommitteeStatus)
  @Column("text")
  status: CommitteeStatus;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" })
  @Column("date", { name: "election_date", nullable: true })
  electionDate: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" })
  @Column("date", { name: "term_start", nullable: true })
  termStart: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" })
  @Column("date", { name: "term_end", nullable: true })
  termEnd: string | null;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}

@Entity({ name: "committee_member" })
@ObjectType({ implements: Node, description: "A member of an owner committee." })
export class CommitteeMember extends TenantRow implements Node {
  @Column("uuid", { name: "committee_id" })
  committeeId: string;

  @Column("uuid", { name: "person_id" })
  personId: string;

  @Field(() => CommitteeRole)
  @Column("text")
  role: CommitteeRole;
}
