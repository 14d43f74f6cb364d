import { type AuthedContext } from "../../context/context";
import { Role } from "../../auth/roles";
import { reachOf } from "../grid/grid.policy";
import { Department } from "../org/department.entity";
import { Grid } from "../grid/tree.entity";
import { type PatrolRecord } from "./patrol.entity";
import { type RewardPenalty, RewardUnitLevel } from "./reward.entity";

/** Who patrols and visits: the grid's own staff, in the grids of their token. */
export const PATROL_RECORDERS: readonly Role[] = [Role.grid_worker, Role.grid_chief];

/** Who oversees the whole district's grid work: every patrol, visit and 奖惩 entry of it. */
export const DISTRICT_WIDE: readonly Role[] = [
  Role.district_admin,
  Role.command_center,
  Role.inspector,
  Role.supervision_office,
];

/**
 * Who reads patrols and visits: the district-wide roles, a street officer its street office's
 * grids, grid staff their own grids. Visits name households, so residents, departments and the
 * city do not read them.
 */
export const PATROL_READERS: readonly Role[] = [
  ...DISTRICT_WIDE,
  Role.street_officer,
  ...PATROL_RECORDERS,
];

/** Who enters rewards and penalties (奖惩): the district admin. */
export const REWARD_WRITERS: readonly Role[] = [Role.district_admin];

/**
 * Who reads them: the district-wide roles, and each unit's own staff its unit's entries (grid
 * staff their grids', a street officer its street office's, a community worker its community's,
 * a department's staff its department's).
 */
export const REWARD_READERS: readonly Role[] = [
  ...DISTRICT_WIDE,
  Role.street_officer,
  Role.community_worker,
  ...PATROL_RECORDERS,
  Role.department,
];

/** The caller's place in the district, as these rules need it. */
export interface GridWorkViewer {
  role: Role;
  gridIds: ReadonlySet<string>;
  streetOfficeId: string | null;
  communityId: string | null;
  departmentId: string | null;
}

/** A SQL condition on the alias `r` and its parameters. */
export interface Scope {
  sql: string;
  params: Record<string, unknown>;
}

const NONE: Scope = { sql: "FALSE", params: {} };

/** The patrol records (alias `r`) a viewer may read. */
export function patrolScope(v: GridWorkViewer): Scope {
  if (DISTRICT_WIDE.includes(v.role)) return { sql: "TRUE", params: {} };
  if (v.role === Role.street_officer)
    return v.streetOfficeId
      ? {
          sql: "r.grid_id IN (SELECT sg.id FROM grid sg WHERE sg.district_id = r.district_id AND sg.street_office_id = :scopeStreet)",
          params: { scopeStreet: v.streetOfficeId },
        }
      : NONE;
  if (PATROL_RECORDERS.includes(v.role))
    return v.gridIds.size
      ? {
          sql: "r.grid_id = ANY(CAST(:scopeGrids AS uuid[]))",
          params: { scopeGrids: [...v.gridIds] },
        }
      : NONE;
  return NONE;
}

/** The unit whose entries a unit-staff viewer reads (null: none, or every unit for the wide roles). */
function ownUnit(v: GridWorkViewer): { level: RewardUnitLevel; ids: string[] } | null {
  switch (v.role) {
    case Role.grid_worker:
    case Role.grid_chief:
      return { level: RewardUnitLevel.grid, ids: [...v.gridIds] };
    case Role.street_officer:
      return {
        level: RewardUnitLevel.street_office,
        ids: v.streetOfficeId ? [v.streetOfficeId] : [],
      };
    case Role.community_worker:
      return { level: RewardUnitLevel.community, ids: v.communityId ? [v.communityId] : [] };
    case Role.department:
      return { level: RewardUnitLevel.department, ids: v.departmentId ? [v.departmentId] : [] };
    default:
      return null;
  }
}

/** The 奖惩 entries (alias `r`) a viewer may read. */
export function rewardScope(v: GridWorkViewer): Scope {
  if (DISTRICT_WIDE.includes(v.role)) return { sql: "TRUE", params: {} };
  const own = ownUnit(v);
  if (!own || own.ids.length === 0) return NONE;
  return {
    sql: "r.unit_level = :scopeLevel AND r.unit_id = ANY(CAST(:scopeUnits AS uuid[]))",
    params: { scopeLevel: own.level, scopeUnits: own.ids },
  };
}

/** The caller as a viewer of grid work, from its token's claims (read once per request). */
export function gridWorkViewer(ctx: AuthedContext): Promise<GridWorkViewer> {
  const p = ctx.principal;
  return ctx.loaders.memo("gridWorkViewer", async () => {
    const reach = await reachOf(ctx);
    const dept =
      p.role === Role.department && p.districtId && p.departmentCode
        ? await ctx.db.run((m) =>
            m.findOne(Department, {
              where: { districtId: p.districtId!, code: p.departmentCode! },
              select: { id: true },
            }),
          )
        : null;
    return {
      role: p.role,
      gridIds: reach.gridIds,
      streetOfficeId: reach.streetOfficeId,
      communityId: reach.communityId,
      departmentId: dept?.id ?? null,
    };
  });
}

/** May the caller read this record (node(id))? The list's rule, for one row. */
export async function maySeePatrol(ctx: AuthedContext, r: PatrolRecord): Promise<boolean> {
  if (r.districtId !== ctx.principal.districtId || !PATROL_READERS.includes(ctx.principal.role))
    return false;
  const v = await gridWorkViewer(ctx);
  if (DISTRICT_WIDE.includes(v.role)) return true;
  if (v.role === Role.street_officer) {
    const grid = await ctx.loaders.entity(Grid).load(r.gridId);
    return v.streetOfficeId !== null && grid?.streetOfficeId === v.streetOfficeId;
  }
  return v.gridIds.has(r.gridId);
}

/** May the caller read this 奖惩 entry (node(id))? The list's rule, for one row. */
export async function maySeeReward(ctx: AuthedContext, r: RewardPenalty): Promise<boolean> {
  if (r.districtId !== ctx.principal.districtId || !REWARD_READERS.includes(ctx.principal.role))
    return false;
  const v = await gridWorkViewer(ctx);
  if (DISTRICT_WIDE.includes(v.role)) return true;
  const own = ownUnit(v);
  return own !== null && own.level === r.unitLevel && own.ids.includes(r.unitId);
}
