import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../common/node";
import { toGlobalId } from "../../common/ids";

export enum DistrictKind {
  district = "district",
  county = "county",
}

registerEnumType(DistrictKind, {
  name: "DistrictKind",
  description: "An urban district (区) or a county (县); both are tenants.",
});

/** A district (区) or county (县): the tenant. A reference table, readable by every principal. */
@Entity({ name: "district" })
@ObjectType({ implements: Node, description: "A district or county: one tenant of the platform." })
export class District implements Node {
  @PrimaryColumn("uuid")
  id: string;

  @Column("uuid", { name: "city_id" })
  cityId: string;

  @Field({ description: "Stable code, e.g. `mingshan`." })
  @Column("text")
  code: string;

  @Field({ description: "Official name, e.g. 明山区." })
  @Column("text")
  name: string;

  @Field(() => DistrictKind)
  @Column("text")
  kind: DistrictKind;

  @Field(() => ID, { name: "id", description: "Opaque global id (Relay)." })
  get globalId(): string {
    return toGlobalId("District", this.id);
  }
}
