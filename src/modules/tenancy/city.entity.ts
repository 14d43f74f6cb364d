import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { Node } from "../../common/node";
import { toGlobalId } from "../../common/ids";

/** A city (市): a reference table shared by its districts, never itself a tenant. */
@Entity({ name: "city" })
@ObjectType({
  implements: Node,
  description: "A city (市) and the districts that are its tenants.",
})
export class City implements Node {
  @PrimaryColumn("uuid")
  id: string;

  @Field({ description: "Stable code, e.g. `benxi`." })
  @Column("text")
  code: string;

  @Field({ description: "Official name, e.g. 本溪市." })
  @Column("text")
  name: string;

  @Field(() => ID, { name: "id", description: "Opaque global id (Relay)." })
  get globalId(): string {
    return toGlobalId("City", this.id);
  }
}
