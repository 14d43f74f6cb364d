import { type Rng } from "../../demo/rng";
import {
  categoryWeights,
  complaintText,
  findingText,
  personName,
  phoneNumber,
} from "../../demo/case-texts";
import { type Gql, type TokenFor } from "./api";
import { SETUP, type Setup, type SimGrid } from "./operations";

/** What the district has: grids (for patrols and locations), departments, active categories. */
export interface SimDistrict {
  grids: SimGrid[];
  /** Department ids by code. */
  departments: Map<string, string>;
  /** Codes of the case categories in use. */
  active: Set<string>;
  /** The district lets grid staff resolve (else the street office handles first). */
  gridMayResolve: boolean;
}

export async function readDistrict(
  gql: Gql,
  token: TokenFor,
  where: { url: string; district: string },
): Promise<SimDistrict> {
  const setup = await gql<Setup>(SETUP, {}, await token("district_admin"));
  if (setup.errors?.length || !setup.data)
    throw new Error(
      `cannot read district ${where.district} from ${where.url}: ${setup.errors?.[0]?.message ?? "no data"}`,
    );
  const grids = setup.data.district.grids.edges.map((e) => e.node);
  const departments = new Map(
    setup.data.district.departments.edges.map((e) => [e.node.code, e.node.id]),
  );
  const active = new Set(
    setup.data.caseLimits.categories.filter((c) => c.active).map((c) => c.code),
  );
  if (departments.size === 0) throw new Error(`district ${where.district} has no departments`);
  if (active.size === 0) throw new Error(`district ${where.district} has no active case category`);
  const gridMayResolve = setup.data.caseLimits.settings.handlingRule === "grid_may_resolve";
  return { grids, departments, active, gridMayResolve };
}

export interface Intake {
  rng: Rng;
  token: TokenFor;
  district: SimDistrict;
}

/**
 * A new case as it comes in: a call taken by the operator, or (one in four) a grid worker's patrol
 * report, about what people of that kind of place report in this month.
 */
export async function newCase({
  rng,
  token,
  district,
}: Intake): Promise<{ input: Record<string, unknown>; bearer: string }> {
  const { grids, active } = district;
  const pickCategory = (channel: "hotline" | "grid_patrol", rural: boolean): string => {
    const month = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(5, 7));
    const weights = Object.entries(categoryWeights(channel, rural, month)).filter(([c]) =>
      active.has(c),
    );
    return weights.length ? rng.weighted(weights) : rng.pick([...active]);
  };
  const placeOf = (g: { name: string } | undefined) =>
    g ? g.name.replace(/第\d+网格$/, "") : "小区";
  const patrol = grids.length > 0 && rng.chance(0.25);
  const grid = grids.length ? rng.pick(grids) : undefined;
  const rural = grid?.kind === "rural";
  let input: Record<string, unknown>;
  let bearer: string;
  if (patrol && grid) {
    const category = pickCategory("grid_patrol", rural);
    input = {
      channel: "grid_patrol",
      categoryCode: category,
      description: findingText(rng, category, placeOf(grid)),
      gridId: grid.id,
    };
    bearer = await token("grid_worker", { grid: grid.code });
  } else {
    const category = pickCategory("hotline", rural);
    input = {
      channel: "hotline",
      categoryCode: category,
      description: complaintText(rng, category, placeOf(grid)),
      ...(grid ? { gridId: grid.id } : {}),
      complainantName: personName(rng),
      complainantPhone: phoneNumber(rng),
    };
    bearer = await token("operator");
  }
  return { input, bearer };
}
