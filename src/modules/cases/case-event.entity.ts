import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { CaseAction, CaseStatus } from "./case.enums";

@Entity({ name: "case_log_head" })
export class CaseLogHead {
  @PrimaryColumn("uuid", { name: "district_id" })
  districtId: string;

  @PrimaryColumn("uuid")
  id: string;

  @Column("bigint")
  position: string;
}

@Entity({ name: "case_event" })
@ObjectType({ description: "An entry of a case's event log." })
export class CaseEvent {
  @PrimaryColumn("uuid", { name: "district_id" })
  districtId: string;

  @PrimaryColumn("uuid")
  id: string;

  /** Position in the district's log (bigint, as a string). */
  @Column("bigint")
  position: string;

  @Column("uuid", { name: "case_id" })
  caseId: string;

  @Field(() => CaseAction)
  @Column("text")
  action: CaseAction;

  @Field({ description: "Subject of who acted (`system` for the deadline watcher)." })
  @Column("text")
  actor: string;

  @Field()
  @Column("text", { name: "actor_role" })
  actorRole: string;

  @Field(() => CaseStatus, { nullable: true })
  @Column("text", { name: "from_status", nullable: true })
  fromStatus: CaseStatus | null;

  @Field(() => CaseStatus)
  @Column("text", { name: "to_status" })
  toStatus: CaseStatus;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  note: string | null;

  @Column("jsonb")
  data: Record<string, unknown>;

  @Field()
  @Column("timestamptz")
  at: Date;

  @Field({ description: "Position in the district's log: resume a subscription after it." })
  get cursor(): string {
    return this.position;
  }
}
