/** The districts' time zone, Asia/Shanghai: UTC+8 all year (China keeps no daylight saving). */
export const UTC8_OFFSET_MS = 8 * 3_600_000;

/** A day's milliseconds (UTC+8 has no daylight saving: every local day has as many). */
export const DAY_MS = 86_400_000;
/** Day numbers (days since 1970-01-01, local) and their text; bounded: a century and a half. */
const DAY_NAMES = new Map<number, string>();
const MAX_DAY_NAMES = 55_000;

/** The local date 'YYYY-MM-DD' (UTC+8) of an instant: what "today" means in a district. */
export function localDay(at: Date): string {
  const t = at instanceof Date ? at.getTime() : NaN;
  if (!Number.isFinite(t)) throw new RangeError("localDay: at must be a valid Date");
  // The day's text is made once per day number and kept: formatting a Date (toISOString) cost
  // about 0.7 µs a call, and a drill-down or the demo's month asks it of thousands of cases.
  return dayText(Math.floor((t + UTC8_OFFSET_MS) / DAY_MS));
}

/** The text 'YYYY-MM-DD' of a day number (whole days since 1970-01-01), made once and kept. */
export function dayText(n: number): string {
  let day = DAY_NAMES.get(n);
  if (day === undefined) {
    day = new Date(n * DAY_MS).toISOString().slice(0, 10);
    if (DAY_NAMES.size < MAX_DAY_NAMES) DAY_NAMES.set(n, day);
  }
  return day;
}

const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * A period of local days (YYYY-MM-DD, both ends included) cut where monthly rollups can answer
 * (the score counters' months, the patrols' months): its whole calendar months
 * ([first, end) as first days of months, or none) and the days before and after them.
 */
export function monthsAndDays(
  from: string,
  to: string,
): { months: [string, string] | null; days: Array<[string, string]> } {
  const first = from.endsWith("-01")
    ? from
    : `${addDays(`${from.slice(0, 7)}-01`, 32).slice(0, 7)}-01`;
  const end = `${addDays(to, 1).slice(0, 7)}-01`;
  if (first >= end) return { months: null, days: [[from, to]] };
  const days: Array<[string, string]> = [];
  if (from < first) days.push([from, addDays(first, -1)]);
  if (end <= to) days.push([end, to]);
  return { months: [first, end], days };
}
