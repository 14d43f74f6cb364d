/**
 * Runs the demo load's two lanes (lane.ts) at once: Mingshan, about as large as the other
 * districts together, in one, the others in the other. From the build (dist/) each lane is a
 * child process (lane-worker.ts), so that making the rows uses two cores while PostgreSQL writes
 * them; from the TypeScript sources (the tests), which it cannot load, both run in this thread.
 *
 * A process rather than a worker thread, for V8 settings of its own: the lane runs a few seconds
 * of code once, and V8's optimising compiler, which by default sets to work on a function after a
 * small budget of runs, cost it a third of its CPU time compiling code that would hardly run again.
 * With a budget some eight times larger the lane takes less CPU time in all (measured), while the
 * server, which runs for hours, keeps V8's defaults. Its young generation is V8's default too
 * (the server's larger one made this short-lived load slower).
 */
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DEMO_CITIES, type DemoDistrict } from "./cities";
import { addLoaded, type DemoDistrictRow, loadLane, type Loaded, nothingLoaded } from "./lane";
import { type PhaseTime } from "./timing";

/** The district the first lane loads alone (about as large as the others together). */
export const FIRST_LANE_DISTRICT = "mingshan";

const LANES: ReadonlyArray<(d: DemoDistrict) => boolean> = [
  (d) => d.code === FIRST_LANE_DISTRICT,
  (d) => d.code !== FIRST_LANE_DISTRICT,
];

/** What the server's process tells a lane: where to write, which districts, the history's end. */
export interface LaneTask {
  ownerUrl: string;
  districts: DemoDistrictRow[];
  now: number | null;
}
export type LaneReply =
  { loaded: Loaded; times?: PhaseTime[] } | { error: { message: string; stack?: string } };
export interface LaneSetup {
  districts: DemoDistrict[];
  /** Make the lane's grid trees at once, before the task comes (the database is still starting). */
  pregenerate: boolean;
  /** Record where the time goes (timing.ts). */
  timing: boolean;
}

const WORKER_FILE = path.join(__dirname, "lane-worker.js");

/** V8's settings for a lane's process (see above). */
const LANE_V8_FLAGS = ["--interrupt-budget=540000"];

class LaneWorker {
  private readonly child: ChildProcess;
  private failed: Error | null = null;
  constructor(setup: LaneSetup) {
    this.child = fork(WORKER_FILE, [JSON.stringify(setup)], {
      execArgv: LANE_V8_FLAGS,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    // Waiting for its task, it must not keep this process alive (the start may fail before).
    this.unref();
    this.child.on("error", (err) => (this.failed = err));
    this.child.on("exit", (code, signal) => {
      this.failed ??= new Error(`demo lane stopped (${signal ?? `exit ${code}`})`);
    });
  }

  private unref(): void {
    this.child.unref();
    this.child.channel?.unref();
  }

  run(task: LaneTask, times?: PhaseTime[]): Promise<Loaded> {
    this.child.ref();
    this.child.channel?.ref();
    return new Promise<Loaded>((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.child.once("error", reject);
      this.child.once("exit", () => reject(this.failed));
      this.child.once("message", (reply: LaneReply) => {
        if ("loaded" in reply) {
          times?.push(...(reply.times ?? []));
          resolve(reply.loaded);
        } else reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
      });
      this.child.send(task);
    }).finally(() => this.stop());
  }

  stop(): void {
    this.unref();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}

export class DemoLanes {
  /** Lane processes only from the build; made at once to pregenerate, else when given districts. */
  private readonly usable = __filename.endsWith(".js") && fs.existsSync(WORKER_FILE);
  private readonly workers: Array<LaneWorker | null>;

  private readonly timing: boolean;
  /** Each lane's phases (timing.ts), when timing. */
  readonly times: PhaseTime[][] = LANES.map(() => []);

  /**
   * `pregenerate`: the lanes make their grid trees at once, for a database that is being made
   * (every demo district will need its tree). `timing`: record where the time goes.
   */
  constructor(opts: { pregenerate?: boolean; timing?: boolean } = {}) {
    this.timing = opts.timing ?? false;
    this.workers = LANES.map((_, i) =>
      this.usable && opts.pregenerate ? this.worker(i, true) : null,
    );
  }

  private worker(lane: number, pregenerate: boolean): LaneWorker {
    const districts = DEMO_CITIES.flatMap((c) => c.districts.filter(LANES[lane]));
    return new LaneWorker({ districts, pregenerate, timing: this.timing });
  }

  /** Loads the districts, each in its lane; the lanes' counts added up. */
  async run(ownerUrl: string, districts: readonly DemoDistrictRow[], now?: Date): Promise<Loaded> {
    const byLane = LANES.map((inLane) => districts.filter(inLane));
    const loaded = await Promise.all(
      byLane.map((lane, i) => {
        const times = this.timing ? this.times[i] : undefined;
        if (lane.length === 0) return nothingLoaded();
        if (!this.usable) return loadLane(ownerUrl, lane, { now, times });
        const worker = (this.workers[i] ??= this.worker(i, false));
        return worker.run({ ownerUrl, districts: lane, now: now?.getTime() ?? null }, times);
      }),
    );
    return loaded.reduce(addLoaded, nothingLoaded());
  }

  /** Ends the workers (those given a task end by themselves). */
  stop(): void {
    for (const w of this.workers) w?.stop();
  }
}
