import { Column, CreateDateColumn, Entity } from "typeorm";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../common/node";
import { TenantRow } from "../../common/tenant-row";

/** The kinds of units a street's joint committee (大工委) brings together. */
export enum JointUnitKind {
  government_agency = "government_agency",
  enterprise = "enterprise",
  school = "school",
  hospital = "hospital",
  property_management = "property_management",
  police_station = "police_station",
  social_organization = "social_organization",
  other = "other",
}
registerEnumType(JointUnitKind, {
  name: "JointUnitKind",
  description:
    "A joint committee unit's kind: an agency's local office, an enterprise, a school, a hospital, a property management company, a police station, a social organization, other.",
});

@Entity({ name: "joint_committee_unit" })
@ObjectType({
  implements: Node,
  description:
    "A unit of a street office's joint committee (大工委): an agency, company or institution in the street's area that the street office can pull into a case before it refers the case up.",
})
export class JointCommitteeUnit extends TenantRow implements Node {
  @Column("uuid", { name: "street_office_id" })
  streetOfficeId: string;

  @Field()
  @Column("text")
  name: string;

  @Field(() => JointUnitKind)
  @Column("text")
  kind: JointUnitKind;

  @Field(() => String, { nullable: true, description: "Who the street office calls there." })
  @Column("text", { name: "contact_name", nullable: true })
  contactName: string | null;

  /** Served masked to most callers: see JointUnitResolver.contactPhone. */
  @Column("text", { name: "contact_phone", nullable: true })
  contactPhone: string | null;

  @Field({ description: "Still on the committee: only active units are pulled into new cases." })
  @Column("boolean")
  active: boolean;

  @Field()
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
