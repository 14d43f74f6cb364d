import { type EntityManager } from "typeorm";
import { uuidv7 } from "../../common/ids";
import { localDay } from "../../common/dates";
import { badInput, conflict } from "../../common/errors";
import { StaffAssignment } from "./people.entity";
import { Community, Grid } from "./tree.entity";
import { CommunityKind, GridKind, type LineOfWork } from "./grid.enums";
import { checkStreetWriter, type GridCaller } from "./grid.policy";
import { load, unchanged } from "./grid.rows";

/**
 * The grids of the tree: created under a community or village, changed, retired. Each function
 * runs in the caller's transaction; ids are the rows' own (the resolver decodes global ids).
 */

export interface NewGrid {
  communityId: string;
  code: string;
  name: string;
  latitude: number;
  longitude: number;
  /** GeoJSON Polygon or MultiPolygon. */
  boundary?: Record<string, unknown> | null;
  linesOfWork?: LineOfWork[] | null;
}

/** Changes to a grid: fields left out (or null) stay as they are, except `boundary`. */
export interface GridChanges {
  id: string;
  /** The version the caller read; a grid that moved on since is a CONFLICT. */
  expectedVersion?: number | null;
  name?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  /** null removes the boundary. */
  boundary?: Record<string, unknown> | null;
  linesOfWork?: LineOfWork[] | null;
}

export interface GridRetirement {
  id: string;
  reason: string;
}

function checkBoundary(boundary: Record<string, unknown> | null | undefined): void {
  if (boundary === undefined || boundary === null) return;
  const type = boundary.type;
  if ((type !== "Polygon" && type !== "MultiPolygon") || !Array.isArray(boundary.coordinates))
    throw badInput("boundary", "a GeoJSON geometry of type Polygon or MultiPolygon is expected");
}

export async function createGrid(
  m: EntityManager,
  { caller, input }: { caller: GridCaller; input: NewGrid },
): Promise<Grid> {
  const community = await load(m, caller.districtId, Community, input.communityId, "community");
  checkStreetWriter(caller, community.streetOfficeId);
  checkBoundary(input.boundary);
  if (await m.existsBy(Grid, { districtId: community.districtId, code: input.code }))
    throw conflict(`a grid with code "${input.code}" already exists`);
  const grid = m.create(Grid, {
    districtId: community.districtId,
    id: uuidv7(),
    communityId: community.id,
    streetOfficeId: community.streetOfficeId,
    code: input.code,
    name: input.name.trim(),
    kind: community.kind === CommunityKind.village ? GridKind.rural : GridKind.urban,
    latitude: input.latitude,
    longitude: input.longitude,
    boundary: input.boundary ?? null,
    linesOfWork: [...new Set(input.linesOfWork ?? [])],
    retiredAt: null,
    retiredReason: null,
    version: 1,
  });
  return m.save(grid);
}

export async function updateGrid(
  m: EntityManager,
  { caller, input }: { caller: GridCaller; input: GridChanges },
): Promise<Grid> {
  const grid = await load(m, caller.districtId, Grid, input.id, "grid");
  checkStreetWriter(caller, grid.streetOfficeId);
  unchanged(grid);
  checkBoundary(input.boundary);
  const set: Partial<Grid> = {};
  if (input.name !== undefined && input.name !== null) set.name = input.name.trim();
  if (input.latitude !== undefined && input.latitude !== null) set.latitude = input.latitude;
  if (input.longitude !== undefined && input.longitude !== null) set.longitude = input.longitude;
  if (input.boundary !== undefined) set.boundary = input.boundary;
  if (input.linesOfWork !== undefined && input.linesOfWork !== null)
    set.linesOfWork = [...new Set(input.linesOfWork)];
  return bumpVersion(m, grid, input.expectedVersion, set);
}

/** Optimistic concurrency: the update applies only to the version the caller read. */
async function bumpVersion(
  m: EntityManager,
  grid: Grid,
  expected: number | undefined | null,
  set: Partial<Grid>,
): Promise<Grid> {
  const version = expected ?? grid.version;
  const res = await m
    .createQueryBuilder()
    .update(Grid)
    .set({ ...set, version: () => "version + 1", updatedAt: () => "now()" } as never)
    .where("district_id = :d AND id = :id AND version = :version", {
      d: grid.districtId,
      id: grid.id,
      version,
    })
    .execute();
  if (!res.affected)
    throw conflict(
      `the grid changed since version ${version} was read (it is now at version ${grid.version}); read it again`,
    );
  return (await m.findOne(Grid, { where: { districtId: grid.districtId, id: grid.id } }))!;
}

/** Retires a grid at `at`: whoever held a post in it holds it no longer from that day. */
export async function retireGrid(
  m: EntityManager,
  { caller, input, at }: { caller: GridCaller; input: GridRetirement; at: Date },
): Promise<Grid> {
  const grid = await load(m, caller.districtId, Grid, input.id, "grid");
  checkStreetWriter(caller, grid.streetOfficeId);
  unchanged(grid);
  await m
    .createQueryBuilder()
    .update(StaffAssignment)
    .set({ endsOn: () => "greatest(starts_on, CAST(:today AS date))" } as never)
    .where("district_id = :d AND grid_id = :g AND ends_on IS NULL", {
      d: grid.districtId,
      g: grid.id,
      today: localDay(at),
    })
    .execute();
  return bumpVersion(m, grid, grid.version, { retiredAt: at, retiredReason: input.reason.trim() });
}
