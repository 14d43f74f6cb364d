import "reflect-metadata";
import { Client } from "pg";
import { loadConfig } from "../config";
import { prepareDatabase } from "../db/database";
import { verifyCounters } from "../modules/scores/counters";

/**
 * `npm run verify-scores`: recomputes every district's measure counters from the case event log
 * and compares them with the stored ones, which must match exactly. Exits 1 on any difference.
 * Uses DATABASE_URL, or the embedded database in DATA_DIR (with the server stopped).
 */
async function main() {
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    console.log(
      "Recomputes the measure counters from the case event log and compares.\n\n  npm run verify-scores",
    );
    return;
  }
  const config = loadConfig();
  const db = await prepareDatabase(config, () => undefined, { demoData: false });
  const client = new Client({ connectionString: db.appUrl, application_name: "civic-grid-verify" });
  let bad = 0;
  try {
    await client.connect();
    const districts = (await client.query(`SELECT id, code FROM district ORDER BY code`))
      .rows as Array<{ id: string; code: string }>;
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query("SELECT set_config('app.district_ids', $1, true)", [
      `{${districts.map((d) => d.id).join(",")}}`,
    ]);
    const sql = async (q: string, p?: unknown[]) =>
      (await client.query(q, p)).rows as Array<Record<string, unknown>>;
    for (const d of districts) {
      const problems = await verifyCounters(sql, d.id);
      bad += problems.length;
      console.log(
        `${d.code.padEnd(14)} ${problems.length === 0 ? "ok" : `${problems.length} differences`}`,
      );
      for (const p of problems.slice(0, 20)) console.log(`  ${p}`);
    }
    await client.query("ROLLBACK");
  } finally {
    await client.end().catch(() => undefined);
    await db.stop();
  }
  console.log(bad === 0 ? "all counters match the event log" : `${bad} differences`);
  process.exit(bad === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(`verify-scores: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
