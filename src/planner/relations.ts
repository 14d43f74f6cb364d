import { validateSync } from "class-validator";
import { type Filter } from "../common/batch";
import { badInput } from "../common/errors";
import { type Page, type SortValueKind } from "../common/connection";
import { type AuthedContext } from "../context/context";

/**
 * What the planned read path (planner/) may read without the field's resolver: for each object
 * field that leads to rows, where those rows live and how they are chosen, written by the module
 * that owns the resolver and built from the same helpers the resolver calls (filters, sort, the
 * caller's district), so that the planned answer and the resolver's are one rule's.
 */

/** A tenant row type: a TypeORM entity that is also the GraphQL object type of the same name. */
export type RowEntity = (new () => object) & { name: string };

/** How a page of children is sorted and filtered, from the field's arguments. */
export interface ChildShape {
  sort: { column: string; key: string; kind?: SortValueKind };
  filters: Filter[];
}

export type PlannedRelation =
  /** A root field answered by one row, e.g. the caller's district; null id: not planned. */
  | { kind: "root"; entity: RowEntity; id(ctx: AuthedContext): string | null }
  /**
   * A root connection whose page its own resolver reads (with its filters and who may see what):
   * the planner answers the page's fields and its rows' fields. Throws as the resolver would.
   */
  | {
      kind: "rootPage";
      entity: RowEntity;
      /** The page, for what the selection needs of it (`PageWant`). */
      page(
        ctx: AuthedContext,
        args: Record<string, unknown>,
        want: PageWant,
      ): Promise<Page<object>>;
    }
  /**
   * A root field whose own resolver makes plain data (a scoreboard): objects whose fields are
   * properties, objects or lists of them, or leaf resolvers. The planner calls it and writes the
   * selection from what it returns, without graphql-js's execution per field. Throws as the
   * resolver would.
   */
  | {
      kind: "rootValue";
      value(ctx: AuthedContext, args: Record<string, unknown>): Promise<unknown>;
    }
  /** A Relay connection of the children whose `parentColumn` holds the parent's id. */
  | {
      kind: "connection";
      entity: RowEntity;
      parentColumn: string;
      /** Throws (e.g. an invalid filter value) when the resolver would answer with an error. */
      shape(args: Record<string, unknown>): ChildShape;
    }
  /** Every child whose `parentColumn` holds the parent's id, in `sortColumn`, id order. */
  | {
      kind: "list";
      entity: RowEntity;
      parentColumn: string;
      sortColumn: string;
      filters(args: Record<string, unknown>): Filter[];
    }
  /** The row whose id the parent holds in `idKey` (never null: a foreign key). */
  | { kind: "one"; entity: RowEntity; idKey: string }
  /**
   * Not a relation: a leaf, or an object of plain properties (a case's complainant), whose
   * resolver reads only these properties of its row (beside `id` and `districtId`), so that rows
   * read for it need not hold every column. A property it reads that
   * is not listed is caught, not guessed: the row throws on reading it (rows.ts), and the
   * operation is answered by graphql-js instead, with a warning naming the property.
   */
  | { kind: "reads"; props: readonly string[] };

/** What a root page's selection needs of it. */
export interface PageWant {
  /** The properties its rows must hold (null: every column, as for a resolver that may read any). */
  props: ReadonlySet<string> | null;
  /** Whether its totalCount is asked for. */
  totalCount: boolean;
}

/** Planned relations by `Type.field`. */
export type PlannedRelations = Record<string, PlannedRelation>;

/**
 * Field arguments as a resolver receives them from type-graphql: an instance of its arguments
 * class, validated the same way (class-validator, missing properties skipped). Throws
 * BAD_USER_INPUT as type-graphql would refuse them (the planner then lets graphql-js answer).
 */
export function argsOf<T extends object>(Args: new () => T, args: Record<string, unknown>): T {
  const instance = Object.assign(new Args(), args);
  const errors = validateSync(instance, {
    forbidUnknownValues: false,
    skipMissingProperties: true,
  });
  if (errors.length > 0) throw badInput(errors[0].property, "not a valid value");
  return instance;
}
