import { ArgsType, Field, Int, ObjectType, type ClassType } from "type-graphql";
import { type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from "typeorm";
import { badInput } from "./errors";
import { isUuid } from "./ids";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items (1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).`,
  })
  first?: number;

  @Field(() => String, {
    nullable: true,
    description: "Return items after this cursor (an edge's `cursor`).",
  })
  after?: string;
}

@ObjectType({ description: "Relay page information." })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number | Promise<number>;
}

/** Declares `<Name>Connection` and `<Name>Edge` GraphQL types for an item type. */
export function ConnectionType<T extends object>(name: string, Item: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => Item)
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (Relay connection).` })
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: "Items matching the filters, on all pages." })
    totalCount: number;
  }
  return ConnectionClass;
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

/** What a sort column holds, so that a cursor's value is checked before it reaches SQL. */
export type SortValueKind = "text" | "uuid" | "date";

const VALUE_CHECK: Record<SortValueKind, (v: string) => boolean> = {
  text: () => true,
  uuid: isUuid,
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v),
};

export function decodeCursor(
  cursor: string,
  arity: number,
  kind: SortValueKind = "text",
): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => typeof v === "string") &&
      isUuid(values[arity - 1] as string) &&
      (arity < 2 || VALUE_CHECK[kind](values[0] as string))
    ) {
      return values;
    }
  } catch {
    // fall through
  }
  throw badInput("after", "the cursor is not valid: use a cursor returned by this connection");
}

/**
 * Keyset pagination over a query builder: ordered by a unique-per-tenant text column and the id
 * (so pages are stable while rows are added), with the total count of the unpaged query (no
 * second statement when the first page already holds every row).
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  sortKey: keyof T & string,
  sortColumn: string,
  sortKind: SortValueKind = "text",
  descending = false,
): Promise<Page<T>> {
  const first = pageSize(args);
  const alias = qb.alias;
  const page = qb.clone();
  if (args.after) {
    const [value, id] = decodeCursor(args.after, 2, sortKind);
    const op = descending ? "<" : ">";
    page.andWhere(`(${alias}.${sortColumn}, ${alias}.id) ${op} (:cursorValue, :cursorId)`, {
      cursorValue: value,
      cursorId: id,
    });
  }
  const rows = await page
    .orderBy(`${alias}.${sortColumn}`, descending ? "DESC" : "ASC")
    .addOrderBy(`${alias}.id`, descending ? "DESC" : "ASC")
    .limit(first + 1)
    .getMany();
  // Counted here, inside the caller's turn on the connection, unless the page holds every row.
  const complete = !args.after && rows.length <= first;
  const totalCount = complete ? rows.length : await qb.clone().getCount();
  return toPage(rows, args, first, sortKey, totalCount);
}

/** Validated page size: `first`, or the default. */
export function pageSize(args: PageArgs): number {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput("first", `first must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

/** A page from up to `first + 1` rows in order (the extra row only says that there is more). */
export function toPage<T extends { id: string }>(
  rows: T[],
  args: PageArgs,
  first: number,
  sortKey: keyof T & string,
  totalCount: number | Promise<number> | (() => Promise<number>),
): Page<T> {
  const edges = rows.slice(0, first).map((node) => ({
    cursor: encodeCursor([String(node[sortKey]), node.id]),
    node,
  }));
  const page = {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  } as Page<T>;
  // A first page that holds every row is its own count: no statement to count them again.
  if (typeof totalCount === "function" && !args.after && rows.length <= first) {
    (page as { totalCount: number }).totalCount = rows.length;
  } else if (typeof totalCount === "function") {
    // Evaluated only when the client asks for totalCount (a getter, so that the default field
    // resolver does not need to know).
    Object.defineProperty(page, "totalCount", { get: totalCount, enumerable: true });
  } else {
    (page as { totalCount: number | Promise<number> }).totalCount = totalCount;
  }
  return page;
}

/**
 * A page of an append-only log, newest first by its time-ordered ids, with the total counted only
 * when asked (most screens page through without a count). `query` builds the filtered query on
 * the alias `r`; `db` is the request's transaction.
 */
export async function newestFirstPage<T extends ObjectLiteral & { id: string }>(
  db: { run<R>(fn: (m: EntityManager) => Promise<R>): Promise<R> },
  page: PageArgs,
  query: (m: EntityManager) => SelectQueryBuilder<T>,
): Promise<Page<T>> {
  const first = pageSize(page);
  const afterId = page.after ? (decodeCursor(page.after, 2, "uuid")[1] as string) : null;
  const rows = await db.run((m) => {
    const qb = query(m);
    if (afterId) qb.andWhere("r.id < :afterId", { afterId });
    return qb
      .orderBy("r.id", "DESC")
      .limit(first + 1)
      .getMany();
  });
  return toPage(rows, page, first, "id", () => db.run((m) => query(m).getCount()));
}
