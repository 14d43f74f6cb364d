import { Field, ObjectType } from "type-graphql";
import { Role } from "../../auth/role.graphql";

/** The caller, as the platform understands its token. Its fields are resolved in tenancy.resolver.ts. */
@ObjectType("Principal", { description: "The signed-in caller: its role and where it works." })
export class PrincipalType {
  @Field({ description: "The token's subject." })
  subject: string;

  @Field(() => Role)
  role: Role;

  @Field(() => [String], { description: "Codes of the grids the token names (grid staff)." })
  gridCodes: string[];

  @Field(() => String, {
    nullable: true,
    description: "Code of the street office the token names (street officers).",
  })
  streetOfficeCode: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Code of the community the token names (community workers).",
  })
  communityCode: string | null;

  /** Kept for field resolvers; not exposed. */
  districtId: string | null;
  cityId: string;
  departmentCode: string | null;
}
