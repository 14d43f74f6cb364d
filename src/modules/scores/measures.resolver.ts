import { Arg, Authorized, Ctx, ID, Query, Resolver } from "type-graphql";
import { type AuthedContext } from "../../context/context";
import { badInput } from "../../common/errors";
import { fromGlobalId } from "../../common/ids";
import { Role, STAFF_ROLES } from "../../auth/roles";
import { type Measure, UnitLevel } from "../cases/case.measures";
import { LEVEL_TYPE, MeasureCases, MeasureName, UnitMeasures } from "./measures.types";
import { checkPeriod, computeMeasures } from "./measures.service";
import { casesBehind } from "./measure-cases.service";

@Resolver()
export class MeasuresResolver {
  @Authorized(...STAFF_ROLES, Role.city_admin)
  @Query(() => [UnitMeasures], {
    description:
      "Measures per unit of a level over the cases received from `from` to `to` (inclusive, local days), read from counters kept current with every case event. District staff see their district's units; a city admin sees its districts (level district only), with no personal data.",
  })
  async measures(
    @Arg("level", () => UnitLevel) level: UnitLevel,
    @Arg("from") from: string,
    @Arg("to") to: string,
    @Ctx() ctx: AuthedContext,
  ): Promise<UnitMeasures[]> {
    checkPeriod(from, to);
    if (ctx.principal.role === Role.city_admin && level !== UnitLevel.district)
      throw badInput("level", "a city admin compares districts: use level district");
    return computeMeasures(ctx, level, from, to);
  }

  @Authorized(...STAFF_ROLES, Role.city_admin)
  @Query(() => MeasureCases, {
    description:
      "Drills a figure down to its cases: the unit's cases received in the period that count in `measure` (recomputed from their event logs, the same rule as the counters).",
  })
  async measureCases(
    @Arg("level", () => UnitLevel) level: UnitLevel,
    @Arg("unitId", () => ID) unitId: string,
    @Arg("measure", () => MeasureName) measure: MeasureName,
    @Arg("from") from: string,
    @Arg("to") to: string,
    @Ctx() ctx: AuthedContext,
  ): Promise<MeasureCases> {
    checkPeriod(from, to);
    if (ctx.principal.role === Role.city_admin && level !== UnitLevel.district)
      throw badInput("level", "a city admin compares districts: use level district");
    const ref = fromGlobalId(unitId);
    if (!ref || ref.type !== LEVEL_TYPE[level])
      throw badInput("unitId", `not a ${LEVEL_TYPE[level]} id`);
    return casesBehind(ctx, { level, unit: ref.id, measure: measure as Measure, from, to });
  }
}
