import {
  type FieldNode,
  getArgumentValues,
  getNamedType,
  type GraphQLObjectType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type SelectionSetNode,
} from "graphql";
import { collectFields, collectSubfields } from "graphql/execution/collectFields";
import { type DataSource } from "typeorm";
import { pageSize } from "../common/connection";
import { authChecker } from "../context/auth-checker";
import { type AuthedContext } from "../context/context";
import { completer, type FieldIndex } from "./fields";
import { type PlannedRelation, type PlannedRelations, type RowEntity } from "./relations";
import { isColumn, type Join } from "./rows";
import { infoFor, planData, wrappersOf } from "./plan-data";
import {
  type ConnField,
  type EdgeField,
  type FieldPlan,
  NotPlanned,
  type ObjPlan,
  type PlanInput,
  type RootPlan,
  type ValueField,
} from "./plan-types";

/**
 * Planning, the first half of the planned read path (execute.ts has the second): the operation's
 * selection, with its fragments, directives and variables applied, turned into a plan of what to
 * read and how to answer each field, or NotPlanned as soon as one field has no plan, one
 * argument would be refused by the resolver, or one field is not for the caller's role.
 */

/** Plans operations against the relations the modules declare and the fields type-graphql knows. */
export class OperationPlanner {
  constructor(
    private readonly relations: PlannedRelations,
    private readonly fields: FieldIndex,
    private readonly dataSource: DataSource,
  ) {}

  plan(input: PlanInput): RootPlan[] {
    const { schema, operation, ctx } = input;
    const queryType = schema.getQueryType();
    if (operation.operation !== "query" || !queryType) throw new NotPlanned("not a query");
    const fields = collectFields(
      schema,
      input.fragments,
      input.variables,
      queryType,
      operation.selectionSet as SelectionSetNode,
    );
    const roots: RootPlan[] = [];
    for (const [key, nodes] of fields) {
      const name = nodes[0].name.value;
      const def = queryType.getFields()[name];
      const relation = this.relations[`${queryType.name}.${name}`];
      if (!def || !relation) throw new NotPlanned(`no plan for Query.${name}`);
      this.authorize(queryType.name, name, ctx);
      const type = getNamedType(def.type);
      const args = getArgumentValues(def, nodes[0], input.variables);
      if (relation.kind === "rootPage" && isObjectType(type)) {
        const conn = this.planConnection(input, type, relation.entity, nodes);
        const props = union(nodePlans(conn), ["id", "districtId"]);
        roots.push({ kind: "page", key, relation, args, conn, props });
        continue;
      }
      if (relation.kind === "rootValue" && isObjectType(type)) {
        roots.push({
          kind: "value",
          key,
          relation,
          args,
          wrappers: wrappersOf(def.type),
          fields: planData(input, type, nodes, this.fields, (t, f, roles) =>
            this.authorize(t, f, ctx, roles),
          ),
        });
        continue;
      }
      if (relation.kind !== "root") throw new NotPlanned(`no plan for Query.${name}`);
      const id = relation.id(ctx);
      if (!id || !isObjectType(type) || type.name !== relation.entity.name) {
        throw new NotPlanned(`Query.${name}: no row for the caller`);
      }
      roots.push({
        kind: "row",
        key,
        entity: relation.entity,
        id,
        child: this.planObject(input, type, relation.entity, nodes),
      });
    }
    return roots;
  }

  private planObject(
    input: PlanInput,
    type: GraphQLObjectType,
    entity: RowEntity,
    nodes: readonly FieldNode[],
  ): ObjPlan {
    const sub = collectSubfields(input.schema, input.fragments, input.variables, type, nodes);
    const out: FieldPlan[] = [];
    let props: Set<string> | null = new Set(["id", "districtId"]);
    for (const [key, fieldNodes] of sub) {
      const name = fieldNodes[0].name.value;
      if (name === "__typename") {
        out.push({ kind: "typename", key, value: type.name });
        continue;
      }
      const def = type.getFields()[name];
      if (!def) throw new NotPlanned(`${type.name}.${name} is not a field`);
      const args = getArgumentValues(def, fieldNodes[0], input.variables);
      const named = getNamedType(def.type);
      if (isLeafType(named)) {
        const source = this.fields.leaf(type.name, name);
        if (!source) throw new NotPlanned(`no plan for ${type.name}.${name}`);
        this.authorize(type.name, name, input.ctx, source.roles);
        if (source.kind === "resolver") {
          const reads = this.relations[`${type.name}.${name}`];
          if (reads?.kind === "reads") for (const r of reads.props) props?.add(r);
          else props = null;
        } else if (isColumn(this.dataSource, entity, source.key)) props?.add(source.key);
        else if (!ID_GETTERS.has(source.key)) props = null;
        out.push({
          kind: "leaf",
          key,
          source,
          complete: completer(def.type),
          args,
          info: infoFor(input, type, def, fieldNodes, key),
        });
        continue;
      }
      const relation = this.relations[`${type.name}.${name}`];
      if ((!relation || relation.kind === "reads") && isObjectType(named)) {
        // An object a resolver makes from the row (a case's complainant): planned when every
        // field asked of it is a plain property. The rows hold what it declares it reads, or
        // every column.
        const source = this.fields.leaf(type.name, name);
        if (!source || source.kind !== "resolver") {
          throw new NotPlanned(`no plan for ${type.name}.${name}`);
        }
        this.authorize(type.name, name, input.ctx, source.roles);
        if (relation) for (const r of relation.props) props?.add(r);
        else props = null;
        out.push({
          kind: "value",
          key,
          source,
          args,
          info: infoFor(input, type, def, fieldNodes, key),
          fields: this.planValue(input, named, fieldNodes),
          nonNull: isNonNullType(def.type),
        });
        continue;
      }
      if (!relation || !isObjectType(named)) {
        throw new NotPlanned(`no plan for ${type.name}.${name}`);
      }
      this.authorize(type.name, name, input.ctx);
      if (relation.kind === "one") props?.add(relation.idKey);
      out.push(this.planRelation(input, key, relation, named, fieldNodes, args));
    }
    const joins: Join[] = [];
    for (const f of out) {
      if (
        f.kind === "one" &&
        f.child.fields.every((c) => c.kind === "leaf" || c.kind === "typename")
      ) {
        f.join = joins.length;
        joins.push({ entity: f.entity, props: f.child.props, idKey: f.idKey });
      }
    }
    return { entity, fields: out, props, joins };
  }

  private planRelation(
    input: PlanInput,
    key: string,
    relation: PlannedRelation,
    named: GraphQLObjectType,
    nodes: readonly FieldNode[],
    args: Record<string, unknown>,
  ): FieldPlan {
    switch (relation.kind) {
      case "one":
        if (named.name !== relation.entity.name) throw new NotPlanned(`${named.name} is not read`);
        return {
          kind: "one",
          key,
          idKey: relation.idKey,
          entity: relation.entity,
          child: this.planObject(input, named, relation.entity, nodes),
          join: null,
        };
      case "list":
        if (named.name !== relation.entity.name) throw new NotPlanned(`${named.name} is not read`);
        return {
          kind: "list",
          key,
          relation,
          filters: relation.filters(args),
          child: this.planObject(input, named, relation.entity, nodes),
        };
      case "connection": {
        const first = pageSize({ first: args.first as number | undefined });
        const after = (args.after as string | null | undefined) ?? null;
        const shape = relation.shape(args);
        const conn = this.planConnection(input, named, relation.entity, nodes);
        const nodes_ = nodePlans(conn);
        const props = union(nodes_, ["id", "districtId", shape.sort.key]);
        const joins = nodes_.length === 1 ? nodes_[0].joins : [];
        return { kind: "connection", key, relation, shape, props, joins, first, after, conn };
      }
      default:
        throw new NotPlanned(`a ${relation.kind} relation below the root`);
    }
  }

  /** The fields asked of an object made by a resolver: its properties only. */
  private planValue(
    input: PlanInput,
    type: GraphQLObjectType,
    nodes: readonly FieldNode[],
  ): ValueField[] {
    const sub = collectSubfields(input.schema, input.fragments, input.variables, type, nodes);
    return [...sub].map(([key, fieldNodes]) => {
      const name = fieldNodes[0].name.value;
      if (name === "__typename") return { key, prop: null, complete: () => type.name };
      const def = type.getFields()[name];
      const source = def && isLeafType(getNamedType(def.type)) && this.fields.leaf(type.name, name);
      if (!source || source.kind !== "property" || source.roles !== undefined) {
        throw new NotPlanned(`${type.name}.${name} is not a property`);
      }
      return { key, prop: source.key, complete: completer(def.type) };
    });
  }

  private planConnection(
    input: PlanInput,
    type: GraphQLObjectType,
    entity: RowEntity,
    nodes: readonly FieldNode[],
  ): ConnField[] {
    const sub = collectSubfields(input.schema, input.fragments, input.variables, type, nodes);
    const out: ConnField[] = [];
    for (const [key, fieldNodes] of sub) {
      const name = fieldNodes[0].name.value;
      const def = type.getFields()[name];
      const named = def && getNamedType(def.type);
      if (name === "__typename") out.push({ kind: "typename", key, value: type.name });
      else if (name === "totalCount") out.push({ kind: "totalCount", key });
      else if (name === "edges" && isObjectType(named)) {
        out.push({ kind: "edges", key, fields: this.planEdges(input, named, entity, fieldNodes) });
      } else if (name === "pageInfo" && isObjectType(named)) {
        const info = collectSubfields(
          input.schema,
          input.fragments,
          input.variables,
          named,
          fieldNodes,
        );
        const fields = [...info].map(([k, n]) => ({ key: k, prop: n[0].name.value }));
        if (!fields.every((f) => PAGE_INFO.has(f.prop)))
          throw new NotPlanned(`${named.name} field`);
        out.push({ kind: "pageInfo", key, fields });
      } else throw new NotPlanned(`${type.name}.${name}`);
    }
    return out;
  }

  private planEdges(
    input: PlanInput,
    type: GraphQLObjectType,
    entity: RowEntity,
    nodes: readonly FieldNode[],
  ): EdgeField[] {
    const sub = collectSubfields(input.schema, input.fragments, input.variables, type, nodes);
    const out: EdgeField[] = [];
    for (const [key, fieldNodes] of sub) {
      const name = fieldNodes[0].name.value;
      const named = getNamedType(type.getFields()[name]?.type);
      if (name === "__typename") out.push({ kind: "typename", key, value: type.name });
      else if (name === "cursor") out.push({ kind: "cursor", key });
      else if (name === "node" && isObjectType(named) && named.name === entity.name) {
        out.push({ kind: "node", key, plan: this.planObject(input, named, entity, fieldNodes) });
      } else throw new NotPlanned(`${type.name}.${name}`);
    }
    return out;
  }

  /** The field's @Authorized roles, checked as type-graphql checks them; refused: not planned. */
  private authorize(
    typeName: string,
    fieldName: string,
    ctx: AuthedContext,
    known?: readonly string[],
  ) {
    const roles = known ?? this.fields.roles(typeName, fieldName);
    if (roles === null) throw new NotPlanned(`${typeName}.${fieldName} is unknown to type-graphql`);
    if (roles === undefined) return;
    const ok = authChecker(
      { context: ctx } as Parameters<typeof authChecker>[0],
      [...roles] as never,
    );
    if (!ok) throw new NotPlanned(`${typeName}.${fieldName} is not for the caller's role`);
  }
}

/** Getters of the entities that read only the row's id (TenantRow's global id). */
const ID_GETTERS = new Set(["globalId"]);

/** The properties rows read for several plans must hold. */
function union(plans: ObjPlan[], extra: string[] = []): Set<string> | null {
  const out = new Set(extra);
  for (const p of plans) {
    if (!p.props) return null;
    for (const k of p.props) out.add(k);
  }
  return out;
}

/** The node plans of a connection's edges. */
function nodePlans(conn: ConnField[]): ObjPlan[] {
  return conn.flatMap((c) =>
    c.kind === "edges" ? c.fields.flatMap((e) => (e.kind === "node" ? [e.plan] : [])) : [],
  );
}

const PAGE_INFO = new Set([
  "hasNextPage",
  "hasPreviousPage",
  "startCursor",
  "endCursor",
  "__typename",
]);

export function isGraphQLErrorLike(err: unknown): boolean {
  return err instanceof Error && "extensions" in err;
}
