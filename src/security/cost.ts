import {
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  Kind,
  visit,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";
import { getComplexity, type ComplexityEstimatorArgs } from "graphql-query-complexity";
import { DEFAULT_PAGE_SIZE } from "../common/connection";

/**
 * The cost of an operation: how many objects it may make the server produce. Scalars are free;
 * each object-valued field costs 1 for itself and for what is selected below it, multiplied by
 * how many it may return. A paged field (one with `first`) returns `first` items, or the default
 * page of 50 when `first` is absent (variables are read, so `first: $n` counts as its value).
 * A plain list returns about its expected size (below, or 20). Edges and nodes inside a page are
 * already counted by the page.
 *
 * Example: `district { streetOffices(first: 10) { nodes… communities(first: 20) { … } } }`
 * costs about 1 + 10 × (1 + 20 × …): nested pages multiply, which is what makes a whole-tree
 * walk expensive and a single page cheap.
 */

/** Expected sizes of the unpaged lists that can be long; every other list counts as 20. */
const LIST_SIZES: Readonly<Record<string, number>> = {
  // One row per unit of the board's level: districts, street offices, or a district's grids
  // (Mingshan has 702, a board is read a page of them at a time on screen).
  "Scoreboard.rows": 200,
  "Query.measures": 200,
  "Query.cityTrend": 53,
  "Query.scoreHistory": 53,
  // Documented as at most 200.
  "MeasureCases.cases": 200,
  "Building.units": 8,
  "BuildingUnit.households": 30,
  "Household.members": 6,
  "Case.timeline": 40,
  "City.districts": 20,
};
const DEFAULT_LIST_SIZE = 20;

function pageOrListSize({ type, field, args }: ComplexityEstimatorArgs): number {
  if (field.args.some((a) => a.name === "first")) {
    const declared = field.args.find((a) => a.name === "first")?.defaultValue;
    const first = args.first ?? args.last ?? declared ?? DEFAULT_PAGE_SIZE;
    return typeof first === "number" && first > 0 ? first : DEFAULT_PAGE_SIZE;
  }
  if (!isListType(getNullableType(field.type))) return 1;
  // Edges of a connection are its page, counted at the connection's field.
  if (/(Connection|Edge)$/.test(type.name)) return 1;
  return LIST_SIZES[`${type.name}.${field.name}`] ?? DEFAULT_LIST_SIZE;
}

/** The arguments the estimate reads (pageOrListSize): a page's size. */
const SIZE_ARGUMENTS: ReadonlySet<string> = new Set(["first", "last"]);

/**
 * The variables a document's cost can depend on: those given to a page's size (`first: $n`) and
 * those of its directives (`@include(if: $x)` decides what is counted). Any other variable (a
 * mutation's input, a search text) leaves the cost as it is, so that an operation's cost can be
 * remembered for these variables' values alone.
 */
export function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  let inDirective = 0;
  const sizeArgs: string[] = [];
  visit(document, {
    Directive: { enter: () => void inDirective++, leave: () => void inDirective-- },
    Argument: {
      enter(node) {
        if (node.value.kind === Kind.VARIABLE && SIZE_ARGUMENTS.has(node.name.value))
          sizeArgs.push(node.value.name.value);
      },
    },
    Variable(node) {
      if (inDirective > 0) names.add(node.name.value);
    },
  });
  for (const n of sizeArgs) names.add(n);
  return [...names].sort();
}

function estimate(options: ComplexityEstimatorArgs): number {
  const self = isLeafType(getNamedType(options.field.type)) ? 0 : 1;
  return pageOrListSize(options) * (self + options.childComplexity);
}

/** The most nodes the estimate walks; a document past it is refused as too complex. */
const MAX_QUERY_NODES = 20_000;

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName: operationName ?? undefined,
    variables: variables ?? {},
    estimators: [estimate],
    maxQueryNodes: MAX_QUERY_NODES,
  });
}
