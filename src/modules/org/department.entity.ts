import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { Node } from "../../common/node";
import { toGlobalId } from "../../common/ids";

/** A district department (区直部门), e.g. housing and construction. Tenant-owned. */
@Entity({ name: "department" })
@ObjectType({ implements: Node, description: "A department of the district (区直部门)." })
export class Department implements Node {
  @PrimaryColumn("uuid", { name: "district_id" })
  districtId: string;

  @PrimaryColumn("uuid")
  id: string;

  @Field({ description: "Stable code within the district, e.g. `housing`." })
  @Column("text")
  code: string;

  @Field({ description: "Name, e.g. 区住房和城乡建设局." })
  @Column("text")
  name: string;

  @Field()
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;

  @Field(() => ID, { name: "id", description: "Opaque global id (Relay)." })
  get globalId(): string {
    return toGlobalId("Department", this.id);
  }
}
