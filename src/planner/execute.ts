import { encodeCursor } from "../common/connection";
import { type AuthedContext } from "../context/context";
import { type DataSource } from "typeorm";
import { type FieldIndex } from "./fields";
import {
  type ConnField,
  type DataField,
  type EdgeField,
  type FieldPlan,
  NotPlanned,
  type ObjPlan,
  type Out,
  type PlanInput,
  type RootPlan,
  type Row,
} from "./plan-types";
import { isGraphQLErrorLike, OperationPlanner } from "./plan";
import { type PlannedRelations } from "./relations";
import { childCounts, childRows, JOINED, pageRows, rowsById, type Scope } from "./rows";

/**
 * The planned read path: a query whose every field is a column, a leaf resolver or a relation
 * declared in `PlannedRelations` is answered by reading each level of the tree for all its parents
 * in one statement (a page per parent from the index, children by `= ANY`), with the rows made
 * into the entities' objects and each leaf resolved by the field's own resolver or property, and
 * the answer written as plain JSON: no per-field execution machinery, no promise per field, no
 * entity hydration. Anything else (a field without a plan, an argument the resolver would refuse,
 * a mutation) returns null from planning, and the operation runs through graphql-js as usual, which
 * then gives the usual answer or error. The answers of both paths are compared by
 * test/api/planned-reads.test.ts.
 */

export class Planner {
  private readonly planner: OperationPlanner;

  constructor(
    relations: PlannedRelations,
    fields: FieldIndex,
    private readonly dataSource: DataSource,
  ) {
    this.planner = new OperationPlanner(relations, fields, dataSource);
  }

  /** The operation's data, or null when it is not for this path. */
  async execute(input: PlanInput): Promise<Out | null> {
    let roots: RootPlan[];
    try {
      roots = this.planner.plan(input);
    } catch (err) {
      if (err instanceof NotPlanned || isGraphQLErrorLike(err)) {
        input.ctx.log?.debug("query not planned", { reason: (err as Error).message });
        return null;
      }
      throw err;
    }
    const { ctx } = input;
    const run = <T>(fn: (s: Scope) => Promise<T>) =>
      ctx.db.run((m) => fn({ m, ds: this.dataSource, districtIds: ctx.loaders.districtIds }));
    const exec = new Execution(run, ctx);
    const data: Out = {};
    for (const r of roots) data[r.key] = null;
    try {
      for (const r of roots) {
        if (r.kind === "page") {
          const page = await r.relation.page(ctx, r.args, {
            props: r.props,
            totalCount: r.conn.some((c) => c.kind === "totalCount"),
          });
          data[r.key] = await exec
            .pages(r.conn, [
              {
                nodes: page.edges.map((e) => e.node as Row),
                cursors: page.edges.map((e) => e.cursor),
                more: page.pageInfo.hasNextPage,
                previous: page.pageInfo.hasPreviousPage,
                count: () => page.totalCount,
              },
            ])
            .then((o) => o[0]);
          continue;
        }
        if (r.kind === "value") {
          const pending: Array<Promise<void>> = [];
          data[r.key] = writeData(
            await r.relation.value(ctx, r.args),
            r.wrappers,
            0,
            r.fields,
            pending,
            ctx,
          );
          await Promise.all(pending);
          continue;
        }
        const rows = await run((s) => rowsById(s, r.entity, r.child.props, [r.id]));
        const row = rows.get(r.id);
        if (!row) return null;
        const out: Out = {};
        await exec.objects(r.child, [row], [out]);
        data[r.key] = out;
      }
    } catch (err) {
      // A resolver's refusal or a failed statement: graphql-js runs the operation again and
      // answers as it always does (a field error where the resolver threw, the outage's code).
      if (!isGraphQLErrorLike(err))
        ctx.log?.warn("planned read failed; executing", { error: String(err) });
      return null;
    }
    ctx.log?.debug("query planned");
    return data;
  }
}

/** A page of a connection: its rows, their cursors, and what its pageInfo and count say. */
interface PageRows {
  nodes: Row[];
  cursors: string[];
  more: boolean;
  previous: boolean;
  count(): number | Promise<number>;
}

/** One planned execution: levels read for all parents at once. */
class Execution {
  constructor(
    private readonly run: <T>(fn: (s: Scope) => Promise<T>) => Promise<T>,
    private readonly ctx: AuthedContext,
  ) {}

  async objects(plan: ObjPlan, rows: Row[], outs: Out[]): Promise<void> {
    for (const o of outs) for (const f of plan.fields) o[f.key] = null;
    if (rows.length === 0) return;
    for (const f of plan.fields) {
      switch (f.kind) {
        case "typename":
          for (const o of outs) o[f.key] = f.value;
          break;
        case "leaf":
          await this.leaves(f, rows, outs);
          break;
        case "value":
          await this.values(f, rows, outs);
          break;
        case "one":
          await this.one(f, rows, outs);
          break;
        case "list":
          await this.list(f, rows, outs);
          break;
        case "connection":
          await this.connection(f, rows, outs);
          break;
      }
    }
  }

  private async leaves(f: Extract<FieldPlan, { kind: "leaf" }>, rows: Row[], outs: Out[]) {
    const src = f.source;
    let pending: Array<Promise<void>> | null = null;
    for (let i = 0; i < rows.length; i++) {
      const v =
        src.kind === "property" ? rows[i][src.key] : src.call(rows[i], this.ctx, f.info, f.args);
      if (v instanceof Promise) {
        const out = outs[i];
        (pending ??= []).push(v.then((x) => void (out[f.key] = f.complete(x))));
      } else outs[i][f.key] = f.complete(v);
    }
    if (pending) await Promise.all(pending);
  }

  private async values(f: Extract<FieldPlan, { kind: "value" }>, rows: Row[], outs: Out[]) {
    const made = await Promise.all(rows.map((r) => f.source.call(r, this.ctx, f.info, f.args)));
    for (let i = 0; i < rows.length; i++) {
      const v = made[i] as Record<string, unknown> | null | undefined;
      if (v === null || v === undefined) {
        if (f.nonNull) throw new Error("null for a non-null field");
        outs[i][f.key] = null;
        continue;
      }
      const o: Out = {};
      for (const x of f.fields) o[x.key] = x.complete(x.prop === null ? null : v[x.prop]);
      outs[i][f.key] = o;
    }
  }

  private async one(f: Extract<FieldPlan, { kind: "one" }>, rows: Row[], outs: Out[]) {
    let children: Row[];
    const at = f.join;
    if (at !== null && rows[0][JOINED as unknown as string]) {
      children = rows.map((r) => {
        const c = (r[JOINED as unknown as string] as Array<Row | null>)[at];
        if (!c) throw new Error(`${f.entity.name} ${String(r[f.idKey])} is missing`);
        return c;
      });
    } else {
      const ids = [...new Set(rows.map((r) => r[f.idKey] as string))];
      const byId = await this.run((s) => rowsById(s, f.entity, f.child.props, ids));
      children = rows.map((r) => {
        const c = byId.get(r[f.idKey] as string);
        if (!c) throw new Error(`${f.entity.name} ${String(r[f.idKey])} is missing`);
        return c;
      });
    }
    const childOuts = children.map(() => ({}));
    await this.objects(f.child, children, childOuts);
    for (let i = 0; i < outs.length; i++) outs[i][f.key] = childOuts[i];
  }

  private async list(f: Extract<FieldPlan, { kind: "list" }>, rows: Row[], outs: Out[]) {
    const r = f.relation;
    const byParent = await this.run((s) =>
      childRows(
        s,
        r.entity,
        f.child.props,
        r.parentColumn,
        r.sortColumn,
        f.filters,
        ids(rows),
        f.child.joins,
      ),
    );
    const all: Row[] = [];
    const lists = rows.map((row) => {
      const list = byParent.get(row.id as string) ?? [];
      all.push(...list);
      return list;
    });
    const allOuts = all.map(() => ({}) as Out);
    await this.objects(f.child, all, allOuts);
    let at = 0;
    for (let i = 0; i < outs.length; i++) {
      outs[i][f.key] = allOuts.slice(at, at + lists[i].length);
      at += lists[i].length;
    }
  }

  private async connection(
    f: Extract<FieldPlan, { kind: "connection" }>,
    rows: Row[],
    outs: Out[],
  ) {
    const r = f.relation;
    const parentIds = ids(rows);
    const byParent = await this.run((s) =>
      pageRows(s, r.entity, f.props, r.parentColumn, f.shape, f.first, f.after, parentIds, f.joins),
    );
    const pages = parentIds.map((id) => {
      const got = byParent.get(id) ?? [];
      return { nodes: got.slice(0, f.first), more: got.length > f.first };
    });
    // A first page that holds every row is its own count (as common/connection.ts's toPage).
    const counted = f.conn.some((c) => c.kind === "totalCount");
    const toCount = counted ? parentIds.filter((_, i) => f.after || pages[i].more) : [];
    const counts = toCount.length
      ? await this.run((s) => childCounts(s, r.entity, r.parentColumn, f.shape.filters, toCount))
      : new Map<string, number>();
    const conns = await this.pages(
      f.conn,
      pages.map((p, i) => ({
        nodes: p.nodes,
        cursors: p.nodes.map((n) => encodeCursor([String(n[f.shape.sort.key]), n.id])),
        more: p.more,
        previous: Boolean(f.after),
        count: () => (f.after || p.more ? (counts.get(parentIds[i]) ?? 0) : p.nodes.length),
      })),
    );
    for (let i = 0; i < outs.length; i++) outs[i][f.key] = conns[i];
  }

  /** Connections' answers from their pages, each `node` selection resolved over all their rows. */
  async pages(conn: ConnField[], pages: PageRows[]): Promise<Out[]> {
    const all = pages.flatMap((p) => p.nodes);
    const cursors = pages.flatMap((p) => p.cursors);
    const nodeOuts = new Map<EdgeField, Out[]>();
    for (const c of conn) {
      if (c.kind !== "edges") continue;
      for (const e of c.fields) {
        if (e.kind !== "node") continue;
        const o = all.map(() => ({}) as Out);
        await this.objects(e.plan, all, o);
        nodeOuts.set(e, o);
      }
    }
    const out: Out[] = [];
    let at = 0;
    for (const page of pages) {
      const from = at;
      at += page.nodes.length;
      const result: Out = {};
      for (const c of conn) {
        if (c.kind === "typename") result[c.key] = c.value;
        else if (c.kind === "totalCount") result[c.key] = await page.count();
        else if (c.kind === "edges") {
          const edges: Out[] = [];
          for (let j = from; j < at; j++) {
            const edge: Out = {};
            for (const e of c.fields) {
              if (e.kind === "typename") edge[e.key] = e.value;
              else if (e.kind === "cursor") edge[e.key] = cursors[j];
              else edge[e.key] = nodeOuts.get(e)![j];
            }
            edges.push(edge);
          }
          result[c.key] = edges;
        } else {
          const info: Out = {};
          for (const p of c.fields) {
            info[p.key] =
              p.prop === "hasNextPage"
                ? page.more
                : p.prop === "hasPreviousPage"
                  ? page.previous
                  : p.prop === "startCursor"
                    ? at > from
                      ? cursors[from]
                      : null
                    : p.prop === "endCursor"
                      ? at > from
                        ? cursors[at - 1]
                        : null
                      : "PageInfo";
          }
          result[c.key] = info;
        }
      }
      out.push(result);
    }
    return out;
  }
}

function ids(rows: Row[]): string[] {
  return rows.map((r) => r.id as string);
}

/**
 * Plain data as its selection asks (a `rootValue`'s answer): objects written field by field,
 * lists item by item, null where allowed (a null where none is allowed throws: graphql-js then
 * answers as usual); the promises of leaf resolvers are collected in `pending`.
 */
function writeData(
  value: unknown,
  wrappers: ReadonlyArray<"list" | "nonNull">,
  at: number,
  fields: DataField[],
  pending: Array<Promise<void>>,
  ctx: AuthedContext,
): unknown {
  const w = wrappers[at];
  if (w === "nonNull") {
    const v = writeData(value, wrappers, at + 1, fields, pending, ctx);
    if (v === null) throw new Error("null for a non-null field");
    return v;
  }
  if (value === null || value === undefined) return null;
  if (w === "list") {
    return Array.from(value as Iterable<unknown>, (item) =>
      writeData(item, wrappers, at + 1, fields, pending, ctx),
    );
  }
  const v = value as Row;
  const o: Out = {};
  for (const f of fields) {
    if (f.kind === "typename") o[f.key] = f.value;
    else if (f.kind === "object")
      o[f.key] = writeData(v[f.prop], f.wrappers, 0, f.fields, pending, ctx);
    else {
      const x =
        f.source.kind === "property" ? v[f.source.key] : f.source.call(v, ctx, f.info, f.args);
      if (x instanceof Promise) pending.push(x.then((y) => void (o[f.key] = f.complete(y))));
      else o[f.key] = f.complete(x);
    }
  }
  return o;
}
