import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  Resolver,
  Root,
} from "type-graphql";
import { IsOptional, Length, MaxLength } from "class-validator";
import { type AuthedContext } from "../../context/context";
import { Role, STAFF_ROLES } from "../../auth/roles";
import { maskPhone } from "../../common/masking";
import { StreetOffice } from "./tree.entity";
import { JointCommitteeUnit, JointUnitKind } from "./joint-committee.entity";
import { idOf } from "./grid.args";
import { gridCallerOf, reachOf } from "./grid.policy";
import { addUnit, seesContact, updateUnit } from "./joint-committee.service";
import { extend } from "../../common/objects";

@InputType({ description: "A unit joining a street office's joint committee (大工委)." })
export class AddJointUnitInput {
  @Field(() => ID)
  streetOfficeId: string;

  @Field()
  @Length(1, 100)
  name: string;

  @Field(() => JointUnitKind)
  kind: JointUnitKind;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(50)
  contactName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(20)
  contactPhone?: string;
}

@InputType({ description: "Changes to a joint committee unit; `active: false` when it leaves." })
export class UpdateJointUnitInput {
  @Field(() => ID)
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100)
  name?: string;

  @Field(() => JointUnitKind, { nullable: true })
  kind?: JointUnitKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20)
  contactPhone?: string | null;

  @Field({ nullable: true })
  active?: boolean;
}

const WRITERS = [Role.district_admin, Role.street_officer];

/**
 * The street offices' joint committees: listed under each street office for the district's staff,
 * kept by the district admin and the street's own officers.
 */
@Resolver(() => JointCommitteeUnit)
export class JointUnitResolver {
  @FieldResolver(() => StreetOffice)
  streetOffice(@Root() u: JointCommitteeUnit, @Ctx() ctx: AuthedContext) {
    return ctx.loaders.entity(StreetOffice).load(u.streetOfficeId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The contact's phone: whole for the district admin, the command center and the unit's own street office; masked for everyone else.",
  })
  async contactPhone(@Root() u: JointCommitteeUnit, @Ctx() ctx: AuthedContext) {
    if (!u.contactPhone) return null;
    const reach = await reachOf(ctx);
    const caller = extend(ctx.principal, { streetOfficeId: reach.streetOfficeId });
    return seesContact(caller, u) ? u.contactPhone : maskPhone(u.contactPhone);
  }
}

@Resolver(() => StreetOffice)
export class JointCommitteeResolver {
  @Authorized(...STAFF_ROLES)
  @FieldResolver(() => [JointCommitteeUnit], {
    description:
      "The street office's joint committee (大工委): units it can pull into a case before referring it up (district staff). Active ones unless `includeInactive`.",
  })
  async jointCommitteeUnits(
    @Root() s: StreetOffice,
    @Arg("includeInactive", { defaultValue: false }) includeInactive: boolean,
    @Ctx() ctx: AuthedContext,
  ) {
    return ctx.db.run((m) =>
      m.find(JointCommitteeUnit, {
        where: {
          districtId: s.districtId,
          streetOfficeId: s.id,
          ...(includeInactive ? {} : { active: true }),
        },
        order: { name: "ASC", id: "ASC" },
        take: 500,
      }),
    );
  }

  @Authorized(...WRITERS)
  @Mutation(() => JointCommitteeUnit, {
    description:
      "Adds a unit to a street office's joint committee (district admin; its street officers).",
  })
  async addJointCommitteeUnit(@Arg("input") input: AddJointUnitInput, @Ctx() ctx: AuthedContext) {
    const caller = await gridCallerOf(ctx);
    const streetOfficeId = idOf(input.streetOfficeId, "StreetOffice", "streetOfficeId");
    return ctx.db.run((m) => addUnit(m, { caller, streetOfficeId, input }));
  }

  @Authorized(...WRITERS)
  @Mutation(() => JointCommitteeUnit, {
    description: "Changes a joint committee unit, or takes it off (`active: false`).",
  })
  async updateJointCommitteeUnit(
    @Arg("input") input: UpdateJointUnitInput,
    @Ctx() ctx: AuthedContext,
  ) {
    const caller = await gridCallerOf(ctx);
    const id = idOf(input.id, "JointCommitteeUnit", "id");
    return ctx.db.run((m) => updateUnit(m, { caller, id, input }));
  }
}
