import { Column, Entity } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../../common/node";
import { TenantRow } from "../../common/tenant-row";
import { SupervisionTrigger } from "./case.enums";

@Entity({ name: "supervision" })
@ObjectType({
  implements: Node,
  description: "Supervision by discipline inspection (纪检监察督办).",
})
export class Supervision extends TenantRow implements Node {
  @Column("uuid", { name: "case_id" })
  caseId: string;

  @Field(() => SupervisionTrigger)
  @Column("text")
  trigger: SupervisionTrigger;

  @Field()
  @Column("text")
  reason: string;

  @Field()
  @Column("text")
  status: "open" | "concluded";

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  findings: string | null;

  @Field()
  @Column("text", { name: "opened_by" })
  openedBy: string;

  @Field()
  @Column("timestamptz", { name: "opened_at" })
  openedAt: Date;

  @Field(() => String, { nullable: true })
  @Column("text", { name: "concluded_by", nullable: true })
  concludedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column("timestamptz", { name: "concluded_at", nullable: true })
  concludedAt: Date | null;
}
