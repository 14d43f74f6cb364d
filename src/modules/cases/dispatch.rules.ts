/**
 * Dispatch suggestions: for a case the command center is about to assign, the departments likely
 * to lead it and to co-handle it, each with its reasons. Pure: the service brings what the
 * district's catalogue says of the category and how the district assigned similar cases; the
 * command center decides (a suggestion is never applied by itself).
 *
 * A department's weight as lead:
 *   + 1 if the catalogue names it for the case's category (its usual department),
 *   + the share of similar cases it led and kept (not returned),
 *   − the share of similar cases it led and returned (退单: evidence it was the wrong one),
 *   and it is left out if it already returned this very case.
 * As co-handler: the share of similar cases it co-handled; the lead suggestion is not repeated.
 */

/** How one department took part in the similar cases (counts of distinct cases). */
export interface DispatchHistory {
  departmentId: string;
  led: number;
  ledAndReturned: number;
  coHandled: number;
}

export interface DispatchFacts {
  /** The category's usual department (the catalogue's), if any. */
  usualDepartmentId: string | null;
  categoryName: string;
  /** How many similar cases there were (same category, in the look-back window). */
  similarCases: number;
  /** The look-back window, in days, for the reasons' wording. */
  windowDays: number;
  history: DispatchHistory[];
  /** Departments that returned this case already. */
  returnedThisCase: ReadonlySet<string>;
}

export interface DispatchSuggestion {
  departmentId: string;
  role: "lead" | "co";
  /** For ordering: higher first. Comparable within one role of one answer only. */
  weight: number;
  reasons: string[];
}

const pct = (n: number, d: number) => `${n} of ${d}`;

/** Lead suggestions (best first), then co-handling ones; `max` of each. */
export function suggestDispatch(f: DispatchFacts, max = 3): DispatchSuggestion[] {
  const byId = new Map(f.history.map((h) => [h.departmentId, h]));
  const ids = new Set([...byId.keys(), ...(f.usualDepartmentId ? [f.usualDepartmentId] : [])]);
  const lead: DispatchSuggestion[] = [];
  const co: DispatchSuggestion[] = [];
  const n = f.similarCases;
  for (const id of ids) {
    if (f.returnedThisCase.has(id)) continue;
    const h = byId.get(id) ?? { departmentId: id, led: 0, ledAndReturned: 0, coHandled: 0 };
    const reasons: string[] = [];
    let weight = 0;
    if (id === f.usualDepartmentId) {
      weight += 1;
      reasons.push(`the catalogue's usual department for ${f.categoryName}`);
    }
    const kept = h.led - h.ledAndReturned;
    if (n > 0 && kept > 0) {
      weight += kept / n;
      reasons.push(`led ${pct(kept, n)} similar cases of the last ${f.windowDays} days`);
    }
    if (n > 0 && h.ledAndReturned > 0) {
      weight -= h.ledAndReturned / n;
      reasons.push(`returned ${pct(h.ledAndReturned, n)} similar cases it was to lead`);
    }
    if (weight > 0) lead.push({ departmentId: id, role: "lead", weight, reasons });
    if (n > 0 && h.coHandled > 0)
      co.push({
        departmentId: id,
        role: "co",
        weight: h.coHandled / n,
        reasons: [
          `co-handled ${pct(h.coHandled, n)} similar cases of the last ${f.windowDays} days`,
        ],
      });
  }
  const order = (a: DispatchSuggestion, b: DispatchSuggestion) =>
    b.weight - a.weight || a.departmentId.localeCompare(b.departmentId);
  lead.sort(order);
  const leads = lead.slice(0, max);
  const first = leads[0]?.departmentId;
  return [
    ...leads,
    ...co
      .filter((c) => c.departmentId !== first)
      .sort(order)
      .slice(0, max),
  ];
}
