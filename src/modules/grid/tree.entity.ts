import { Column, CreateDateColumn, Entity, UpdateDateColumn } from "typeorm";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { GraphQLJSONObject } from "graphql-scalars";
import { Node } from "../../common/node";
import { TenantRow } from "../../common/tenant-row";
import { CommunityKind, GridKind, LineOfWork } from "./grid.enums";

@Entity({ name: "street_office" })
@ObjectType({ implements: Node, description: "A street office (街道办事处) of the district." })
export class StreetOffice extends TenantRow implements Node {
  @Field({ description: "Stable code within the district, e.g. `beidi`." })
  @Column("text")
  code: string;

  @Field({ description: "Name, e.g. 北地街道." })
  @Column("text")
  name: string;

  @Field()
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}

@Entity({ name: "community" })
@ObjectType({
  implements: Node,
  description:
    "An urban community (社区) or an administrative village (行政村) of a street office.",
})
export class Community extends TenantRow implements Node {
  @Column("uuid", { name: "street_office_id" })
  streetOfficeId: string;

  @Field()
  @Column("text")
  code: string;

  @Field()
  @Column("text")
  name: string;

  @Field(() => CommunityKind)
  @Column("text")
  kind: CommunityKind;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}

@Entity({ name: "grid" })
@ObjectType({ implements: Node, description: "A grid (网格): the unit of accountability." })
export class Grid extends TenantRow implements Node {
  @Column("uuid", { name: "community_id" })
  communityId: string;

  @Column("uuid", { name: "street_office_id" })
  streetOfficeId: string;

  @Field({ description: "Stable code within the district." })
  @Column("text")
  code: string;

  @Field()
  @Column("text")
  name: string;

  @Field(() => GridKind)
  @Column("text")
  kind: GridKind;

  @Field(() => Float, { description: "Latitude of the centroid (WGS 84)." })
  @Column("double precision")
  latitude: number;

  @Field(() => Float, { description: "Longitude of the centroid (WGS 84)." })
  @Column("double precision")
  longitude: number;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: "The boundary as a GeoJSON Polygon or MultiPolygon geometry.",
  })
  @Column("jsonb", { nullable: true })
  boundary: Record<string, unknown> | null;

  @Field(() => [LineOfWork], { description: "Lines of work run through this grid (多网合一)." })
  @Column("text", { name: "lines_of_work", array: true })
  linesOfWork: LineOfWork[];

  @Field(() => Date, { nullable: true, description: "When the grid was retired; null if in use." })
  @Column("timestamptz", { name: "retired_at", nullable: true })
  retiredAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column("text", { name: "retired_reason", nullable: true })
  retiredReason: string | null;

  @Field(() => Int, {
    description: "Incremented by every change; pass it as `expectedVersion` to update safely.",
  })
  @Column("integer")
  version: number;

  @Field()
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}

@Entity({ name: "compound" })
@ObjectType({ implements: Node, description: "A residential compound (小区)." })
export class Compound extends TenantRow implements Node {
  @Column("uuid", { name: "grid_id" })
  gridId: string;

  @Field()
  @Column("text")
  code: string;

  @Field()
  @Column("text")
  name: string;

  @Field(() => String, { nullable: true })
  @Column("text", { nullable: true })
  address: string | null;

  @Field(() => Int, { nullable: true })
  @Column("integer", { name: "year_built", nullable: true })
  yearBuilt: number | null;

  @Field(() => Int, { description: "Buildings, as registered." })
  @Column("integer", { name: "building_count" })
  buildingCount: number;

  @Field(() => Int, { description: "Households, as registered." })
  @Column("integer", { name: "household_count" })
  householdCount: number;

  @Field({ description: "An old residential compound (老旧小区)." })
  @Column("boolean", { name: "is_old" })
  isOld: boolean;

  @Field({ description: "Self-managed property (自助化物业管理小区)." })
  @Column("boolean", { name: "self_managed" })
  selfManaged: boolean;
}

@Entity({ name: "building" })
@ObjectType({ implements: Node, description: "A building (楼栋) of a compound." })
export class Building extends TenantRow implements Node {
  @Column("uuid", { name: "compound_id" })
  compoundId: string;

  @Field({ description: "Building number within the compound, e.g. `3`." })
  @Column("text")
  number: string;

  @Field(() => Int, { nullable: true })
  @Column("integer", { nullable: true })
  floors: number | null;
}

@Entity({ name: "building_unit" })
@ObjectType("BuildingUnit", {
  implements: Node,
  description: "A unit (单元, stairwell) of a building.",
})
export class BuildingUnit extends TenantRow implements Node {
  @Column("uuid", { name: "building_id" })
  buildingId: string;

  @Field({ description: "Unit number within the building, e.g. `2`." })
  @Column("text")
  number: string;
}

@Entity({ name: "household" })
@ObjectType({ implements: Node, description: "A household (户)." })
export class Household extends TenantRow implements Node {
  @Column("uuid", { name: "grid_id" })
  gridId: string;

  @Column("uuid", { name: "compound_id", nullable: true })
  compoundId: string | null;

  @Column("uuid", { name: "unit_id", nullable: true })
  unitId: string | null;

  @Field(() => String, { nullable: true, description: "Villager group (村民小组), rural only." })
  @Column("text", { name: "villager_group", nullable: true })
  villagerGroup: string | null;

  @Field()
  @Column("text")
  address: string;
}
