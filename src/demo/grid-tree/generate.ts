import { uuidv7 } from "../../common/ids";
import { Rng, seedOf } from "../rng";
import { type DistrictInfo, type GridTree } from "./rows";
import { type Build, checkFigures, planOf } from "./plan";
import { buildAreas } from "./areas";
import { buildCompounds } from "./compounds";
import { buildHouseholds } from "./households";
import { buildPersons } from "./persons";
import { buildOrganizations } from "./organizations";
import { buildStaff } from "./staff";
import { buildCommittees } from "./committees";
import { buildToiletSurvey, buildVillageDesignations } from "./villages";
import { buildConsultations, buildRenovation } from "./renovation";

/**
 * The demo district's administrative tree and everything in it (street offices down to persons,
 * staff posts, owner committees, beautiful villages, the rural toilet survey, the renovation of old
 * compounds and the residents' consultations), made up but plausible.
 *
 * Mingshan (明山区) is built to the figures of the 2022 report (docs: /work/shared/DOMAIN.md):
 * 7 street offices, 55 communities, 26 villages, 702 grids, 282 old compounds, 76 owner committees
 * formed in 2022, 23 self-managed compounds, 7 beautiful villages, the toilet survey (1,015
 * households, 1,106 toilets, 19 toilets repaired, 69 restored), the 2022 renovation (13 compounds
 * in 明山, 北地 and 高峪, 85 buildings, 5,113 households; the building body in two projects whose 5
 * bid sections, 16,505,000 yuan, went on site in August 2022 and were 30 % done by the report,
 * then infrastructure and gas pipelines). What the report leaves open (how the compounds, the
 * money and the progress of the other projects are split) is ours; the README says which.
 * Every other district gets a smaller but complete tree from the same code.
 *
 * Pure: no I/O, no clock. The data comes from a PRNG seeded with the district's code, so a district
 * always gets the same tree; only the ids come from `newId` (uuidv7 unless given).
 *
 * Compounds carry their registered building and household counts (`building_count`,
 * `household_count`); buildings and units are all there, but the household rows are a sample of
 * the registered households (about one in thirteen), which keeps the demo at ~30,000 persons.
 *
 * The stages below run in a fixed order, each drawing from the one PRNG: changing the order, or
 * the draws of a stage, changes every row after it.
 */

export interface GenerateOptions {
  /** Id factory; uuidv7 by default. Tests pass a counter to compare two runs. */
  newId?: () => string;
  /** "full" builds the report's figures (Mingshan's default); "small" a compact tree. */
  size?: "full" | "small";
}

export function generateGridTree(district: DistrictInfo, options: GenerateOptions = {}): GridTree {
  const newId = options.newId ?? uuidv7;
  const rng = new Rng(seedOf(`civic-grid:${district.code}`));
  const size = options.size ?? (district.code === "mingshan" ? "full" : "small");
  const plan = planOf(rng, district, size);
  const t: GridTree = {
    street_office: [],
    community: [],
    grid: [],
    compound: [],
    building: [],
    building_unit: [],
    household: [],
    person: [],
    organization: [],
    staff_assignment: [],
    owner_committee: [],
    committee_member: [],
    village_designation: [],
    village_project: [],
    toilet_survey: [],
    renovation_project: [],
    renovation_project_compound: [],
    bid_section: [],
    renovation_progress: [],
    consultation: [],
    proposal: [],
    vote: [],
    consultation_comment: [],
  };
  const build: Build = { district, plan, rng, newId, t };

  const areas = buildAreas(build);
  const housing = buildCompounds(build, areas);
  const homes = buildHouseholds(build, areas, housing);
  const residents = buildPersons(build);
  buildOrganizations(build, areas, homes);
  const staff = buildStaff(build, housing, homes, residents);
  buildCommittees(build, housing, homes, residents);
  buildVillageDesignations(build, areas);
  buildToiletSurvey(build);
  const projects = buildRenovation(build, housing);
  const demo = buildConsultations(build, housing, homes, residents, staff, projects);

  // Tokens `<district>.resident|grid_chief|grid_worker` map to these persons.
  demo.resident.subject = `${district.code}.resident`;
  demo.demoChief.subject = `${district.code}.grid_chief`;
  if (demo.demoWorker) demo.demoWorker.subject = `${district.code}.grid_worker`;

  if (plan.exact) checkFigures(t, plan);
  return t;
}
