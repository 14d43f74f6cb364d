import { type DataSource, type EntityManager } from "typeorm";
import { applyFilters, type Filter } from "../common/batch";
import { decodeCursor } from "../common/connection";
import { type ArrayRows, queryArrays } from "../db/statements";
import { type ChildShape, type RowEntity } from "./relations";
import { guardedPrototype, madeRows } from "./row-proto";
import { extend } from "../common/objects";

export { ColumnNotRead } from "./row-proto";

/**
 * Rows for the planned read path: the columns a plan needs selected by name (no query builder, no
 * hydration machinery), made into instances of the entity's class by assignment, with the values
 * TypeORM would give (a `date` as its text, a column transformer applied), so that the resolvers
 * the planner calls see the same objects as when TypeORM loads them. A plan that calls a resolver
 * on the rows reads every column (the resolver may read any); one that only shows properties
 * reads those, the keys and the sort column (a grid's boundary is not read to show its code).
 */
export interface Table {
  name: string;
  /** What places a row in the caller's districts: its district_id, or its id for a district. */
  tenant: string;
  /** The select list on alias `t`. */
  select: string;
  /** A row from a statement's keyed result (`reader` for arrays, which the planner reads). */
  make(raw: Record<string, unknown>): Record<string, unknown>;
  /** `make` for rows read as arrays, given the statement's column names. */
  reader(names: readonly string[]): (raw: unknown[]) => Record<string, unknown>;
}

interface Column {
  prop: string;
  /** The quoted column name. */
  name: string;
  /** How it is read: `date` as text, as TypeORM gives it. */
  cast: string;
  from: ((v: unknown) => unknown) | null;
}

const columnsOf = new WeakMap<object, Column[]>();
const tables = new WeakMap<object, Map<string, Table>>();

function entityColumns(ds: DataSource, entity: RowEntity): Column[] {
  let cols = columnsOf.get(entity);
  if (!cols) {
    cols = ds.getMetadata(entity).columns.map((c) => ({
      prop: c.propertyName,
      name: quoteIdent(c.databaseName),
      cast: c.type === "date" ? "::text" : "",
      from:
        c.transformer && !Array.isArray(c.transformer)
          ? c.transformer.from.bind(c.transformer)
          : null,
    }));
    columnsOf.set(entity, cols);
  }
  return cols;
}

/** Whether a property of the entity is a column. */
export function isColumn(ds: DataSource, entity: RowEntity, prop: string): boolean {
  return entityColumns(ds, entity).some((c) => c.prop === prop);
}

/**
 * The entity's table, read for the given properties (null: all), on a table alias and with a
 * prefix to its column aliases (a joined row's columns beside its parent's).
 */
export function tableOf(
  ds: DataSource,
  entity: RowEntity,
  props: ReadonlySet<string> | null,
  alias = "t",
  prefix = "",
  /** Properties the caller sets on each made row itself (not read, and not guarded). */
  given: readonly string[] = [],
): Table {
  const key = `${alias}:${prefix}:${props ? [...props].sort().join(",") : "*"}:${given.join(",")}`;
  let byProps = tables.get(entity);
  if (!byProps) tables.set(entity, (byProps = new Map()));
  let t = byProps.get(key);
  if (t) return t;
  const all = entityColumns(ds, entity);
  const cols = props ? all.filter((c) => props.has(c.prop)) : all;
  const proto = props
    ? guardedPrototype(entity, all, new Set([...props, ...given]))
    : (entity.prototype as object);
  // The raw row's key of each column, made once (not a string concatenation per row and column).
  const keys = cols.map((c) => prefix + c.prop);
  const Made = madeRows(proto);
  t = {
    name: quoteIdent(ds.getMetadata(entity).tableName),
    tenant: all.some((c) => c.prop === "districtId") ? `${alias}.district_id` : `${alias}.id`,
    select: cols
      .map((c) => `${alias}.${c.name}${c.cast} AS ${quoteIdent(prefix + c.prop)}`)
      .join(", "),
    make(raw) {
      return this.reader(keys)(keys.map((k) => raw[k]));
    },
    reader(names) {
      const at = keys.map((k) => indexOf(names, k));
      return (raw) => {
        const row = new Made();
        for (let i = 0; i < cols.length; i++) {
          const c = cols[i];
          const v = raw[at[i]];
          row[c.prop] = c.from ? c.from(v) : v;
        }
        return row;
      };
    },
  };
  byProps.set(key, t);
  return t;
}

/** The place of a column in a statement's result. */
function indexOf(names: readonly string[], name: string): number {
  const i = names.indexOf(name);
  if (i < 0) throw new Error(`the statement did not return ${name}`);
  return i;
}

/**
 * A row each row points to (a post's person), read in the same statement by a LEFT JOIN on the
 * pointed row's (district_id, id) and set on the row under `JOINED`, in the order of the joins.
 */
export interface Join {
  entity: RowEntity;
  props: ReadonlySet<string> | null;
  /** The row's property that holds the pointed row's id. */
  idKey: string;
}

export const JOINED = Symbol("joined rows");

interface Joined {
  select: string;
  from: string;
  /** Sets the joined rows on a row, given the statement's column names. */
  attacher(names: readonly string[]): (row: Record<string, unknown>, raw: unknown[]) => void;
}

/** The joins' select list, FROM clauses and attachment; `ref` gives the SQL of a row's property. */
function joined(ds: DataSource, joins: readonly Join[], ref: (prop: string) => string): Joined {
  const parts = joins.map((j, i) => {
    // The pointed row's district and id are the row's own (the join's condition): not read again,
    // only whether the row was found.
    const props = j.props && new Set([...j.props].filter((p) => p !== "id" && p !== "districtId"));
    const t = tableOf(ds, j.entity, props, `j${i}`, `j${i}.`, ["id", "districtId"]);
    const found = `j${i}.`;
    return {
      t,
      found,
      idKey: j.idKey,
      whole: props === null,
      select: `, j${i}.id IS NOT NULL AS ${quoteIdent(found)}${t.select ? `, ${t.select}` : ""}`,
      from: `LEFT JOIN ${t.name} j${i} ON ${t.tenant} = ${ref("districtId")} AND j${i}.id = ${ref(j.idKey)}`,
    };
  });
  return {
    select: parts.map((p) => p.select).join(""),
    from: parts.map((p) => p.from).join(" "),
    attacher(names) {
      const found = parts.map((p) => indexOf(names, p.found));
      const make = parts.map((p) => p.t.reader(names));
      return (row, raw) => {
        if (parts.length === 0) return;
        const rows: Array<Record<string, unknown> | null> = new Array<null>(parts.length);
        for (let i = 0; i < parts.length; i++) {
          const p = parts[i];
          if (!raw[found[i]]) {
            rows[i] = null;
            continue;
          }
          const made = make[i](raw);
          if (!p.whole) {
            made.id = row[p.idKey];
            made.districtId = row.districtId;
          }
          rows[i] = made;
        }
        row[JOINED as unknown as string] = rows;
      };
    },
  };
}

/** The SQL column of an entity's property on alias `t`. */
function columnSql(ds: DataSource, entity: RowEntity, prop: string): string {
  const c = entityColumns(ds, entity).find((x) => x.prop === prop);
  if (!c) throw new Error(`${entity.name}.${prop} is not a column`);
  return `t.${c.name}`;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Named parameters (`:name`) of filters to positional ones, as TypeORM's driver does it. */
function positional(
  ds: DataSource,
  sql: string,
  params: Record<string, unknown>,
): [string, unknown[]] {
  return ds.driver.escapeQueryWithParameters(sql, params) as [string, unknown[]];
}

const PARENT = "__parent";

export interface Scope {
  m: EntityManager;
  ds: DataSource;
  districtIds: readonly string[];
}

/** Rows by id (tenant-scoped). */
export async function rowsById(
  s: Scope,
  entity: RowEntity,
  props: ReadonlySet<string> | null,
  ids: string[],
) {
  const known = knownDistrict(s, entity, props);
  const t = tableOf(s.ds, entity, unread(props, known), "t", "", known ? ["districtId"] : []);
  const raw = await queryArrays(
    s.m,
    `SELECT ${t.select} FROM ${t.name} t WHERE ${t.tenant} = ANY($1::uuid[]) AND t.id = ANY($2::uuid[])`,
    [s.districtIds, ids],
    true,
  );
  const make = t.reader(raw.names);
  const out = new Map<string, Record<string, unknown>>();
  for (const r of raw.rows) {
    const row = make(r);
    if (known) row.districtId = known;
    out.set(row.id as string, row);
  }
  return out;
}

/** Every child of each parent, in the sort column's order and then id. */
export async function childRows(
  s: Scope,
  entity: RowEntity,
  props: ReadonlySet<string> | null,
  parentColumn: string,
  sortColumn: string,
  filters: Filter[],
  parentIds: string[],
  joins: readonly Join[] = [],
): Promise<Map<string, Array<Record<string, unknown>>>> {
  const known = knownDistrict(s, entity, props);
  const t = tableOf(s.ds, entity, unread(props, known), "t", "", known ? ["districtId"] : []);
  const j = joined(s.ds, joins, (prop) => columnSql(s.ds, entity, prop));
  const f = applyFilters(filters, "t");
  const [sql, params] = positional(
    s.ds,
    `SELECT t.${parentColumn} AS "${PARENT}", ${t.select}${j.select} FROM ${t.name} t ${j.from}
      WHERE t.district_id = ANY(CAST(:districtIds AS uuid[]))
        AND t.${parentColumn} = ANY(CAST(:parentIds AS uuid[])) AND ${f.sql}
      ORDER BY t.${sortColumn}, t.id`,
    extend(f.params, { districtIds: s.districtIds, parentIds }),
  );
  return grouped(t, j, await queryArrays(s.m, sql, params, true), known);
}

/**
 * A page of each parent's children: up to `first + 1` rows per parent from the index (LATERAL),
 * after the cursor if there is one, in the shape's order.
 */
export async function pageRows(
  s: Scope,
  entity: RowEntity,
  props: ReadonlySet<string> | null,
  parentColumn: string,
  shape: ChildShape,
  first: number,
  after: string | null,
  parentIds: string[],
  joins: readonly Join[] = [],
): Promise<Map<string, Array<Record<string, unknown>>>> {
  const known = knownDistrict(s, entity, props);
  const t = tableOf(s.ds, entity, unread(props, known), "t", "", known ? ["districtId"] : []);
  const j = joined(s.ds, joins, (prop) =>
    known && prop === "districtId" ? "CAST(:knownDistrict AS uuid)" : `c.${quoteIdent(prop)}`,
  );
  const f = applyFilters(shape.filters, "t");
  const col = shape.sort.column;
  const cursor = after ? decodeCursor(after, 2, shape.sort.kind) : null;
  const afterSql = cursor ? `AND (t.${col}, t.id) > (:cursorValue, :cursorId)` : "";
  const [sql, params] = positional(
    s.ds,
    `SELECT c.*${j.select} FROM unnest(CAST(:parentIds AS uuid[])) AS p(pid)
      CROSS JOIN LATERAL (
        SELECT t.${parentColumn} AS "${PARENT}", ${t.select} FROM ${t.name} t
         WHERE t.district_id = ANY(CAST(:districtIds AS uuid[]))
           AND t.${parentColumn} = p.pid AND ${f.sql} ${afterSql}
         ORDER BY t.${col}, t.id LIMIT ${first + 1}) AS c ${j.from}
      ORDER BY c."${PARENT}", c.${quoteIdent(shape.sort.key)}, c.id`,
    extend(f.params, {
      parentIds,
      districtIds: s.districtIds,
      cursorValue: cursor?.[0],
      cursorId: cursor?.[1],
      knownDistrict: known,
    }),
  );
  return grouped(t, j, await queryArrays(s.m, sql, params, true), known);
}

/** How many children each parent has under the shape's filters. */
export async function childCounts(
  s: Scope,
  entity: RowEntity,
  parentColumn: string,
  filters: Filter[],
  parentIds: string[],
): Promise<Map<string, number>> {
  const t = tableOf(s.ds, entity, new Set());
  const f = applyFilters(filters, "t");
  const [sql, params] = positional(
    s.ds,
    `SELECT t.${parentColumn} AS pid, count(*)::int AS n FROM ${t.name} t
      WHERE t.district_id = ANY(CAST(:districtIds AS uuid[]))
        AND t.${parentColumn} = ANY(CAST(:parentIds AS uuid[])) AND ${f.sql}
      GROUP BY t.${parentColumn}`,
    extend(f.params, { districtIds: s.districtIds, parentIds }),
  );
  const rows: Array<{ pid: string; n: number }> = await s.m.query(sql, params);
  return new Map(rows.map((r) => [r.pid, r.n]));
}

/**
 * The district of every row a statement can return, when the caller has one (the statement's own
 * condition): set on each row rather than read with it, a uuid less per row to send and parse.
 * Only for an id in PostgreSQL's own text form (what reading it would give), and for rows read
 * for some columns (a whole row is read as it is).
 */
function knownDistrict(
  s: Scope,
  entity: RowEntity,
  props: ReadonlySet<string> | null,
): string | null {
  if (props === null || s.districtIds.length !== 1 || !props.has("districtId")) return null;
  const id = s.districtIds[0];
  return CANONICAL_UUID.test(id) && isColumn(s.ds, entity, "districtId") ? id : null;
}

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The properties to read: all asked but the district, when it is known. */
function unread(props: ReadonlySet<string> | null, known: string | null) {
  return props && known ? new Set([...props].filter((p) => p !== "districtId")) : props;
}

function grouped(t: Table, j: Joined, raw: ArrayRows, known: string | null) {
  const out = new Map<string, Array<Record<string, unknown>>>();
  const parent = indexOf(raw.names, PARENT);
  const make = t.reader(raw.names);
  const attach = j.attacher(raw.names);
  for (const r of raw.rows) {
    const pid = r[parent] as string;
    let list = out.get(pid);
    if (!list) out.set(pid, (list = []));
    const row = make(r);
    if (known) row.districtId = known;
    attach(row, r);
    list.push(row);
  }
  return out;
}
