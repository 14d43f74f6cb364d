import {
  asDistrict,
  buildCity,
  buildDepartment,
  buildDistrict,
  tokenFor,
  type BuiltDistrict,
} from "./index";
import { insertCaseDefaults } from "../../src/modules/cases/settings.service";
import { buildTree, gid, type BuiltTree } from "./tree";
import { CreateCaseDocument, type CreateCaseInput } from "../generated/graphql";
import { gql, ok } from "../helpers/server";

/**
 * A district with its tree, two departments and a token per role of the case workflow.
 * `handlingRule`: most tests move cases through the grid and let it resolve, so the world's
 * district lets it (grid_may_resolve) unless told; null leaves the platform's default (street
 * first, 街道首办), which test/api/street-first.test.ts and the demo exercise.
 */
export async function buildCaseWorld(
  opts: {
    city?: { id: string; code: string; name: string };
    handlingRule?: "street_first" | "grid_may_resolve" | null;
  } = {},
) {
  const city = opts.city ?? (await buildCity());
  const district: BuiltDistrict = await buildDistrict({ city });
  const housing = await buildDepartment({ district, code: "housing", name: "住建局" });
  const urban = await buildDepartment({ district, code: "urban_management", name: "城管局" });
  const water = await buildDepartment({ district, code: "water", name: "水务局" });
  const tree: BuiltTree = await buildTree(district);
  const handlingRule = opts.handlingRule === undefined ? "grid_may_resolve" : opts.handlingRule;
  if (handlingRule)
    await asDistrict(district.id, async (q) => {
      await insertCaseDefaults((sql, params) => q(sql, params), district.id);
      await q("UPDATE case_setting SET handling_rule = $2 WHERE district_id = $1", [
        district.id,
        handlingRule,
      ]);
    });
  const as = (role: string, extra = {}) => tokenFor({ district, role }, extra);
  const tokens = {
    operator: await as("operator"),
    command: await as("command_center"),
    admin: await as("district_admin"),
    inspector: await as("inspector"),
    worker: await as("grid_worker", { grids: ["so-a-c01-g01"] }),
    chief: await as("grid_chief", { grids: ["so-a-c01-g01"] }),
    otherWorker: await as("grid_worker", { grids: ["so-a-c01-g02"] }),
    street: await as("street_officer", { street: "so-a" }),
    otherStreet: await as("street_officer", { street: "so-b" }),
    housing: await as("department", { department: "housing" }),
    urban: await as("department", { department: "urban_management" }),
    water: await as("department", { department: "water" }),
    resident: await as("resident"),
    resident2: await as("resident", { sub: `${district.code}.resident2` }),
  };
  return { city, district, tree, housing, urban, water, tokens };
}

export type CaseWorld = Awaited<ReturnType<typeof buildCaseWorld>>;

/** A hotline call taken in by the world's operator through the API (grid A unless told). */
export async function hotlineCase(
  server: { url: string },
  world: CaseWorld,
  input: Partial<CreateCaseInput> = {},
) {
  return ok(
    await gql(
      server,
      CreateCaseDocument,
      {
        input: {
          channel: "hotline",
          categoryCode: "roads",
          description: "路灯不亮",
          gridId: gid("Grid", world.tree.gridA),
          ...input,
        },
      },
      world.tokens.operator,
    ),
  ).createCase;
}
