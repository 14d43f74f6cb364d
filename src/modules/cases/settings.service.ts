import { In, type EntityManager } from "typeorm";
import { notFound } from "../../common/errors";
import { uuidv7 } from "../../common/ids";
import { CalendarDay, CaseCategory, CaseSetting } from "./settings.entity";
import { OFFICIAL_CALENDAR, type WorkCalendar } from "./calendar.rules";
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

/** The district's own calendar days as a JSON column `days` (see calendarOf), for `d` the district. */
function calendarDaysColumn(d: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('day', to_char(c.day, 'YYYY-MM-DD'), 'kind', c.kind) ORDER BY c.day), '[]'::json)
             FROM calendar_day c WHERE c.district_id = ${d}) AS days`;
}

/** Calendars made by calendarOf, by their days' JSON text; the oldest goes past MADE_CALENDARS. */
const madeCalendars = new Map<string, WorkCalendar>();
const MADE_CALENDARS = 64;

/**
 * The official calendar with the district's own days (calendarDaysColumn) laid over it. Read at
 * every intake and every step with a clock, and the same days each time until an admin changes
 * them: a calendar already made for the same days is used again (calendars are immutable), not
 * made anew from every official day.
 */
function calendarOf(days: Array<{ day: string; kind: "holiday" | "workday" }>): WorkCalendar {
  const key = JSON.stringify(days);
  let made = madeCalendars.get(key);
  if (!made) {
    made = OFFICIAL_CALENDAR.withOverrides(days);
    if (madeCalendars.size >= MADE_CALENDARS)
      madeCalendars.delete(madeCalendars.keys().next().value!);
    madeCalendars.set(key, made);
  }
  return made;
}

/** What the case rules read of a district's settings (case.store.ts's policy). */
export type RuleSettings = Pick<
  CaseSetting,
  | "maxReturns"
  | "warningMinutes"
  | "superviseOnUnsatisfied"
  | "maxRedos"
  | "replyHours"
  | "handlingRule"
>;

/**
 * The district's settings the rules read and its working days, in one statement; the settings
 * are made on first use (ensureCaseDefaults).
 */
export async function ruleSettingsOf(
  m: EntityManager,
  districtId: string,
): Promise<{ setting: RuleSettings; calendar: WorkCalendar }> {
  const read = async () =>
    (
      (await m.query(
        `SELECT s.max_returns AS "maxReturns", s.warning_minutes AS "warningMinutes",
                s.supervise_on_unsatisfied AS "superviseOnUnsatisfied", s.max_redos AS "maxRedos",
                s.reply_hours AS "replyHours", s.handling_rule AS "handlingRule",
                ${calendarDaysColumn("$1")}
           FROM case_setting s WHERE s.district_id = $1`,
        [districtId],
      )) as Array<RuleSettings & { days: Array<{ day: string; kind: "holiday" | "workday" }> }>
    )[0];
  let row = await read();
  if (!row) {
    await ensureCaseDefaults(m, districtId);
    row = await read();
  }
  const { days, ...setting } = row;
  return { setting, calendar: calendarOf(days) };
}

/** What intake reads of a district: its limits, one category, its working days. */
export interface IntakeSettings {
  setting: Pick<CaseSetting, "replyHours" | "resolutionDays">;
  /** The active category of the code asked for; null when the catalogue has none. */
  category: Pick<CaseCategory, "id" | "code" | "lineOfWork" | "resolutionDays"> | null;
  calendar: WorkCalendar;
}

/**
 * The select-list of what intake reads of a district's settings: its limits, the active category
 * of the code given, its own calendar days. `d` and `code` are the placeholders of the district
 * and the category code, so that intake can read these in the same statement as the rest.
 */
export function intakeSettingsColumns(d: string, code: string): string {
  return `(SELECT json_build_object('replyHours', s.reply_hours, 'resolutionDays', s.resolution_days)
             FROM case_setting s WHERE s.district_id = ${d}) AS setting,
          (SELECT row_to_json(k) FROM (
             SELECT id, code, line_of_work AS "lineOfWork", resolution_days AS "resolutionDays"
               FROM case_category WHERE district_id = ${d} AND code = ${code} AND active) k) AS category,
          ${calendarDaysColumn(d)}`;
}

/** The columns of intakeSettingsColumns as a row gives them. */
export interface IntakeSettingsRow {
  setting: IntakeSettings["setting"] | null;
  category: IntakeSettings["category"];
  days: Array<{ day: string; kind: "holiday" | "workday" }>;
}

/** The settings of such a row; null when the district has no settings yet (see intakeSettingsOf). */
export function intakeSettingsFrom(row: IntakeSettingsRow): IntakeSettings | null {
  if (!row.setting) return null;
  return {
    setting: row.setting,
    category: row.category,
    calendar: calendarOf(row.days),
  };
}

/**
 * What intake needs of the district's settings, in one statement; the settings are made on first
 * use, as everywhere (ensureCaseDefaults).
 */
export async function intakeSettingsOf(
  m: EntityManager,
  districtId: string,
  categoryCode: string,
): Promise<IntakeSettings> {
  const read = async () => {
    const [row] = (await m.query(`SELECT ${intakeSettingsColumns("$1", "$2")}`, [
      districtId,
      categoryCode,
    ])) as IntakeSettingsRow[];
    return intakeSettingsFrom(row);
  };
  const found = await read();
  if (found) return found;
  await ensureCaseDefaults(m, districtId);
  return (await read())!;
}

/** The district's limits, catalogue and own calendar days. */
export async function caseLimitsOf(m: EntityManager, districtId: string) {
  return {
    settings: await ensureCaseDefaults(m, districtId),
    categories: await m.find(CaseCategory, { where: { districtId }, order: { code: "ASC" } }),
    calendarDays: await m.find(CalendarDay, { where: { districtId }, order: { day: "ASC" } }),
  };
}

/** Changes the district's limits; new cases take them, open ones keep their due times. */
export async function updateCaseSettings(
  m: EntityManager,
  districtId: string,
  change: Partial<
    Pick<
      CaseSetting,
      | "replyHours"
      | "resolutionDays"
      | "maxReturns"
      | "warningMinutes"
      | "superviseOnUnsatisfied"
      | "maxRedos"
      | "handlingRule"
    >
  >,
): Promise<CaseSetting> {
  const s = await ensureCaseDefaults(m, districtId);
  Object.assign(
    s,
    Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined && v !== null)),
  );
  return m.save(s);
}

/** A category's own resolution limit in working days (null: the district's). */
export async function setCategoryResolutionDays(
  m: EntityManager,
  districtId: string,
  code: string,
  days: number | null,
): Promise<CaseCategory> {
  await ensureCaseDefaults(m, districtId);
  const k = await m.findOne(CaseCategory, { where: { districtId, code } });
  if (!k) throw notFound(`no category "${code}" in your district`);
  k.resolutionDays = days;
  return m.save(k);
}

/** Adds or changes the district's own calendar days (validated dates). */
export async function setCalendarDays(
  m: EntityManager,
  districtId: string,
  days: Array<{ day: string; kind: "holiday" | "workday"; name?: string | null }>,
): Promise<CalendarDay[]> {
  await m.query(
    `INSERT INTO calendar_day (district_id, id, day, kind, name)
     SELECT $1, x.id, x.day, x.kind, x.name FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, day date, kind text, name text)
     ON CONFLICT (district_id, day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name`,
    [
      districtId,
      JSON.stringify(
        days.map((d) => ({ id: uuidv7(), day: d.day, kind: d.kind, name: d.name ?? null })),
      ),
    ],
  );
  return m.find(CalendarDay, {
    where: { districtId, day: In(days.map((d) => d.day)) },
    order: { day: "ASC" },
  });
}
