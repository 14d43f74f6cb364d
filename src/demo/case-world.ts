/**
 * The demo district as the history's script sees it: its grids, categories and settings, the
 * actors who handle its cases, and time on its calendar (office hours, when cases come in).
 */
import { CalendarYearMissing, type WorkCalendar } from "../modules/cases/calendar.rules";
import { UTC8_OFFSET_MS } from "../common/dates";
import { type CaseScript, type ScriptActor } from "./case-script";
import { type Channel } from "./case-texts";
import { type Rng } from "./rng";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const OFFSET_MS = UTC8_OFFSET_MS;

export interface GridInfo {
  id: string;
  code: string;
  kind: "urban" | "rural";
  streetOfficeId: string;
  communityId: string;
  streetName: string;
  communityName: string;
  latitude: number;
  longitude: number;
  compounds: Array<{ id: string; name: string; address: string | null; buildings: string[][] }>;
  people: Array<{ name: string; phone: string; subject: string | null }>;
}
export interface CategoryInfo {
  id: string;
  code: string;
  lineOfWork: string | null;
  resolutionDays: number | null;
  departmentId: string | null;
}
export interface Settings {
  replyHours: number;
  resolutionDays: number;
  maxReturns: number;
  superviseOnUnsatisfied: boolean;
  maxRedos: number;
  warningMinutes: number;
  handlingRule: "street_first" | "grid_may_resolve";
}

export interface Draft {
  id: string;
  channel: Channel;
  category: CategoryInfo;
  grid: GridInfo;
  compoundId: string | null;
  buildingId: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  complainantName: string | null;
  complainantPhone: string | null;
  description: string;
  urgent: boolean;
  createdBy: ScriptActor;
  script: CaseScript;
}

export interface World {
  code: string;
  now: number;
  rng: Rng;
  clock: Clock;
  calendar: WorkCalendar;
  settings: Settings;
  departments: Map<string, string>;
  /** Each street office's joint committee units (大工委), by street office id. */
  units: Map<string, Array<{ id: string; name: string }>>;
  actors: {
    operator: ScriptActor;
    commandCenter: ScriptActor;
    community: ScriptActor;
    worker: ScriptActor;
    chief: ScriptActor;
    street: ScriptActor;
    inspector: ScriptActor;
  };
}

// ---------------------------------------------------------------------------------------------
// Time: working hours on the district's calendar.

function isWorkingDay(calendar: WorkCalendar, day: string): boolean {
  try {
    return calendar.isWorkingDay(day);
  } catch (err) {
    if (!(err instanceof CalendarYearMissing)) throw err;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }
}

export class Clock {
  private readonly working = new Map<number, boolean>();
  constructor(
    private readonly calendar: WorkCalendar,
    private readonly rng: Rng,
  ) {}

  /** Whether the local day (days since the epoch, UTC+8) is a working day. */
  workingDay(localDayNumber: number): boolean {
    let w = this.working.get(localDayNumber);
    if (w === undefined) {
      w = isWorkingDay(this.calendar, new Date(localDayNumber * DAY_MS).toISOString().slice(0, 10));
      this.working.set(localDayNumber, w);
    }
    return w;
  }

  /**
   * The first moment at or after `at` inside office hours (on working days, or every day for
   * 24-hour services such as the hotline's callbacks), a little after the doors open if it had to
   * wait.
   */
  office(at: number, opts: { from?: number; to?: number; everyDay?: boolean } = {}): number {
    const from = (opts.from ?? 8.5) * HOUR_MS;
    const to = (opts.to ?? 17.5) * HOUR_MS;
    let t = at;
    for (let i = 0; i < 40; i++) {
      const local = t + OFFSET_MS;
      const day = Math.floor(local / DAY_MS);
      const inDay = local - day * DAY_MS;
      const open = opts.everyDay || this.workingDay(day);
      if (open && inDay >= from && inDay < to) return t;
      if (open && inDay < from)
        return day * DAY_MS - OFFSET_MS + from + this.rng.int(0, 75 * 60_000);
      t = (day + 1) * DAY_MS - OFFSET_MS;
    }
    return t;
  }
}

/** Hours as milliseconds, skewed towards the lower bound (most things are quick, some are not). */
export function hours(rng: Rng, min: number, max: number, skew = 1.6): number {
  return (min + (max - min) * rng.next() ** skew) * HOUR_MS;
}

// ---------------------------------------------------------------------------------------------
// Receipt times.

/**
 * `count` receipt times in the window, following an hourly profile, fewer on days off, with some
 * day-to-day noise. Returned unsorted.
 */
export function receiptTimes(
  w: World,
  start: number,
  count: number,
  profile: number[],
  dayOff: number,
): number[] {
  const slots: Array<{ at: number; len: number }> = [];
  const weights: number[] = [];
  const dayNoise = new Map<number, number>();
  for (let at = start; at < w.now; at += HOUR_MS) {
    const len = Math.min(HOUR_MS, w.now - at);
    const local = at + OFFSET_MS;
    const day = Math.floor(local / DAY_MS);
    if (!dayNoise.has(day)) dayNoise.set(day, 0.8 + 0.4 * w.rng.next());
    const hour = new Date(local).getUTCHours();
    const weight =
      profile[hour] *
      (w.clock.workingDay(day) ? 1 : dayOff) *
      dayNoise.get(day)! *
      (0.85 + 0.3 * w.rng.next()) *
      (len / HOUR_MS);
    slots.push({ at, len });
    weights.push(weight);
  }
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  // Largest remainder, so that the counts add up exactly.
  const exact = weights.map((x) => (count * x) / total);
  const parts = exact.map(Math.floor);
  let left = count - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k][1]] += 1;
  const times: number[] = [];
  slots.forEach((slot, i) => {
    for (let n = 0; n < parts[i]; n++) times.push(slot.at + Math.floor(w.rng.next() * slot.len));
  });
  return times;
}
