import { type ObjectLiteral } from "typeorm";
import { type AuthedContext } from "../../context/context";
import { applyFilters, childConnection, type ChildSpec, type Filter } from "../../common/batch";
import { type Page, type PageArgs, paginate, type SortValueKind } from "../../common/connection";
import { TreeOrder } from "./grid.enums";
import { keyOf } from "./grid.args";
import { extend } from "../../common/objects";

type Row = ObjectLiteral & { id: string; districtId: string };

/** The sort column of a tree list: code (default) or name. */
export function sortOf<T>(order: TreeOrder | undefined): { key: keyof T & string; column: string } {
  return order === TreeOrder.name
    ? { key: "name" as keyof T & string, column: "name" }
    : { key: "code" as keyof T & string, column: "code" };
}

/** A Relay page of one district's rows of an entity, filtered. */
export function districtPage<T extends Row>(
  ctx: AuthedContext,
  entity: new () => T,
  districtId: string,
  filters: Filter[],
  page: PageArgs,
  sort: { key: keyof T & string; column: string; kind?: SortValueKind },
): Promise<Page<T>> {
  return ctx.db.run((m) => {
    const qb = m
      .createQueryBuilder(entity, "a")
      .where("a.district_id = :districtId", { districtId });
    const f = applyFilters(filters, "a");
    qb.andWhere(f.sql, f.params);
    return paginate(qb, page, sort.key, sort.column, sort.kind);
  });
}

/** A Relay page of a parent's children, batched across sibling parents (see common/batch.ts). */
export function childPage<T extends Row>(
  ctx: AuthedContext,
  spec: Omit<ChildSpec<T>, "filterKey" | "filters">,
  parentId: string,
  page: PageArgs,
  filterArgs: { filters(): Filter[] } & object,
): Promise<Page<T>> {
  return childConnection(
    ctx.loaders,
    extend(spec, { filters: filterArgs.filters(), filterKey: keyOf(filterArgs) }),
    parentId,
    page,
  );
}

/** A page of a tree parent's children, sorted by the filter's `orderBy` (code or name). */
export function treeChildPage<T extends Row>(
  ctx: AuthedContext,
  entity: new () => T,
  parentColumn: string,
  parentKey: keyof T & string,
  parentId: string,
  page: PageArgs,
  filterArgs: { filters(): Filter[]; orderBy?: TreeOrder } & object,
): Promise<Page<T>> {
  const sort = sortOf<T>(filterArgs.orderBy);
  return childPage(
    ctx,
    { entity, parentColumn, parentKey, sortColumn: sort.column, sortKey: sort.key },
    parentId,
    page,
    filterArgs,
  );
}
