/**
 * The demo street offices' joint committees (大工委): the police station, the power supply office,
 * a school, the community health centre, a property company and the market regulation office of
 * each street's area, which the street office pulls into cases (case-play.ts). Written once per
 * district, with the tree.
 */
import { type ClientBase } from "pg";
import { uuidv7 } from "../common/ids";
import { Rng, seedOf } from "./rng";

const UNITS: ReadonlyArray<[string, string]> = [
  ["派出所", "police_station"],
  ["供电所", "enterprise"],
  ["中心小学", "school"],
  ["社区卫生服务中心", "hospital"],
  ["物业管理有限公司", "property_management"],
  ["市场监管所", "government_agency"],
];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "孙"];
const TITLES = ["所长", "主任", "经理", "副所长", "校长"];

/** The units' place name: the street office's name without 街道 / 镇 / 乡. */
const placeOf = (street: string) => street.replace(/(街道办事处|街道|镇|乡)$/u, "");

export async function loadJointCommitteeDemo(
  client: ClientBase,
  district: { id: string; code: string },
): Promise<number> {
  const present = await client.query(
    "SELECT EXISTS (SELECT 1 FROM joint_committee_unit WHERE district_id = $1) AS present",
    [district.id],
  );
  if (present.rows[0].present) return 0;
  const streets = (
    await client.query("SELECT id, name FROM street_office WHERE district_id = $1 ORDER BY code", [
      district.id,
    ])
  ).rows as Array<{ id: string; name: string }>;
  return insertJointCommittees(client, district.id, jointCommitteeRows(district, streets));
}

export interface JointCommitteeUnitRow {
  id: string;
  street_office_id: string;
  name: string;
  kind: string;
  contact_name: string;
  contact_phone: string;
}

/** The units of each street office (given by code), as the demo makes them (no database). */
export function jointCommitteeRows(
  district: { code: string },
  streets: ReadonlyArray<{ id: string; name: string }>,
): JointCommitteeUnitRow[] {
  const rng = new Rng(seedOf(`${district.code}:joint-committee`));
  return streets.flatMap((s) =>
    UNITS.map(([suffix, kind]) => ({
      id: uuidv7(),
      street_office_id: s.id,
      name: `${placeOf(s.name)}${suffix}`,
      kind,
      contact_name: `${rng.pick(SURNAMES)}${rng.pick(TITLES)}`,
      contact_phone: `024-4${String(rng.int(0, 9_999_999)).padStart(7, "0")}`,
    })),
  );
}

/** Writes the units (jointCommitteeRows) in the caller's transaction; returns how many. */
export async function insertJointCommittees(
  client: ClientBase,
  districtId: string,
  rows: readonly JointCommitteeUnitRow[],
): Promise<number> {
  await client.query(
    `INSERT INTO joint_committee_unit (district_id, id, street_office_id, name, kind, contact_name, contact_phone)
     SELECT $1, x.id, x.street_office_id, x.name, x.kind, x.contact_name, x.contact_phone
       FROM jsonb_to_recordset($2::jsonb)
         AS x(id uuid, street_office_id uuid, name text, kind text, contact_name text, contact_phone text)`,
    [districtId, JSON.stringify(rows)],
  );
  return rows.length;
}
