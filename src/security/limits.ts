/**
 * What one operation may ask for, checked before it runs: its size (tokens), its shape (depth,
 * aliases, directives, root fields) and its cost (see cost.ts). The defaults sit where the
 * GraphQL hardening guides put them and fit every example query of the README; a deployment
 * changes them, for everyone or per role, with QUERY_LIMITS (JSON).
 */
export interface OperationLimits {
  /** Lexical tokens in the document (punctuation, names, values). */
  tokens: number;
  /** Nested selection sets below the operation (fragments expanded). */
  depth: number;
  /** Aliased fields in the operation. */
  aliases: number;
  /** Directives in the operation (`@include`, `@skip`, …). */
  directives: number;
  /** Fields at the top of the operation. */
  rootFields: number;
  /** Estimated cost: every object a field may return, multiplied through lists and pages. */
  cost: number;
}

export type LimitName = keyof OperationLimits;

export const LIMIT_NAMES: readonly LimitName[] = [
  "tokens",
  "depth",
  "aliases",
  "directives",
  "rootFields",
  "cost",
];

export const DEFAULT_LIMITS: Readonly<OperationLimits> = {
  tokens: 5000,
  depth: 15,
  aliases: 15,
  directives: 50,
  rootFields: 15,
  cost: 50_000,
};

/**
 * Residents, and callers without a token, read their own record and the tree's names: a budget
 * a fifth of staff's (QUERY_LIMITS can change it like any other).
 */
const RESIDENT_COST = 10_000;

/** The limits of every role: a default, and roles that differ from it. */
export interface LimitsByRole {
  default: OperationLimits;
  roles: Partial<Record<string, OperationLimits>>;
}

/** A caller without a token is held to the resident's limits. */
export function limitsFor(table: LimitsByRole, role: string | null | undefined): OperationLimits {
  return table.roles[role ?? "resident"] ?? table.default;
}

/** The largest token limit of any role: the parser stops there, before anyone's role is read. */
export function parserTokenCeiling(table: LimitsByRole): number {
  return Math.max(table.default.tokens, ...Object.values(table.roles).map((l) => l?.tokens ?? 0));
}

/**
 * Reads QUERY_LIMITS: `{"default": {"cost": 30000}, "resident": {"cost": 2000, "depth": 8}}`.
 * Keys are `default` or role names; values change some limits and keep the rest. Anything else is
 * an error that names what is wrong.
 */
export function parseLimits(
  raw: string | undefined,
  roles: readonly string[],
  fail: (message: string) => Error,
): LimitsByRole {
  const builtIn = (t: LimitsByRole) => {
    t.roles.resident ??= { ...t.default, cost: Math.min(RESIDENT_COST, t.default.cost) };
    return t;
  };
  const table: LimitsByRole = { default: { ...DEFAULT_LIMITS }, roles: {} };
  if (raw === undefined || raw.trim() === "") return builtIn(table);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw fail('QUERY_LIMITS must be JSON, e.g. {"resident": {"cost": 2000}}');
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
    throw fail("QUERY_LIMITS must be a JSON object keyed by 'default' or a role");
  const entries = Object.entries(parsed as Record<string, unknown>);
  const read = (key: string, value: unknown, base: OperationLimits): OperationLimits => {
    if (!value || typeof value !== "object" || Array.isArray(value))
      throw fail(`QUERY_LIMITS.${key} must be an object of limits`);
    const out = { ...base };
    for (const [name, n] of Object.entries(value as Record<string, unknown>)) {
      if (!(LIMIT_NAMES as string[]).includes(name))
        throw fail(`QUERY_LIMITS.${key}.${name} is not a limit (${LIMIT_NAMES.join(", ")})`);
      if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 1_000_000_000_000)
        throw fail(`QUERY_LIMITS.${key}.${name} must be a whole number from 1 to 10^12`);
      out[name as LimitName] = n;
    }
    return out;
  };
  const defaults = entries.find(([k]) => k === "default");
  if (defaults) table.default = read("default", defaults[1], table.default);
  for (const [key, value] of entries) {
    if (key === "default") continue;
    if (!roles.includes(key))
      throw fail(`QUERY_LIMITS has an unknown role "${key}" (roles: ${roles.join(", ")})`);
    table.roles[key] = read(
      key,
      value,
      key === "resident" ? limitsFor(builtIn({ ...table, roles: {} }), "resident") : table.default,
    );
  }
  return builtIn(table);
}
