import { Arg, Authorized, Ctx, ID, Query, Resolver } from "type-graphql";
import { Node } from "../../common/node";
import { type AuthedContext } from "../../context/context";
import { type Loaders } from "../../context/loaders";
import { fromGlobalId } from "../../common/ids";
import { PEOPLE_READERS, type Role, STAFF_READERS, STAFF_ROLES } from "../../auth/roles";
import { cityLoader, districtLoader } from "../tenancy/tenancy.loaders";
import { Department } from "../org/department.entity";
import { StaffAccount } from "../org/staff-account.entity";
import { NODE_ENTITIES } from "../grid/grid.entities";
import { Case } from "../cases/case.entity";
import { CASE_NODE_ENTITIES } from "../cases/case.entities";
import { maySeeCase } from "../cases/case.policy";
import { TARGET_NODE_ENTITIES } from "../targets/target.entity";
import { AccountabilityRecord } from "../accountability/accountability.entity";
import { ACCOUNTABILITY_READERS } from "../accountability/accountability.policy";
import { PatrolRecord } from "../patrols/patrol.entity";
import { RewardPenalty } from "../patrols/reward.entity";
import { maySeePatrol, maySeeReward } from "../patrols/patrol.policy";

/** Node types that are tenant rows, loaded with `loaders.entity`. */
const ENTITIES: Record<string, new () => { id: string; districtId: string }> = {
  Department,
  StaffAccount,
  ...NODE_ENTITIES,
  ...CASE_NODE_ENTITIES,
  ...TARGET_NODE_ENTITIES,
  AccountabilityRecord,
  PatrolRecord,
  RewardPenalty,
};

/** The reference tables' loaders. A type missing here and above cannot be refetched by id. */
const LOADER_OF: Partial<Record<string, (l: Loaders) => { load(id: string): Promise<unknown> }>> = {
  City: cityLoader,
  District: districtLoader,
};

/** Types that only some roles may read: the same roles as the lists that show them. */
const ROLES_OF: Partial<Record<string, readonly Role[]>> = {
  StaffAccount: STAFF_READERS,
  Person: PEOPLE_READERS,
  Household: PEOPLE_READERS,
  ToiletSurvey: PEOPLE_READERS,
  AccountabilityRecord: ACCOUNTABILITY_READERS,
  JointCommitteeUnit: STAFF_ROLES,
  CaseUnitEngagement: STAFF_ROLES,
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
    if (!ref) return null;
    // Own properties only: a type named `constructor` or `toString` is no type of ours.
    const loader = Object.hasOwn(LOADER_OF, ref.type) ? LOADER_OF[ref.type] : undefined;
    const entity = Object.hasOwn(ENTITIES, ref.type) ? ENTITIES[ref.type] : undefined;
    if (!loader && !entity) return null;
    const roles = Object.hasOwn(ROLES_OF, ref.type) ? ROLES_OF[ref.type] : undefined;
    if (ref.type === "City" && ref.id !== ctx.principal.cityId) return null;
    const row = (await (loader
      ? loader(ctx.loaders).load(ref.id)
      : ctx.loaders.entity(entity!).load(ref.id))) as (Node & { subject?: string | null }) | null;
    if (roles && !roles.includes(ctx.principal.role)) {
      // A resident may refetch its own person record, and nothing else of the register.
      const own = ref.type === "Person" && row?.subject === ctx.principal.subject;
      if (!own) return null;
    }
    // Grid work is seen under its lists' rules (a grid's staff, a unit's own).
    if (row instanceof PatrolRecord) return (await maySeePatrol(ctx, row)) ? row : null;
    if (row instanceof RewardPenalty) return (await maySeeReward(ctx, row)) ? row : null;
    // Cases, and what belongs to a case, are seen under the case's rule.
    if (row && (row instanceof Case || "caseId" in row)) {
      const c =
        row instanceof Case
          ? row
          : await ctx.loaders.entity(Case).load((row as { caseId: string }).caseId);
      if (!c || !(await maySeeCase(ctx, c))) return null;
    }
    return row;
  }
}
