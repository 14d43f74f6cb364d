import {
  Arg,
  Authorized,
  Ctx,
  Field,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from "type-graphql";
import { IsOptional, Matches, Max, Min } from "class-validator";
import { type AuthedContext } from "../../context/context";
import { writableDistrict } from "../../auth/principal";
import { badInput } from "../../common/errors";
import { Role, STAFF_ROLES } from "../../auth/roles";
import { CalendarDay, CaseCategory, CaseSetting, HandlingRule } from "./settings.entity";
import { singleDistrictOf } from "./case.policy";
import {
  caseLimitsOf,
  setCalendarDays,
  setCategoryResolutionDays,
  updateCaseSettings,
} from "./settings.service";

@InputType()
export class CalendarDayInput {
  @Field({ description: "YYYY-MM-DD" })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: "use a date as YYYY-MM-DD" })
  day: string;

  @Field({ description: "`holiday` or `workday`." })
  @Matches(/^(holiday|workday)$/, { message: "holiday or workday" })
  kind: "holiday" | "workday";

  @Field({ nullable: true })
  name?: string;
}

@InputType()
export class CaseSettingsInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(72)
  replyHours?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(60)
  resolutionDays?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(20)
  maxReturns?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(10080)
  warningMinutes?: number;

  @Field({ nullable: true })
  @IsOptional()
  superviseOnUnsatisfied?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(20)
  maxRedos?: number;

  @Field(() => HandlingRule, {
    nullable: true,
    description: "Who handles first: street_first (由街道首办, default) or grid_may_resolve.",
  })
  @IsOptional()
  handlingRule?: HandlingRule;
}

@ObjectType()
class CaseLimits {
  @Field(() => CaseSetting)
  settings: CaseSetting;

  @Field(() => [CaseCategory])
  categories: CaseCategory[];

  @Field(() => [CalendarDay], {
    description: "The district's own calendar days (beside the official 2025–2026).",
  })
  calendarDays: CalendarDay[];
}

@Resolver()
export class CaseSettingsResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => CaseLimits, {
    description: "The district's case catalogue, limits and own calendar days.",
  })
  async caseLimits(@Ctx() ctx: AuthedContext): Promise<CaseLimits> {
    const districtId = singleDistrictOf(ctx);
    return ctx.db.run((m) => caseLimitsOf(m, districtId));
  }

  @Authorized(Role.district_admin)
  @Mutation(() => CaseSetting, { description: "Changes the district's limits (new cases only)." })
  async updateCaseSettings(@Arg("input") input: CaseSettingsInput, @Ctx() ctx: AuthedContext) {
    const districtId = writableDistrict(ctx.principal);
    return ctx.db.run((m) => updateCaseSettings(m, districtId, input));
  }

  @Authorized(Role.district_admin)
  @Mutation(() => CaseCategory, {
    description: "Sets a category's resolution limit in working days (null: the district's).",
  })
  async setCategoryResolutionDays(
    @Arg("code") code: string,
    @Arg("days", () => Int, { nullable: true }) days: number | null,
    @Ctx() ctx: AuthedContext,
  ) {
    const districtId = writableDistrict(ctx.principal);
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > 60))
      throw badInput("days", "between 1 and 60 working days");
    return ctx.db.run((m) => setCategoryResolutionDays(m, districtId, code, days));
  }

  @Authorized(Role.district_admin)
  @Mutation(() => [CalendarDay], {
    description:
      "Adds or changes the district's own calendar days, e.g. a year the official calendar lacks.",
  })
  async setCalendarDays(
    @Arg("days", () => [CalendarDayInput]) days: CalendarDayInput[],
    @Ctx() ctx: AuthedContext,
  ) {
    const districtId = writableDistrict(ctx.principal);
    if (days.length === 0 || days.length > 400) throw badInput("days", "give 1 to 400 days");
    for (const [n, d] of days.entries()) {
      const t = new Date(`${d.day}T00:00:00Z`);
      if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== d.day)
        throw badInput(`days.${n}.day`, `${d.day} is not a calendar date`);
    }
    return ctx.db.run((m) => setCalendarDays(m, districtId, days));
  }
}
