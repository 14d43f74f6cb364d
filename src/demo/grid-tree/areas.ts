import { apportion } from "../rng";
import { type CommunityRow, type GridRow, LINES_OF_WORK, type StreetOfficeRow } from "./rows";
import { type Build } from "./plan";
import { cellsOf } from "./cells";
import {
  chineseNumber,
  COMMUNITY_STEMS,
  jitter,
  pad2,
  polygonAround,
  round6,
  VILLAGE_STEMS,
} from "./words";

export interface Areas {
  /** A street office's position in the plan, by id. */
  streetIndex: Map<string, number>;
  communityById: Map<string, CommunityRow>;
  /** Villages the plan names (the report's demonstration villages). */
  named: Set<string>;
  urbanGrids: GridRow[];
  ruralGrids: GridRow[];
}

/** Street offices, their communities and villages, and the grids of each. */
export function buildAreas(build: Build): Areas {
  const { t, rng, plan, newId } = build;
  const communityNames = rng.shuffle(COMMUNITY_STEMS);
  const named = new Set(plan.namedVillages.map(([, n]) => n));
  const villageNames = rng.shuffle(VILLAGE_STEMS.map((s) => `${s}村`).filter((n) => !named.has(n)));
  const streetIndex = new Map<string, number>();
  const areaCentre = new Map<string, [number, number]>();
  for (const [si, sp] of plan.streets.entries()) {
    const so: StreetOfficeRow = { id: newId(), code: sp.code, name: sp.name };
    t.street_office.push(so);
    streetIndex.set(so.id, si);
    const far = sp.villages > 0 ? 0.05 : 0.022;
    const centre: [number, number] = [
      plan.centre[0] + (rng.next() * 2 - 1) * far,
      plan.centre[1] + (rng.next() * 2 - 1) * far * 1.3,
    ];
    for (let i = 1; i <= sp.communities; i++) {
      const c: CommunityRow = {
        id: newId(),
        street_office_id: so.id,
        code: `${sp.code}-c${pad2(i)}`,
        name: `${communityNames.shift() ?? `第${chineseNumber(i)}`}社区`,
        kind: "community",
      };
      t.community.push(c);
      areaCentre.set(c.id, jitter(rng, centre, 0.007));
    }
    const fixed = plan.namedVillages.filter(([s]) => s === si).map(([, n]) => n);
    for (let i = 1; i <= sp.villages; i++) {
      const v: CommunityRow = {
        id: newId(),
        street_office_id: so.id,
        code: `${sp.code}-v${pad2(i)}`,
        name: fixed[i - 1] ?? villageNames.shift() ?? `${sp.name.slice(0, 2)}${chineseNumber(i)}村`,
        kind: "village",
      };
      t.community.push(v);
      areaCentre.set(v.id, jitter(rng, centre, 0.02));
    }
  }
  const communityById = new Map(t.community.map((c) => [c.id, c]));

  // Grids: a few in each village, the rest spread over the communities.
  const villages = t.community.filter((c) => c.kind === "village");
  const urbanAreas = t.community.filter((c) => c.kind === "community");
  const ruralCounts = villages.map(() => rng.int(...plan.ruralGridsPerVillage));
  const ruralTotal = ruralCounts.reduce((a, b) => a + b, 0);
  const urbanCounts = apportion(
    plan.grids - ruralTotal,
    urbanAreas.map(() => 0.7 + 0.6 * rng.next()),
    1,
  );
  const gridCount = new Map<string, number>();
  urbanAreas.forEach((c, i) => gridCount.set(c.id, urbanCounts[i]));
  villages.forEach((c, i) => gridCount.set(c.id, ruralCounts[i]));
  for (const c of t.community) {
    const n = gridCount.get(c.id) ?? 0;
    for (let i = 1; i <= n; i++) {
      const [lat, lng] = jitter(rng, areaCentre.get(c.id)!, c.kind === "village" ? 0.006 : 0.0025);
      const lines = LINES_OF_WORK.filter(
        (l, k) => k < 2 || rng.chance(l === "epidemic_control" || l === "fire_safety" ? 0.8 : 0.5),
      );
      // The draws of the outlines once drawn here at random stay, so that every row after keeps
      // its values; the outlines are the cells computed below.
      if (rng.chance(0.35)) polygonAround(rng, lat, lng);
      t.grid.push({
        id: newId(),
        community_id: c.id,
        street_office_id: c.street_office_id,
        code: `${c.code}-g${pad2(i)}`,
        name: `${c.name}第${i}网格`,
        kind: c.kind === "village" ? "rural" : "urban",
        latitude: round6(lat),
        longitude: round6(lng),
        boundary: null,
        lines_of_work: lines.length >= 3 ? lines : [...LINES_OF_WORK.slice(0, 3)],
      });
    }
  }
  // Every grid's outline: the district's area shared among its grids, nearest centre first.
  cellsOf(t.grid).forEach((cell, i) => (t.grid[i].boundary = cell));
  const urbanGrids = t.grid.filter((g) => g.kind === "urban");
  const ruralGrids = t.grid.filter((g) => g.kind === "rural");
  return { streetIndex, communityById, named, urbanGrids, ruralGrids };
}
