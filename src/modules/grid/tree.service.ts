import { type EntityManager } from "typeorm";
import { type AuthedContext } from "../../context/context";
import { uuidv7 } from "../../common/ids";
import { badInput, conflict } from "../../common/errors";
import { StaffAssignment } from "./people.entity";
import { Community, Grid } from "./tree.entity";
import { CommunityKind, GridKind } from "./grid.enums";
import { assertStreetWriter } from "./grid.policy";
import { load, today, unchanged } from "./grid.rows";
import type { CreateGridInput, RetireGridInput, UpdateGridInput } from "./grid.inputs";

/** The grids of the tree: created under a community or village, changed, retired. */

function checkBoundary(boundary: Record<string, unknown> | null | undefined): void {
  if (boundary === undefined || boundary === null) return;
  const type = boundary.type;
  if ((type !== "Polygon" && type !== "MultiPolygon") || !Array.isArray(boundary.coordinates))
    throw badInput("boundary", "a GeoJSON geometry of type Polygon or MultiPolygon is expected");
}

export async function createGrid(ctx: AuthedContext, input: CreateGridInput): Promise<Grid> {
  const community = await load(ctx, Community, input.communityId, "communityId", "community");
  await assertStreetWriter(ctx, community.streetOfficeId);
  checkBoundary(input.boundary);
  return ctx.db.run(async (m) => {
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
  });
}

export async function updateGrid(ctx: AuthedContext, input: UpdateGridInput): Promise<Grid> {
  const grid = await load(ctx, Grid, input.id, "id", "grid");
  await assertStreetWriter(ctx, grid.streetOfficeId);
  unchanged(grid);
  checkBoundary(input.boundary);
  return ctx.db.run(async (m) => {
    const set: Partial<Grid> = {};
    if (input.name !== undefined && input.name !== null) set.name = input.name.trim();
    if (input.latitude !== undefined && input.latitude !== null) set.latitude = input.latitude;
    if (input.longitude !== undefined && input.longitude !== null) set.longitude = input.longitude;
    if (input.boundary !== undefined) set.boundary = input.boundary;
    if (input.linesOfWork !== undefined && input.linesOfWork !== null)
      set.linesOfWork = [...new Set(input.linesOfWork)];
    return bumpVersion(m, grid, input.expectedVersion, set);
  });
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

export async function retireGrid(ctx: AuthedContext, input: RetireGridInput): Promise<Grid> {
  const grid = await load(ctx, Grid, input.id, "id", "grid");
  await assertStreetWriter(ctx, grid.streetOfficeId);
  unchanged(grid);
  return ctx.db.run(async (m) => {
    // Whoever held a post in the grid holds it no longer.
    await m
      .createQueryBuilder()
      .update(StaffAssignment)
      .set({ endsOn: () => "greatest(starts_on, CAST(:today AS date))" } as never)
      .where("district_id = :d AND grid_id = :g AND ends_on IS NULL", {
        d: grid.districtId,
        g: grid.id,
        today: today(ctx),
      })
      .execute();
    return bumpVersion(m, grid, grid.version, {
      retiredAt: ctx.clock.now(),
      retiredReason: input.reason.trim(),
    });
  });
}
