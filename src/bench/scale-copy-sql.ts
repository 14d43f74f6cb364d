import { CASE_TABLES } from "../demo/case-history";
import { COLUMN } from "../modules/cases/case.counters";
import { MEASURES } from "../modules/cases/case.measures";

/**
 * The SQL of one copy of the template (scale-load.ts), built from the tables' columns as the
 * schema has them, so that a column added later is copied too: ids moved in time, timestamps
 * shifted, everything else as in the template.
 */

/** Table → its [column, data type] in order. */
export type TableColumns = Record<string, Array<[string, string]>>;

/**
 * Session functions of the copies. scale_id: a uuidv7 whose 48-bit time moves by `ms` (modulo
 * 2^48), its random part kept: a distinct id per copy, in time order like the template's.
 * scale_json: a jsonb with every ISO instant in it (the parts' due times, a breach's due time…)
 * moved by the shift, so that the copy's log compares its times as the template's did.
 */
export const SCALE_SQL_FUNCTIONS = `
  CREATE FUNCTION pg_temp.scale_id(x uuid, ms bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
    SELECT (lpad(to_hex((('x' || substr(replace(x::text, '-', ''), 1, 12))::bit(48)::bigint + ms)
                 & 281474976710655), 12, '0') || substr(replace(x::text, '-', ''), 13))::uuid
  $$;
  CREATE FUNCTION pg_temp.scale_json(j jsonb, s interval) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
  DECLARE out jsonb;
  BEGIN
    CASE jsonb_typeof(j)
    WHEN 'object' THEN
      SELECT coalesce(jsonb_object_agg(key, pg_temp.scale_json(value, s)), '{}') INTO out FROM jsonb_each(j);
      RETURN out;
    WHEN 'array' THEN
      SELECT coalesce(jsonb_agg(pg_temp.scale_json(value, s) ORDER BY n), '[]') INTO out
        FROM jsonb_array_elements(j) WITH ORDINALITY AS a(value, n);
      RETURN out;
    WHEN 'string' THEN
      IF j #>> '{}' ~ '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$' THEN
        RETURN to_jsonb(to_char(((j #>> '{}')::timestamptz + s) AT TIME ZONE 'UTC',
                                'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
      END IF;
      RETURN j;
    ELSE RETURN j;
    END CASE;
  END $$;`;

const ID_COLUMNS = new Set(["id", "case_id", "assignment_id"]);
const SHIFT = "make_interval(days => $3::int)";

/** The value of a copied column: `special` first, then ids moved, instants shifted. */
function expr(col: string, type: string, special: Record<string, string> = {}): string {
  if (special[col]) return special[col];
  if (ID_COLUMNS.has(col)) return `pg_temp.scale_id(t.${col}, $2::bigint)`;
  if (type === "timestamp with time zone") return `t.${col} + ${SHIFT}`;
  return `t.${col}`;
}

function insert(
  table: string,
  cols: Array<[string, string]>,
  from: string,
  special: Record<string, string> = {},
): string {
  return `INSERT INTO ${table} (${cols.map(([c]) => `"${c}"`).join(", ")})
    SELECT ${cols.map(([c, t]) => expr(c, t, special)).join(", ")} ${from}`;
}

/** The template's rows of a table, kept in a session table `scale_t_<table>` with their case's ord. */
const FROM = (table: string) =>
  `FROM scale_t_${table} t WHERE t.district_id = $1 AND t.ord <= $4::int`;

/**
 * Statements that keep the template's rows in session tables: each copy reads them there, not
 * among the district's growing rows.
 */
export function templateTables(): string[] {
  return [
    ...CASE_TABLES.map(
      (t) => `CREATE TEMP TABLE scale_t_${t} AS SELECT t.*, s.ord FROM ${t} t
        JOIN scale_tmpl s ON s.id = t.${t === "hotline_case" ? "id" : "case_id"} WHERE t.district_id = $1`,
    ),
    // The month's patrols and visits; a patrol's case is linked when the case is copied.
    `CREATE TEMP TABLE scale_t_patrol_record AS SELECT t.*, s.ord FROM patrol_record t
       LEFT JOIN scale_tmpl s ON s.id = t.case_id
      WHERE t.district_id = $1 AND t.at > $2 AND t.at <= $3`,
  ];
}

export interface CopyStatement {
  text: string;
  /** Which of the copy's values it takes, in order. */
  params: Array<"district" | "ms" | "days" | "r" | "k" | "base">;
}

/** The statements of one copy: its cases and their rows, the month's patrols, the counters. */
export function copyStatements(cols: TableColumns): {
  cases: CopyStatement[];
  patrols: CopyStatement;
  counters: CopyStatement;
} {
  const need = (t: string) => {
    if (!cols[t]?.length) throw new Error(`--cases: no table ${t}`);
    return cols[t];
  };
  const child = (t: string): CopyStatement => ({
    text: insert(t, need(t), FROM(t)),
    params: ["district", "ms", "days", "r"],
  });
  const measures = MEASURES.map((m) => COLUMN[m]);
  return {
    cases: [
      {
        text: insert(
          "hotline_case",
          need("hotline_case"),
          `FROM scale_t_hotline_case t JOIN scale_num n ON n.ord = t.ord
            WHERE t.district_id = $1 AND t.ord <= $4::int`,
          { number: "n.number", idempotency_key: `'scale:' || $5::int || ':' || t.number` },
        ),
        params: ["district", "ms", "days", "r", "k"],
      },
      child("case_assignment"),
      child("case_request"),
      child("supervision"),
      child("case_unit_engagement"),
      {
        text: insert("case_event", need("case_event"), FROM("case_event"), {
          position: "$5::bigint + row_number() OVER (ORDER BY t.position)",
          // Only the events whose data holds an instant go through the (slower) walk.
          data: `CASE WHEN t.data::text ~ '"\\d{4}-\\d\\d-\\d\\dT' THEN pg_temp.scale_json(t.data, ${SHIFT}) ELSE t.data END`,
        }),
        params: ["district", "ms", "days", "r", "base"],
      },
    ],
    patrols: {
      text: insert(
        "patrol_record",
        need("patrol_record"),
        "FROM scale_t_patrol_record t WHERE t.district_id = $1",
        // A patrol's case is linked when the case was copied with it.
        { case_id: "CASE WHEN t.ord <= $4::int THEN pg_temp.scale_id(t.case_id, $2::bigint) END" },
      ),
      params: ["district", "ms", "days", "r"],
    },
    counters: {
      text: `INSERT INTO score_counter (district_id, id, level, unit_id, day, ${measures.join(", ")})
        SELECT $1, gen_random_uuid(), level, unit_id, day + $2::int,
               ${measures.map((c) => `sum(${c})`).join(", ")}
          FROM scale_counts WHERE ord <= $3::int GROUP BY level, unit_id, day
        ON CONFLICT (district_id, level, unit_id, day) DO UPDATE SET
          ${measures.map((c) => `${c} = score_counter.${c} + EXCLUDED.${c}`).join(", ")}`,
      params: ["district", "days", "r"],
    },
  };
}
