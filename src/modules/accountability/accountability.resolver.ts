import { scoreInputAfterCommit } from "../../realtime/pubsub";
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { In } from "typeorm";
import { type AuthedContext } from "../../context/context";
import { ConnectionType, PageArgs } from "../../common/connection";
import { badInput, forbidden } from "../../common/errors";
import { fromGlobalId, toGlobalId } from "../../common/ids";
import { idOf } from "../grid/grid.args";
import { Case } from "../cases/case.entity";
import { Supervision } from "../cases/supervision.entity";
import {
  AccountabilityRecord,
  AccountableUnitLevel,
  HandlingFailing,
} from "./accountability.entity";
import {
  AccountabilityCountArgs,
  AccountabilityFilterArgs,
  RecordAccountabilityInput,
} from "./accountability.inputs";
import { ACCOUNTABILITY_READERS, ACCOUNTABILITY_RECORDERS } from "./accountability.policy";
import {
  countAccountability,
  listAccountability,
  recordAccountability,
  UNIT_TYPE,
} from "./accountability.service";

export const AccountabilityRecordConnection = ConnectionType(
  "AccountabilityRecord",
  AccountabilityRecord,
);

@ObjectType({ description: "One unit's accountability records, counted by failing." })
export class AccountabilityCount {
  @Field(() => AccountableUnitLevel)
  unitLevel: AccountableUnitLevel;

  @Field(() => ID, { description: "The unit's global id." })
  unitId: string;

  @Field(() => Int)
  irregularHandling: number;

  @Field(() => Int)
  weakResolution: number;

  @Field(() => Int)
  lowSatisfaction: number;

  @Field(() => Int)
  inaction: number;

  @Field(() => Int)
  misconduct: number;

  @Field(() => Int)
  total: number;
}

/** Records are kept per district; every reader and recorder is a district role. */
function ownDistrict(ctx: AuthedContext): string {
  const id = ctx.principal.districtId;
  if (!id) throw forbidden("accountability is kept per district; a city-scope caller has none");
  return id;
}

/** Any unit's global id, for filtering: the level follows from the id's type. */
function anyUnitId(globalId: string): string {
  const ref = fromGlobalId(globalId);
  if (!ref || !Object.values(UNIT_TYPE).includes(ref.type))
    throw badInput("unitId", "not a District, StreetOffice, Community, Grid or Department id");
  return ref.id;
}

@Resolver(() => AccountabilityRecord)
export class AccountabilityResolver {
  @Authorized(...ACCOUNTABILITY_RECORDERS)
  @Mutation(() => AccountabilityRecord, {
    description:
      "追责问责: records accountability for the handling of a case (inspector, supervision office).",
  })
  async recordAccountability(
    @Arg("input") i: RecordAccountabilityInput,
    @Ctx() ctx: AuthedContext,
  ): Promise<AccountabilityRecord> {
    const caller = { subject: ctx.principal.subject, districtId: ownDistrict(ctx) };
    const data = {
      caseId: idOf(i.caseId, "Case", "caseId"),
      supervisionId: i.supervisionId ? idOf(i.supervisionId, "Supervision", "supervisionId") : null,
      unitLevel: i.unitLevel,
      unitId: idOf(i.unitId, UNIT_TYPE[i.unitLevel], "unitId"),
      person: i.person ?? null,
      failing: i.failing,
      outcome: i.outcome,
      sanction: i.sanction,
      decidedOn: i.decidedOn,
    };
    const at = ctx.clock.now();
    const recorded = await ctx.db.run((m) => recordAccountability(m, caller, data, at));
    scoreInputAfterCommit(ctx.db, ctx.pubSub, {
      districtId: recorded.districtId,
      kind: "accountability",
    });
    return recorded;
  }

  @Authorized(...ACCOUNTABILITY_READERS)
  @Query(() => AccountabilityRecordConnection, {
    description:
      "Accountability records of the caller's district, newest first (district admin, inspectors, supervision office).",
  })
  accountabilityRecords(
    @Args() page: PageArgs,
    @Args() f: AccountabilityFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    return listAccountability(
      ctx.db,
      {
        districtId: ownDistrict(ctx),
        caseId: f.caseId ? idOf(f.caseId, "Case", "caseId") : undefined,
        unitId: f.unitId ? anyUnitId(f.unitId) : undefined,
        failing: f.failing ?? undefined,
        from: f.from ?? undefined,
        to: f.to ?? undefined,
      },
      page,
    );
  }

  @Authorized(...ACCOUNTABILITY_READERS)
  @Query(() => [AccountabilityCount], {
    description:
      "Accountability records per unit of one level, by failing, decided between from and to (both days included); units without records are left out.",
  })
  async accountabilityCounts(
    @Args() a: AccountabilityCountArgs,
    @Ctx() ctx: AuthedContext,
  ): Promise<AccountabilityCount[]> {
    const units = await countAccountability(ctx.db, {
      districtId: ownDistrict(ctx),
      unitLevel: a.level,
      from: a.from ?? undefined,
      to: a.to ?? undefined,
    });
    return units.map((u) => ({
      unitLevel: u.unitLevel,
      unitId: toGlobalId(UNIT_TYPE[u.unitLevel], u.unitId),
      irregularHandling: u.counts[HandlingFailing.irregular_handling],
      weakResolution: u.counts[HandlingFailing.weak_resolution],
      lowSatisfaction: u.counts[HandlingFailing.low_satisfaction],
      inaction: u.counts[HandlingFailing.inaction],
      misconduct: u.counts[HandlingFailing.misconduct],
      total: u.total,
    }));
  }

  @FieldResolver(() => ID, { description: "The unit held to account (its level's type)." })
  unitId(@Root() r: AccountabilityRecord): string {
    return toGlobalId(UNIT_TYPE[r.unitLevel], r.unitId);
  }

  @FieldResolver(() => Case)
  async case(@Root() r: AccountabilityRecord, @Ctx() ctx: AuthedContext): Promise<Case> {
    return (await ctx.loaders.entity(Case).load(r.caseId))!;
  }

  @FieldResolver(() => Supervision, { nullable: true })
  async supervision(
    @Root() r: AccountabilityRecord,
    @Ctx() ctx: AuthedContext,
  ): Promise<Supervision | null> {
    return r.supervisionId ? await ctx.loaders.entity(Supervision).load(r.supervisionId) : null;
  }
}

/**
 * A case's accountability, for the same roles as the list: any other caller asking for it is
 * refused (FORBIDDEN) rather than shown an empty list, which would read as "none".
 */
@Resolver(() => Case)
export class CaseAccountabilityResolver {
  @Authorized(...ACCOUNTABILITY_READERS)
  @FieldResolver(() => [AccountabilityRecord], {
    description:
      "Accountability recorded for this case, oldest first (district admin, inspectors, supervision office; FORBIDDEN to others).",
  })
  accountability(@Root() c: Case, @Ctx() ctx: AuthedContext): Promise<AccountabilityRecord[]> {
    return ctx.loaders
      .batch<string, AccountabilityRecord[]>("accountabilityByCase", async (caseIds) => {
        const rows = await ctx.db.run((m) =>
          m.find(AccountabilityRecord, {
            where: { districtId: In(ctx.loaders.districtIds), caseId: In([...caseIds]) },
            order: { id: "ASC" },
          }),
        );
        return caseIds.map((id) => rows.filter((r) => r.caseId === id));
      })
      .load(c.id);
  }
}
