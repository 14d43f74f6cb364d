/**
 * One lane of the demo load (seed.ts runs two at once): the data of some districts, each district
 * whole (tree, joint committees, targets, case history with its counters, patrols), on one
 * connection, in one transaction. Runs in a process of its own (lanes.ts) or in the caller's.
 */
import { Client, type ClientBase } from "pg";
import { type DemoDistrict } from "./cities";
import { loadGridDemo, writeGridTree } from "./grid-seed";
import {
  insertJointCommittees,
  jointCommitteeRows,
  loadJointCommitteeDemo,
} from "./joint-committee";
import { generateGridTree } from "./grid-tree/generate";
import { type GridTree } from "./grid-tree/rows";
import { loadCaseHistory, playCaseHistory } from "./case-history";
import { placesOf, readCaseRules } from "./case-inputs";
import { loadTargetDemo } from "./targets";
import { loadPatrolDemo, patrolRows, writePatrols } from "./patrols";
import { type BulkMode, bulkModeOf } from "./copy-rows";
import { streetsOf, treePlaces } from "./tree-places";
import { type PhaseTime, PhaseTimer } from "./timing";
import { extend } from "../common/objects";

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
 *
 * A district with none of its data yet (a first start's) is loaded at once (loadDistrictAtOnce):
 * its month is played from the tree in memory while PostgreSQL writes the tree, and its patrols
 * made while the month is written. Any other is loaded part by part, each part read back from
 * what is written (loadDistrictInTurn); both write the same rows.
 */
export async function loadLane(
  ownerUrl: string,
  districts: readonly DemoDistrictRow[],
  opts: {
    now?: Date;
    /** Taken out of the map as they are written. */
    trees?: Map<string, GridTree>;
    /** Records where the time goes (timing.ts) into `times`. */
    times?: PhaseTime[];
  },
): Promise<Loaded> {
  const out = nothingLoaded();
  const timer = PhaseTimer.create("lane", opts.times !== undefined);
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await timer.watch(client);
    await client.query("BEGIN");
    const mode = await bulkModeOf(client);
    // What is written here is made by the demo's own code from rows it wrote in the same
    // transaction; checked row by row, its foreign keys cost more than the rest of the load. A
    // superuser may skip the checks (the embedded database's owner and the usual
    // MIGRATION_DATABASE_URL); test/db/demo-bulk.test.ts checks every foreign key of the database instead.
    if (mode.superuser) await client.query("SET LOCAL session_replication_role = replica");
    for (const d of districts) {
      const parts =
        (await loadDistrictAtOnce(client, d, { mode, now: opts.now, trees: opts.trees, timer })) ??
        (await loadDistrictInTurn(client, d, { mode, now: opts.now, trees: opts.trees, timer }));
      addLoaded(out, parts);
    }
    await timer.phase("commit", () => client.query("COMMIT"));
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    timer.stop();
    opts.times?.push(...timer.times);
    await client.end();
  }
  return out;
}

/** How a lane loads a district, in its transaction and (for the at-once load) tenant context. */
export interface DistrictLoad {
  mode: BulkMode;
  now?: Date;
  trees?: Map<string, GridTree>;
  timer?: PhaseTimer;
}

const untimed = PhaseTimer.create("lane", false);

/** Each part of a district in turn, each loader reading what it needs back from the database. */
export async function loadDistrictInTurn(
  client: ClientBase,
  d: DemoDistrictRow,
  { mode, now, trees, timer = untimed }: DistrictLoad,
): Promise<Loaded> {
  const out = nothingLoaded();
  const tree = await timer.phase("grid tree", () =>
    loadGridDemo(client, d, { mode, tree: trees?.get(d.code) }),
  );
  // Written: the tree's objects would only be traced by every later collection.
  trees?.delete(d.code);
  await timer.phase("joint committees", () =>
    loadJointCommitteeDemo(client, { id: d.id, code: d.code }),
  );
  if (tree) out.trees = { districts: 1, grids: tree.grids, persons: tree.persons };
  const tracked = await timer.phase("targets", () => loadTargetDemo(client, d));
  if (tracked) out.targets = { districts: 1, ...tracked };
  const cases = await loadCaseHistory(client, d, { now, mode, timer });
  if (cases) out.history = { districts: 1, cases: cases.cases, events: cases.events };
  const patrolled = await timer.phase("patrols", () => loadPatrolDemo(client, d, { now, mode }));
  if (patrolled) out.patrols = { districts: 1, ...patrolled };
  return out;
}

/**
 * A district that has none of its data yet, from its tree in memory (made now unless given):
 * the month is played while the tree is written, and the patrols made while the month is. The
 * places the month and the patrols are made from are the tree's, in the order the loaders read
 * them back (tree-places.ts). Null, and nothing done, when the district has some of its data.
 */
export async function loadDistrictAtOnce(
  client: ClientBase,
  d: DemoDistrictRow,
  { mode, now: at, trees, timer = untimed }: DistrictLoad,
): Promise<Loaded | null> {
  await client.query("SELECT set_config('app.district_ids', $1, true)", [`{${d.id}}`]);
  // The loaders' locks, in their order (seeds running at once take turns).
  for (const part of ["grid-demo", "targets", "case-history", "patrols"])
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))", [
      `civic-grid:${part}`,
      d.id,
    ]);
  const { rows } = await client.query(
    `SELECT EXISTS (SELECT 1 FROM street_office WHERE district_id = $1)
         OR EXISTS (SELECT 1 FROM joint_committee_unit WHERE district_id = $1)
         OR EXISTS (SELECT 1 FROM target WHERE district_id = $1)
         OR EXISTS (SELECT 1 FROM hotline_case WHERE district_id = $1)
         OR EXISTS (SELECT 1 FROM patrol_record WHERE district_id = $1) AS some`,
    [d.id],
  );
  if (rows[0].some) return null;
  const rules = await readCaseRules(client, d.id);
  if (!rules) return null;
  const out = nothingLoaded();
  const tree = trees?.get(d.code) ?? generateGridTree(d);
  trees?.delete(d.code);
  const units = jointCommitteeRows(d, await streetsOf(client, tree));
  const places = await treePlaces(client, tree, units);
  const now = (at ?? new Date()).getTime();

  const played = await timer.phase("tree ‖ month", async () => {
    const writing = writeGridTree(client, d, tree, mode);
    // Its failure is thrown below, after the play.
    writing.catch(() => undefined);
    const month = await playCaseHistory(d, extend(rules, placesOf(places.history)), {
      now: new Date(now),
      timer,
      slice: PLAY_SLICE_WHILE_WRITING,
    });
    const written = await writing;
    out.trees = { districts: 1, grids: written.grids, persons: written.persons };
    return month;
  });
  await timer.phase("joint committees", () => insertJointCommittees(client, d.id, units));
  const tracked = await timer.phase("targets", () => loadTargetDemo(client, d));
  if (tracked) out.targets = { districts: 1, ...tracked };
  await timer.phase("month ‖ patrols", async () => {
    const writing = played.write(client, mode);
    writing.catch(() => undefined);
    const patrols = patrolRows(d, places.patrols, now);
    const cases = await writing;
    out.history = { districts: 1, cases: cases.cases, events: cases.events };
    out.patrols = { districts: 1, ...(await writePatrols(client, mode, d, patrols, now)) };
  });
  return out;
}

/** Cases played between two turns of the event loop while a COPY of the lane is in flight. */
const PLAY_SLICE_WHILE_WRITING = 100;
