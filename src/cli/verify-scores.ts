import "reflect-metadata";
import { Client } from "pg";
import { loadConfig } from "../config";
import { prepareDatabase } from "../db/database";
import { rebuildCounters, verifyCounters } from "../modules/cases/case.counters";
import { rebuildPatrolMonths, verifyPatrolMonths } from "../modules/patrols/patrol.months";
import { rebuildGridHouseholds, verifyGridHouseholds } from "../modules/patrols/grid-households";

/**
 * `npm run verify-scores`: recomputes every district's measure counters from the case event log,
 * its patrol months (the coverage rollups) from its patrol records and its grids' households from
 * its households, and compares them with the stored ones, which must match exactly. Exits 1 on
 * any difference. With --fix, rebuilds the counters, recounts the patrol months or the grids'
 * households of the districts that differ (e.g. a database whose cases predate the counters).
 * Uses DATABASE_URL, or the embedded database in DATA_DIR (server stopped).
 */
async function main() {
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    console.log(
      "Recomputes the measure counters from the case event log, the patrol months from their records\nand each grid's households from the households, and compares them with the stored ones.\n\n  npm run verify-scores            exits 1 on any difference\n  npm run verify-scores -- --fix   rebuilds what differs",
    );
    return;
  }
  const config = loadConfig();
  const db = await prepareDatabase(config, () => undefined);
  const client = new Client({ connectionString: db.appUrl, application_name: "civic-grid-verify" });
  const fix = process.argv.includes("--fix");
  let bad = 0;
  let fixed = 0;
  try {
    await client.connect();
    const districts = (await client.query(`SELECT id, code FROM district ORDER BY code`))
      .rows as Array<{
      id: string;
      code: string;
    }>;
    const sql = async (q: string, p?: unknown[]) =>
      (await client.query(q, p)).rows as Array<Record<string, unknown>>;
    for (const d of districts) {
      // One snapshot per district; writable only when asked to repair.
      await client.query(
        fix
          ? "BEGIN ISOLATION LEVEL SERIALIZABLE"
          : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
      );
      await client.query("SELECT set_config('app.district_ids', $1, true)", [`{${d.id}}`]);
      const counters = await verifyCounters(sql, d.id);
      const months = await verifyPatrolMonths(sql, d.id);
      const households = await verifyGridHouseholds(sql, d.id);
      const problems = [...counters, ...months, ...households];
      bad += problems.length;
      console.log(
        `${d.code.padEnd(14)} ${problems.length === 0 ? "ok" : `${problems.length} differences`}`,
      );
      for (const p of problems.slice(0, 20)) console.log(`  ${p}`);
      if (fix && problems.length > 0) {
        if (counters.length > 0) {
          const rows = await rebuildCounters(sql, d.id);
          console.log(`  rebuilt ${rows} counters from the event log`);
        }
        if (months.length > 0) {
          const n = await rebuildPatrolMonths(sql, d.id);
          console.log(`  recounted ${n} patrol months from their records`);
        }
        if (households.length > 0) {
          const n = await rebuildGridHouseholds(sql, d.id);
          console.log(`  counted the households of ${n} grids again`);
        }
        fixed += problems.length;
      }
      await client.query("COMMIT");
    }
  } finally {
    await client.end().catch(() => undefined);
    await db.stop();
  }
  if (bad === 0)
    console.log(
      "all counters match the event log, all patrol months their records, all grids' households theirs",
    );
  else if (fix) console.log(`${bad} differences, repaired from what they count`);
  else
    console.log(
      `${bad} differences (npm run verify-scores -- --fix rebuilds them from what they count)`,
    );
  process.exit(bad === 0 || fixed === bad ? 0 : 1);
}

main().catch((err) => {
  console.error(`verify-scores: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
