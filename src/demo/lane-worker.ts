/**
 * A worker thread of the demo load (lanes.ts): makes its districts' grid trees at once when told
 * the database is new, then waits for its task and loads it (lane.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadLane, makeGridTrees } from "./lane";
import { type LaneReply, type LaneSetup, type LaneTask } from "./lanes";

const setup = workerData as LaneSetup;
const trees = setup.pregenerate ? makeGridTrees(setup.districts) : undefined;

parentPort!.once("message", (task: LaneTask) => {
  const now = task.now === null ? undefined : new Date(task.now);
  loadLane(task.ownerUrl, task.districts, { now, trees }).then(
    (loaded) => parentPort!.postMessage({ loaded } satisfies LaneReply),
    (err: Error) =>
      parentPort!.postMessage({
        error: { message: err.message, stack: err.stack },
      } satisfies LaneReply),
  );
});
