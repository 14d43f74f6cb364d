import { type AuthedContext } from "../../context/context";
import { badInput } from "../../common/errors";
import { uuidv7 } from "../../common/ids";
import { Role } from "../../auth/roles";
import { sumCounts, UnitLevel } from "../cases/case.measures";
import { ratesOf } from "../cases/case.rates";
import {
  caseInputsOf,
  DEFAULT_RULES,
  type FormulaRules,
  invalidRules,
  rank,
  type SavedRules,
  score,
  scoreInputsOf,
  withDefaults,
} from "./score.formula";
import { checkPeriod, computeMeasures } from "./measures.service";
import { gridWorkOf } from "./score.terms";
import { Bucket, type CityTotals, type ScoreFormula, type Scoreboard } from "./scoreboard.types";
import { queryPrepared } from "../../db/statements";

const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);

function toFormula(
  version: number,
  rules: FormulaRules,
  note: string | null,
  createdAt: Date | null,
): ScoreFormula {
  return { version, ...rules, note, createdAt } as ScoreFormula;
}

/** The formula in force at the end of a day (the latest version saved before the next day began, UTC+8). */
export async function formulaAt(
  ctx: AuthedContext,
  districtId: string,
  day: string | null,
): Promise<ScoreFormula> {
  const rows: Array<{
    version: number;
    rules: SavedRules;
    note: string | null;
    created_at: Date;
  }> = await ctx.db.run((m) =>
    queryPrepared(
      m,
      `SELECT version, rules, note, created_at FROM score_formula
        WHERE district_id = $1 AND ($2::date IS NULL OR created_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
        ORDER BY version DESC LIMIT 1`,
      [districtId, day],
    ),
  );
  const r = rows[0];
  return r
    ? toFormula(r.version, withDefaults(r.rules), r.note, r.created_at)
    : toFormula(0, DEFAULT_RULES, "default", null);
}

/** Saves the next version of a district's formula (BAD_USER_INPUT when the rules are invalid). */
export async function saveFormula(
  ctx: AuthedContext,
  districtId: string,
  rules: FormulaRules,
  note: string | null,
): Promise<ScoreFormula> {
  const bad = invalidRules(rules);
  if (bad) throw badInput(bad.field, bad.message);
  const row = await ctx.db.run(async (m) => {
    await m.query("SELECT pg_advisory_xact_lock(hashtext('score_formula'), hashtext($1))", [
      districtId,
    ]);
    const [r] = (await m.query(
      `INSERT INTO score_formula (district_id, id, version, rules, note, created_by, created_at)
       SELECT $1, $2, coalesce(max(version), 0) + 1, $3::jsonb, $4, $5, $6 FROM score_formula WHERE district_id = $1
       RETURNING version, created_at`,
      [
        districtId,
        uuidv7(),
        JSON.stringify(rules),
        note,
        ctx.principal.subject,
        // The platform's clock, as for the cases it ranks (a period's formula is the one in force at its end).
        ctx.clock.now(),
      ],
    )) as Array<{ version: number; created_at: Date }>;
    return r;
  });
  return toFormula(row.version, rules, note, row.created_at);
}

/**
 * A ranking of a level's units over a period. A district's units are ranked with the formula in
 * force at the period's end; a city admin's districts with the default formula, so that every
 * district is held to the same rule.
 */
export async function buildScoreboard(
  ctx: AuthedContext,
  level: UnitLevel,
  from: string,
  to: string,
): Promise<Scoreboard> {
  checkPeriod(from, to);
  const city = ctx.principal.role === Role.city_admin;
  if (city && level !== UnitLevel.district)
    throw badInput("level", "a city admin ranks districts: use level district");
  const formula = city
    ? toFormula(0, DEFAULT_RULES, "default", null)
    : await formulaAt(ctx, ctx.principal.districtId!, to);
  const measures = await computeMeasures(ctx, level, from, to);
  const work = await gridWorkOf(ctx, level, from, to, { city });
  const rows = rank(
    measures.map((m) => {
      const w = work(m.unitId);
      return {
        score: score(
          scoreInputsOf(caseInputsOf(level, m), w.inputs),
          formula as unknown as FormulaRules,
        ),
        measures: m,
        patrol: w.row.patrol,
        pointsTotal: w.row.pointsTotal,
        accountabilityCount: w.row.accountabilityCount,
      };
    }),
  );
  return { level, from, to, formulaVersion: formula.version, rows };
}

/** The spans of a period by day, week or month; at most 62 (BAD_USER_INPUT beyond). */
export function spansOf(from: string, to: string, b: Bucket): Array<[string, string]> {
  checkPeriod(from, to);
  const spans: Array<[string, string]> = [];
  let start = from;
  // One past the limit is enough to know the period is too long.
  while (start <= to && spans.length <= 62) {
    let end: string;
    if (b === Bucket.day) end = start;
    else if (b === Bucket.week) end = addDays(start, 6);
    else {
      const d = new Date(`${start}T00:00:00Z`);
      end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0))
        .toISOString()
        .slice(0, 10);
    }
    if (end > to) end = to;
    spans.push([start, end]);
    start = addDays(end, 1);
  }
  if (spans.length > 62)
    throw badInput("bucket", "at most 62 points: use a larger bucket or a shorter period");
  return spans;
}

/** A city's totals: its districts' counts added up, and the rates of the sums. */
export function cityTotalsOf(board: Scoreboard): CityTotals {
  const rows = board.rows.map((r) => r.measures);
  const t = sumCounts(rows);
  return {
    from: board.from,
    to: board.to,
    districts: rows.length,
    received: t.received,
    gridPatrol: t.gridPatrol,
    resolved: t.resolved,
    resolvedOnTime: t.resolvedOnTime,
    callbacks: t.callbacks,
    callbacksValid: t.callbacksValid,
    supervisions: t.supervisions,
    breaches: t.breaches,
    replyBreaches: t.replyBreaches,
    overdueNow: rows.reduce((n, m) => n + m.overdueNow, 0),
    ...ratesOf(t),
  };
}
