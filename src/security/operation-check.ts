import {
  getVariableValues,
  GraphQLError,
  Kind,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { MaxTokensParserWLexer } from "@escape.tech/graphql-armor-max-tokens";
import { AppError } from "../common/errors";
import { operationCost } from "./cost";
import { type LimitName, type OperationLimits } from "./limits";

/** A refused operation: which limit, the limit, and what the operation measured. */
export function tooComplex(limit: LimitName, max: number, found: number | null): AppError {
  const measured = found === null ? `more than ${max}` : String(found);
  return new AppError(
    "QUERY_TOO_COMPLEX",
    `the operation is over the ${limit} limit: ${measured} against at most ${max}`,
    { limit, max, found, http: { status: 400 } },
  );
}

/** Counts tokens up to the limit and stops there (a huge document costs no more than a small one). */
function countTokens(source: string, max: number): number | null {
  try {
    const parser = new MaxTokensParserWLexer(source, { n: max, exposeLimits: true });
    parser.parseDocument();
    return parser.tokenCount;
  } catch (err) {
    const message = (err as Error).message ?? "";
    // Over the limit: the parser stopped; a syntax error was already reported by the server.
    return /token/i.test(message) ? null : 0;
  }
}

function rootFieldCount(
  selectionSet: SelectionSetNode,
  document: DocumentNode,
  seen = new Set<string>(),
): number {
  let n = 0;
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD) {
      if (!s.name.value.startsWith("__")) n++;
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      n += rootFieldCount(s.selectionSet, document, seen);
    } else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value,
      );
      if (fragment && fragment.kind === Kind.FRAGMENT_DEFINITION)
        n += rootFieldCount(fragment.selectionSet, document, seen);
    }
  }
  return n;
}

/**
 * The shape limits, counted by graphql-armor's rules (depth, aliases, directives) with this
 * caller's limits; the first one exceeded is thrown.
 */
function checkShape(schema: GraphQLSchema, document: DocumentNode, limits: OperationLimits): void {
  let refused: { limit: LimitName; found: number | null } | null = null;
  const reject =
    (limit: LimitName) =>
    (_ctx: ValidationContext | null, error: GraphQLError): void => {
      if (refused) return;
      const found = /found (\d+)/.exec(error.message);
      refused = { limit, found: found ? Number(found[1]) : null };
    };
  const common = { exposeLimits: true, propagateOnRejection: false };
  validate(schema, document, [
    maxDepthRule({ ...common, n: limits.depth, onReject: [reject("depth")] }),
    maxAliasesRule({ ...common, n: limits.aliases, onReject: [reject("aliases")] }),
    maxDirectivesRule({ ...common, n: limits.directives, onReject: [reject("directives")] }),
  ]);
  if (refused) {
    const { limit, found } = refused as { limit: LimitName; found: number | null };
    throw tooComplex(limit, limits[limit], found);
  }
}

export interface CheckedOperation {
  cost: number;
  /**
   * Whether the cost was estimated: false when the variables do not fit their types (the
   * operation fails on them before anything runs, and its cost is then 1 for this call only).
   */
  weighed: boolean;
}

/**
 * Every limit of one operation, before it runs: tokens of its source, its shape, its root
 * fields, then its cost (which reads the variables). Throws QUERY_TOO_COMPLEX naming the first
 * limit exceeded. Nothing here touches the database.
 */
export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits,
  /** `shapeKnown`: this document passed these limits' size and shape checks before. */
  opts: { source?: string; shapeKnown?: boolean } = {},
): CheckedOperation {
  if (!opts.shapeKnown) {
    if (opts.source !== undefined && countTokens(opts.source, limits.tokens) === null)
      throw tooComplex("tokens", limits.tokens, null);
    checkShape(schema, document, limits);
  }
  // Counted every time: in a document of several operations, each request may pick another one.
  const roots = rootFieldCount(operation.selectionSet, document);
  if (roots > limits.rootFields) throw tooComplex("rootFields", limits.rootFields, roots);
  // Variables that do not fit their types: the operation fails on them before anything runs,
  // with its own BAD_USER_INPUT, so there is nothing to weigh.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return { cost: 1, weighed: false };
  let cost: number;
  try {
    cost = operationCost(schema, document, operation.name?.value, variables);
  } catch (err) {
    // Past the estimator's node ceiling: far over any budget.
    if (/number of nodes/.test((err as Error).message)) throw tooComplex("cost", limits.cost, null);
    // An argument the estimate cannot read (a null where the schema wants a value, e.g. through
    // a variable's default, or in `@include(if:)`) fails only the fields it touches, and the rest
    // would run unweighed: refused as the input error it is. Anything else is a fault of ours.
    if (err instanceof GraphQLError) throw new AppError("BAD_USER_INPUT", err.message);
    throw err;
  }
  if (cost > limits.cost) throw tooComplex("cost", limits.cost, Math.ceil(cost));
  return { cost: Math.max(1, Math.ceil(cost)), weighed: true };
}
