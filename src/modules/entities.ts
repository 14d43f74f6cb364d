import { City } from "./tenancy/city.entity";
import { District } from "./tenancy/district.entity";
import { Department } from "./org/department.entity";
import { StaffAccount } from "./org/staff-account.entity";
import { GRID_ENTITIES } from "./grid/grid.entities";
import { CASE_ENTITIES } from "./cases/case.entities";
import { TARGET_ENTITIES } from "./targets/target.entity";
import { AccountabilityRecord } from "./accountability/accountability.entity";
import { PatrolRecord } from "./patrols/patrol.entity";
import { RewardPenalty } from "./patrols/reward.entity";

/** Every entity, for the data sources that the entry points build (db/data-source.ts). */
export const ENTITIES = [
  City,
  District,
  Department,
  StaffAccount,
  ...GRID_ENTITIES,
  ...CASE_ENTITIES,
  ...TARGET_ENTITIES,
  AccountabilityRecord,
  PatrolRecord,
  RewardPenalty,
];
