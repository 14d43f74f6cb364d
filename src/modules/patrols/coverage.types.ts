import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { toGlobalId } from "../../common/ids";
import { UnitLevel } from "../cases/case.measures";
import { type Coverage, type CoverageLevel, type UnitCoverage } from "./patrol.coverage";

// The descriptions repeat the definitions of patrol.coverage.ts, where they are computed.
@ObjectType({
  description:
    "A unit's patrols and household visits (每日巡查走访) over a period of local days (UTC+8).",
})
export class PatrolCoverage implements Coverage {
  @Field(() => UnitLevel) level: UnitLevel;
  @Field(() => ID, {
    description: "The unit's global id (District, StreetOffice, Community, Grid).",
  })
  unitId: string;
  @Field() name: string;
  @Field(() => Int, { description: "Days in the period." }) days: number;
  @Field(() => Int, { description: "Patrols recorded." }) patrols: number;
  @Field(() => Int, { description: "Distinct local days with at least one patrol." })
  patrolDays: number;
  @Field(() => Int, { description: "Household visits recorded." }) visits: number;
  @Field(() => Int, { description: "Distinct households visited." }) householdsVisited: number;
  @Field(() => Int, { description: "Households registered in the unit's grids." })
  households: number;
  @Field(() => Float, {
    nullable: true,
    description: "householdsVisited / households; null without households.",
  })
  householdCoverage: number | null;
  @Field(() => Float, { description: "patrolDays / days." }) patrolDayShare: number;
}

const UNIT_TYPE: Record<CoverageLevel, string> = {
  district: "District",
  street_office: "StreetOffice",
  community: "Community",
  grid: "Grid",
};

export function toPatrolCoverage(level: CoverageLevel, u: UnitCoverage): PatrolCoverage {
  // Field by field, not spread: a board makes one per unit (702 for a district's grids).
  return {
    level,
    unitId: toGlobalId(UNIT_TYPE[level], u.unit),
    name: u.name,
    days: u.days,
    patrols: u.patrols,
    patrolDays: u.patrolDays,
    visits: u.visits,
    householdsVisited: u.householdsVisited,
    households: u.households,
    householdCoverage: u.householdCoverage,
    patrolDayShare: u.patrolDayShare,
  };
}
