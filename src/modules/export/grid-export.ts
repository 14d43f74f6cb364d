import { type AuthedContext } from "../../context/context";
import { MAX_PAGE_SIZE } from "../../common/connection";
import { badInput } from "../../common/errors";
import { toGlobalId } from "../../common/ids";
import { GridFilterArgs } from "../grid/grid.args";
import { districtPage, sortOf } from "../grid/grid.query";
import { Community, Grid, StreetOffice } from "../grid/tree.entity";
import { TreeOrder } from "../grid/grid.enums";
import { mapPositions, wgs84ToGcj02 } from "./gcj02";

/** How positions are written: as stored (WGS 84), or shifted to GCJ-02 for Chinese web maps. */
export type Crs = "wgs84" | "gcj02";

const PARAMS = new Set(["crs", "streetOfficeId", "communityId", "includeRetired"]);

/** The parameters of the grids export: `crs`, and the `grids` list's filters of the same names. */
export function gridParamsOf(q: Record<string, unknown>): { crs: Crs; filter: GridFilterArgs } {
  const unknown = Object.keys(q).find((k) => !PARAMS.has(k));
  if (unknown !== undefined)
    throw badInput(
      unknown.slice(0, 60),
      `unknown parameter ${JSON.stringify(unknown.slice(0, 60))}; the parameters are ${[...PARAMS].join(", ")}`,
    );
  for (const [k, v] of Object.entries(q))
    if (typeof v !== "string" || v === "") throw badInput(k, `give ${k} once, not empty`);
  const crs = (q.crs ?? "wgs84") as string;
  if (crs !== "wgs84" && crs !== "gcj02") throw badInput("crs", "crs must be wgs84 or gcj02");
  const retired = q.includeRetired as string | undefined;
  if (retired !== undefined && retired !== "true" && retired !== "false")
    throw badInput("includeRetired", "includeRetired must be true or false");
  const filter = Object.assign(new GridFilterArgs(), {
    streetOfficeId: q.streetOfficeId as string | undefined,
    communityId: q.communityId as string | undefined,
    includeRetired: retired === "true",
  });
  // Decoded (and refused, for an id of the wrong kind) before anything is written.
  filter.filters();
  return { crs, filter };
}

/** The caller's one district: a city-scope caller has none, as `district` answers it. */
export function ownDistrict(ctx: AuthedContext): string {
  const id = ctx.principal.districtId;
  if (!id)
    throw badInput("district", "a city-scope caller has no single district: export per district");
  return id;
}

/**
 * A page of the caller's district's grids, by code, as GeoJSON features: the `grids` list of
 * `district` (districtPage, its filters) with each grid's street office and community.
 */
export async function gridFeatures(
  ctx: AuthedContext,
  q: { filter: GridFilterArgs; after: string | null; crs: Crs },
): Promise<{ features: unknown[]; next: string | null }> {
  const page = await districtPage(
    ctx,
    Grid,
    ownDistrict(ctx),
    q.filter.filters(),
    { first: MAX_PAGE_SIZE, after: q.after ?? undefined },
    sortOf<Grid>(TreeOrder.code),
  );
  const features = await Promise.all(
    page.edges.map(async ({ node: g }) => {
      const [street, community] = await Promise.all([
        ctx.loaders.entity(StreetOffice).load(g.streetOfficeId),
        ctx.loaders.entity(Community).load(g.communityId),
      ]);
      const b = g.boundary as { type: string; coordinates: unknown } | null;
      const geometry =
        b && q.crs === "gcj02"
          ? { ...b, coordinates: mapPositions(b.coordinates, wgs84ToGcj02) }
          : b;
      return {
        type: "Feature",
        id: toGlobalId("Grid", g.id),
        geometry,
        properties: {
          code: g.code,
          name: g.name,
          kind: g.kind,
          streetOffice: street ? { code: street.code, name: street.name } : null,
          community: community
            ? { code: community.code, name: community.name, kind: community.kind }
            : null,
          retiredAt: g.retiredAt ? g.retiredAt.toISOString() : null,
        },
      };
    }),
  );
  return { features, next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null };
}
