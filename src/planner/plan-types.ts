import {
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { type Filter } from "../common/batch";
import { type AuthedContext } from "../context/context";
import { type LeafSource } from "./fields";
import { type ChildShape, type PlannedRelation, type RowEntity } from "./relations";
import { type Join } from "./rows";

/** What planning (plan.ts) hands to execution (execute.ts). */

export type Row = Record<string, unknown>;
export type Out = Record<string, unknown>;

export interface ObjPlan {
  entity: RowEntity;
  fields: FieldPlan[];
  /** The properties its rows must hold; null: every column (a resolver reads the rows). */
  props: Set<string> | null;
  /** Rows its `one` fields point to, read with its rows when they lead no further. */
  joins: Join[];
}

/** `__typename`, answered by the type's name. */
export interface TypenameField {
  kind: "typename";
  key: string;
  value: string;
}

/** A leaf answered by its property or its resolver. */
export interface LeafField {
  kind: "leaf";
  key: string;
  source: LeafSource;
  /** The value as graphql-js completes it for the field's type. */
  complete: (value: unknown) => unknown;
  args: Record<string, unknown>;
  info: GraphQLResolveInfo;
}

export type FieldPlan =
  | TypenameField
  | LeafField
  | {
      kind: "value";
      key: string;
      source: Extract<LeafSource, { kind: "resolver" }>;
      args: Record<string, unknown>;
      info: GraphQLResolveInfo;
      fields: ValueField[];
      nonNull: boolean;
    }
  | {
      kind: "one";
      key: string;
      idKey: string;
      entity: RowEntity;
      child: ObjPlan;
      /** Its place among the parent plan's joins, if it is read with the parent's rows. */
      join: number | null;
    }
  | {
      kind: "list";
      key: string;
      relation: Extract<PlannedRelation, { kind: "list" }>;
      filters: Filter[];
      child: ObjPlan;
    }
  | {
      kind: "connection";
      key: string;
      relation: Extract<PlannedRelation, { kind: "connection" }>;
      shape: ChildShape;
      /** What the page's rows must hold for every node selection and the cursors. */
      props: Set<string> | null;
      /** The node selection's joins, when there is one node selection. */
      joins: Join[];
      first: number;
      after: string | null;
      conn: ConnField[];
    };

/** A field of an object a resolver made: a property read and completed (null: `__typename`). */
export interface ValueField {
  key: string;
  prop: string | null;
  complete: (value: unknown) => unknown;
}

export type ConnField =
  | { kind: "typename"; key: string; value: string }
  | { kind: "totalCount"; key: string }
  | { kind: "edges"; key: string; fields: EdgeField[] }
  | { kind: "pageInfo"; key: string; fields: Array<{ key: string; prop: string }> };

export type EdgeField =
  | { kind: "typename"; key: string; value: string }
  | { kind: "cursor"; key: string }
  | { kind: "node"; key: string; plan: ObjPlan };

/**
 * A field of plain data a resolver made (planned under a `rootValue`): its `__typename`, a leaf
 * (a property or the field's resolver), or an object or list of objects read from a property.
 */
export type DataField =
  | TypenameField
  | LeafField
  | {
      kind: "object";
      key: string;
      prop: string;
      /** List levels and nullability, outermost first, down to the object. */
      wrappers: Array<"list" | "nonNull">;
      fields: DataField[];
    };

export type RootPlan =
  | { kind: "row"; key: string; entity: RowEntity; id: string; child: ObjPlan }
  | {
      kind: "value";
      key: string;
      relation: Extract<PlannedRelation, { kind: "rootValue" }>;
      args: Record<string, unknown>;
      /** The root field's own list levels and nullability, as for an object field. */
      wrappers: Array<"list" | "nonNull">;
      fields: DataField[];
    }
  | {
      kind: "page";
      key: string;
      relation: Extract<PlannedRelation, { kind: "rootPage" }>;
      args: Record<string, unknown>;
      conn: ConnField[];
      /** What the page's rows must hold for every node selection and the cursors. */
      props: Set<string> | null;
    };

/** Thrown while planning: the operation is not for this path. */
/**
 * Why an operation goes to graphql-js instead. Thrown for every query the planner declines (a
 * `me`, a mutation's follow-up query…), so it captures no stack trace: its message is the reason.
 */
export class NotPlanned extends Error {
  constructor(reason: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(reason);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}

export interface PlanInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  ctx: AuthedContext;
}
