import { type ClientBase } from "pg";
import { CaseStatus } from "../modules/cases/case.workflow";
import { play } from "./case-play";
import { HistoryWriter } from "./case-rows";
import { CounterTally } from "./case-counters";
import { type BulkMode, bulkModeOf } from "./copy-rows";
import { draftMonth } from "./case-drafts";
import { type Draft } from "./case-world";
import { type HistoryInputs, readCaseRules, readPlaces } from "./case-inputs";
import { type DistrictInfo } from "./grid-tree/rows";
import { PhaseTimer } from "./timing";
import { extend } from "../common/objects";

/**
 * A month of 12345 case history for a demo district: calls, patrol reports, community and
 * resident reports of the last 30 days, each handled through the five-handling workflow by the
 * live rules, with the deadline sweeper's warnings and breaches where the times say so. Cases
 * received in the last days are still open, in every status, and the live server carries on with
 * them (same assignments, requests, versions and log).
 *
 * Each case is a script over the case core (case-script.ts): every step is a command the core's
 * `perform` checks and applies, and before each step the sweeper's passes that would have come
 * first apply the core's marks. What people do and when is case-play.ts; who reports what, where,
 * is case-drafts.ts, from the inputs of case-inputs.ts; the texts and reference data are
 * case-texts.ts; writing the rows and numbering the log is case-rows.ts.
 * Deterministic: a PRNG seeded with the district code, times relative to `now`.
 */

export interface CaseHistoryStats {
  cases: number;
  events: number;
  open: number;
  /** Rows of measure counters written for the history (case-counters.ts). */
  counters: number;
}

/** Cases played between two turns of the event loop: the other loads' writes go on meanwhile. */
const PLAY_SLICE = 500;

/**
 * Loads a month of case history for one district, with its measure counters, on the owner's
 * connection inside the caller's transaction, under the district's tenant context. Idempotent: a
 * district that has any case is left alone, and null is returned. The district's settings and
 * catalogue are there already (seed.ts makes them as the server does on first use).
 */
export async function loadCaseHistory(
  client: ClientBase,
  district: DistrictInfo & { id: string },
  opts: { now?: Date; days?: number; mode?: BulkMode; timer?: PhaseTimer } = {},
): Promise<CaseHistoryStats | null> {
  const timer = opts.timer ?? PhaseTimer.create("history", false);
  const districtId = district.id;
  await client.query("SELECT set_config('app.district_ids', $1, true)", [`{${districtId}}`]);
  await client.query(
    "SELECT pg_advisory_xact_lock(hashtext('civic-grid:case-history'), hashtext($1))",
    [districtId],
  );
  const present = await client.query(
    "SELECT EXISTS (SELECT 1 FROM hotline_case WHERE district_id = $1) AS present",
    [districtId],
  );
  if (present.rows[0].present) return null;

  const read = await timer.phase("history read", async () => {
    const rules = await readCaseRules(client, districtId);
    return rules && extend(rules, await readPlaces(client, districtId));
  });
  if (!read || read.grids.length === 0) return null;
  const played = await playCaseHistory(district, read, extend(opts, { timer }));
  const mode = opts.mode ?? (await bulkModeOf(client));
  return played.write(client, mode);
}

/** A district's month, played and encoded in memory, to be written in the caller's transaction. */
export interface PlayedHistory {
  write(client: ClientBase, mode: BulkMode): Promise<CaseHistoryStats>;
}

/**
 * Plays a district's month (no database): the cases, their log and counters, encoded for COPY as
 * they are played. `slice`: cases played between two turns of the event loop (smaller while a
 * write of the same lane is in flight, which needs the turns to go on).
 */
export async function playCaseHistory(
  district: DistrictInfo & { id: string },
  read: HistoryInputs,
  opts: { now?: Date; days?: number; timer?: PhaseTimer; slice?: number } = {},
): Promise<PlayedHistory> {
  const timer = opts.timer ?? PhaseTimer.create("history", false);
  const districtId = district.id;
  const slice = opts.slice ?? PLAY_SLICE;
  const { w, drafts } = await draftMonth(district, read, extend(opts, { timer }));
  const playing = timer.begin("history play");
  // Each case is played, counted and encoded, then let go (case-rows.ts says why).
  const history = new HistoryWriter({ id: districtId, code: district.code }, read.base);
  const counters = new CounterTally(districtId, w.departments);
  let open = 0;
  // With timing on, the wall time of the three parts (reading the thread's CPU per case costs more).
  const split = timer.enabled ? [0, 0, 0] : null;
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    const t0 = split ? performance.now() : 0;
    play(w, d);
    d.script.finish();
    const t1 = split ? performance.now() : 0;
    history.add(d);
    const t2 = split ? performance.now() : 0;
    counters.add(d);
    if (split) {
      split[0] += t1 - t0;
      split[1] += t2 - t1;
      split[2] += performance.now() - t2;
    }
    if (d.script.status !== CaseStatus.closed) open++;
    (drafts as Array<Draft | null>)[i] = null;
    if (i % slice === slice - 1) await new Promise((r) => setImmediate(r));
  }

  await playing();
  if (split) {
    timer.note("  of which playing", split[0]);
    timer.note("  of which encoding", split[1]);
    timer.note("  of which counting", split[2]);
  }
  return {
    write: async (client, mode) => {
      await timer.phase("history write", () => history.write(client, mode));
      return {
        cases: drafts.length,
        events: history.eventCount,
        open,
        counters: await timer.phase("counters write", () => counters.write(client, mode)),
      };
    },
  };
}

/** The tables whose rows belong to a case (hotline_case first): a case is these rows. */
export const CASE_TABLES = [
  "hotline_case",
  "case_assignment",
  "case_request",
  "supervision",
  "case_unit_engagement",
  "case_event",
] as const;

/** The tables the history writes, for ANALYZE after a bulk load and for tests. */
export const CASE_HISTORY_TABLES = [
  "case_setting",
  "case_category",
  "case_log_head",
  ...CASE_TABLES,
] as const;
