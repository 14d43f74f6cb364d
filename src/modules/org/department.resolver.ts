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
  createDepartment(@Arg("input") input: CreateDepartmentInput, @Ctx() ctx: AuthedContext) {
    return createDepartment({ db: ctx.db, principal: ctx.principal, pubSub: ctx.pubSub }, input);
  }

  @Authorized(Role.district_admin)
  @Mutation(() => Department, {
    description: "Renames a department of the caller's district (district_admin).",
  })
  renameDepartment(@Arg("input") input: RenameDepartmentInput, @Ctx() ctx: AuthedContext) {
    return renameDepartment({ db: ctx.db, principal: ctx.principal, pubSub: ctx.pubSub }, input);
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
