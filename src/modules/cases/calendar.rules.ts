/**
 * Due times of 12345 hotline cases.
 *
 * All days are local days in the district's time zone, Asia/Shanghai (UTC+8, no daylight saving).
 *
 * Working days. A day is a working day unless it is an official public holiday. Saturdays and
 * Sundays are rest days, except the weekend days that are worked in exchange for a holiday
 * (调休上班), which are working days. A district may declare its own holidays and working days;
 * they override the official arrangement for those days.
 *
 * Resolution due time. A case that must be resolved within N working days is counted like this:
 * - The day of receipt never counts, whatever the hour of receipt and whatever kind of day it is
 *   (working day, weekend day, holiday, or weekend day worked in exchange). This is the usual rule
 *   that the day on which a period starts is not counted (期间开始的当日不计算在内).
 * - Counting starts with the next calendar day: the first working day after the day of receipt is
 *   working day 1, the next one working day 2, and so on.
 * - The case is due at the end (24:00 local time, i.e. 00:00 of the following calendar day in
 *   UTC+8) of the N-th working day.
 * - N must be a whole number from 1 to 60.
 * - Working days can only be counted inside years whose holiday arrangement is loaded. When the
 *   count reaches a year that is not loaded, the due time is not guessed: the district must first
 *   add that year's calendar. (Only the days after the day of receipt are counted, so the day of
 *   receipt itself may fall in a year that is not loaded.)
 *
 * Example: a case received on Wednesday 2026-09-30 at 17:00 must be resolved within N = 3 working
 * days. 30 September, the day of receipt, does not count; 1–7 October are the National Day
 * holiday; Thursday 8 October is working day 1, Friday 9 October is working day 2, and Saturday
 * 10 October, a weekend day worked in exchange after the holiday, is working day 3. The case is
 * due at the end of Saturday 10 October, i.e. at 2026-10-11 00:00 (UTC+8).
 *
 * Example: a case received on a Friday in an ordinary week (no holiday, no worked weekend day)
 * with N = 3. Friday does not count, Saturday and Sunday are rest days; Monday, Tuesday and
 * Wednesday are working days 1, 2 and 3, so the case is due at the end of the following Wednesday.
 * A case received on that Saturday or Sunday is due at the same time.
 *
 * Provisional reply due time. The provisional reply is due the given number of hours of clock time
 * after receipt, regardless of working days.
 *
 * This module is pure: no I/O, no database. The official arrangement ships in
 * ./cn-work-calendar.json.
 */
import official from "./cn-work-calendar.json";
import { DAY_MS, dayText, localDay, UTC8_OFFSET_MS } from "../../common/dates";

/** Working and rest days of a calendar, as local dates 'YYYY-MM-DD' (UTC+8). */
export interface CalendarDays {
  /** Days off, including weekend days inside a holiday block. */
  holidays: ReadonlySet<string>;
  /** Weekend days worked in exchange for a holiday (or, for a district, any day it declares worked). */
  workdays: ReadonlySet<string>;
}

/** Thrown when counting working days reaches a year whose holiday arrangement is not loaded. */
export class CalendarYearMissing extends Error {
  /** The year that has no loaded arrangement. */
  readonly year: number;

  constructor(year: number) {
    super(
      `No holiday arrangement is loaded for ${year}: the district must add the ${year} calendar ` +
        `(official holidays and weekend workdays) before due times reaching ${year} can be computed`,
    );
    this.name = "CalendarYearMissing";
    this.year = year;
  }
}

const OFFSET_MS = UTC8_OFFSET_MS;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_WORKING_DAYS = 60;

/** Milliseconds since the epoch of 00:00 UTC of a valid 'YYYY-MM-DD', or null if not a real date. */
function parseDay(day: unknown): number | null {
  if (typeof day !== "string") return null;
  const m = DAY_RE.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return null;
  }
  return t;
}

function requireDay(day: string, what: string): number {
  const t = parseDay(day);
  if (t === null) throw new Error(`${what}: ${JSON.stringify(day)} is not a valid date YYYY-MM-DD`);
  return t;
}

function formatDay(utcMidnight: number): string {
  // The calendar steps day by day: each day's text is made once (dates.ts keeps them).
  return dayText(Math.floor(utcMidnight / DAY_MS));
}

function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

function requireValidDate(at: Date, what: string): number {
  const t = at instanceof Date ? at.getTime() : NaN;
  if (!Number.isFinite(t)) throw new RangeError(`${what} must be a valid Date`);
  return t;
}

export { localDay };

/**
 * A working-day calendar: official holidays and worked weekend days, possibly overridden by a
 * district, for the years in {@link WorkCalendar.knownYears}. Immutable.
 */
export class WorkCalendar {
  /** Years for which an arrangement is loaded; days of other years cannot be classified. */
  readonly knownYears: ReadonlySet<number>;
  private readonly holidays: ReadonlySet<string>;
  private readonly workdays: ReadonlySet<string>;

  /**
   * @param days holidays and worked days; a day may not be in both sets.
   * @param opts.knownYears the years whose arrangement is loaded; by default the years of the given
   *   days. Pass it explicitly for a year that has no holidays or worked days at all.
   * @throws Error on a malformed date or a day that is both a holiday and a workday.
   */
  constructor(days: CalendarDays, opts?: { knownYears?: ReadonlySet<number> }) {
    for (const d of days.holidays) requireDay(d, "WorkCalendar holiday");
    for (const d of days.workdays) {
      requireDay(d, "WorkCalendar workday");
      if (days.holidays.has(d)) {
        throw new Error(`WorkCalendar: ${d} is listed both as a holiday and as a workday`);
      }
    }
    this.holidays = new Set(days.holidays);
    this.workdays = new Set(days.workdays);
    const years =
      opts?.knownYears ?? new Set([...days.holidays, ...days.workdays].map((d) => yearOf(d)));
    for (const y of years) {
      if (!Number.isInteger(y) || y < 1 || y > 9999) {
        throw new Error(`WorkCalendar: known year ${y} is not a year`);
      }
    }
    this.knownYears = new Set(years);
  }

  /**
   * Parses and validates a document shaped like cn-work-calendar.json:
   * `{ years: { "2026": { holidays: [{ name, dates: ["2026-01-01", …] }, …], workdays: [...] } } }`.
   * Every year listed becomes known. Worked days must be Saturdays or Sundays, and every date must
   * be a real date inside its year.
   * @throws Error naming the offending place on a bad shape or date.
   */
  static fromOfficial(json: unknown): WorkCalendar {
    const fail = (where: string, msg: string): never => {
      throw new Error(`Invalid work calendar document: ${where}: ${msg}`);
    };
    const isObject = (v: unknown): v is Record<string, unknown> =>
      typeof v === "object" && v !== null && !Array.isArray(v);

    if (!isObject(json)) fail("document", "must be an object");
    const doc = json as Record<string, unknown>;
    if (!isObject(doc.years)) fail("years", "must be an object keyed by year");
    const years = doc.years as Record<string, unknown>;
    if (Object.keys(years).length === 0) fail("years", "lists no year");

    const holidays = new Set<string>();
    const workdays = new Set<string>();
    const knownYears = new Set<number>();
    const checkDate = (v: unknown, where: string, year: string): string => {
      if (parseDay(v) === null) fail(where, `${JSON.stringify(v)} is not a valid date YYYY-MM-DD`);
      const day = v as string;
      if (day.slice(0, 4) !== year) fail(where, `${day} is not in ${year}`);
      return day;
    };

    for (const [year, entry] of Object.entries(years)) {
      const at = `years["${year}"]`;
      if (!/^\d{4}$/.test(year) || Number(year) < 1) fail(at, "key must be a four-digit year");
      if (!isObject(entry)) fail(at, "must be an object with holidays and workdays");
      const { holidays: blocks, workdays: worked } = entry as Record<string, unknown>;
      if (!Array.isArray(blocks)) fail(`${at}.holidays`, "must be an array");
      if (!Array.isArray(worked)) fail(`${at}.workdays`, "must be an array");

      (blocks as unknown[]).forEach((block, i) => {
        const bAt = `${at}.holidays[${i}]`;
        if (!isObject(block)) fail(bAt, "must be an object with name and dates");
        const { name, dates } = block as Record<string, unknown>;
        if (typeof name !== "string" || !name.trim()) fail(`${bAt}.name`, "must be a string");
        if (!Array.isArray(dates) || dates.length === 0) {
          fail(`${bAt}.dates`, "must be a non-empty array");
        }
        (dates as unknown[]).forEach((d, j) =>
          holidays.add(checkDate(d, `${bAt}.dates[${j}]`, year)),
        );
      });
      (worked as unknown[]).forEach((d, j) => {
        const wAt = `${at}.workdays[${j}]`;
        const day = checkDate(d, wAt, year);
        const weekday = new Date(parseDay(day)!).getUTCDay();
        if (weekday !== 0 && weekday !== 6) fail(wAt, `${day} is not a Saturday or Sunday`);
        if (holidays.has(day)) fail(wAt, `${day} is also listed as a holiday`);
        workdays.add(day);
      });
      knownYears.add(Number(year));
    }
    return new WorkCalendar({ holidays, workdays }, { knownYears });
  }

  /**
   * A new calendar with a district's own days on top of this one: a `workday` entry makes the day
   * a working day even if it is an official holiday, a `holiday` entry makes it a rest day even if
   * it is an official workday. When a day is listed twice, the later entry wins. The years of the
   * entries become known (the remaining days of such a year follow the weekday/weekend rule).
   * @throws Error on a malformed date or kind.
   */
  withOverrides(days: Array<{ day: string; kind: "holiday" | "workday" }>): WorkCalendar {
    // Immutable: no entries, nothing to copy (intake asks for the district's calendar each time).
    if (days.length === 0) return this;
    const holidays = new Set(this.holidays);
    const workdays = new Set(this.workdays);
    const knownYears = new Set(this.knownYears);
    for (const { day, kind } of days) {
      requireDay(day, "WorkCalendar override");
      if (kind === "holiday") {
        workdays.delete(day);
        holidays.add(day);
      } else if (kind === "workday") {
        holidays.delete(day);
        workdays.add(day);
      } else {
        throw new Error(`WorkCalendar override for ${day}: unknown kind ${JSON.stringify(kind)}`);
      }
      knownYears.add(yearOf(day));
    }
    return new WorkCalendar({ holidays, workdays }, { knownYears });
  }

  /**
   * Whether a local day 'YYYY-MM-DD' is a working day.
   * @throws CalendarYearMissing if the day's year is not in {@link knownYears}.
   */
  isWorkingDay(day: string): boolean {
    const t = requireDay(day, "isWorkingDay");
    return this.isWorkingAt(t, day);
  }

  private isWorkingAt(utcMidnight: number, day: string): boolean {
    const year = yearOf(day);
    if (!this.knownYears.has(year)) throw new CalendarYearMissing(year);
    if (this.holidays.has(day)) return false;
    if (this.workdays.has(day)) return true;
    const weekday = new Date(utcMidnight).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * Resolution due time: the end (24:00 UTC+8) of the N-th working day after the day of receipt.
   * The day of receipt itself never counts, whatever the hour and whatever kind of day it is.
   * See the rule at the top of this module.
   * @param receivedAt when the case was received.
   * @param workingDays N, a whole number from 1 to 60.
   * @throws RangeError if N is out of range or receivedAt is not a valid Date.
   * @throws CalendarYearMissing if counting reaches a year that is not in {@link knownYears}.
   */
  resolutionDue(receivedAt: Date, workingDays: number): Date {
    if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
      throw new RangeError(
        `workingDays must be a whole number from 1 to ${MAX_WORKING_DAYS}, got ${workingDays}`,
      );
    }
    // The day of receipt is not counted (nor classified): start with the next calendar day.
    // The local day of receipt as the UTC midnight of its date (as parseDay(localDay(…)) gives
    // it, without formatting and parsing a text).
    const t = requireValidDate(receivedAt, "receivedAt");
    let day = (Math.floor((t + OFFSET_MS) / DAY_MS) + 1) * DAY_MS;
    let counted = 0;
    // Terminates: every step either counts a working day or moves forward through a known year;
    // leaving the known years throws.
    for (;;) {
      if (this.isWorkingAt(day, formatDay(day))) {
        counted += 1;
        if (counted === workingDays) return new Date(day + DAY_MS - OFFSET_MS);
      }
      day += DAY_MS;
    }
  }

  /**
   * Provisional reply due time: `hours` hours of clock time after receipt (working days play no
   * part).
   * @throws RangeError if receivedAt is not a valid Date or hours is not a finite number ≥ 0.
   */
  static replyDue(receivedAt: Date, hours: number): Date {
    const t = requireValidDate(receivedAt, "receivedAt");
    if (!Number.isFinite(hours) || hours < 0) {
      throw new RangeError(`hours must be a finite number ≥ 0, got ${hours}`);
    }
    return new Date(t + hours * 3_600_000);
  }
}

/** The official arrangement of the State Council for the years in cn-work-calendar.json. */
export const OFFICIAL_CALENDAR: WorkCalendar = WorkCalendar.fromOfficial(official);
