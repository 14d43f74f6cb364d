import { scoreInputAfterCommit } from "../../realtime/pubsub";
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { type AuthedContext } from "../../context/context";
import { writableDistrict } from "../../auth/principal";
import { ConnectionType, PageArgs } from "../../common/connection";
import { fromGlobalId, toGlobalId } from "../../common/ids";
import { badInput } from "../../common/errors";
import { idOf } from "../grid/grid.args";
import { RewardPenalty } from "./reward.entity";
import { RecordRewardPenaltyInput, RewardFilterArgs } from "./patrol.inputs";
import { gridWorkViewer, REWARD_READERS, REWARD_WRITERS, rewardScope } from "./patrol.policy";
import { listRewardPenalties, recordRewardPenalty, REWARD_UNIT_TYPE } from "./reward.service";
import { checkedDays } from "./days";

export const RewardPenaltyConnection = ConnectionType("RewardPenalty", RewardPenalty);

/** Rewards and penalties of grid work (奖惩): entered by the district admin, read by the unit's own. */
@Resolver(() => RewardPenalty)
export class RewardPenaltyResolver {
  @Authorized(...REWARD_WRITERS)
  @Mutation(() => RewardPenalty, {
    description:
      "奖惩: enters a reward (points > 0) or penalty (points < 0) for a grid, community, street office or department, with the reason (district admin).",
  })
  async recordRewardPenalty(
    @Arg("input") i: RecordRewardPenaltyInput,
    @Ctx() ctx: AuthedContext,
  ): Promise<RewardPenalty> {
    const caller = { subject: ctx.principal.subject, districtId: writableDistrict(ctx.principal) };
    const data = {
      unitLevel: i.unitLevel,
      unitId: idOf(i.unitId, REWARD_UNIT_TYPE[i.unitLevel], "unitId"),
      points: i.points,
      reason: i.reason.trim(),
      awardedOn: i.awardedOn,
    };
    const at = ctx.clock.now();
    const recorded = await ctx.db.run((m) => recordRewardPenalty(m, caller, data, at));
    scoreInputAfterCommit(ctx.db, ctx.pubSub, {
      districtId: recorded.districtId,
      kind: "reward_penalty",
    });
    return recorded;
  }

  @Authorized(...REWARD_READERS)
  @Query(() => RewardPenaltyConnection, {
    description:
      "Rewards and penalties (奖惩), newest first: the district's for the district admin, command center, inspectors and supervision office; a unit's own for its staff (grid staff, street officer, community worker, department).",
  })
  async rewardPenalties(
    @Args() page: PageArgs,
    @Args() f: RewardFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    const districtId = writableDistrict(ctx.principal);
    const days = checkedDays(f.from, f.to);
    const scope = rewardScope(await gridWorkViewer(ctx));
    const unitId = f.unitId
      ? f.unitLevel
        ? idOf(f.unitId, REWARD_UNIT_TYPE[f.unitLevel], "unitId")
        : anyUnitId(f.unitId)
      : undefined;
    return listRewardPenalties(
      ctx.db,
      { districtId, scope, unitLevel: f.unitLevel ?? undefined, unitId, ...days },
      page,
    );
  }

  @FieldResolver(() => ID, {
    description: "The unit (a Grid, Community, StreetOffice or Department id).",
  })
  unitId(@Root() r: RewardPenalty): string {
    return toGlobalId(REWARD_UNIT_TYPE[r.unitLevel], r.unitId);
  }
}

/** Any unit's id, for filtering without a level. */
function anyUnitId(globalId: string): string {
  const ref = fromGlobalId(globalId);
  if (!ref || !Object.values(REWARD_UNIT_TYPE).includes(ref.type))
    throw badInput("unitId", "not a Grid, Community, StreetOffice or Department id");
  return ref.id;
}
