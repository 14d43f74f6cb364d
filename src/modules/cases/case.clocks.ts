/**
 * The clocks of a case and of a department's part, the one home of each: from an instant (a
 * case's receipt, a department's receipt of its part), the provisional reply is due some hours of
 * clock time later and the resolution at the end of the N-th working day after. The report sets
 * both for the departments "自收到问题件起": a department's clocks run from when it receives the
 * case, not from the case's intake. Pure: the callers bring the calendar and the settings.
 */
import { CalendarYearMissing, WorkCalendar } from "./calendar.rules";

/** The settings that set a case's clocks (the district's, or the category's own days). */
export interface ClockSettings {
  replyHours: number;
  resolutionDays: number;
}

/** The category's own resolution days, else the district's. */
export function resolutionDaysOf(
  category: { resolutionDays: number | null },
  setting: { resolutionDays: number },
): number {
  return category.resolutionDays ?? setting.resolutionDays;
}

/**
 * The two due times of a clock started at `from` (a case's receipt, or a department's receipt of
 * its part). A case is never refused because a year's calendar is
 * missing: the missing year is counted with its 1 January off and otherwise Monday to Friday, and
 * `assumedYears` says so, so that the district can add the year and the event log shows which
 * cases it touched. (`WorkCalendar.resolutionDue` is the strict count, which refuses instead.)
 */
export function dueTimesOf(
  calendar: WorkCalendar,
  from: Date,
  clocks: ClockSettings,
): { replyDueAt: Date; resolutionDueAt: Date; assumedYears: number[] } {
  const assumedYears: number[] = [];
  let cal = calendar;
  for (;;) {
    try {
      return {
        replyDueAt: WorkCalendar.replyDue(from, clocks.replyHours),
        resolutionDueAt: cal.resolutionDue(from, clocks.resolutionDays),
        assumedYears,
      };
    } catch (err) {
      if (!(err instanceof CalendarYearMissing) || assumedYears.length > 3) throw err;
      assumedYears.push(err.year);
      cal = cal.withOverrides([{ day: `${err.year}-01-01`, kind: "holiday" }]);
    }
  }
}
