import { apportion } from "../rng";
import { type CompoundRow, type GridRow, type HouseholdRow } from "./rows";
import { type Build } from "./plan";
import { type Areas } from "./areas";
import { type Housing } from "./compounds";
import { chineseNumber, pad2, ROADS } from "./words";

export interface Homes {
  compoundsOfGrid: Map<string, CompoundRow[]>;
  householdsOfGrid: Map<string, HouseholdRow[]>;
  householdsOfCompound: Map<string, HouseholdRow[]>;
  buildingOfHousehold: Map<string, string>;
  /** The villager groups (村民组) of a rural grid. */
  groupsOfGrid: Map<string, string[]>;
}

/**
 * Households: flats in the compounds' units, houses along the streets of grids without a
 * compound, and in the villages houses of villager groups.
 */
export function buildHouseholds(build: Build, areas: Areas, housing: Housing): Homes {
  const { t, rng, plan, newId, district } = build;
  const { communityById, urbanGrids, ruralGrids } = areas;
  const { keyCompounds, buildingsOfCompound, flatsPerFloor, unitsOfBuilding } = housing;
  const compoundsOfGrid = new Map<string, CompoundRow[]>();
  for (const c of t.compound) {
    const list = compoundsOfGrid.get(c.grid_id) ?? [];
    list.push(c);
    compoundsOfGrid.set(c.grid_id, list);
  }
  const meanHouseholds =
    t.compound.reduce((a, c) => a + c.household_count, 0) / Math.max(1, t.compound.length);
  const urbanEntities: Array<{ grid: GridRow; compound: CompoundRow | null }> = [];
  for (const g of urbanGrids) {
    const list = compoundsOfGrid.get(g.id);
    if (list) for (const c of list) urbanEntities.push({ grid: g, compound: c });
    else urbanEntities.push({ grid: g, compound: null });
  }
  const urbanShares = apportion(
    Math.round(plan.householdsPerUrbanGrid * urbanGrids.length),
    urbanEntities.map((e) => (e.compound ? e.compound.household_count : meanHouseholds * 0.45)),
    4,
  );
  const householdsOfGrid = new Map<string, HouseholdRow[]>();
  const householdsOfCompound = new Map<string, HouseholdRow[]>();
  const buildingOfHousehold = new Map<string, string>();
  const addHousehold = (h: HouseholdRow) => {
    t.household.push(h);
    const list = householdsOfGrid.get(h.grid_id) ?? [];
    list.push(h);
    householdsOfGrid.set(h.grid_id, list);
    if (h.compound_id) {
      const c = householdsOfCompound.get(h.compound_id) ?? [];
      c.push(h);
      householdsOfCompound.set(h.compound_id, c);
    }
  };
  for (const [i, e] of urbanEntities.entries()) {
    let n = urbanShares[i];
    if (e.compound) {
      const c = e.compound;
      if (keyCompounds.has(c)) n = Math.max(n, plan.minHouseholdsInKeyCompound);
      n = Math.min(n, Math.floor(c.household_count / 2));
      const buildings = buildingsOfCompound.get(c.id)!;
      const fpf = flatsPerFloor.get(c.id)!;
      const taken = new Set<string>();
      for (let k = 0; k < n; k++) {
        for (let attempt = 0; attempt < 50; attempt++) {
          const b = rng.pick(buildings);
          const u = rng.pick(unitsOfBuilding.get(b.id)!);
          const flat = `${rng.int(1, b.floors)}${pad2(rng.int(1, fpf))}`;
          const key = `${u.id}/${flat}`;
          if (taken.has(key)) continue;
          taken.add(key);
          const h: HouseholdRow = {
            id: newId(),
            grid_id: e.grid.id,
            compound_id: c.id,
            unit_id: u.id,
            villager_group: null,
            address: `${c.name}${b.number}号楼${u.number}单元${flat}`,
          };
          buildingOfHousehold.set(h.id, b.id);
          addHousehold(h);
          break;
        }
      }
    } else {
      // Houses along the streets of a grid without a compound (平房、沿街楼).
      const road = rng.pick(ROADS);
      const start = rng.int(1, 120);
      for (let k = 0; k < n; k++) {
        addHousehold({
          id: newId(),
          grid_id: e.grid.id,
          compound_id: null,
          unit_id: null,
          villager_group: null,
          address: `${district.name}${road}${start + k * rng.int(1, 3)}号`,
        });
      }
    }
  }
  // Rural: a village's grids share its villager groups (村民组), numbered through the village.
  const ruralShares = apportion(
    // Enough rural households for the toilet survey whatever the number of rural grids.
    Math.max(
      Math.round(plan.householdsPerRuralGrid * ruralGrids.length),
      Math.ceil(plan.toilets.records * 1.2),
    ),
    ruralGrids.map(() => 0.7 + 0.6 * rng.next()),
    6,
  );
  const groupsOfGrid = new Map<string, string[]>();
  const groupSeq = new Map<string, number>();
  for (const [i, g] of ruralGrids.entries()) {
    const village = communityById.get(g.community_id)!;
    const groups: string[] = [];
    const groupCount = rng.int(1, 3);
    for (let k = 0; k < groupCount; k++) {
      const n = (groupSeq.get(village.id) ?? 0) + 1;
      groupSeq.set(village.id, n);
      groups.push(`第${chineseNumber(n)}村民组`);
    }
    groupsOfGrid.set(g.id, groups);
    const houseNo = new Map<string, number>();
    for (let k = 0; k < ruralShares[i]; k++) {
      const group = groups[k % groups.length];
      const no = (houseNo.get(group) ?? 0) + rng.int(1, 3);
      houseNo.set(group, no);
      addHousehold({
        id: newId(),
        grid_id: g.id,
        compound_id: null,
        unit_id: null,
        villager_group: group,
        address: `${village.name}${group}${no}号`,
      });
    }
  }
  return {
    compoundsOfGrid,
    householdsOfGrid,
    householdsOfCompound,
    buildingOfHousehold,
    groupsOfGrid,
  };
}
