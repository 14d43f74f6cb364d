import { type ClientBase } from "pg";
import { uuidv7 } from "../../src/common/ids";
import { DEMO_DEPARTMENTS } from "../../src/demo/cities";
import { insertCaseDefaults } from "../../src/modules/cases/settings.service";

/**
 * What the demo's loaders expect of a district before its tree and month: the demo's departments
 * and the case rules' defaults. On the caller's connection, in its transaction and tenant context.
 */
export async function prepareDemoDistrict(client: ClientBase, districtId: string): Promise<void> {
  await client.query(
    `INSERT INTO department (district_id, id, code, name)
     SELECT $1, x.id, x.code, x.name FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, code text, name text)`,
    [districtId, JSON.stringify(DEMO_DEPARTMENTS.map((d) => ({ ...d, id: uuidv7() })))],
  );
  await insertCaseDefaults((sql, params) => client.query(sql, params), districtId);
}
