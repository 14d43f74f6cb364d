import { type ClientBase } from "pg";
import { uuidv7 } from "../common/ids";
import { localDay } from "../common/dates";
import { OFFICIAL_CALENDAR } from "../modules/cases/calendar.rules";
import { dueTimesOf, resolutionDaysOf } from "../modules/cases/case.clocks";
import { startingStatus } from "../modules/cases/intake.rules";
import { CaseStatus } from "../modules/cases/case.workflow";
import { play } from "./case-play";
import { HistoryWriter } from "./case-rows";
import { CounterTally } from "./case-counters";
import { type BulkMode, bulkModeOf } from "./copy-rows";
import { CaseScript, type ScriptActor } from "./case-script";
import {
  type Channel,
  CHANNEL_SHARE,
  categoryWeights,
  complaintText,
  findingText,
  HOTLINE_HOURS,
  PATROL_HOURS,
  personName,
  phoneNumber,
  RESIDENT_HOURS,
} from "./case-texts";
import {
  type CategoryInfo,
  Clock,
  DAY_MS,
  type Draft,
  type GridInfo,
  receiptTimes,
  type Settings,
  type World,
} from "./case-world";
import { type DistrictInfo } from "./grid-tree/rows";
import { Rng, seedOf } from "./rng";
import { PhaseTimer } from "./timing";

/**
 * A month of 12345 case history for a demo district: calls, patrol reports, community and
 * resident reports of the last 30 days, each handled through the five-handling workflow by the
 * live rules, with the deadline sweeper's warnings and breaches where the times say so. Cases
 * received in the last days are still open, in every status, and the live server carries on with
 * them (same assignments, requests, versions and log).
 *
 * Each case is a script over the case core (case-script.ts): every step is a command the core's
 * `perform` checks and applies, and before each step the sweeper's passes that would have come
 * first apply the core's marks. What people do and when is case-play.ts; the texts and reference
 * data are case-texts.ts; writing the rows and numbering the log is case-rows.ts.
 * Deterministic: a PRNG seeded with the district code, times relative to `now`.
 */

export interface CaseHistoryStats {
  cases: number;
  events: number;
  open: number;
  /** Rows of measure counters written for the history (case-counters.ts). */
  counters: number;
}

/** Cases played between two turns of the event loop: the other loads' writes go on meanwhile. */
const PLAY_SLICE = 500;

/**
 * Loads a month of case history for one district, with its measure counters, on the owner's
 * connection inside the caller's transaction, under the district's tenant context. Idempotent: a
 * district that has any case is left alone, and null is returned. The district's settings and
 * catalogue are there already (seed.ts makes them as the server does on first use).
 */
export async function loadCaseHistory(
  client: ClientBase,
  district: DistrictInfo & { id: string },
  opts: { now?: Date; days?: number; mode?: BulkMode; timer?: PhaseTimer } = {},
): Promise<CaseHistoryStats | null> {
  const timer = opts.timer ?? PhaseTimer.create("history", false);
  const districtId = district.id;
  await client.query("SELECT set_config('app.district_ids', $1, true)", [`{${districtId}}`]);
  await client.query(
    "SELECT pg_advisory_xact_lock(hashtext('civic-grid:case-history'), hashtext($1))",
    [districtId],
  );
  const present = await client.query(
    "SELECT EXISTS (SELECT 1 FROM hotline_case WHERE district_id = $1) AS present",
    [districtId],
  );
  if (present.rows[0].present) return null;

  const read = await timer.phase("history read", async () => {
    const rules = await readCaseRules(client, districtId);
    return rules && { ...rules, ...(await readPlaces(client, districtId)) };
  });
  if (!read || read.grids.length === 0) return null;
  const played = await playCaseHistory(district, read, { ...opts, timer });
  const mode = opts.mode ?? (await bulkModeOf(client));
  return played.write(client, mode);
}

/** What the month is played from: the district's case rules and its places, as read in order. */
export interface HistoryInputs extends CaseRules, Places {}

/** A district's month, played and encoded in memory, to be written in the caller's transaction. */
export interface PlayedHistory {
  write(client: ClientBase, mode: BulkMode): Promise<CaseHistoryStats>;
}

/**
 * Plays a district's month (no database): the cases, their log and counters, encoded for COPY as
 * they are played. `slice`: cases played between two turns of the event loop (smaller while a
 * write of the same lane is in flight, which needs the turns to go on).
 */
export async function playCaseHistory(
  district: DistrictInfo & { id: string },
  read: HistoryInputs,
  opts: { now?: Date; days?: number; timer?: PhaseTimer; slice?: number } = {},
): Promise<PlayedHistory> {
  const timer = opts.timer ?? PhaseTimer.create("history", false);
  const districtId = district.id;
  const { settings, categories, departments, days, grids: gridList, base, units } = read;
  const slice = opts.slice ?? PLAY_SLICE;

  const now = (opts.now ?? new Date()).getTime();
  const rng = new Rng(seedOf(`${district.code}:case-history`));
  const calendar = OFFICIAL_CALENDAR.withOverrides(days);
  const code = district.code;
  const w: World = {
    code,
    now,
    rng,
    clock: new Clock(calendar, rng),
    calendar,
    settings,
    departments: new Map(departments.map((d) => [d.code, d.id])),
    units,
    actors: {
      operator: { subject: `${code}.operator`, role: "operator" },
      commandCenter: { subject: `${code}.command_center`, role: "command_center" },
      community: { subject: `${code}.community_worker`, role: "community_worker" },
      worker: { subject: `${code}.grid_worker`, role: "grid_worker" },
      chief: { subject: `${code}.grid_chief`, role: "grid_chief" },
      street: { subject: `${code}.street_officer`, role: "street_officer" },
      inspector: { subject: `${code}.inspector`, role: "inspector" },
    },
  };

  const { arrivals, residentCases } = arrivalsOf(w, gridList.length, opts.days ?? 30);

  // Callers are weighted by the grid's population; patrols cover every grid alike.
  const popWeights = gridList.map((g) => [g, 1 + g.people.length] as const);
  const demoResident = gridList
    .flatMap((g) => g.people.map((p) => ({ g, p })))
    .find(({ p }) => p.subject === `${code}.resident`);
  const catByCode = new Map(categories.map((c) => [c.code, c]));
  const policy = {
    maxReturns: settings.maxReturns,
    warningMinutes: settings.warningMinutes,
    superviseOnUnsatisfied: settings.superviseOnUnsatisfied,
    maxRedos: settings.maxRedos,
    replyHours: settings.replyHours,
    calendar,
    gridMayResolve: settings.handlingRule === "grid_may_resolve",
  };
  const drafting = timer.begin("history drafts");
  const drafts: Draft[] = [];
  for (const { at, channel } of arrivals) {
    let grid =
      channel === "grid_patrol" || channel === "community_report"
        ? rng.pick(gridList)
        : rng.weighted(popWeights);
    let person: GridInfo["people"][number] | null = null;
    let createdBy: ScriptActor;
    if (channel === "hotline") {
      createdBy = w.actors.operator;
    } else if (channel === "resident") {
      if (demoResident && rng.chance(3 / Math.max(residentCases, 3))) {
        grid = demoResident.g;
        person = demoResident.p;
      } else if (grid.people.length) person = rng.pick(grid.people);
      createdBy = {
        subject: person?.subject ?? `${code}.resident.${rng.int(100000, 999999)}`,
        role: "resident",
      };
    } else if (channel === "community_report" && rng.chance(0.35)) {
      // 社区直报: a community worker's report goes straight to the command center.
      createdBy = w.actors.community;
    } else if (channel === "community_report" && rng.chance(0.45)) {
      createdBy = w.actors.street;
    } else {
      createdBy = rng.chance(0.2) ? w.actors.chief : w.actors.worker;
    }
    // Where it starts is the intake rule's call, as for a case taken in through the API.
    const status = startingStatus(channel, createdBy.role);
    const month = Number(localDay(new Date(at)).slice(5, 7));
    const weights = Object.entries(categoryWeights(channel, grid.kind === "rural", month)).filter(
      ([c]) => catByCode.has(c),
    );
    const category = weights.length ? catByCode.get(rng.weighted(weights))! : rng.pick(categories);

    // Where: a compound and building of the grid, or the village.
    const compound =
      grid.compounds.length && grid.kind === "urban" && rng.chance(0.8)
        ? rng.pick(grid.compounds)
        : null;
    const building =
      compound?.buildings.length && rng.chance(0.6) ? rng.pick(compound.buildings) : null;
    const spot = compound
      ? `${compound.name}${building ? `${building[1]}号楼` : ""}`
      : grid.kind === "rural"
        ? `${grid.communityName}${rng.int(1, 8)}组`
        : grid.communityName;
    const address = compound
      ? `${compound.address ?? compound.name}${building ? ` ${building[1]}号楼` : ""}`
      : `${grid.streetName}${spot}`;
    const gps = channel === "grid_patrol" || channel === "resident";

    if (channel === "hotline" && grid.people.length && rng.chance(0.65))
      person = rng.pick(grid.people);
    const caller = channel === "hotline" || channel === "resident";
    const receivedAt = at;
    const resolutionDays = resolutionDaysOf(category, settings);
    const due = dueTimesOf(calendar, new Date(receivedAt), {
      replyHours: settings.replyHours,
      resolutionDays,
    });
    const id = uuidv7(receivedAt);
    const script = new CaseScript(
      {
        districtId,
        id,
        receivedAt,
        replyDueAt: due.replyDueAt.getTime(),
        resolutionDueAt: due.resolutionDueAt.getTime(),
        resolutionDays,
        status,
        creator: createdBy,
        data: {
          channel,
          category: category.code,
          ...(due.assumedYears.length ? { calendarAssumedYears: due.assumedYears } : {}),
        },
      },
      { now, policy },
    );
    drafts.push({
      id,
      channel,
      category,
      grid,
      compoundId: compound?.id ?? null,
      buildingId: building?.[0] ?? null,
      address,
      latitude: gps ? Math.round((grid.latitude + (rng.next() - 0.5) * 0.004) * 1e6) / 1e6 : null,
      longitude: gps ? Math.round((grid.longitude + (rng.next() - 0.5) * 0.005) * 1e6) / 1e6 : null,
      complainantName: caller ? (person?.name ?? personName(rng)) : null,
      complainantPhone: caller ? (person?.phone ?? phoneNumber(rng)) : null,
      description:
        channel === "grid_patrol" || (channel === "community_report" && rng.chance(0.5))
          ? findingText(rng, category.code, spot)
          : complaintText(rng, category.code, spot),
      urgent: rng.chance(
        category.code === "fire_hazards" ? 0.3 : category.code === "water_gas" ? 0.15 : 0.03,
      ),
      createdBy,
      script,
    });
  }
  await drafting();
  const playing = timer.begin("history play");
  // Each case is played, counted and encoded, then let go (case-rows.ts says why).
  const history = new HistoryWriter({ id: districtId, code }, base);
  const counters = new CounterTally(districtId, w.departments);
  let open = 0;
  // With timing on, the wall time of the three parts (reading the thread's CPU per case costs more).
  const split = timer.enabled ? [0, 0, 0] : null;
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    const t0 = split ? performance.now() : 0;
    play(w, d);
    d.script.finish();
    const t1 = split ? performance.now() : 0;
    history.add(d);
    const t2 = split ? performance.now() : 0;
    counters.add(d);
    if (split) {
      split[0] += t1 - t0;
      split[1] += t2 - t1;
      split[2] += performance.now() - t2;
    }
    if (d.script.status !== CaseStatus.closed) open++;
    (drafts as Array<Draft | null>)[i] = null;
    if (i % slice === slice - 1) await new Promise((r) => setImmediate(r));
  }

  await playing();
  if (split) {
    timer.note("  of which playing", split[0]);
    timer.note("  of which encoding", split[1]);
    timer.note("  of which counting", split[2]);
  }
  return {
    write: async (client, mode) => {
      await timer.phase("history write", () => history.write(client, mode));
      return {
        cases: drafts.length,
        events: history.eventCount,
        open,
        counters: await timer.phase("counters write", () => counters.write(client, mode)),
      };
    },
  };
}

/**
 * When the district's cases come in over the window, by channel, in time order with distinct
 * milliseconds (ids are uuidv7 of the receipt time, so they sort as the receipts do).
 */
function arrivalsOf(w: World, grids: number, windowDays: number) {
  const { rng, now } = w;
  // How many: about 17 a month per grid in a large district (Mingshan ~12,000), 1,000–3,000 else.
  const perMonth =
    grids >= 300 ? Math.round(grids * 17 * (0.97 + 0.06 * rng.next())) : rng.int(1200, 2800);
  const total = Math.max(1, Math.round((perMonth * windowDays) / 30));
  const start = now - windowDays * DAY_MS;
  const shares = CHANNEL_SHARE.map(([, s]) => s);
  const sum = shares.reduce((a, b) => a + b, 0);
  const counts = shares.map((s) => Math.round((total * s) / sum));
  const arrivals: Array<{ at: number; channel: Channel }> = [];
  CHANNEL_SHARE.forEach(([channel], i) => {
    const profile =
      channel === "hotline"
        ? HOTLINE_HOURS
        : channel === "resident"
          ? RESIDENT_HOURS
          : PATROL_HOURS;
    const dayOff = channel === "hotline" ? 0.6 : channel === "resident" ? 0.8 : 0.3;
    for (const at of receiptTimes(w, start, counts[i], profile, dayOff))
      arrivals.push({ at, channel });
  });
  arrivals.sort((a, b) => a.at - b.at);
  for (let i = 1; i < arrivals.length; i++)
    if (arrivals[i].at <= arrivals[i - 1].at) arrivals[i].at = arrivals[i - 1].at + 1;
  while (arrivals.length && arrivals[arrivals.length - 1].at >= now) arrivals.pop();
  return { arrivals, residentCases: counts[3] };
}

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
async function readPlaces(client: ClientBase, districtId: string): Promise<Places> {
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
    const info: GridInfo = { ...g, compounds: [], people: [] };
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

/** The tables whose rows belong to a case (hotline_case first): a case is these rows. */
export const CASE_TABLES = [
  "hotline_case",
  "case_assignment",
  "case_request",
  "supervision",
  "case_unit_engagement",
  "case_event",
] as const;

/** The tables the history writes, for ANALYZE after a bulk load and for tests. */
export const CASE_HISTORY_TABLES = [
  "case_setting",
  "case_category",
  "case_log_head",
  ...CASE_TABLES,
] as const;
