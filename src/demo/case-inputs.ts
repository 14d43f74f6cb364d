import { type ClientBase } from "pg";
import { type CategoryInfo, type GridInfo, type Settings } from "./case-world";
import { extend } from "../common/objects";

/**
 * What a district's month is played from: its case rules (settings, categories, departments,
 * calendar, log head) and its places (grids with their compounds and people, joint committees'
 * units), read from the database in the order the script takes them, or made from rows given in
 * that order (tree-places.ts, from the tree in memory).
 */

/** What the month is played from: the district's case rules and its places, as read in order. */
export interface HistoryInputs extends CaseRules, Places {}

/** The district's case rules as the script needs them. */
export interface CaseRules {
  settings: Settings;
  categories: CategoryInfo[];
  departments: Array<{ id: string; code: string }>;
  days: Array<{ day: string; kind: "holiday" | "workday" }>;
  /** The district's log head before the history. */
  base: number;
}

/** Where the district's cases happen: its grids with their compounds and people, its units. */
export interface Places {
  grids: GridInfo[];
  /** The joint committees' units of each street office. */
  units: Map<string, Array<{ id: string; name: string }>>;
}

/** The district's case rules; null when it has no department or category. */
export async function readCaseRules(
  client: ClientBase,
  districtId: string,
): Promise<CaseRules | null> {
  const q = async <T>(sql: string): Promise<T[]> =>
    (await client.query(sql, [districtId])).rows as T[];
  const [settings] = await q<Settings>(
    `SELECT reply_hours AS "replyHours", resolution_days AS "resolutionDays",
            max_returns AS "maxReturns", warning_minutes AS "warningMinutes",
            supervise_on_unsatisfied AS "superviseOnUnsatisfied", max_redos AS "maxRedos",
            handling_rule AS "handlingRule"
       FROM case_setting WHERE district_id = $1`,
  );
  const categories = await q<CategoryInfo>(
    `SELECT id, code, line_of_work AS "lineOfWork", resolution_days AS "resolutionDays",
            department_id AS "departmentId"
       FROM case_category WHERE district_id = $1 AND active ORDER BY code`,
  );
  const departments = await q<{ id: string; code: string }>(
    "SELECT id, code FROM department WHERE district_id = $1 ORDER BY code",
  );
  const days = await q<{ day: string; kind: "holiday" | "workday" }>(
    "SELECT to_char(day, 'YYYY-MM-DD') AS day, kind FROM calendar_day WHERE district_id = $1",
  );
  if (departments.length === 0 || categories.length === 0) return null;
  const [head] = await q<{ position: string }>(
    "SELECT position::text AS position FROM case_log_head WHERE district_id = $1",
  );
  return { settings, categories, departments, days, base: Number(head?.position ?? 0) };
}

/** The rows the places are made of, each list in the order the script takes them (see readPlaces). */
export interface PlaceRows {
  grids: Array<Omit<GridInfo, "compounds" | "people">>;
  compounds: Array<{ id: string; grid_id: string; name: string; address: string | null }>;
  buildings: Array<{ id: string; compound_id: string; number: string }>;
  people: Array<{ grid_id: string; name: string; phone: string | null; subject: string | null }>;
  units: Array<{ id: string; name: string; streetOfficeId: string }>;
}

/** The district's places as written: read back from the database, in the script's order. */
export async function readPlaces(client: ClientBase, districtId: string): Promise<Places> {
  const q = async <T>(sql: string): Promise<T[]> =>
    (await client.query(sql, [districtId])).rows as T[];
  return placesOf({
    grids: await q(
      `SELECT g.id, g.code, g.kind, g.street_office_id AS "streetOfficeId",
              g.community_id AS "communityId", s.name AS "streetName",
              c.name AS "communityName", g.latitude, g.longitude
         FROM grid g JOIN street_office s ON s.district_id = g.district_id AND s.id = g.street_office_id
         JOIN community c ON c.district_id = g.district_id AND c.id = g.community_id
        WHERE g.district_id = $1 AND g.retired_at IS NULL ORDER BY g.code`,
    ),
    compounds: await q(
      "SELECT id, grid_id, name, address FROM compound WHERE district_id = $1 ORDER BY code",
    ),
    buildings: await q(
      "SELECT id, compound_id, number FROM building WHERE district_id = $1 ORDER BY compound_id, number",
    ),
    people: await q(
      `SELECT grid_id, name, phone, subject FROM person
        WHERE district_id = $1 AND phone IS NOT NULL AND birth_year <= 2006 ORDER BY id`,
    ),
    units: await q(
      `SELECT id, name, street_office_id AS "streetOfficeId" FROM joint_committee_unit
        WHERE district_id = $1 AND active ORDER BY name, id`,
    ),
  });
}

/** The places from their rows (each list already in its order). */
export function placesOf(rows: PlaceRows): Places {
  const byGrid = new Map<string, GridInfo>();
  const grids: GridInfo[] = rows.grids.map((g) => {
    const info: GridInfo = extend(g, { compounds: [], people: [] });
    byGrid.set(g.id, info);
    return info;
  });
  const byCompound = new Map<string, GridInfo["compounds"][number]>();
  for (const c of rows.compounds) {
    const entry = { id: c.id, name: c.name, address: c.address, buildings: [] as string[][] };
    byCompound.set(c.id, entry);
    byGrid.get(c.grid_id)?.compounds.push(entry);
  }
  for (const b of rows.buildings) byCompound.get(b.compound_id)?.buildings.push([b.id, b.number]);
  for (const p of rows.people)
    if (p.phone)
      byGrid.get(p.grid_id)?.people.push({ name: p.name, phone: p.phone, subject: p.subject });
  const units = new Map<string, Array<{ id: string; name: string }>>();
  for (const u of rows.units) {
    const list = units.get(u.streetOfficeId) ?? [];
    list.push({ id: u.id, name: u.name });
    units.set(u.streetOfficeId, list);
  }
  return { grids, units };
}
