/**
 * One lane of the demo load (seed.ts runs two at once): the data of some districts, each district
 * whole (tree, joint committees, targets, case history with its counters, patrols), on one
 * connection, in one transaction. Runs in a worker thread of its own (lanes.ts) or in the caller's.
 */
import { Client } from "pg";
import { type DemoDistrict } from "./cities";
import { loadGridDemo } from "./grid-seed";
import { loadJointCommitteeDemo } from "./joint-committee";
import { generateGridTree } from "./grid-tree/generate";
import { type GridTree } from "./grid-tree/rows";
import { loadCaseHistory } from "./case-history";
import { loadTargetDemo } from "./targets";
import { loadPatrolDemo } from "./patrols";
import { bulkModeOf } from "./copy-rows";

export type DemoDistrictRow = DemoDistrict & { id: string };

/** What a lane loaded, for the log. */
export interface Loaded {
  trees: { districts: number; grids: number; persons: number };
  history: { districts: number; cases: number; events: number };
  targets: { districts: number; targets: number; entries: number };
  patrols: { districts: number; records: number; entries: number };
}

export function nothingLoaded(): Loaded {
  return {
    trees: { districts: 0, grids: 0, persons: 0 },
    history: { districts: 0, cases: 0, events: 0 },
    targets: { districts: 0, targets: 0, entries: 0 },
    patrols: { districts: 0, records: 0, entries: 0 },
  };
}

/** Adds `more` into `total`. */
export function addLoaded(total: Loaded, more: Loaded): Loaded {
  for (const part of Object.keys(total) as Array<keyof Loaded>)
    for (const [k, v] of Object.entries(more[part]))
      (total[part] as Record<string, number>)[k] += v;
  return total;
}

/** The grid trees of these districts, made in memory (no database), by district code. */
export function makeGridTrees(districts: readonly DemoDistrict[]): Map<string, GridTree> {
  return new Map(districts.map((d) => [d.code, generateGridTree(d)]));
}

/**
 * Loads the districts' data in one transaction on a connection of its own. `trees`: trees made
 * beforehand, used where the district has none yet.
 */
export async function loadLane(
  ownerUrl: string,
  districts: readonly DemoDistrictRow[],
  opts: { now?: Date; trees?: ReadonlyMap<string, GridTree> },
): Promise<Loaded> {
  const out = nothingLoaded();
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    const mode = await bulkModeOf(client);
    // What is written here is made by the demo's own code from rows it wrote in the same
    // transaction; checked row by row, its foreign keys cost more than the rest of the load. A
    // superuser may skip the checks (the embedded database's owner and the usual
    // MIGRATION_DATABASE_URL); test/db/demo-bulk.test.ts checks every foreign key of the database instead.
    if (mode.superuser) await client.query("SET LOCAL session_replication_role = replica");
    for (const d of districts) {
      const tree = await loadGridDemo(client, d, { mode, tree: opts.trees?.get(d.code) });
      await loadJointCommitteeDemo(client, { id: d.id, code: d.code });
      if (tree) {
        out.trees.districts++;
        out.trees.grids += tree.grids;
        out.trees.persons += tree.persons;
      }
      const tracked = await loadTargetDemo(client, d);
      if (tracked) {
        out.targets.districts++;
        out.targets.targets += tracked.targets;
        out.targets.entries += tracked.entries;
      }
      const cases = await loadCaseHistory(client, d, { now: opts.now, mode });
      if (cases) {
        out.history.districts++;
        out.history.cases += cases.cases;
        out.history.events += cases.events;
      }
      const patrolled = await loadPatrolDemo(client, d, { now: opts.now, mode });
      if (patrolled) {
        out.patrols.districts++;
        out.patrols.records += patrolled.records;
        out.patrols.entries += patrolled.entries;
      }
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
  return out;
}
