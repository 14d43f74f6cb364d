import { type Counts, type Rates } from "../cases/case.measures";

/**
 * The score of a unit from its measures, by a district's formula (versioned data):
 *
 *   base    = 100 × Σ wᵢ·rateᵢ / Σ wᵢ   over the weighted rates that are defined (not null)
 *   penalty = 100 × (supervision·supervisions + breach·breaches + return·returns) / received
 *   bonus   = proactive × proactiveShare
 *   score   = base − penalty + bonus, rounded to 2 decimals; null when nothing was received.
 *
 * The default (version 0, in force until a district saves its own): weights on-time completion 40,
 * satisfaction 30, effective callback 15, response 15; penalties 2 per supervision, 1 per breach,
 * 0.5 per return (per 100 cases); bonus 10 × the proactive share.
 */
export interface FormulaRules {
  weights: {
    onTimeCompletionRate: number;
    satisfactionRate: number;
    effectiveCallbackRate: number;
    responseRate: number;
  };
  penalties: { supervision: number; breach: number; return: number };
  bonus: { proactive: number };
}

export const DEFAULT_RULES: FormulaRules = {
  weights: {
    onTimeCompletionRate: 40,
    satisfactionRate: 30,
    effectiveCallbackRate: 15,
    responseRate: 15,
  },
  penalties: { supervision: 2, breach: 1, return: 0.5 },
  bonus: { proactive: 10 },
};

/** What a score is made of: counts, and rates from `ratesOf` (null when undefined). */
export type ScoreInputs = Pick<Counts, "received" | "supervisions" | "breaches" | "returns"> &
  Pick<Rates, "proactiveShare" | keyof FormulaRules["weights"]>;

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
  const bonus = r.bonus.proactive * (m.proactiveShare ?? 0);
  return Math.round((base - penalty + bonus) * 100) / 100;
}

/** Competition ranking (1, 2, 2, 4): equal scores share a rank; units without a score come last, unranked. */
export function rank<T extends { score: number | null }>(
  rows: T[],
): Array<T & { rank: number | null }> {
  const sorted = [...rows].sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity));
  let last: number | null = null;
  let lastRank = 0;
  return sorted.map((row, i) => {
    if (row.score === null) return { ...row, rank: null };
    if (row.score !== last) {
      lastRank = i + 1;
      last = row.score;
    }
    return { ...row, rank: lastRank };
  });
}

/** Checks a formula given by a district admin; returns the problem, or null. */
export function invalidRules(r: FormulaRules): { field: string; message: string } | null {
  const nums: Array<[string, number]> = [
    ...Object.entries(r.weights).map(([k, v]) => [`weights.${k}`, v] as [string, number]),
    ...Object.entries(r.penalties).map(([k, v]) => [`penalties.${k}`, v] as [string, number]),
    ["bonus.proactive", r.bonus.proactive],
  ];
  for (const [f, v] of nums)
    if (!Number.isFinite(v) || v < 0 || v > 1000)
      return { field: f, message: "a number from 0 to 1000" };
  if (Object.values(r.weights).every((w) => w === 0))
    return { field: "weights", message: "at least one weight must be above 0" };
  return null;
}
