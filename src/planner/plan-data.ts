import {
  type FieldNode,
  getArgumentValues,
  getNamedType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from "graphql";
import { collectSubfields } from "graphql/execution/collectFields";
import { completer, type FieldIndex } from "./fields";
import { type DataField, NotPlanned, type PlanInput } from "./plan-types";

/**
 * Planning plain data (a `rootValue`, e.g. a scoreboard): the selection of what a resolver made.
 * Leaves are the fields' properties or resolvers (each field's roles checked by `authorize`, as
 * type-graphql checks them); objects and lists of objects are properties, planned in turn.
 * Anything else (a union, an object a resolver makes) is not planned.
 */
export function planData(
  input: PlanInput,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  fields: FieldIndex,
  authorize: (typeName: string, fieldName: string, roles: readonly string[] | undefined) => void,
): DataField[] {
  const sub = collectSubfields(input.schema, input.fragments, input.variables, type, nodes);
  const out: DataField[] = [];
  for (const [key, fieldNodes] of sub) {
    const name = fieldNodes[0].name.value;
    if (name === "__typename") {
      out.push({ kind: "typename", key, value: type.name });
      continue;
    }
    const def = type.getFields()[name];
    const source = def && fields.leaf(type.name, name);
    if (!source) throw new NotPlanned(`no plan for ${type.name}.${name}`);
    authorize(type.name, name, source.roles);
    const named = getNamedType(def.type);
    if (isLeafType(named)) {
      out.push({
        kind: "leaf",
        key,
        source,
        complete: completer(def.type),
        args: getArgumentValues(def, fieldNodes[0], input.variables),
        info: infoFor(input, type, def, fieldNodes, key),
      });
    } else if (isObjectType(named) && source.kind === "property") {
      out.push({
        kind: "object",
        key,
        prop: source.key,
        wrappers: wrappersOf(def.type),
        fields: planData(input, named, fieldNodes, fields, authorize),
      });
    } else throw new NotPlanned(`${type.name}.${name} is not plain data`);
  }
  return out;
}

/** A field type's list levels and nullability, outermost first. */
export function wrappersOf(type: GraphQLOutputType): Array<"list" | "nonNull"> {
  const out: Array<"list" | "nonNull"> = [];
  for (let t = type; isNonNullType(t) || isListType(t); t = t.ofType as GraphQLOutputType)
    out.push(isNonNullType(t) ? "nonNull" : "list");
  return out;
}

/**
 * What a leaf resolver called by the planner gets as its info: the operation, the field and its
 * types. The path names the field but not the list index of its row.
 */
export function infoFor(
  input: PlanInput,
  parentType: GraphQLObjectType,
  def: GraphQLField<unknown, unknown>,
  fieldNodes: readonly FieldNode[],
  key: string,
): GraphQLResolveInfo {
  return {
    fieldName: def.name,
    fieldNodes,
    returnType: def.type,
    parentType,
    path: { prev: undefined, key, typename: parentType.name },
    schema: input.schema,
    fragments: input.fragments,
    rootValue: undefined,
    operation: input.operation,
    variableValues: input.variables,
  };
}
