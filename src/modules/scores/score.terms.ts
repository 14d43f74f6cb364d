import { type AuthedContext } from "../../context/context";
import { fromGlobalId } from "../../common/ids";
import { UnitLevel } from "../cases/case.measures";
import { countAccountability } from "../accountability/accountability.service";
import { type AccountableUnitLevel } from "../accountability/accountability.entity";
import { coverageByUnit, isCoverageLevel } from "../patrols/patrol.coverage";
import { type PatrolCoverage, toPatrolCoverage } from "../patrols/coverage.types";
import { pointsByUnit } from "../patrols/reward.service";
import { type RewardUnitLevel } from "../patrols/reward.entity";
import { type GridWorkInputs } from "./score.formula";

/** One unit's grid work: what the formula weighs, and what its scoreboard row shows of it. */
export interface GridWork {
  inputs: GridWorkInputs;
  row: { patrol: PatrolCoverage | null; pointsTotal: number; accountabilityCount: number | null };
}

/**
 * The grid work of a level's units over a period (checked): patrol coverage (every level but
 * departments, which do not patrol), the sum of 奖惩 points (every level but the district, which
 * gets no entries) and accountability records decided in the period (left out of the city's
 * board: a district's discipline is its own). At most three statements, whatever the number of
 * units. Returns the work of a unit by its global id.
 */
export async function gridWorkOf(
  ctx: AuthedContext,
  level: UnitLevel,
  from: string,
  to: string,
  opts: { city: boolean },
): Promise<(unitId: string) => GridWork> {
  const districtIds = ctx.principal.districtIds;
  const coverage = isCoverageLevel(level)
    ? new Map(
        (await coverageByUnit(ctx.db, { districtIds, level, from, to })).map((u) => [
          u.unit,
          toPatrolCoverage(level, u),
        ]),
      )
    : null;
  const points =
    level === UnitLevel.district
      ? new Map<string, number>()
      : await pointsByUnit(ctx.db, {
          districtIds,
          level: level as string as RewardUnitLevel,
          from,
          to,
        });
  const districtId = ctx.principal.districtId;
  const records =
    opts.city || !districtId
      ? null
      : new Map(
          (
            await countAccountability(ctx.db, {
              districtId,
              unitLevel: level as string as AccountableUnitLevel,
              from,
              to,
            })
          ).map((u) => [u.unitId, u.total]),
        );
  return (unitId) => {
    const id = fromGlobalId(unitId)?.id ?? "";
    const patrol = coverage?.get(id) ?? null;
    const sum = points.get(id) ?? 0;
    const accountability = records ? (records.get(id) ?? 0) : null;
    return {
      inputs: {
        householdCoverage: patrol?.householdCoverage ?? null,
        patrolDayShare: patrol?.patrolDayShare ?? null,
        points: sum,
        accountability,
      },
      // The same for every reader (a live board is built once for all its subscribers); who sees
      // the figures is ScoreRowResolver's call.
      row: { patrol, pointsTotal: sum, accountabilityCount: accountability },
    };
  };
}
