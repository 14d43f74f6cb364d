import { type Counts, UnitLevel } from "../cases/case.measures";
import { type Rates } from "../cases/case.rates";

/**
 * The score of a unit from its measures, by a district's formula (versioned data):
 *
 *   base    = 100 × Σ wᵢ·rateᵢ / Σ wᵢ   over the weighted rates that are defined (not null)
 *   penalty = 100 × (supervision·supervisions + breach·breaches + return·returns) / received
 *             + accountability × accountability records (追责问责) of the unit decided in the period
 *   bonus   = proactive × proactiveShare
 *             + patrolCoverage × householdCoverage + patrolDays × patrolDayShare
 *   points  = rewardsPenalties × Σ points of the unit's rewards and penalties (奖惩) in the period
 *   score   = base − penalty + bonus + points, rounded to 2 decimals; null when nothing was received.
 *
 * The default (version 0, in force until a district saves its own): weights on-time completion 40,
 * satisfaction 30, effective callback 15, response 15; penalties 2 per supervision, 1 per breach,
 * 0.5 per return (per 100 cases); bonus 10 × the proactive share.
 *
 * Grid work beside the cases (patrols/patrol.coverage.ts defines the coverage): by default 5 ×
 * householdCoverage and 5 × patrolDayShare, so a grid that visits all its households and patrols
 * every day gains 10, as much as one whose every case it found itself; 5 points off per
 * accountability record, a sanction weighing more than any one case; and 0.1 × the points, so an
 * entry of ±10 moves the score by ±1 and the largest (±100) by ±10. A unit without patrols, entries
 * or records scores exactly as before these terms existed, and a version saved before them reads
 * with these defaults (`withDefaults`). Departments do not patrol; the district level has no
 * entries; the city's board, which compares districts, leaves accountability out.
 */
export interface FormulaRules {
  weights: {
    onTimeCompletionRate: number;
    satisfactionRate: number;
    effectiveCallbackRate: number;
    responseRate: number;
  };
  penalties: { supervision: number; breach: number; return: number; accountability: number };
  bonus: { proactive: number; patrolCoverage: number; patrolDays: number };
  /** Score points per point of the unit's rewards and penalties (奖惩) in the period. */
  rewardsPenalties: number;
}

export const DEFAULT_RULES: FormulaRules = {
  weights: {
    onTimeCompletionRate: 40,
    satisfactionRate: 30,
    effectiveCallbackRate: 15,
    responseRate: 15,
  },
  penalties: { supervision: 2, breach: 1, return: 0.5, accountability: 5 },
  bonus: { proactive: 10, patrolCoverage: 5, patrolDays: 5 },
  rewardsPenalties: 0.1,
};

/** Rules as saved in a version: keys added since it was saved are missing (or null). */
export type SavedRules = {
  [K in keyof FormulaRules]?: FormulaRules[K] extends number
    ? number | null
    : { [F in keyof FormulaRules[K]]?: number | null };
};

/** A saved version's rules with the default for every key it lacks. */
export function withDefaults(saved: SavedRules): FormulaRules {
  const fill = <T extends object>(d: T, s: { [F in keyof T]?: number | null } | undefined): T =>
    Object.fromEntries(Object.entries(d).map(([k, v]) => [k, s?.[k as keyof T] ?? v])) as T;
  return {
    ...(saved as object),
    weights: fill(DEFAULT_RULES.weights, saved.weights),
    penalties: fill(DEFAULT_RULES.penalties, saved.penalties),
    bonus: fill(DEFAULT_RULES.bonus, saved.bonus),
    rewardsPenalties: saved.rewardsPenalties ?? DEFAULT_RULES.rewardsPenalties,
  };
}

/** What a score is made of: counts, and rates from `ratesOf` (null when undefined). */
export type ScoreInputs = Pick<Counts, "received" | "supervisions" | "breaches" | "returns"> &
  Pick<Rates, "proactiveShare" | keyof FormulaRules["weights"]> &
  GridWorkInputs;

/**
 * The inputs of a unit's score from its case figures (`caseInputsOf`) and grid work: the few
 * fields `score` reads, in a small object of its own (a board makes one per unit; spreading the
 * unit's thirty figures into it cost more than scoring it).
 */
export function scoreInputsOf(
  m: Omit<ScoreInputs, keyof GridWorkInputs>,
  work: GridWorkInputs,
): ScoreInputs {
  return {
    received: m.received,
    supervisions: m.supervisions,
    breaches: m.breaches,
    returns: m.returns,
    proactiveShare: m.proactiveShare,
    onTimeCompletionRate: m.onTimeCompletionRate,
    satisfactionRate: m.satisfactionRate,
    effectiveCallbackRate: m.effectiveCallbackRate,
    responseRate: m.responseRate,
    householdCoverage: work.householdCoverage,
    patrolDayShare: work.patrolDayShare,
    points: work.points,
    accountability: work.accountability,
  };
}

/** Grid work beside the cases; absent, its terms are 0 (see the formula above). */
export interface GridWorkInputs {
  householdCoverage?: number | null;
  patrolDayShare?: number | null;
  /** The sum of the unit's 奖惩 points in the period. */
  points?: number | null;
  /** The unit's accountability records decided in the period. */
  accountability?: number | null;
}

/**
 * The case figures a unit is scored on. A department is scored on its own parts, on its own
 * clocks: its reply rate stands for the response rate, its parts finished on time for on-time
 * completion, its parts' breaches for the breaches, and its parts for the cases the penalties are
 * counted per, so that it is never charged with the days a case spent at the grid and the street
 * office before it reached it (measures: "parts").
 * Every other unit is scored on its cases.
 */
export function caseInputsOf<M extends Counts & Rates>(level: UnitLevel, m: M): M {
  // Parts logged before departments had their own clocks are not counted: such a department is
  // scored on its cases, as it was then.
  if (level !== UnitLevel.department || m.parts === 0) return m;
  return {
    ...m,
    // Penalties per 100 parts: a department's parts, not only the cases it holds now.
    received: m.parts,
    responseRate: m.partReplyRate,
    onTimeCompletionRate: m.partOnTimeRate,
    breaches: m.partBreaches,
  };
}

export function score(m: ScoreInputs, r: FormulaRules): number | null {
  if (m.received === 0) return null;
  let sum = 0;
  let weight = 0;
  for (const [k, w] of Object.entries(r.weights) as Array<
    [keyof FormulaRules["weights"], number]
  >) {
    const v = m[k];
    if (v === null || w <= 0) continue;
    sum += w * v;
    weight += w;
  }
  const base = weight > 0 ? (100 * sum) / weight : 0;
  const penalty =
    (100 *
      (r.penalties.supervision * m.supervisions +
        r.penalties.breach * m.breaches +
        r.penalties.return * m.returns)) /
    m.received;
  const bonus =
    r.bonus.proactive * (m.proactiveShare ?? 0) +
    r.bonus.patrolCoverage * (m.householdCoverage ?? 0) +
    r.bonus.patrolDays * (m.patrolDayShare ?? 0);
  const gridWork =
    r.rewardsPenalties * (m.points ?? 0) - r.penalties.accountability * (m.accountability ?? 0);
  return Math.round((base - penalty + bonus + gridWork) * 100) / 100;
}

/**
 * Competition ranking (1, 2, 2, 4): equal scores share a rank; units without a score come last,
 * unranked. The rows are the caller's own, given their rank in place.
 */
export function rank<T extends { score: number | null }>(
  rows: T[],
): Array<T & { rank: number | null }> {
  const sorted = [...rows].sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity));
  let last: number | null = null;
  let lastRank = 0;
  // Each row is given its rank in place, not copied with a spread: a board has a row per unit,
  // and copying each row's fields into a new object was a measurable part of it.
  return sorted.map((row, i) => {
    const ranked = row as T & { rank: number | null };
    if (row.score === null) ranked.rank = null;
    else {
      if (row.score !== last) {
        lastRank = i + 1;
        last = row.score;
      }
      ranked.rank = lastRank;
    }
    return ranked;
  });
}

/** Checks a formula given by a district admin; returns the problem, or null. */
export function invalidRules(r: FormulaRules): { field: string; message: string } | null {
  const nums: Array<[string, number]> = [
    ...Object.entries(r.weights).map(([k, v]) => [`weights.${k}`, v] as [string, number]),
    ...Object.entries(r.penalties).map(([k, v]) => [`penalties.${k}`, v] as [string, number]),
    ...Object.entries(r.bonus).map(([k, v]) => [`bonus.${k}`, v] as [string, number]),
  ];
  for (const [f, v] of nums)
    if (!Number.isFinite(v) || v < 0 || v > 1000)
      return { field: f, message: "a number from 0 to 1000" };
  const rp = r.rewardsPenalties;
  if (!Number.isFinite(rp) || rp < 0 || rp > 10)
    return { field: "rewardsPenalties", message: "a multiplier from 0 to 10" };
  if (Object.values(r.weights).every((w) => w === 0))
    return { field: "weights", message: "at least one weight must be above 0" };
  return null;
}
