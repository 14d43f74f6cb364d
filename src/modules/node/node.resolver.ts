import { Arg, Authorized, Ctx, ID, Query, Resolver } from "type-graphql";
import { Node } from "./node.interface";
import { type AuthedContext } from "../../context/context";
import { fromGlobalId } from "../../common/ids";
import { type Loaders } from "../../context/loaders";
import { type Role, STAFF_READERS } from "../tenancy/roles";

/** Which loader fetches each Node type. A type missing here cannot be refetched by id. */
const LOADER_OF: Record<string, keyof Loaders> = {
  City: "city",
  District: "district",
  Department: "department",
  StaffAccount: "staffAccount",
};

/** Types that only some roles may read: the same roles as the lists that show them. */
const ROLES_OF: Partial<Record<string, readonly Role[]>> = {
  StaffAccount: STAFF_READERS,
};

@Resolver()
export class NodeResolver {
  @Authorized()
  @Query(() => Node, {
    nullable: true,
    description:
      "Refetches any object by its global id; null when it does not exist or is not yours to see.",
  })
  async node(@Arg("id", () => ID) id: string, @Ctx() ctx: AuthedContext): Promise<Node | null> {
    const ref = fromGlobalId(id);
    const loader = ref && LOADER_OF[ref.type];
    if (!ref || !loader) return null;
    const roles = ROLES_OF[ref.type];
    if (roles && !roles.includes(ctx.principal.role)) return null;
    if (ref.type === "City" && ref.id !== ctx.principal.cityId) return null;
    return (await ctx.loaders[loader].load(ref.id)) as Node | null;
  }
}
