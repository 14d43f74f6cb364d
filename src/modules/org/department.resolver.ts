import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Mutation,
  ObjectType,
  Resolver,
  Root,
  Subscription,
} from "type-graphql";
import { Department } from "./department.entity";
import { StaffAccount } from "./staff-account.entity";
import { CreateDepartmentInput, RenameDepartmentInput } from "./department.inputs";
import { createDepartment, renameDepartment } from "./department.service";
import { writableDistrict } from "../../auth/principal";
import { fromGlobalId } from "../../common/ids";
import { badInput } from "../../common/errors";
import { Role, STAFF_ROLES } from "../../auth/roles";
import { District } from "../tenancy/district.entity";
import { districtLoader } from "../tenancy/tenancy.loaders";
import { type AuthedContext } from "../../context/context";
import { type DepartmentChangedPayload, Topic } from "../../realtime/pubsub";
import { topicStream } from "../../realtime/topic-stream";

@ObjectType({ description: "A department was created or changed." })
export class DepartmentChange {
  @Field({ description: "`created` or `updated`." })
  action: string;

  @Field()
  at: Date;

  @Field(() => Department, { nullable: true, description: "The department as it is now." })
  department: Department | null;
}

/** Tells subscribers once the request's transaction has committed the change. */
function publishAfterCommit(ctx: AuthedContext, d: Department, action: "created" | "updated") {
  ctx.db.afterCommit(() =>
    ctx.pubSub.publish(Topic.DEPARTMENT_CHANGED, {
      districtId: d.districtId,
      departmentId: d.id,
      action,
      at: ctx.clock.now().toISOString(),
    }),
  );
}

@Resolver(() => Department)
export class DepartmentResolver {
  @FieldResolver(() => District)
  district(@Root() d: Department, @Ctx() ctx: AuthedContext) {
    return districtLoader(ctx.loaders).load(d.districtId);
  }

  @Authorized(Role.district_admin)
  @Mutation(() => Department, {
    description: "Adds a department to the caller's district (district_admin).",
  })
  async createDepartment(@Arg("input") input: CreateDepartmentInput, @Ctx() ctx: AuthedContext) {
    const caller = { districtId: writableDistrict(ctx.principal) };
    const d = await ctx.db.run((m) => createDepartment(m, { caller, input }));
    publishAfterCommit(ctx, d, "created");
    return d;
  }

  @Authorized(Role.district_admin)
  @Mutation(() => Department, {
    description: "Renames a department of the caller's district (district_admin).",
  })
  async renameDepartment(@Arg("input") input: RenameDepartmentInput, @Ctx() ctx: AuthedContext) {
    const caller = { districtId: writableDistrict(ctx.principal) };
    const ref = fromGlobalId(input.id);
    if (!ref || ref.type !== "Department") throw badInput("id", "not a Department id");
    const d = await ctx.db.run((m) =>
      renameDepartment(m, { caller, input: { ...input, id: ref.id } }),
    );
    publishAfterCommit(ctx, d, "updated");
    return d;
  }

  @Authorized(...STAFF_ROLES)
  @Subscription(() => DepartmentChange, {
    // Checked for every event, with the subscriber's own tenant: another district's events never pass.
    subscribe: ({ context }) => {
      const ctx = context as AuthedContext;
      return topicStream(ctx, Topic.DEPARTMENT_CHANGED, "departmentChanged", (payload) =>
        ctx.principal.districtIds.includes(payload.districtId),
      );
    },
    description:
      "Departments of the caller's district as they are created or renamed (district staff).",
  })
  async departmentChanged(
    @Root() payload: DepartmentChangedPayload,
    @Ctx() ctx: AuthedContext,
  ): Promise<DepartmentChange> {
    return {
      action: payload.action,
      at: new Date(payload.at),
      department: await ctx.loaders.entity(Department).load(payload.departmentId),
    };
  }
}

@Resolver(() => StaffAccount)
export class StaffAccountResolver {
  @FieldResolver(() => Department, { nullable: true })
  department(@Root() s: StaffAccount, @Ctx() ctx: AuthedContext) {
    return s.departmentId ? ctx.loaders.entity(Department).load(s.departmentId) : null;
  }

  @FieldResolver(() => District)
  district(@Root() s: StaffAccount, @Ctx() ctx: AuthedContext) {
    return districtLoader(ctx.loaders).load(s.districtId);
  }
}
