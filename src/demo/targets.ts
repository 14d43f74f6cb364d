import { type ClientBase } from "pg";
import { uuidv7 } from "../common/ids";
import { type DistrictInfo, REFERENCE_YEAR } from "./grid-tree/rows";
import { demoTargetsOf } from "./targets-data";
import { extend } from "../common/objects";

export interface TargetDemoStats {
  targets: number;
  entries: number;
}

/**
 * Loads one district's demo targets on the owner's connection, inside the caller's transaction.
 * Idempotent: a district that already has a target is left alone, and null is returned.
 */
export async function loadTargetDemo(
  client: ClientBase,
  district: DistrictInfo & { id: string },
): Promise<TargetDemoStats | null> {
  const districtId = district.id;
  await client.query("SELECT set_config('app.district_ids', $1, true)", [`{${districtId}}`]);
  await client.query("SELECT pg_advisory_xact_lock(hashtext('civic-grid:targets'), hashtext($1))", [
    districtId,
  ]);
  const present = await client.query(
    "SELECT EXISTS (SELECT 1 FROM target WHERE district_id = $1) AS present",
    [districtId],
  );
  if (present.rows[0].present) return null;

  const targets = demoTargetsOf(district);
  const depts = await client.query("SELECT id, code FROM department WHERE district_id = $1", [
    districtId,
  ]);
  const deptId = new Map(depts.rows.map((r) => [r.code as string, r.id as string]));
  // Entries of a department's target are recorded by the demo's department account where it is
  // that department's (housing), by the district admin otherwise.
  const recorder = (dept: string | null) =>
    dept === "housing" ? `${district.code}.department` : `${district.code}.district_admin`;
  const rows = targets.map((t) => extend(t, { id: uuidv7() }));
  await client.query(
    `INSERT INTO target (district_id, id, code, name, programme, unit, target_value, year,
                         department_id, due_on, notes)
     SELECT $1, x.id, x.code, x.name, x.programme, x.unit, x.target_value, x.year, x.department_id,
            make_date(x.year, 12, 31), x.notes
       FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, code text, name text, programme text,
            unit text, target_value numeric, year integer, department_id uuid, notes text)`,
    [
      districtId,
      JSON.stringify(
        rows.map((t) => ({
          id: t.id,
          code: t.code,
          name: t.name,
          programme: t.programme,
          unit: t.unit,
          target_value: t.targetValue,
          year: t.year ?? REFERENCE_YEAR,
          department_id: (t.department && deptId.get(t.department)) ?? null,
          notes: t.notes,
        })),
      ),
    ],
  );
  const entries = rows.flatMap((t) =>
    t.progress.map((p) => ({
      id: uuidv7(),
      target_id: t.id,
      amount: p.amount,
      recorded_on: p.on,
      note: p.note ?? null,
      recorded_by: recorder(t.department),
      created_at: `${p.on}T18:00:00+08:00`,
    })),
  );
  await client.query(
    `INSERT INTO target_progress (district_id, id, target_id, amount, recorded_on, note,
                                  recorded_by, created_at)
     SELECT $1, x.id, x.target_id, x.amount, x.recorded_on, x.note, x.recorded_by, x.created_at
       FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, target_id uuid, amount numeric,
            recorded_on date, note text, recorded_by text, created_at timestamptz)`,
    [districtId, JSON.stringify(entries)],
  );
  return { targets: rows.length, entries: entries.length };
}
