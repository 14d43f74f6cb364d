/**
 * A lane of the demo load in a process of its own (lanes.ts says why): makes its districts' grid
 * trees at once when told the database is new, then waits for its task, loads it (lane.ts),
 * replies and ends. It ends too when the process that started it goes away.
 */
import { loadLane, makeGridTrees } from "./lane";
import { type LaneReply, type LaneSetup, type LaneTask } from "./lanes";
import { type PhaseTime, PhaseTimer, processCpu } from "./timing";

let replied = false;
process.on("disconnect", () => process.exit(replied ? 0 : 1));

const setup = JSON.parse(process.argv[2]) as LaneSetup;
const made = PhaseTimer.create("lane", setup.timing);
const trees = setup.pregenerate
  ? (() => {
      const end = made.begin("grid trees made");
      const t = makeGridTrees(setup.districts);
      void end().then(() => made.stop());
      return t;
    })()
  : undefined;
if (!setup.pregenerate) made.stop();

const reply = (r: LaneReply) =>
  process.send!(r, () => {
    replied = true;
    process.disconnect();
  });

process.once("message", (task: LaneTask) => {
  const now = task.now === null ? undefined : new Date(task.now);
  const times: PhaseTime[] | undefined = setup.timing ? made.times : undefined;
  loadLane(task.ownerUrl, task.districts, { now, trees, times }).then(
    (loaded) => reply({ loaded, times: times && [...times, processCpu("whole process")] }),
    (err: Error) => reply({ error: { message: err.message, stack: err.stack } }),
  );
});
