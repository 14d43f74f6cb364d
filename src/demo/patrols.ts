/**
 * A month of grid patrols and household visits (每日巡查走访) for a demo district, and in Mingshan
 * a few rewards and penalties (奖惩). Each grid has a diligence of its own, so that coverage and
 * the scores that weigh it differ between grids: most grids are patrolled on most working days
 * and fewer on days off, and a household or two is visited on some working days, households not
 * yet visited first. Deterministic (a PRNG seeded with the district code, times relative to
 * `now`) and cheap: rows are generated in memory and written with a few bulk statements.
 */
import { type ClientBase } from "pg";
import { uuidv7 } from "../common/ids";
import { localDay, UTC8_OFFSET_MS } from "../common/dates";
import { OFFICIAL_CALENDAR } from "../modules/cases/calendar.rules";
import { Clock, DAY_MS, HOUR_MS, MINUTE_MS } from "./case-world";
import { type DistrictInfo } from "./grid-tree/rows";
import { type BulkMode, bulkModeOf, copyRows } from "./copy-rows";
import { Rng, seedOf } from "./rng";

export interface PatrolDemoStats {
  records: number;
  entries: number;
}

const PATROL_SEEN = [
  "楼道通畅，消防通道无占用",
  "小区内无私搭乱建，环境整洁",
  "发现单元门禁损坏，已告知物业",
  "垃圾分类桶摆放整齐，清运及时",
  "电动车在楼道内充电，已劝离",
  "路灯正常，夜间照明无盲区",
  "沿街商铺门前三包落实到位",
  "发现井盖松动，已设置警示",
  "小广告已清理",
  "河道沿线无垃圾倾倒",
  "农贸市场周边秩序良好",
  "村路边柴草堆放整齐，无火灾隐患",
];

const VISIT_SEEN = [
  "独居老人身体状况良好，留下联系电话",
  "住户反映暖气不热，已登记跟进",
  "宣传反诈知识，发放宣传单",
  "了解家庭人员变动，已更新信息",
  "住户对小区改造方案提出意见",
  "检查燃气管线，提醒安全用气",
  "住户无诉求，生活正常",
  "困难家庭申请救助，已告知办理流程",
];

const PLACES = ["主干道沿线", "农贸市场周边", "学校门前", "背街小巷", "河道沿线", "公交站周边"];

interface GridRow {
  id: string;
  kind: "urban" | "rural";
  community: string;
}

/** What the patrols are made from: the district's grids, households, compounds and buildings. */
export interface PatrolPlaces {
  /** By code. */
  grids: GridRow[];
  /** By id. */
  households: Array<{ id: string; grid_id: string; compound_id: string | null }>;
  /** By code. */
  compounds: Array<{ id: string; grid_id: string }>;
  /** By compound, then number. */
  buildings: Array<{ id: string; compound_id: string }>;
}

/**
 * Loads one district's patrols and visits of the `days` days before `now` on the owner's
 * connection, inside the caller's transaction. Idempotent: a district with any patrol record is
 * left alone, and null is returned.
 */
export async function loadPatrolDemo(
  client: ClientBase,
  district: DistrictInfo & { id: string },
  opts: { now?: Date; days?: number; mode?: BulkMode } = {},
): Promise<PatrolDemoStats | null> {
  const districtId = district.id;
  await client.query("SELECT set_config('app.district_ids', $1, true)", [`{${districtId}}`]);
  await client.query("SELECT pg_advisory_xact_lock(hashtext('civic-grid:patrols'), hashtext($1))", [
    districtId,
  ]);
  const { rows: present } = await client.query(
    "SELECT EXISTS (SELECT 1 FROM patrol_record WHERE district_id = $1) AS present",
    [districtId],
  );
  if (present[0].present) return null;
  const places = await readPatrolPlaces(client, districtId);
  if (places.grids.length === 0) return null;
  const now = (opts.now ?? new Date()).getTime();
  const rows = patrolRows(district, places, now, opts.days ?? 30);
  return writePatrols(client, opts.mode ?? (await bulkModeOf(client)), district, rows, now);
}

async function readPatrolPlaces(client: ClientBase, districtId: string): Promise<PatrolPlaces> {
  const q = async <T>(sql: string): Promise<T[]> =>
    (await client.query(sql, [districtId])).rows as T[];
  return {
    grids: await q<GridRow>(
      `SELECT g.id, g.kind, c.name AS community FROM grid g
         JOIN community c ON c.district_id = g.district_id AND c.id = g.community_id
        WHERE g.district_id = $1 AND g.retired_at IS NULL ORDER BY g.code`,
    ),
    households: await q(
      "SELECT id, grid_id, compound_id FROM household WHERE district_id = $1 ORDER BY id",
    ),
    compounds: await q("SELECT id, grid_id FROM compound WHERE district_id = $1 ORDER BY code"),
    buildings: await q(
      "SELECT id, compound_id FROM building WHERE district_id = $1 ORDER BY compound_id, number",
    ),
  };
}

/** The month's patrols and visits of a district (no database), in time order. */
export function patrolRows(
  district: DistrictInfo,
  places: PatrolPlaces,
  now: number,
  days = 30,
): PatrolRow[] {
  const { grids, households, compounds, buildings } = places;
  const rng = new Rng(seedOf(`${district.code}:patrols`));
  const clock = new Clock(OFFICIAL_CALENDAR, rng);
  const homes = groupBy(households, (h) => h.grid_id);
  const spots = groupBy(compounds, (c) => c.grid_id);
  const blocks = groupBy(buildings, (b) => b.compound_id);

  const worker = `${district.code}.grid_worker`;
  const chief = `${district.code}.grid_chief`;
  const rows: PatrolRow[] = [];
  const add = (grid: GridRow, kind: "patrol" | "visit", at: number, where: object, seen: string) =>
    rows.push({
      id: uuidv7(at),
      grid_id: grid.id,
      kind,
      at: new Date(at).toISOString(),
      household_id: null,
      compound_id: null,
      building_id: null,
      place: null,
      ...where,
      observation: seen,
      recorded_by: rng.chance(0.8) ? worker : chief,
      recorded_at: new Date(Math.min(now, at + rng.int(5, 90) * MINUTE_MS)).toISOString(),
    });
  const today = Math.floor((now + UTC8_OFFSET_MS) / DAY_MS);
  for (const grid of grids) {
    const diligence = 0.55 + 0.45 * rng.next();
    const queue = rng.shuffle(homes.get(grid.id) ?? []);
    let next = 0;
    const mine = spots.get(grid.id) ?? [];
    for (let day = today - days + 1; day <= today; day++) {
      const start = day * DAY_MS - UTC8_OFFSET_MS;
      const working = clock.workingDay(day);
      if (rng.chance(diligence * (working ? 0.95 : 0.3))) {
        const at = start + 8.5 * HOUR_MS + Math.floor(rng.next() * 8 * HOUR_MS);
        const compound =
          grid.kind === "urban" && mine.length && rng.chance(0.6) ? rng.pick(mine) : null;
        const inside = compound ? (blocks.get(compound.id) ?? []) : [];
        const building = inside.length && rng.chance(0.4) ? rng.pick(inside).id : null;
        const place = compound
          ? null
          : grid.kind === "rural"
            ? `${grid.community}${rng.int(1, 8)}组`
            : rng.pick(PLACES);
        if (at < now)
          add(
            grid,
            "patrol",
            at,
            { compound_id: compound?.id ?? null, building_id: building, place },
            rng.pick(PATROL_SEEN),
          );
      }
      const visits = working && queue.length && rng.chance(diligence * 0.45) ? rng.int(1, 2) : 0;
      for (let i = 0; i < visits; i++) {
        const h = queue[next++ % queue.length];
        const at = start + 9 * HOUR_MS + i * 2 * HOUR_MS + Math.floor(rng.next() * 90 * MINUTE_MS);
        if (at < now)
          add(
            grid,
            "visit",
            at,
            { household_id: h.id, compound_id: h.compound_id },
            rng.pick(VISIT_SEEN),
          );
      }
    }
  }
  // In time order, as they would have come in: the time-ordered keys are appended, not scattered.
  rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return rows;
}

/** A patrol or visit as written. */
type PatrolRow = { at: string } & Record<string, unknown>;

/** Writes a district's patrols (patrolRows), and in Mingshan the month's rewards and penalties. */
export async function writePatrols(
  client: ClientBase,
  mode: BulkMode,
  district: DistrictInfo & { id: string },
  rows: PatrolRow[],
  now: number,
): Promise<PatrolDemoStats> {
  await copyRows(client, mode, "patrol_record", district.id, COLUMNS, rows);
  const entries = district.code === "mingshan" ? await loadRewards(client, district.id, now) : 0;
  return { records: rows.length, entries };
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

const COLUMNS = [
  ["id", "uuid"],
  ["grid_id", "uuid"],
  ["kind", "text"],
  ["at", "timestamptz"],
  ["household_id", "uuid"],
  ["compound_id", "uuid"],
  ["building_id", "uuid"],
  ["place", "text"],
  ["observation", "text"],
  ["recorded_by", "text"],
  ["recorded_at", "timestamptz"],
] as const;

/**
 * Mingshan's 奖惩 of the month, by the district admin: for units found by code (modelled, like
 * the rest of the month; the report says only that grid work is scored with rewards and penalties).
 */
const REWARDS: ReadonlyArray<{
  level: "grid" | "community" | "street_office" | "department";
  table: string;
  pick: "first" | "last";
  points: number;
  reason: string;
  daysAgo: number;
}> = [
  {
    level: "grid",
    table: "grid",
    pick: "first",
    points: 10,
    reason: "巡查走访记录完整及时，群众反映好",
    daysAgo: 2,
  },
  {
    level: "grid",
    table: "grid",
    pick: "last",
    points: -5,
    reason: "巡查发现的问题未及时上报",
    daysAgo: 6,
  },
  {
    level: "community",
    table: "community",
    pick: "first",
    points: 8,
    reason: "组织网格员逐户走访独居老人，建立联系台账",
    daysAgo: 9,
  },
  {
    level: "street_office",
    table: "street_office",
    pick: "first",
    points: 6,
    reason: "首办案件当日响应，群众评价好",
    daysAgo: 12,
  },
  {
    level: "department",
    table: "department",
    pick: "last",
    points: -4,
    reason: "协办案件反馈迟缓，经督促后办理",
    daysAgo: 15,
  },
  {
    level: "grid",
    table: "grid",
    pick: "last",
    points: 3,
    reason: "巡查发现燃气泄漏隐患，及时上报处置",
    daysAgo: 20,
  },
];

async function loadRewards(client: ClientBase, districtId: string, now: number): Promise<number> {
  const rows = [];
  for (const r of REWARDS) {
    const order = r.pick === "first" ? "ASC" : "DESC";
    const { rows: found } = await client.query(
      `SELECT id FROM ${r.table} WHERE district_id = $1 ORDER BY code ${order} LIMIT 1`,
      [districtId],
    );
    if (!found[0]) continue;
    const at = now - r.daysAgo * DAY_MS;
    rows.push({
      id: uuidv7(at),
      unit_level: r.level,
      unit_id: found[0].id,
      points: r.points,
      reason: r.reason,
      awarded_on: localDay(new Date(at)),
      recorded_by: "mingshan.district_admin",
      recorded_at: new Date(at).toISOString(),
    });
  }
  await client.query(
    `INSERT INTO reward_penalty (district_id, id, unit_level, unit_id, points, reason, awarded_on, recorded_by, recorded_at)
     SELECT $1, x.id, x.unit_level, x.unit_id, x.points, x.reason, x.awarded_on, x.recorded_by, x.recorded_at
       FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, unit_level text, unit_id uuid, points integer,
            reason text, awarded_on date, recorded_by text, recorded_at timestamptz)`,
    [districtId, JSON.stringify(rows)],
  );
  return rows.length;
}
