import DataLoader, { type BatchLoadFn } from "dataloader";
import { type EntityManager, type EntityTarget, type ObjectLiteral } from "typeorm";
import {
  decodeCursor,
  type Page,
  type PageArgs,
  pageSize,
  type SortValueKind,
  toPage,
} from "./connection";
import { extend } from "./objects";

/**
 * What batching needs of the request's loaders (context/loaders.ts has it): shared batches, the
 * tenant transaction, and the caller's districts. Declared here so that common/ imports nothing
 * of the layers above it.
 */
export interface BatchLoaders {
  batch<K, V>(key: string, fn: BatchLoadFn<K, V>): DataLoader<K, V>;
  db: { run<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> };
  districtIds: readonly string[];
}

/**
 * A filter as SQL on a table alias, with its named parameters. Parameter names must be unique
 * across the filters of one query (prefix them with the filter's name).
 */
export interface SqlFilter {
  sql: string;
  params: Record<string, unknown>;
}
export type Filter = (alias: string) => SqlFilter | null;

export function applyFilters(filters: Filter[], alias: string): SqlFilter {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  for (const f of filters) {
    const r = f(alias);
    if (!r) continue;
    parts.push(`(${r.sql})`);
    Object.assign(params, r.params);
  }
  return { sql: parts.length ? parts.join(" AND ") : "TRUE", params };
}

export interface ChildSpec<T> {
  entity: EntityTarget<T> & (new () => T);
  /** The parent's column in the child table, e.g. `community_id`. */
  parentColumn: string;
  /** The same as a property of the entity, e.g. `communityId`. */
  parentKey: keyof T & string;
  /** A text column that orders the children, unique enough with id as tie-break. */
  sortColumn: string;
  sortKey: keyof T & string;
  /** What the sort column holds (default text), to check cursors. */
  sortKind?: SortValueKind;
  filters?: Filter[];
  /** Identifies the filters' values: children asked with equal keys are fetched together. */
  filterKey?: string;
}

function tableOf(m: EntityManager, target: EntityTarget<unknown>): string {
  return m.connection.getMetadata(target).tableName;
}

/**
 * A Relay page of each parent's children, for many parents at once: every sibling field that asks
 * for the same children with the same arguments lands in one batch, fetched with one statement (a
 * LATERAL join that takes `first + 1` rows per parent from the index), and, if asked, one more for
 * the counts. The number of statements therefore does not grow with the number of parents.
 */
export function childConnection<T extends ObjectLiteral & { id: string; districtId: string }>(
  loaders: BatchLoaders,
  spec: ChildSpec<T>,
  parentId: string,
  args: PageArgs,
): Promise<Page<T>> {
  const first = pageSize(args);
  const cursor = args.after ? decodeCursor(args.after, 2, spec.sortKind) : null;
  const filters = spec.filters ?? [];
  const base = `${spec.entity.name}:${spec.parentColumn}:${spec.filterKey ?? ""}`;
  const pageLoader = loaders.batch<string, T[]>(
    `page:${base}:${spec.sortColumn}:${first}:${args.after ?? ""}`,
    (parentIds) =>
      loaders.db.run(async (m) => {
        const table = tableOf(m, spec.entity);
        const f = applyFilters(filters, "t");
        const after = cursor ? `AND (t.${spec.sortColumn}, t.id) > (:cursorValue, :cursorId)` : "";
        const rows = await m
          .createQueryBuilder(spec.entity, "x")
          .where(
            `(x.district_id, x.id) IN (
              SELECT c.district_id, c.id FROM unnest(CAST(:parentIds AS uuid[])) AS p(pid)
              CROSS JOIN LATERAL (
                SELECT t.district_id, t.id FROM ${table} t
                 WHERE t.district_id = ANY(CAST(:districtIds AS uuid[]))
                   AND t.${spec.parentColumn} = p.pid AND ${f.sql} ${after}
                 ORDER BY t.${spec.sortColumn}, t.id LIMIT ${first + 1}) AS c)`,
            extend(f.params, {
              parentIds: [...parentIds],
              districtIds: loaders.districtIds,
              cursorValue: cursor?.[0],
              cursorId: cursor?.[1],
            }),
          )
          .orderBy(`x.${spec.sortColumn}`, "ASC")
          .addOrderBy("x.id", "ASC")
          .getMany();
        return group(parentIds, rows, spec.parentKey);
      }),
  );
  const countLoader = loaders.batch<string, number>(`count:${base}`, (parentIds) =>
    loaders.db.run(async (m) => {
      const f = applyFilters(filters, "t");
      const rows: Array<{ pid: string; n: number }> = await m
        .createQueryBuilder()
        .select(`t.${spec.parentColumn}`, "pid")
        .addSelect("count(*)::int", "n")
        .from(tableOf(m, spec.entity), "t")
        .where("t.district_id = ANY(CAST(:districtIds AS uuid[]))", {
          districtIds: loaders.districtIds,
        })
        .andWhere(`t.${spec.parentColumn} = ANY(CAST(:parentIds AS uuid[]))`, {
          parentIds: [...parentIds],
        })
        .andWhere(f.sql, f.params)
        .groupBy(`t.${spec.parentColumn}`)
        .getRawMany();
      const byParent = new Map(rows.map((r) => [r.pid, r.n]));
      return parentIds.map((id) => byParent.get(id) ?? 0);
    }),
  );
  return pageLoader
    .load(parentId)
    .then((rows) => toPage(rows, args, first, spec.sortKey, () => countLoader.load(parentId)));
}

/**
 * Every child of each parent (for short lists: a building's units, a committee's members), in one
 * statement per batch of parents.
 */
export function childList<T extends ObjectLiteral & { id: string; districtId: string }>(
  loaders: BatchLoaders,
  spec: Omit<ChildSpec<T>, "sortKey"> & {
    /**
     * A row each child points to, read in the same statement and set on the child (e.g. a post's
     * person): its resolver then answers without a loader's promise per child.
     */
    withOne?: { property: keyof T & string; entity: new () => unknown; on: string };
  },
  parentId: string,
): Promise<T[]> {
  const filters = spec.filters ?? [];
  const withOne = spec.withOne;
  const loader = loaders.batch<string, T[]>(
    `list:${spec.entity.name}:${spec.parentColumn}:${spec.sortColumn}:${spec.filterKey ?? ""}:${withOne?.property ?? ""}`,
    (parentIds) =>
      loaders.db.run(async (m) => {
        const f = applyFilters(filters, "x");
        const qb = m.createQueryBuilder(spec.entity, "x");
        // The joined row is matched on (district_id, id) like every tenant row; "j" is its alias.
        if (withOne) qb.leftJoinAndMapOne(`x.${withOne.property}`, withOne.entity, "j", withOne.on);
        const rows = await qb
          .where("x.district_id = ANY(CAST(:districtIds AS uuid[]))", {
            districtIds: loaders.districtIds,
          })
          .andWhere(`x.${spec.parentColumn} = ANY(CAST(:parentIds AS uuid[]))`, {
            parentIds: [...parentIds],
          })
          .andWhere(f.sql, f.params)
          .orderBy(`x.${spec.sortColumn}`, "ASC")
          .addOrderBy("x.id", "ASC")
          .getMany();
        return group(parentIds, rows, spec.parentKey);
      }),
  );
  return loader.load(parentId);
}

function group<T>(parentIds: readonly string[], rows: T[], key: keyof T): T[][] {
  const byParent = new Map<string, T[]>();
  for (const row of rows) {
    const pid = row[key] as unknown as string;
    let list = byParent.get(pid);
    if (!list) byParent.set(pid, (list = []));
    list.push(row);
  }
  return parentIds.map((id) => byParent.get(id) ?? []);
}
