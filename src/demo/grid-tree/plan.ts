import mingshan from "../data/mingshan.json";
import renovation from "../data/renovation.json";
import villageData from "../data/villages.json";
import { apportion, type Rng, seedOf } from "../rng";
import {
  type DistrictInfo,
  type GridTree,
  type VillageProjectRow,
  type RenovationProjectRow,
} from "./rows";
import { CENTRES, GENERIC_STREET_OFFICES, pad2, REGION_CODES, STREET_OFFICES } from "./words";
import { extend } from "../../common/objects";

/**
 * Plans: what to build. Mingshan's is the 2022 report (../data/mingshan.json); the others are
 * drawn from the PRNG. Each stage of the generator works on a `Build`: the district, its plan, the
 * PRNG and the rows so far.
 */

export interface Build {
  district: DistrictInfo;
  plan: Plan;
  rng: Rng;
  newId: () => string;
  t: GridTree;
}

interface StreetPlan {
  code: string;
  name: string;
  communities: number;
  villages: number;
}
interface DesignationPlan {
  village: string;
  kind: "demonstration" | "livable";
  theme: string | null;
  featuredIndustry: string | null;
  year: number;
  projects: Array<Omit<VillageProjectRow, "id" | "village_id">>;
}
interface ProjectPlan {
  code: string;
  name: string;
  kind: RenovationProjectRow["kind"];
  investment: number;
  /** Indices into the renovated compounds. */
  compounds: number[];
  progress: Array<[day: string, percent: number, note: string]>;
}
interface BidPlan {
  project: number;
  amount: number;
  contractor: string;
  awardedOn: string;
}
export interface Plan {
  regionCode: string;
  centre: [number, number];
  streets: StreetPlan[];
  /** Villages with a fixed name: street index and name. */
  namedVillages: Array<[street: number, name: string]>;
  grids: number;
  ruralGridsPerVillage: [number, number];
  householdsPerUrbanGrid: number;
  householdsPerRuralGrid: number;
  /** The minimum sample of households in a compound with a committee or a renovation. */
  minHouseholdsInKeyCompound: number;
  oldCompounds: number;
  newCompounds: number;
  /**
   * Renovated compounds (all old, in the first `renovationStreets` street offices); `street`, an
   * index into `streets`, places one in that street office.
   */
  renovated: Array<{ street?: number; buildings: number; households: number }>;
  renovationStreets: number;
  committees: { active: number; preparing: number; expired: number };
  selfManaged: number;
  designations: DesignationPlan[];
  toilets: { records: number; toilets: number; repaired: number; restored: number };
  projects: ProjectPlan[];
  bids: BidPlan[];
  historicalAssignments: number;
  buildingHeadShare: number;
  unitHeadShare: number;
  /** The report's figures are checked after generation when set. */
  exact: boolean;
}

const CONTRACTORS: string[] = renovation.contractors;
const LIVABLE_PROJECTS: Array<Omit<VillageProjectRow, "id" | "village_id" | "achieved">> =
  villageData.livableProjects;
const LIVABLE_INDUSTRIES: string[] = villageData.livableIndustries;

function livableProjects(rng: Rng): DesignationPlan["projects"] {
  return rng.sample(LIVABLE_PROJECTS, rng.int(1, 3)).map((p) => {
    const target = Math.max(1, Math.round((p.target * (0.6 + 0.8 * rng.next())) / 10) * 10);
    return extend(p, { target, achieved: Math.round(target * (0.4 + 0.6 * rng.next())) });
  });
}

/**
 * Mingshan (明山区), 2022: the report's figures. The renovated compounds add up to 85 buildings and
 * 5,113 households in the 明山, 北地 and 高峪 street offices; the livable villages are drawn like
 * those of other districts.
 */
function mingshanPlan(rng: Rng): Plan {
  const livable = (village: string): DesignationPlan => ({
    village,
    kind: "livable",
    theme: "美丽宜居",
    featuredIndustry: rng.pick(LIVABLE_INDUSTRIES),
    year: 2022,
    projects: livableProjects(rng),
  });
  const {
    namedVillages,
    ruralGridsPerVillage: [fewest, most],
    demonstrationVillages,
    livableVillages,
    projects,
    ...figures
  } = mingshan;
  return extend(figures, {
    centre: CENTRES.mingshan,
    namedVillages: namedVillages.map(({ street, name }): [number, string] => [street, name]),
    ruralGridsPerVillage: [fewest, most] as [number, number],
    designations: [
      ...(demonstrationVillages as DesignationPlan[]),
      ...Array.from({ length: livableVillages }, () => livable("")),
    ],
    projects: projects.map(({ progress, ...p }) =>
      extend(p, {
        kind: p.kind as RenovationProjectRow["kind"],
        progress: progress.map(({ day, percent, note }): [string, number, string] => [
          day,
          percent,
          note,
        ]),
      }),
    ),
    exact: true,
  });
}

/** The plan of a district: the report's for Mingshan at full size, a compact one otherwise. */
export function planOf(rng: Rng, district: DistrictInfo, size: "full" | "small"): Plan {
  return size === "full" ? mingshanPlan(rng) : smallPlan(rng, district);
}

function smallPlan(rng: Rng, d: DistrictInfo): Plan {
  const pool = STREET_OFFICES[d.code] ?? GENERIC_STREET_OFFICES;
  const streetCount = Math.min(pool.length, rng.int(2, 3));
  const communities = rng.int(4, 8);
  const villages = rng.int(1, 3);
  const perStreet = apportion(
    communities - 1,
    pool.slice(0, streetCount).map(() => 1),
    0,
  );
  perStreet[0] += 1;
  const streets = pool.slice(0, streetCount).map(([name, code], i) => ({
    code,
    name,
    communities: perStreet[i],
    villages: i === streetCount - 1 ? villages : 0,
  }));
  const renovatedCount = rng.int(2, 3);
  const renovated = Array.from({ length: renovatedCount }, () => {
    const buildings = rng.int(3, 6);
    return { buildings, households: buildings * rng.int(40, 64) };
  });
  const kind = rng.pick(["building_body", "infrastructure"] as const);
  const investment = rng.int(2000, 8000) * 1000;
  const finalProgress = rng.int(4, 12) * 5;
  const steps = [
    ["2022-05-31", "施工单位进场"],
    ["2022-06-30", "主体施工"],
    ["2022-07-29", "施工过半"],
    ["2022-08-25", "按计划推进"],
  ] as const;
  const progressCount = rng.int(2, 4);
  const progress: ProjectPlan["progress"] = steps
    .slice(0, progressCount)
    .map(([day, note], i) => [day, Math.round((finalProgress * (i + 1)) / progressCount), note]);
  const committees = rng.int(2, 3);
  return {
    regionCode: REGION_CODES[d.code] ?? `2105${pad2(50 + (seedOf(d.code) % 50))}`,
    centre: CENTRES[d.code] ?? CENTRES.mingshan,
    streets,
    namedVillages: [],
    grids: rng.int(30, 50),
    ruralGridsPerVillage: [2, 3],
    householdsPerUrbanGrid: 4.5,
    householdsPerRuralGrid: 14,
    minHouseholdsInKeyCompound: 7,
    oldCompounds: rng.int(11, 14),
    newCompounds: rng.int(5, 8),
    renovated,
    renovationStreets: streetCount,
    committees: { active: committees - 1, preparing: 1, expired: 0 },
    selfManaged: 1,
    designations: [
      {
        village: "",
        kind: rng.chance(0.5) ? "demonstration" : "livable",
        theme: rng.pick(["美丽宜居", "生态旅游", "特色种植"]),
        featuredIndustry: rng.pick(LIVABLE_INDUSTRIES),
        year: 2022,
        projects: livableProjects(rng),
      },
    ],
    // Records: 85 % of the rural households made; toilets: that many plus these extra ones.
    toilets: {
      records: 0,
      toilets: rng.int(2, 6),
      repaired: rng.int(1, 2),
      restored: rng.int(2, 4),
    },
    projects: [
      {
        code: `2022-${kind.replace("_", "-")}`,
        name:
          kind === "building_body"
            ? "2022年老旧小区改造楼体改造工程"
            : "2022年老旧小区改造配套基础设施改造工程",
        kind,
        investment,
        compounds: renovated.map((_, i) => i),
        progress,
      },
    ],
    bids: [
      {
        project: 0,
        amount: Math.round((investment * (0.4 + 0.3 * rng.next())) / 1000) * 1000,
        contractor: rng.pick(CONTRACTORS),
        awardedOn: "2022-05-20",
      },
    ],
    historicalAssignments: rng.int(1, 3),
    buildingHeadShare: 0.4,
    unitHeadShare: 0.25,
    exact: false,
  };
}

/** The report's figures, checked on the generated rows (a wrong plan fails here, not in a demo). */
export function checkFigures(t: GridTree, plan: Plan): void {
  const problems: string[] = [];
  const want = (what: string, actual: number, wanted: number) => {
    if (actual !== wanted) problems.push(`${what}: ${actual}, wanted ${wanted}`);
  };
  const count = <T>(rows: T[], p: (r: T) => boolean) => rows.filter(p).length;
  want("street offices", t.street_office.length, plan.streets.length);
  want(
    "communities",
    count(t.community, (c) => c.kind === "community"),
    sum(plan.streets.map((s) => s.communities)),
  );
  want(
    "villages",
    count(t.community, (c) => c.kind === "village"),
    sum(plan.streets.map((s) => s.villages)),
  );
  want("grids", t.grid.length, plan.grids);
  want(
    "old compounds",
    count(t.compound, (c) => c.is_old),
    plan.oldCompounds,
  );
  want("owner committees", t.owner_committee.length, sum(Object.values(plan.committees)));
  for (const status of ["active", "preparing", "expired"] as const) {
    want(
      `${status} owner committees`,
      count(t.owner_committee, (c) => c.status === status),
      plan.committees[status],
    );
  }
  want(
    "self-managed",
    count(t.compound, (c) => c.self_managed),
    plan.selfManaged,
  );
  want("toilet records", t.toilet_survey.length, plan.toilets.records);
  want("toilets", sum(t.toilet_survey.map((r) => r.toilets)), plan.toilets.toilets);
  want(
    "repaired",
    count(t.toilet_survey, (r) => r.remedy === "repaired"),
    plan.toilets.repaired,
  );
  want(
    "restored",
    count(t.toilet_survey, (r) => r.remedy === "restored"),
    plan.toilets.restored,
  );
  // The report counts toilets, not households: a remedied household holds exactly one.
  for (const remedy of ["repaired", "restored"] as const) {
    want(
      `${remedy} toilets`,
      sum(t.toilet_survey.filter((r) => r.remedy === remedy).map((r) => r.toilets)),
      plan.toilets[remedy],
    );
  }
  const linked = new Set(t.renovation_project_compound.map((l) => l.compound_id));
  const renovated = t.compound.filter((c) => linked.has(c.id));
  want("renovated compounds", renovated.length, plan.renovated.length);
  want(
    "renovated buildings",
    sum(renovated.map((c) => c.building_count)),
    sum(plan.renovated.map((r) => r.buildings)),
  );
  want(
    "renovated households",
    sum(renovated.map((c) => c.household_count)),
    sum(plan.renovated.map((r) => r.households)),
  );
  const grids = new Map(t.grid.map((g) => [g.id, g]));
  const streetCodes = new Map(t.street_office.map((s) => [s.id, s.code]));
  const placed = plan.renovated.some((r) => r.street !== undefined);
  for (const [i, street] of placed ? plan.streets.entries() : []) {
    want(
      `renovated compounds in ${street.code}`,
      count(
        renovated,
        (c) => streetCodes.get(grids.get(c.grid_id)!.street_office_id) === street.code,
      ),
      count(plan.renovated, (r) => r.street === i),
    );
  }
  want("village designations", t.village_designation.length, plan.designations.length);
  const households = new Map(t.household.map((h) => [h.id, h]));
  const surveyedStreets = new Set(
    t.toilet_survey.map(
      (r) => grids.get(households.get(r.household_id)!.grid_id)!.street_office_id,
    ),
  );
  want(
    "surveyed street offices",
    surveyedStreets.size,
    plan.streets.filter((s) => s.villages > 0).length,
  );
  if (problems.length)
    throw new Error(`demo grid tree does not match the report: ${problems.join("; ")}`);
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
