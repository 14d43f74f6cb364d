import { Client } from "pg";
import { uuidv7 } from "../common/ids";
import { DISTRICT_ROLES, Role } from "../auth/roles";
import { type Seed } from "../db/database";
import { insertCaseDefaults } from "../modules/cases/settings.service";
import { DEMO_CITIES, DEMO_DEPARTMENTS } from "./cities";
import { GRID_TREE_TABLES } from "./grid-tree/rows";
import { CASE_HISTORY_TABLES } from "./case-history";
import { type DemoDistrictRow, type Loaded } from "./lane";
import { DemoLanes } from "./lanes";
import { formatTimes, PhaseTimer } from "./timing";

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
 * a month of 12345 case history with its measure counters, and the month's grid patrols and
 * visits. Idempotent: every insert is keyed by stable codes, and trees and histories are loaded
 * only where there are none, so a second run changes nothing.
 *
 * The tenants are written first, in a transaction of their own; then the districts' data, made in
 * memory and written in bulk (copy-rows.ts), in two lanes at once (lanes.ts), each district whole
 * in its lane's transaction.
 */
export async function loadDemoData(
  ownerUrl: string,
  log: (m: string) => void,
  opts: {
    /** Where the month of case history ends (the machine's clock by default; tests fix it). */
    now?: Date;
    /** The lanes to load with (demoSeed's, started early); new ones by default. */
    lanes?: DemoLanes;
    /**
     * "quick": statistics from a small sample (a tenth of the rows ANALYZE reads by default),
     * for a caller that runs the full ANALYZE later; "none": none, for a caller that takes them
     * itself (demoSeed, while the server starts, from `loadedTables`).
     */
    statistics?: "full" | "quick" | "none";
    /** Where the time went, phase by phase (timing.ts), is written here. */
    timing?: (line: string) => void;
  } = {},
): Promise<{ loadedTables: string[] }> {
  const lanes = opts.lanes ?? new DemoLanes({ timing: opts.timing !== undefined });
  const timer = PhaseTimer.create("seed", opts.timing !== undefined);
  let loaded: Loaded;
  try {
    const { districts, added } = await timer.phase("tenants", () => loadTenants(ownerUrl));
    // A first start is silent for several seconds here otherwise: say what it is doing, once.
    if (added > 0)
      log(
        `loading the demo data of ${added} new district${added === 1 ? "" : "s"}: grid trees, a month of case history and patrols, in bulk`,
      );
    loaded = await timer.phase("lanes", () => lanes.run(ownerUrl, districts, opts.now));
    if (added > 0) log(`demo data loaded: ${added} districts with their departments and staff`);
  } finally {
    lanes.stop();
  }
  // Fresh statistics after a bulk load: without them the planner takes the new tables for empty
  // and picks nested loops that cost seconds instead of milliseconds.
  // The rollups their triggers wrote in the same statements too.
  const loadedTables = [
    ...(loaded.trees.districts > 0 ? [...GRID_TREE_TABLES, "grid_household_count"] : []),
    ...(loaded.history.districts > 0
      ? [...CASE_HISTORY_TABLES, "score_counter", "score_counter_month"]
      : []),
    ...(loaded.patrols.districts > 0
      ? ["patrol_record", "patrol_grid_month", "patrol_visit_month", "reward_penalty"]
      : []),
  ];
  if (opts.statistics !== "none")
    await timer.phase("analyze", () =>
      analyze(ownerUrl, loadedTables, opts.statistics === "quick" ? QUICK_STATISTICS : null),
    );
  timer.stop();
  if (opts.timing) {
    lanes.times.forEach((t, i) => formatTimes(`lane ${i + 1}`, t).forEach(opts.timing!));
    formatTimes("seed", timer.times).forEach(opts.timing);
  }
  const { trees, history, targets, patrols } = loaded;
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
  return { loadedTables };
}

/** The statistics target of a quick ANALYZE (PostgreSQL's default is 100). */
const QUICK_STATISTICS = 10;

/**
 * The demo seed of `npm start`: loadDemoData, whose lanes start making the grid trees as soon as
 * the database is known to be new (`whileDatabaseStarts`, called by prepareDatabase before initdb),
 * so that this work is done while PostgreSQL is made and migrated. The quick statistics of what
 * it loaded are taken while the server starts (`beforeReady`), the full ones after it is ready.
 */
export function demoSeed(
  opts: {
    now?: Date;
    timing?: (line: string) => void;
    /** Logs the end of a step of the start (main.ts's `start: … at N s`). */
    mark?: (what: string) => void;
  } = {},
): Seed {
  let lanes: DemoLanes | undefined;
  let quick: Promise<void> = Promise.resolve();
  let settle = async () => undefined as void;
  const seed: Seed = async (ownerUrl, log) => {
    opts.mark?.("migrations done, demo load begins");
    const { loadedTables } = await loadDemoData(ownerUrl, log, {
      now: opts.now,
      lanes,
      statistics: "none",
      timing: opts.timing,
    });
    opts.mark?.("demo data written");
    quick = analyze(ownerUrl, loadedTables, QUICK_STATISTICS);
    // Awaited by beforeReady; a failure must not go unhandled meanwhile.
    quick.catch(() => undefined);
    settle = () =>
      quick.then(
        () => analyze(ownerUrl, loadedTables, null),
        () => analyze(ownerUrl, loadedTables, null),
      );
  };
  seed.beforeReady = () => quick;
  seed.settle = () => settle();
  seed.whileDatabaseStarts = () => {
    lanes ??= new DemoLanes({ pregenerate: true, timing: opts.timing !== undefined });
  };
  seed.cancel = () => lanes?.stop();
  return seed;
}

/**
 * Cities, districts, departments and staff accounts, in one transaction; and for a district
 * without cases (whose history the lanes will play), its case settings and default catalogue, as
 * the server makes them on first use. Returns the districts that lack any of their data.
 */
async function loadTenants(
  ownerUrl: string,
): Promise<{ districts: DemoDistrictRow[]; added: number }> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  const districts: DemoDistrictRow[] = [];
  let added = 0;
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
        // What the district has already: a district with all of it needs no lane.
        const has = await client.query(
          `SELECT EXISTS (SELECT 1 FROM hotline_case WHERE district_id = $1) AS cases,
                  EXISTS (SELECT 1 FROM street_office WHERE district_id = $1)
              AND EXISTS (SELECT 1 FROM joint_committee_unit WHERE district_id = $1)
              AND EXISTS (SELECT 1 FROM target WHERE district_id = $1)
              AND EXISTS (SELECT 1 FROM patrol_record WHERE district_id = $1) AS rest`,
          [districtId],
        );
        if (!has.rows[0].cases)
          await insertCaseDefaults((sql, params) => client.query(sql, params), districtId);
        if (!has.rows[0].cases || !has.rows[0].rest) districts.push({ id: districtId, ...d });
      }
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
  return { districts, added };
}

/**
 * ANALYZE of `tables`, half on each of two connections; with `target`, the statistics target of
 * a quick one (`default_statistics_target`).
 */
async function analyze(
  ownerUrl: string,
  tables: readonly string[],
  target: number | null,
): Promise<void> {
  if (tables.length === 0) return;
  const halves = [tables.filter((_, i) => i % 2 === 0), tables.filter((_, i) => i % 2 === 1)];
  await Promise.all(
    halves
      .filter((h) => h.length > 0)
      .map(async (h) => {
        const client = new Client({ connectionString: ownerUrl });
        // A stop of the database during a late ANALYZE fails its query; nothing else to report.
        client.on("error", () => undefined);
        await client.connect();
        try {
          if (target !== null) await client.query(`SET default_statistics_target = ${target}`);
          await client.query(`ANALYZE ${h.join(", ")}`);
        } finally {
          await client.end();
        }
      }),
  );
}
