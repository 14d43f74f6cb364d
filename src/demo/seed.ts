import { Client } from "pg";
import { uuidv7 } from "../common/ids";
import { DISTRICT_ROLES, Role } from "../auth/roles";
import { DEMO_CITIES, DEMO_DEPARTMENTS } from "./cities";
import { loadGridDemo } from "./grid-seed";
import { loadJointCommitteeDemo } from "./joint-committee";
import { GRID_TREE_TABLES } from "./grid-tree/rows";
import { CASE_HISTORY_TABLES, loadCaseHistory } from "./case-history";
import { loadTargetDemo } from "./targets";
import { loadPatrolDemo } from "./patrols";
import { rebuildCounters } from "../modules/cases/case.counters";

const ROLE_TITLES: Record<string, string> = {
  resident: "居民",
  operator: "12345话务员",
  grid_worker: "网格员",
  grid_chief: "网格长",
  street_officer: "街道干部",
  community_worker: "社区工作者",
  command_center: "指挥中心值班员",
  department: "部门承办人",
  inspector: "纪检监察员",
  supervision_office: "督查室督查员",
  district_admin: "区管理员",
};

/**
 * Loads the demo tenants: cities, districts, their departments and one staff account per role
 * (subject `<district>.<role>`, which `npm run token` uses by default), each district's grid tree
 * a month of 12345 case history, and the month's grid patrols and visits. Idempotent: every insert
 * is keyed by stable codes, and trees and histories are loaded only where there are none, so a
 * second run changes nothing.
 */
export async function loadDemoData(
  ownerUrl: string,
  log: (m: string) => void,
  /** `now`: where the month of case history ends (the machine's clock by default; tests fix it). */
  opts: { now?: Date } = {},
): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  let added = 0;
  const trees = { districts: 0, grids: 0, persons: 0 };
  const history = { districts: 0, cases: 0, events: 0 };
  const targets = { districts: 0, targets: 0, entries: 0 };
  const patrols = { districts: 0, records: 0, entries: 0 };
  try {
    await client.query("BEGIN");
    for (const city of DEMO_CITIES) {
      const cityRes = await client.query(
        `INSERT INTO city (id, code, name) VALUES ($1, $2, $3)
         ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id`,
        [uuidv7(), city.code, city.name],
      );
      const cityId = cityRes.rows[0].id as string;
      for (const d of city.districts) {
        const res = await client.query(
          `INSERT INTO district (id, city_id, code, name, kind) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id, (xmax = 0) AS inserted`,
          [uuidv7(), cityId, d.code, d.name, d.kind],
        );
        const districtId = res.rows[0].id as string;
        if (res.rows[0].inserted) added++;
        // The owner is subject to the forced row-level security too: act as this district.
        await client.query("SELECT set_config('app.district_ids', $1, true)", [`{${districtId}}`]);
        const prefix = d.kind === "county" ? "县" : "区";
        const depts = DEMO_DEPARTMENTS.map((dep) => [uuidv7(), dep.code, prefix + dep.name]);
        await client.query(
          `INSERT INTO department (district_id, id, code, name)
           SELECT $1, x.id, x.code, x.name FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, code text, name text)
           ON CONFLICT (district_id, code) DO NOTHING`,
          [districtId, JSON.stringify(depts.map(([id, code, name]) => ({ id, code, name })))],
        );
        const accounts = DISTRICT_ROLES.map((role) => ({
          id: uuidv7(),
          subject: `${d.code}.${role}`,
          display_name: `${d.name}${ROLE_TITLES[role] ?? role}`,
          role,
          department: role === Role.department ? "housing" : null,
        }));
        await client.query(
          `INSERT INTO staff_account (district_id, id, subject, display_name, role, department_id)
           SELECT $1, x.id, x.subject, x.display_name, x.role,
                  (SELECT dep.id FROM department dep WHERE dep.district_id = $1 AND dep.code = x.department)
             FROM jsonb_to_recordset($2::jsonb)
               AS x(id uuid, subject text, display_name text, role text, department text)
           ON CONFLICT (district_id, subject) DO NOTHING`,
          [districtId, JSON.stringify(accounts)],
        );
        const tree = await loadGridDemo(client, { id: districtId, ...d });
        await loadJointCommitteeDemo(client, { id: districtId, code: d.code });
        if (tree) {
          trees.districts++;
          trees.grids += tree.grids;
          trees.persons += tree.persons;
        }
        const tracked = await loadTargetDemo(client, { id: districtId, ...d });
        if (tracked) {
          targets.districts++;
          targets.targets += tracked.targets;
          targets.entries += tracked.entries;
        }
        const cases = await loadCaseHistory(client, { id: districtId, ...d }, { now: opts.now });
        if (cases) {
          history.districts++;
          history.cases += cases.cases;
          history.events += cases.events;
          // The history was written in bulk: its measure counters are computed from its log.
          await rebuildCounters(async (q, p) => (await client.query(q, p)).rows, districtId);
        }
        const patrolled = await loadPatrolDemo(client, { id: districtId, ...d }, { now: opts.now });
        if (patrolled) {
          patrols.districts++;
          patrols.records += patrolled.records;
          patrols.entries += patrolled.entries;
        }
      }
    }
    await client.query("COMMIT");
    // Fresh statistics after a bulk load: without them the planner takes the new tables for empty
    // and picks nested loops that cost seconds instead of milliseconds.
    if (trees.districts > 0) await client.query(`ANALYZE ${GRID_TREE_TABLES.join(", ")}`);
    if (history.districts > 0) await client.query(`ANALYZE ${CASE_HISTORY_TABLES.join(", ")}`);
    if (patrols.districts > 0) await client.query("ANALYZE patrol_record, reward_penalty");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
  if (added > 0) log(`demo data loaded: ${added} districts with their departments and staff`);
  if (trees.districts > 0) {
    log(
      `demo grid trees loaded: ${trees.districts} districts, ${trees.grids} grids, ${trees.persons} persons`,
    );
  }
  if (history.districts > 0) {
    log(
      `demo case history loaded: ${history.districts} districts, ${history.cases} cases, ${history.events} events`,
    );
  }
  if (patrols.districts > 0) {
    log(
      `demo patrols loaded: ${patrols.districts} districts, ${patrols.records} patrols and visits, ${patrols.entries} rewards and penalties`,
    );
  }
  if (targets.districts > 0) {
    log(
      `demo targets loaded: ${targets.districts} districts, ${targets.targets} targets, ${targets.entries} progress entries`,
    );
  }
}
