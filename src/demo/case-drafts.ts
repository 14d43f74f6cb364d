import { uuidv7 } from "../common/ids";
import { localDay } from "../common/dates";
import { OFFICIAL_CALENDAR } from "../modules/cases/calendar.rules";
import { dueTimesOf, resolutionDaysOf } from "../modules/cases/case.clocks";
import { startingStatus } from "../modules/cases/intake.rules";
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
import { Clock, DAY_MS, type Draft, type GridInfo, receiptTimes, type World } from "./case-world";
import { type HistoryInputs } from "./case-inputs";
import { type DistrictInfo } from "./grid-tree/rows";
import { Rng, seedOf } from "./rng";
import { PhaseTimer } from "./timing";

/**
 * The cases of a district's month before they are played (case-history.ts plays them): when each
 * comes in and by which channel, who reports it, where, what about, with its clocks set by the
 * live rules and its script ready to run. Deterministic: a PRNG seeded with the district code,
 * times relative to `now`.
 */

/** The world the month is played in, and its cases in receipt order. */
export interface DraftedMonth {
  w: World;
  drafts: Draft[];
}

/** Drafts the district's month from its case rules and places (no database). */
export async function draftMonth(
  district: DistrictInfo & { id: string },
  read: HistoryInputs,
  opts: { now?: Date; days?: number; timer?: PhaseTimer } = {},
): Promise<DraftedMonth> {
  const timer = opts.timer ?? PhaseTimer.create("history", false);
  const districtId = district.id;
  const { settings, categories, departments, days, grids: gridList, units } = read;

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
  return { w, drafts };
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
