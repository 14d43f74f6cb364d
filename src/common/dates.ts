/** The districts' time zone, Asia/Shanghai: UTC+8 all year (China keeps no daylight saving). */
export const UTC8_OFFSET_MS = 8 * 3_600_000;

/** The local date 'YYYY-MM-DD' (UTC+8) of an instant: what "today" means in a district. */
export function localDay(at: Date): string {
  const t = at instanceof Date ? at.getTime() : NaN;
  if (!Number.isFinite(t)) throw new RangeError("localDay: at must be a valid Date");
  return new Date(t + UTC8_OFFSET_MS).toISOString().slice(0, 10);
}
