import { type GridRow, type PersonRow, type StaffRole } from "./rows";
import { type Build } from "./plan";
import { type Housing } from "./compounds";
import { type Homes } from "./households";
import { addTag, type Residents } from "./persons";
import { dateIn } from "./words";

export interface Staff {
  chiefOf: Map<string, PersonRow>;
  workersOf: Map<string, PersonRow[]>;
}

/**
 * The posts of each grid, held by its residents: a grid chief and one or two grid workers;
 * building and unit heads in urban grids, villager group leaders and representatives in rural
 * ones; and a few posts that have ended.
 */
export function buildStaff(
  build: Build,
  housing: Housing,
  homes: Homes,
  residents: Residents,
): Staff {
  const { t, rng, plan, newId } = build;
  const { buildingsOfCompound, unitsOfBuilding } = housing;
  const {
    compoundsOfGrid,
    householdsOfGrid,
    householdsOfCompound,
    buildingOfHousehold,
    groupsOfGrid,
  } = homes;
  const { adultsOf } = residents;
  const assign = (
    person: PersonRow,
    grid: GridRow,
    role: StaffRole,
    startsOn: string,
    extra: { building_id?: string; unit_id?: string; ends_on?: string } = {},
  ) => {
    t.staff_assignment.push({
      id: newId(),
      person_id: person.id,
      grid_id: grid.id,
      building_id: extra.building_id ?? null,
      unit_id: extra.unit_id ?? null,
      role,
      starts_on: startsOn,
      ends_on: extra.ends_on ?? null,
    });
  };
  /** A person from `pool` not in `used`, preferring those `prefer` accepts. */
  const choose = (
    pool: readonly PersonRow[],
    used: ReadonlySet<string>,
    prefer: (p: PersonRow) => boolean = () => true,
  ): PersonRow | undefined => {
    const free = pool.filter((p) => !used.has(p.id));
    const good = free.filter(prefer);
    if (good.length) return rng.pick(good);
    if (free.length) return rng.pick(free);
    return undefined;
  };
  const workingAge = (p: PersonRow) => p.birth_year >= 1958 && p.birth_year <= 1997;
  const chiefAge = (p: PersonRow) => p.birth_year >= 1962 && p.birth_year <= 1992;
  const chiefOf = new Map<string, PersonRow>();
  const workersOf = new Map<string, PersonRow[]>();
  for (const g of t.grid) {
    const adults = adultsOf(householdsOfGrid.get(g.id) ?? []);
    const used = new Set<string>();
    const chief = choose(adults, used, chiefAge);
    if (!chief) throw new Error(`grid ${g.code} has no adult resident`);
    used.add(chief.id);
    chiefOf.set(g.id, chief);
    if (g.kind === "rural" || rng.chance(0.6)) addTag(chief, "party_member");
    assign(chief, g, "grid_chief", dateIn(rng, "2021-01-04", "2022-06-30"));
    const workers: PersonRow[] = [];
    const workerCount = rng.chance(0.55) ? 2 : 1;
    for (let k = 0; k < workerCount; k++) {
      const w = choose(adults, used, workingAge);
      if (!w) break;
      used.add(w.id);
      workers.push(w);
      assign(w, g, "grid_worker", dateIn(rng, "2021-01-04", "2022-12-30"));
    }
    workersOf.set(g.id, workers);
    if (g.kind === "urban") {
      for (const c of compoundsOfGrid.get(g.id) ?? []) {
        const households = householdsOfCompound.get(c.id) ?? [];
        for (const b of buildingsOfCompound.get(c.id) ?? []) {
          const inBuilding = households.filter((h) => buildingOfHousehold.get(h.id) === b.id);
          if (!inBuilding.length) continue;
          if (rng.chance(plan.buildingHeadShare)) {
            const head = choose(adultsOf(inBuilding), new Set(), (p) => p.birth_year <= 1990);
            if (head)
              assign(head, g, "building_head", dateIn(rng, "2021-03-01", "2022-09-30"), {
                building_id: b.id,
              });
          }
          for (const u of unitsOfBuilding.get(b.id) ?? []) {
            const inUnit = inBuilding.filter((h) => h.unit_id === u.id);
            if (!inUnit.length || !rng.chance(plan.unitHeadShare)) continue;
            const head = choose(adultsOf(inUnit), new Set(), (p) => p.birth_year <= 1990);
            if (head)
              assign(head, g, "unit_head", dateIn(rng, "2021-03-01", "2022-09-30"), {
                unit_id: u.id,
              });
          }
        }
      }
    } else {
      const households = householdsOfGrid.get(g.id) ?? [];
      for (const group of groupsOfGrid.get(g.id) ?? []) {
        const inGroup = households.filter((h) => h.villager_group === group);
        const leader = choose(adultsOf(inGroup), used, workingAge);
        if (!leader) continue;
        used.add(leader.id);
        assign(leader, g, "villager_group_leader", dateIn(rng, "2021-01-04", "2021-12-30"));
      }
      const reps = rng.int(2, 3);
      for (let k = 0; k < reps; k++) {
        const rep = choose(adults, used, (p) => p.birth_year <= 1990);
        if (!rep) break;
        used.add(rep.id);
        addTag(rep, "villager_representative");
        assign(rep, g, "villager_representative", dateIn(rng, "2021-01-04", "2021-12-30"));
      }
    }
  }
  // A few posts that have ended: the grid's earlier workers.
  for (const g of rng.sample(t.grid, plan.historicalAssignments)) {
    const current = new Set([
      chiefOf.get(g.id)!.id,
      ...(workersOf.get(g.id) ?? []).map((p) => p.id),
    ]);
    const former = choose(adultsOf(householdsOfGrid.get(g.id) ?? []), current, workingAge);
    if (!former) continue;
    const startsOn = dateIn(rng, "2018-03-01", "2019-12-31");
    assign(former, g, "grid_worker", startsOn, {
      ends_on: dateIn(rng, "2020-06-30", "2020-12-31"),
    });
  }
  return { chiefOf, workersOf };
}
