import { badInput } from "../../common/errors";

/** A calendar day YYYY-MM-DD from 2000 to 2100, or BAD_USER_INPUT naming the field. */
export function calendarDay(field: string, v: string): string {
  const t = new Date(`${v}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(v) ||
    Number.isNaN(t.getTime()) ||
    t.toISOString().slice(0, 10) !== v
  )
    throw badInput(field, `${v} is not a calendar date (YYYY-MM-DD)`);
  if (v < "2000-01-01" || v > "2100-12-31") throw badInput(field, "a date from 2000 to 2100");
  return v;
}

/** An optional period of days, each checked; BAD_USER_INPUT when it ends before it starts. */
export function checkedDays(from?: string | null, to?: string | null) {
  const f = from ? calendarDay("from", from) : undefined;
  const t = to ? calendarDay("to", to) : undefined;
  if (f && t && f > t) throw badInput("to", "the period ends before it starts");
  return { from: f, to: t };
}
