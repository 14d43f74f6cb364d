import { Arg, Authorized, Ctx, Field, Float, ID, ObjectType, Query, Resolver } from "type-graphql";
import { type AuthedContext } from "../../context/context";
import { Role } from "../../auth/roles";
import { Department } from "../org/department.entity";
import { idOf } from "../grid/grid.args";
import { AssignmentRole } from "./case.enums";
import { singleDistrictOf } from "./case.policy";
import { dispatchSuggestionsFor } from "./dispatch.service";

@ObjectType({
  description:
    "A department the command center might assign a case to, and why (依托智能化手段派单). A suggestion only: nothing is assigned until assignCase.",
})
export class DispatchSuggestion {
  @Field(() => Department)
  department: Department;

  @Field(() => AssignmentRole)
  role: AssignmentRole;

  @Field(() => Float, { description: "For ordering within a role (higher first)." })
  weight: number;

  @Field(() => [String], { description: "Why: the catalogue, and how similar cases went." })
  reasons: string[];
}

@Resolver()
export class DispatchResolver {
  @Authorized(Role.command_center, Role.district_admin)
  @Query(() => [DispatchSuggestion], {
    description:
      "Likely lead and co-handling departments for a case of your district, best first: the category's usual department, and who led, co-handled or returned the same category's cases in the last 180 days. A department that returned this case is not suggested again.",
  })
  async dispatchSuggestions(
    @Arg("caseId", () => ID) caseId: string,
    @Ctx() ctx: AuthedContext,
  ): Promise<DispatchSuggestion[]> {
    const districtId = singleDistrictOf(ctx);
    const id = idOf(caseId, "Case", "caseId");
    const at = ctx.clock.now();
    const found = await ctx.db.run((m) =>
      dispatchSuggestionsFor(m, { districtId, caseId: id, at }),
    );
    const depts = await Promise.all(
      found.map((s) => ctx.loaders.entity(Department).load(s.departmentId)),
    );
    return found.flatMap((s, i) => {
      const department = depts[i];
      return department
        ? [{ department, role: s.role as AssignmentRole, weight: s.weight, reasons: s.reasons }]
        : [];
    });
  }
}
