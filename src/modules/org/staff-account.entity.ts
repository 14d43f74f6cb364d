import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { Node } from "../../common/node";
import { Role } from "../../auth/role.graphql";
import { toGlobalId } from "../../common/ids";

/**
 * An account of the district's staff, matched to tokens by `subject`. The identity provider owns
 * the credentials; this row holds what the district knows about the person's post.
 */
@Entity({ name: "staff_account" })
@ObjectType({ implements: Node, description: "A staff account of the district." })
export class StaffAccount implements Node {
  @PrimaryColumn("uuid", { name: "district_id" })
  districtId: string;

  @PrimaryColumn("uuid")
  id: string;

  @Field({ description: "The token subject (`sub`) this account belongs to." })
  @Column("text")
  subject: string;

  @Field()
  @Column("text", { name: "display_name" })
  displayName: string;

  @Field(() => Role)
  @Column("text")
  role: Role;

  @Column("uuid", { name: "department_id", nullable: true })
  departmentId: string | null;

  @Field()
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field(() => ID, { name: "id", description: "Opaque global id (Relay)." })
  get globalId(): string {
    return toGlobalId("StaffAccount", this.id);
  }
}
