import { Arg, Authorized, Ctx, Query, Resolver } from "type-graphql";
import { type AuthedContext } from "../../context/context";
import { badInput } from "../../common/errors";
import { Role, STAFF_ROLES } from "../../auth/roles";
import { UnitLevel } from "../cases/case.measures";
import { coverageByUnit, isCoverageLevel } from "../patrols/patrol.coverage";
import { PatrolCoverage, toPatrolCoverage } from "../patrols/coverage.types";
import { checkPeriod } from "./measures.service";

/** Patrol coverage beside the case measures: the same periods, levels and readers. */
@Resolver()
export class PatrolCoverageResolver {
  @Authorized(...STAFF_ROLES, Role.city_admin)
  @Query(() => [PatrolCoverage], {
    description:
      "Patrols and household visits per unit of a level (not department) from `from` to `to` (inclusive, local days): patrol days, visits, households visited, coverage. District staff see their district's units; a city admin its districts (level district only).",
  })
  async patrolCoverage(
    @Arg("level", () => UnitLevel) level: UnitLevel,
    @Arg("from") from: string,
    @Arg("to") to: string,
    @Ctx() ctx: AuthedContext,
  ): Promise<PatrolCoverage[]> {
    checkPeriod(from, to);
    if (!isCoverageLevel(level))
      throw badInput(
        "level",
        "departments do not patrol: use grid, community, street_office or district",
      );
    if (ctx.principal.role === Role.city_admin && level !== UnitLevel.district)
      throw badInput("level", "a city admin compares districts: use level district");
    const units = await coverageByUnit(ctx.db, {
      districtIds: ctx.principal.districtIds,
      level,
      from,
      to,
    });
    return units.map((u) => toPatrolCoverage(level, u));
  }
}
