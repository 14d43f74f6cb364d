import { type BuildingRow, type BuildingUnitRow, type CompoundRow, type GridRow } from "./rows";
import { type Build } from "./plan";
import { type Areas } from "./areas";
import {
  chineseNumber,
  COMPOUND_STEMS,
  NEW_COMPOUND_SUFFIXES,
  OLD_COMPOUND_SUFFIXES,
  pad2,
  ROADS,
  WORK_UNITS,
} from "./words";

export interface Housing {
  /** The plan's renovated compounds, in the plan's order. */
  renovatedCompounds: CompoundRow[];
  flatsPerFloor: Map<string, number>;
  unitsOfBuilding: Map<string, BuildingUnitRow[]>;
  buildingsOfCompound: Map<string, BuildingRow[]>;
  committeeCompounds: CompoundRow[];
  /** Compounds with a committee or a renovation: they need a larger sample of households. */
  keyCompounds: Set<CompoundRow>;
}

/** Compounds of the urban grids, old and new, with all their buildings and units. */
export function buildCompounds(build: Build, areas: Areas): Housing {
  const { t, rng, plan, newId, district } = build;
  const { streetIndex, communityById, urbanGrids } = areas;
  const streetOf = (g: GridRow) => streetIndex.get(g.street_office_id) ?? 0;
  const compoundNames = new Set<string>();
  const compoundName = (old: boolean): string => {
    for (let attempt = 0; ; attempt++) {
      let name: string;
      if (old && rng.chance(0.3)) {
        const ordinal = rng.chance(0.5) ? chineseNumber(rng.int(1, 5)) : "";
        name = `${rng.pick(WORK_UNITS)}${ordinal}宿舍`;
      } else {
        const stem = rng.pick(COMPOUND_STEMS);
        name = `${stem}${old ? rng.weighted(OLD_COMPOUND_SUFFIXES) : rng.pick(NEW_COMPOUND_SUFFIXES)}`;
      }
      if (attempt > 50) name = `${name}${chineseNumber((attempt % 9) + 1)}期`;
      if (!compoundNames.has(name)) {
        compoundNames.add(name);
        return name;
      }
    }
  };
  const compoundTotal = plan.oldCompounds + plan.newCompounds;
  // The demo grid (the first grid of the first community) has a compound: its staff have one to show.
  const slots = [urbanGrids[0], ...rng.shuffle(urbanGrids.slice(1))];
  const oldFlags = rng.shuffle(
    Array.from({ length: compoundTotal }, (_, i) => i < plan.oldCompounds),
  );
  const drafts = oldFlags.map((isOld, k) => ({ grid: slots[k % slots.length], isOld }));
  drafts.sort((a, b) => (a.grid.code < b.grid.code ? -1 : a.grid.code > b.grid.code ? 1 : 0));
  // The renovated compounds: old ones in the first street offices, each in the street office its
  // plan names (the report's: 明山, 北地, 高峪), else anywhere among them.
  const eligible = rng.shuffle(
    drafts.filter((d) => d.isOld && streetOf(d.grid) < plan.renovationStreets),
  );
  const taken = new Set<(typeof drafts)[number]>();
  const renovatedDrafts = plan.renovated.map((r, i) => {
    const d = eligible.find(
      (e) => !taken.has(e) && (r.street === undefined || streetOf(e.grid) === r.street),
    );
    if (!d) throw new Error(`${district.code}: no old compound left for renovated compound ${i}`);
    taken.add(d);
    return d;
  });
  const renovatedIndex = new Map(renovatedDrafts.map((d, i) => [d, i]));
  const renovatedCompounds: CompoundRow[] = [];

  const compoundSeq = new Map<string, number>();
  const flatsPerFloor = new Map<string, number>();
  const unitsOfBuilding = new Map<string, BuildingUnitRow[]>();
  const buildingsOfCompound = new Map<string, BuildingRow[]>();
  for (const d of drafts) {
    const community = communityById.get(d.grid.community_id)!;
    const seq = (compoundSeq.get(community.id) ?? 0) + 1;
    compoundSeq.set(community.id, seq);
    const ri = renovatedIndex.get(d);
    const fixed = ri === undefined ? undefined : plan.renovated[ri];
    const buildingCount =
      fixed?.buildings ?? (d.isOld ? rng.int(2, 3) + rng.int(0, 9) : rng.int(3, 14));
    const compound: CompoundRow = {
      id: newId(),
      grid_id: d.grid.id,
      code: `${community.code}-x${pad2(seq)}`,
      name: compoundName(d.isOld),
      address: `${district.name}${rng.pick(ROADS)}${rng.int(1, 260)}号`,
      year_built: d.isOld ? rng.int(1962, 1999) : rng.int(2003, 2019),
      building_count: buildingCount,
      household_count: 0,
      is_old: d.isOld,
      self_managed: false,
    };
    const buildings: BuildingRow[] = [];
    let stairFloors = 0;
    for (let b = 1; b <= buildingCount; b++) {
      const floors = d.isOld ? (fixed ? rng.int(6, 7) : rng.int(5, 7)) : rng.int(6, 18);
      const building: BuildingRow = {
        id: newId(),
        compound_id: compound.id,
        number: String(b),
        floors,
      };
      const unitCount = fixed ? rng.int(3, 4) : rng.int(2, 4);
      const units: BuildingUnitRow[] = [];
      for (let u = 1; u <= unitCount; u++) {
        units.push({ id: newId(), building_id: building.id, number: String(u) });
      }
      stairFloors += unitCount * floors;
      buildings.push(building);
      unitsOfBuilding.set(building.id, units);
      t.building.push(building);
      t.building_unit.push(...units);
    }
    if (fixed) {
      compound.household_count = fixed.households;
      flatsPerFloor.set(compound.id, Math.ceil(fixed.households / stairFloors));
    } else {
      const fpf = d.isOld ? 2 : rng.pick([2, 2, 3]);
      flatsPerFloor.set(compound.id, fpf);
      compound.household_count = Math.round(stairFloors * fpf * (0.9 + 0.1 * rng.next()));
    }
    buildingsOfCompound.set(compound.id, buildings);
    t.compound.push(compound);
    if (ri !== undefined) renovatedCompounds[ri] = compound;
  }

  // Committees: compounds chosen now, so that they get a large enough sample of households.
  const committeeTotal =
    plan.committees.active + plan.committees.preparing + plan.committees.expired;
  const committeeCompounds = rng.sample(t.compound, committeeTotal);
  const keyCompounds = new Set([...committeeCompounds, ...renovatedCompounds]);
  return {
    renovatedCompounds,
    flatsPerFloor,
    unitsOfBuilding,
    buildingsOfCompound,
    committeeCompounds,
    keyCompounds,
  };
}
