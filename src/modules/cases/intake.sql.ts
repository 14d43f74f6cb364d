import { type EntityManager } from "typeorm";
import { type ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import { Case } from "./case.entity";
import { CaseEvent } from "./case-event.entity";
import { uuidv7 } from "../../common/ids";
import { queryPreparedInOrder, type Statement } from "../../db/statements";
import { positionStatement, takePositionSql } from "./case.events";
import {
  intakeSettingsColumns,
  intakeSettingsFrom,
  type IntakeSettings,
  type IntakeSettingsRow,
} from "./settings.service";

/**
 * The statements of intake, few on purpose: each is a message on the request's connection, and
 * the log head's lock is held from the position to the commit. They run as prepared statements
 * (queryPrepared): their texts come in few variants, and planning them cost more than running
 * them. Intake reads everything it needs in one statement and takes the log position (with an
 * idempotency key, in the same statement as the key's case read after its lock) in the next,
 * both sent at once and answered in one wait (startIntake); then it writes the case, its counters
 * and its create event in one statement (newCaseStatement). The rules stay in TypeScript: these
 * only fetch and store.
 */

/** The places a location may name or lead to, as the district has them. */
export interface Places {
  units: Array<{ id: string; buildingId: string }>;
  buildings: Array<{ id: string; compoundId: string }>;
  compounds: Array<{ id: string; gridId: string }>;
  grids: Array<{ id: string; streetOfficeId: string; communityId: string }>;
  /** The grid whose centroid is nearest the coordinates, asked only when nothing else places the case. */
  nearestGridId: string | null;
}

/** What a location names, by id (decoded), and where grid staff stand by default. */
export interface PlaceQuery {
  unitId?: string | null;
  buildingId?: string | null;
  compoundId?: string | null;
  gridId?: string | null;
  defaultGridId: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export interface IntakeRead {
  /** Null when the district has no settings yet (made on first use by intakeSettingsOf). */
  settings: IntakeSettings | null;
  places: Places;
}

/** What intake reads before its rules, and the log position it took (startIntake). */
export interface IntakeStart extends IntakeRead {
  /** The case of the idempotency key, read after the key's lock; it answers for the key. */
  existing: KeyedCase | null;
  /** The district's next log position, its lock held to the commit; null when `existing` answers. */
  position: string | null;
}

export interface KeyedCase {
  id: string;
  createdBy: string;
}

/** How a statement under construction takes its parameters: the value's placeholder. */
type Param = (value: unknown) => string;

/**
 * The lookups of the places a location names or leads to (a unit's building, a building's
 * compound, a compound's grid, the nearest grid of bare coordinates, the grid staff's own), as
 * CTEs of the district `d`, and the columns that return them. Only what the input names is looked
 * up, and each row by its key (UNION ALL, IN): an OR or `= ANY(array)` of keys lets the planner
 * scan the district's rows, and an unused lookup still costs planning time.
 */
function placeLookups(q: PlaceQuery, d: string, p: Param): { ctes: string[]; columns: string[] } {
  const ctes = new Map<string, string>();
  const lookup = (name: string, columns: string, table: string, conds: Array<string | false>) => {
    const given = conds.filter((c): c is string => c !== false);
    if (given.length)
      ctes.set(
        name,
        given
          .map((c) => `SELECT ${columns} FROM ${table} WHERE district_id = ${d} AND ${c}`)
          .join(" UNION ALL "),
      );
  };
  lookup("u", "id, building_id", "building_unit", [!!q.unitId && `id = ${p(q.unitId)}`]);
  lookup("b", "id, compound_id", "building", [
    !!q.buildingId && `id = ${p(q.buildingId)}`,
    ctes.has("u") && "id IN (SELECT building_id FROM u)",
  ]);
  lookup("k", "id, grid_id", "compound", [
    !!q.compoundId && `id = ${p(q.compoundId)}`,
    ctes.has("b") && "id IN (SELECT compound_id FROM b)",
  ]);
  if (!ctes.has("k") && !q.gridId && q.latitude != null && q.longitude != null) {
    const [lat, lon] = [p(q.latitude), p(q.longitude)];
    ctes.set(
      "near",
      `SELECT id FROM grid WHERE district_id = ${d} AND retired_at IS NULL
        ORDER BY (latitude - ${lat}::float8) ^ 2 + ((longitude - ${lon}::float8) * cos(radians(${lat}::float8))) ^ 2
        LIMIT 1`,
    );
  }
  lookup("g", "id, street_office_id, community_id", "grid", [
    !!q.gridId && `id = ${p(q.gridId)}`,
    !!q.defaultGridId && `id = ${p(q.defaultGridId)}`,
    ctes.has("k") && "id IN (SELECT grid_id FROM k)",
    ctes.has("near") && "id IN (SELECT id FROM near)",
  ]);
  const rows = (name: string, as: string, fields: string) =>
    ctes.has(name)
      ? `(SELECT json_agg(json_build_object(${fields})) FROM ${name}) AS ${as}`
      : `NULL::json AS ${as}`;
  return {
    ctes: [...ctes].map(([name, sql]) => `${name} AS (${sql})`),
    columns: [
      rows("u", "units", `'id', id, 'buildingId', building_id`),
      rows("b", "buildings", `'id', id, 'compoundId', compound_id`),
      rows("k", "compounds", `'id', id, 'gridId', grid_id`),
      rows(
        "g",
        "grids",
        `'id', id, 'streetOfficeId', street_office_id, 'communityId', community_id`,
      ),
      ctes.has("near") ? `(SELECT id FROM near) AS "nearestGridId"` : `NULL AS "nearestGridId"`,
    ],
  };
}

/**
 * The start of intake: two statements sent together, answered in one wait (queryPreparedInOrder).
 *
 * 1. One read: the idempotency key's lock (same-key requests queue on it until the first
 *    commits), the district's settings and the places of the location (placeLookups), so that
 *    locating is a pure step.
 * 2. The district's next log position; with a key, the key's case in the same statement, and no
 *    position if it has one (data-modifying CTEs run whether or not they are read). It starts
 *    after the first has taken the key's lock, with a snapshot of its own, so a same-key request
 *    that went first has committed and is seen. The log head's lock is held from here to the
 *    commit: the case's rows are made while it is held, and written with the COMMIT behind them,
 *    so no other wait on PostgreSQL falls inside it.
 */
export async function startIntake(
  m: EntityManager,
  districtId: string,
  categoryCode: string,
  key: string | null,
  q: PlaceQuery,
): Promise<IntakeStart> {
  const params: unknown[] = [districtId, categoryCode];
  const p: Param = (value) => `$${params.push(value)}`;
  const locked = key
    ? [
        `(SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext($1::uuid::text), hashtext(${p(key)}::text))) l) AS locked`,
      ]
    : [];
  const places = placeLookups(q, "$1", p);
  const read: Statement = {
    text: `${places.ctes.length ? `WITH ${places.ctes.join(",\n")}\n` : ""}SELECT ${[
      ...locked,
      intakeSettingsColumns("$1", "$2"),
      ...places.columns,
    ].join(",\n")}`,
    params,
  };
  const position: Statement = key
    ? {
        text: `WITH existing AS (
       SELECT id, created_by FROM hotline_case WHERE district_id = $1 AND idempotency_key = $3
     ), head AS (${takePositionSql("$1", "$2", "NOT EXISTS (SELECT 1 FROM existing)")})
     SELECT (SELECT json_build_object('id', id, 'createdBy', created_by) FROM existing) AS existing,
            (SELECT position FROM head) AS position`,
        params: [districtId, uuidv7(), key],
      }
    : positionStatement(districtId);
  const [[row], [taken]] = (await queryPreparedInOrder(m, [read, position])) as [
    Array<
      IntakeSettingsRow & {
        units: Places["units"] | null;
        buildings: Places["buildings"] | null;
        compounds: Places["compounds"] | null;
        grids: Places["grids"] | null;
        nearestGridId: string | null;
      }
    >,
    Array<{ existing?: KeyedCase | null; position: string | null }>,
  ];
  const existing = taken.existing ?? null;
  return {
    settings: intakeSettingsFrom(row),
    places: {
      units: row.units ?? [],
      buildings: row.buildings ?? [],
      compounds: row.compounds ?? [],
      grids: row.grids ?? [],
      nearestGridId: row.nearestGridId,
    },
    existing,
    position: existing ? null : taken.position,
  };
}

/** An entity's insert columns and its table, as an INSERT names them: from the metadata, once. */
interface InsertShape {
  columns: ColumnMetadata[];
  head: string;
}
const insertShapes = new WeakMap<object, InsertShape>();

function insertShapeOf(m: EntityManager, entity: typeof Case | typeof CaseEvent): InsertShape {
  const meta = m.connection.getMetadata(entity);
  let shape = insertShapes.get(meta);
  if (!shape) {
    const driver = m.connection.driver;
    const columns = meta.columns.filter((c) => c.isInsert);
    const table = meta.tablePath
      .split(".")
      .map((part) => driver.escape(part))
      .join(".");
    const head = `INSERT INTO ${table} (${columns.map((c) => driver.escape(c.databaseName)).join(", ")})`;
    insertShapes.set(meta, (shape = { columns, head }));
  }
  return shape;
}

/**
 * An entity's row as an INSERT's values, with TypeORM's column mapping and value preparation (the
 * driver's, transformers included): each value pushed onto `params`, and the row's mark, one
 * letter a column (`d`: the column's DEFAULT, for a value left undefined; `p`: a parameter). Built
 * from the metadata, not by the query builder, which costs more than the rest of intake's own work.
 */
function insertValues(
  m: EntityManager,
  shape: InsertShape,
  row: object,
  params: unknown[],
): string {
  const driver = m.connection.driver;
  let mark = "";
  for (const c of shape.columns) {
    const value: unknown = c.getEntityValue(row);
    if (value === undefined) mark += "d";
    else {
      mark += "p";
      params.push(driver.preparePersistentValue(value, c));
    }
  }
  return mark;
}

/** The INSERT of a shape whose values are marked `mark` (insertValues), its parameters from $first. */
function insertText(shape: InsertShape, mark: string, first: number): string {
  let n = first;
  const values = [...mark].map((k) => (k === "d" ? "DEFAULT" : `$${n++}`));
  return `${shape.head} VALUES (${values.join(", ")})`;
}

/** The texts of newCaseStatement, by the counters' text and the rows' marks: a few in all. */
const newCaseTexts = new Map<string, Map<string, string>>();

/**
 * The new case, its counters and its create event in one statement: the counters' upsert and the
 * case's INSERT as data-modifying CTEs, the event's INSERT as the main statement. They run
 * together and the event's foreign key is checked at the statement's end, after the case is in.
 * Run as a prepared statement (TenantDb.sendAhead); its text is made once per shape, so that the
 * prepared statement is found by the same string each time.
 */
export function newCaseStatement(
  m: EntityManager,
  c: Case,
  event: CaseEvent,
  counters: Statement | null,
): Statement {
  // The counters' statement keeps its own $1…$n; the inserts number theirs after them.
  const params: unknown[] = counters ? [...counters.params] : [];
  const caseShape = insertShapeOf(m, Case);
  const eventShape = insertShapeOf(m, CaseEvent);
  const first = params.length + 1;
  const caseMark = insertValues(m, caseShape, c, params);
  const eventFirst = params.length + 1;
  const eventMark = insertValues(m, eventShape, event, params);
  // By the counters' text first: a string of its own, whose hash V8 keeps.
  const counterText = counters?.text ?? "";
  let texts = newCaseTexts.get(counterText);
  if (!texts) newCaseTexts.set(counterText, (texts = new Map()));
  const key = `${first}:${caseMark}:${eventMark}`;
  let text = texts.get(key);
  if (text === undefined) {
    const ctes = [...(counters ? [counters.text] : []), insertText(caseShape, caseMark, first)];
    text = `WITH ${ctes.map((t, i) => `w${i} AS (${t})`).join(", ")} ${insertText(eventShape, eventMark, eventFirst)}`;
    texts.set(key, text);
  }
  return { text, params };
}
