import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Float,
  Int,
  Mutation,
  ObjectType,
  Resolver,
  Root,
} from "type-graphql";
import { type AuthedContext } from "../../context/context";
import { writableDistrict } from "../../auth/principal";
import { ConnectionType, PageArgs } from "../../common/connection";
import { childList } from "../../common/batch";
import { District } from "../tenancy/district.entity";
import { Department } from "../org/department.entity";
import { Role } from "../../auth/roles";
import { districtPage } from "../grid/grid.query";
import { idOf } from "../grid/grid.args";
import { Target, TargetProgramme, TargetProgress } from "./target.entity";
import {
  CreateTargetInput,
  RecordTargetProgressInput,
  TargetFilterArgs,
  UpdateTargetInput,
} from "./target.inputs";
import * as svc from "./target.service";

export const TargetConnection = ConnectionType("Target", Target);

/** The caller of a target mutation, from the verified token. */
function callerOf(ctx: AuthedContext): svc.TargetCaller {
  const p = ctx.principal;
  return {
    subject: p.subject,
    role: p.role,
    districtId: writableDistrict(p),
    departmentCode: p.departmentCode,
  };
}

@ObjectType({ description: "How a programme's targets stand." })
export class TargetSummary {
  @Field(() => TargetProgramme) programme: TargetProgramme;
  @Field(() => Int, { description: "Targets of the programme, open-ended counts included." })
  targets: number;
  @Field(() => Int, { description: "Targets whose achieved value has reached the target value." })
  met: number;
  @Field(() => Int, { description: "Targets with a target value not reached yet." })
  behind: number;
  @Field(() => Float, {
    nullable: true,
    description:
      "The mean of the shares of targets with a target value (uncapped: 1.315 counts as 1.315); null when there are none.",
  })
  averageShare: number | null;
}

@Resolver(() => Target)
export class TargetResolver {
  @FieldResolver(() => Float, { description: "baseline + the sum of the progress entries." })
  achieved(@Root() t: Target, @Ctx() ctx: AuthedContext) {
    return svc.achievedOf(ctx, t);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: "achieved / targetValue (1 = met; may exceed 1); null for an open-ended count.",
  })
  async share(@Root() t: Target, @Ctx() ctx: AuthedContext) {
    return svc.shareOf(t, await svc.achievedOf(ctx, t));
  }

  @FieldResolver(() => [TargetProgress], {
    description: "Progress entries, by the day they were recorded for.",
  })
  progress(@Root() t: Target, @Ctx() ctx: AuthedContext) {
    return childList(
      ctx.loaders,
      {
        entity: TargetProgress,
        parentColumn: "target_id",
        parentKey: "targetId",
        sortColumn: "recorded_on",
      },
      t.id,
    );
  }

  @FieldResolver(() => Department, { nullable: true, description: "The department in charge." })
  department(@Root() t: Target, @Ctx() ctx: AuthedContext) {
    return t.departmentId ? ctx.loaders.entity(Department).load(t.departmentId) : null;
  }
}

@Resolver(() => TargetProgress)
export class TargetProgressResolver {
  @FieldResolver(() => Target)
  target(@Root() p: TargetProgress, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(Target).load(p.targetId);
  }
}

@Resolver(() => District)
export class DistrictTargetResolver {
  @FieldResolver(() => TargetConnection, {
    description: "Targets and results (民生实事, 文明城区创建, …), by code.",
  })
  targets(
    @Root() d: District,
    @Args() page: PageArgs,
    @Args() filter: TargetFilterArgs,
    @Ctx() ctx: AuthedContext,
  ) {
    return districtPage(ctx, Target, d.id, filter.filters(), page, { key: "code", column: "code" });
  }

  @FieldResolver(() => [TargetSummary], {
    description:
      "Per programme: targets, how many are met and behind, the average share. Omit `year` for every year.",
  })
  targetSummary(
    @Root() d: District,
    @Arg("year", () => Int, { nullable: true }) year: number | null | undefined,
    @Ctx() ctx: AuthedContext,
  ) {
    return ctx.db.run((m) => svc.summarize(m, { districtId: d.id, year: year ?? null }));
  }
}

@Resolver()
export class TargetMutationResolver {
  @Authorized(Role.district_admin)
  @Mutation(() => Target, {
    description: "Adds a target (district_admin); CONFLICT when the code is taken.",
  })
  createTarget(@Arg("input") input: CreateTargetInput, @Ctx() ctx: AuthedContext) {
    const caller = callerOf(ctx);
    const departmentId = input.departmentId
      ? idOf(input.departmentId, "Department", "departmentId")
      : null;
    return ctx.db.run((m) => svc.createTarget(m, { caller, input: { ...input, departmentId } }));
  }

  @Authorized(Role.district_admin)
  @Mutation(() => Target, {
    description: "Changes a target's name, target value, due date or notes (district_admin).",
  })
  updateTarget(@Arg("input") input: UpdateTargetInput, @Ctx() ctx: AuthedContext) {
    const caller = callerOf(ctx);
    const id = idOf(input.id, "Target", "id");
    return ctx.db.run((m) => svc.updateTarget(m, { caller, input: { ...input, id } }));
  }

  @Authorized(Role.district_admin, Role.department)
  @Mutation(() => Target, {
    description:
      "Records an increment towards a target (district_admin; the department in charge). Returns the target.",
  })
  recordTargetProgress(@Arg("input") input: RecordTargetProgressInput, @Ctx() ctx: AuthedContext) {
    const caller = callerOf(ctx);
    const targetId = idOf(input.targetId, "Target", "targetId");
    const at = ctx.clock.now();
    return ctx.db.run((m) =>
      svc.recordTargetProgress(m, { caller, input: { ...input, targetId }, at }),
    );
  }
}
