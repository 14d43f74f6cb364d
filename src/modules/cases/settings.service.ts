import { type EntityManager } from "typeorm";
import { uuidv7 } from "../../common/ids";
import { CalendarDay, CaseCategory, CaseSetting } from "./case.entity";
import { CalendarYearMissing, OFFICIAL_CALENDAR, type WorkCalendar } from "./calendar.rules";
import { DEFAULT_CATEGORIES } from "./category.defaults";

/**
 * Inserts a district's settings row and default catalogue if it has none; `query` is any
 * (sql, params) runner (TypeORM's manager in the server, a pg client in the demo loader).
 */
export async function insertCaseDefaults(
  query: (sql: string, params: unknown[]) => Promise<unknown>,
  districtId: string,
): Promise<void> {
  await query(
    `INSERT INTO case_setting (district_id, id) VALUES ($1, $2) ON CONFLICT (district_id) DO NOTHING`,
    [districtId, uuidv7()],
  );
  await query(
    `INSERT INTO case_category (district_id, id, code, name, line_of_work, department_id)
     SELECT $1, x.id, x.code, x.name, x.line_of_work,
            (SELECT d.id FROM department d WHERE d.district_id = $1 AND d.code = x.department)
       FROM jsonb_to_recordset($2::jsonb)
         AS x(id uuid, code text, name text, line_of_work text, department text)
     ON CONFLICT (district_id, code) DO NOTHING`,
    [
      districtId,
      JSON.stringify(
        DEFAULT_CATEGORIES.map((c) => ({
          id: uuidv7(),
          code: c.code,
          name: c.name,
          line_of_work: c.lineOfWork,
          department: c.department,
        })),
      ),
    ],
  );
}

/**
 * The district's settings row, and its default catalogue, made on first use: every district has
 * them without a seed, and a district admin changes them afterwards.
 */
export async function ensureCaseDefaults(
  m: EntityManager,
  districtId: string,
): Promise<CaseSetting> {
  const existing = await m.findOne(CaseSetting, { where: { districtId } });
  if (existing) return existing;
  await insertCaseDefaults((sql, params) => m.query(sql, params), districtId);
  return m.findOneOrFail(CaseSetting, { where: { districtId } });
}

/** The official calendar with the district's own days laid over it. */
export async function districtCalendar(
  m: EntityManager,
  districtId: string,
): Promise<WorkCalendar> {
  const days = await m.find(CalendarDay, { where: { districtId } });
  return OFFICIAL_CALENDAR.withOverrides(days.map((d) => ({ day: d.day, kind: d.kind })));
}

/**
 * The resolution due time. A case is never refused because a year's calendar is missing: the
 * missing year is counted with its 1 January off and otherwise Monday to Friday, and the result
 * says so, so that the district can add the year and the event log shows which cases it touched.
 */
export function resolutionDue(
  calendar: WorkCalendar,
  receivedAt: Date,
  workingDays: number,
): { due: Date; assumedYears: number[] } {
  const assumedYears: number[] = [];
  let cal = calendar;
  for (;;) {
    try {
      return { due: cal.resolutionDue(receivedAt, workingDays), assumedYears };
    } catch (err) {
      if (!(err instanceof CalendarYearMissing) || assumedYears.length > 3) throw err;
      assumedYears.push(err.year);
      cal = cal.withOverrides([{ day: `${err.year}-01-01`, kind: "holiday" }]);
    }
  }
}

export function resolutionDaysOf(category: CaseCategory, setting: CaseSetting): number {
  return category.resolutionDays ?? setting.resolutionDays;
}

/**
 * Overdue, the one definition: not yet resolved (nor closed), and past its resolution due time or
 * already marked breached by the deadline watcher. `isOverdue` is the rule; `overdueSql` says the
 * same in SQL for filters and counts (`c` is the case table's alias, `now` a parameter).
 */
export function isOverdue(
  c: { status: string; resolutionDueAt: Date; breachedAt: Date | null },
  now: Date,
): boolean {
  return (
    c.status !== "resolved" &&
    c.status !== "closed" &&
    (c.breachedAt !== null || c.resolutionDueAt < now)
  );
}

export function overdueSql(c: string, now: string): string {
  return `(${c}.status NOT IN ('resolved', 'closed') AND (${c}.resolution_due_at < ${now} OR ${c}.breached_at IS NOT NULL))`;
}
