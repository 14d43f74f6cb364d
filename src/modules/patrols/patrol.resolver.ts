import { scoreInputAfterCommit } from "../../realtime/pubsub";
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { type AuthedContext } from "../../context/context";
import { writableDistrict } from "../../auth/principal";
import { badInput } from "../../common/errors";
import { ConnectionType, PageArgs } from "../../common/connection";
import { idOf } from "../grid/grid.args";
import { reachOf } from "../grid/grid.policy";
import { Building, Compound, Grid, Household } from "../grid/tree.entity";
import { Case } from "../cases/case.entity";
import { maySeeCase } from "../cases/case.policy";
import { PatrolRecord } from "./patrol.entity";
import { PatrolFilterArgs, RecordPatrolInput } from "./patrol.inputs";
import { PATROL_READERS, PATROL_RECORDERS, gridWorkViewer, patrolScope } from "./patrol.policy";
import { listPatrols, recordPatrol } from "./patrol.service";
import { checkedDays } from "./days";

export const PatrolRecordConnection = ConnectionType("PatrolRecord", PatrolRecord);

const optionalId = (v: string | null | undefined, type: string, field: string) =>
  v ? idOf(v, type, field) : null;

/** Trimmed text, null when absent; blank text stays "" for the service to refuse. */
const trimmed = (v: string | null | undefined) => (v === null || v === undefined ? null : v.trim());

/**
 * The patrol and visit log (每日巡查走访). The resolver translates: the caller and its grids from
 * the token, global ids decoded naming the input's fields, the platform's clock; the rules are
 * the service's.
 */
@Resolver(() => PatrolRecord)
export class PatrolResolver {
  @Authorized(...PATROL_RECORDERS)
  @Mutation(() => PatrolRecord, {
    description:
      "Records a patrol or household visit of one of the caller's grids (grid worker, grid chief). The same record sent again returns the first.",
  })
  async recordPatrol(
    @Arg("input") i: RecordPatrolInput,
    @Ctx() ctx: AuthedContext,
  ): Promise<PatrolRecord> {
    const districtId = writableDistrict(ctx.principal);
    const reach = await reachOf(ctx);
    const caller = { subject: ctx.principal.subject, districtId, gridIds: reach.gridIds };
    const data = {
      gridId: idOf(i.gridId, "Grid", "gridId"),
      kind: i.kind,
      at: i.at,
      householdId: optionalId(i.householdId, "Household", "householdId"),
      compoundId: optionalId(i.compoundId, "Compound", "compoundId"),
      buildingId: optionalId(i.buildingId, "Building", "buildingId"),
      place: trimmed(i.place) || null,
      observation: i.observation.trim(),
      caseId: optionalId(i.caseId, "Case", "caseId"),
    };
    if (i.place !== null && i.place !== undefined && !data.place)
      throw badInput("place", "name the place, or leave it out");
    const now = ctx.clock.now();
    const recorded = await ctx.db.run((m) => recordPatrol(m, caller, data, now));
    scoreInputAfterCommit(ctx.db, ctx.pubSub, { districtId: recorded.districtId, kind: "patrol" });
    return recorded;
  }

  @Authorized(...PATROL_READERS)
  @Query(() => PatrolRecordConnection, {
    description:
      "Patrols and visits, newest first: the district's for the district admin, command center, inspectors and supervision office; a street office's grids for its officer; their own grids for grid staff.",
  })
  async patrolRecords(
    @Args() page: PageArgs,
    @Args() f: PatrolFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    const districtId = writableDistrict(ctx.principal);
    const days = checkedDays(f.from, f.to);
    const scope = patrolScope(await gridWorkViewer(ctx));
    return listPatrols(
      ctx.db,
      {
        districtId,
        scope,
        gridId: optionalId(f.gridId, "Grid", "gridId") ?? undefined,
        communityId: optionalId(f.communityId, "Community", "communityId") ?? undefined,
        streetOfficeId: optionalId(f.streetOfficeId, "StreetOffice", "streetOfficeId") ?? undefined,
        recordedBy: f.recordedBy ?? undefined,
        kind: f.kind ?? undefined,
        ...days,
      },
      page,
    );
  }

  @FieldResolver(() => Grid)
  async grid(@Root() r: PatrolRecord, @Ctx() ctx: AuthedContext): Promise<Grid> {
    return (await ctx.loaders.entity(Grid).load(r.gridId))!;
  }

  @FieldResolver(() => Household, { nullable: true, description: "A visit's household." })
  household(@Root() r: PatrolRecord, @Ctx() ctx: AuthedContext) {
    return r.householdId ? ctx.loaders.entity(Household).load(r.householdId) : null;
  }

  @FieldResolver(() => Compound, { nullable: true })
  compound(@Root() r: PatrolRecord, @Ctx() ctx: AuthedContext) {
    return r.compoundId ? ctx.loaders.entity(Compound).load(r.compoundId) : null;
  }

  @FieldResolver(() => Building, { nullable: true })
  building(@Root() r: PatrolRecord, @Ctx() ctx: AuthedContext) {
    return r.buildingId ? ctx.loaders.entity(Building).load(r.buildingId) : null;
  }

  @FieldResolver(() => Case, {
    nullable: true,
    description: "The case this raised, if any (null too when the caller may not see it).",
  })
  async raisedCase(@Root() r: PatrolRecord, @Ctx() ctx: AuthedContext): Promise<Case | null> {
    if (!r.raisedCaseId) return null;
    const c = await ctx.loaders.entity(Case).load(r.raisedCaseId);
    return c && (await maySeeCase(ctx, c)) ? c : null;
  }
}
