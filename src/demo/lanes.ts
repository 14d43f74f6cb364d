/**
 * Runs the demo load's two lanes (lane.ts) at once: Mingshan, about as large as the other
 * districts together, in one, the others in the other. From the build (dist/) each lane is a
 * worker thread, so that making the rows uses two cores while PostgreSQL writes them; from the
 * TypeScript sources (the tests), which a worker cannot load, both run in this thread.
 */
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { DEMO_CITIES, type DemoDistrict } from "./cities";
import { addLoaded, type DemoDistrictRow, loadLane, type Loaded, nothingLoaded } from "./lane";

const LANES: ReadonlyArray<(d: DemoDistrict) => boolean> = [
  (d) => d.code === "mingshan",
  (d) => d.code !== "mingshan",
];

/** What the main thread tells a lane's worker: where to write, which districts, the history's end. */
export interface LaneTask {
  ownerUrl: string;
  districts: DemoDistrictRow[];
  now: number | null;
}
export type LaneReply = { loaded: Loaded } | { error: { message: string; stack?: string } };
export interface LaneSetup {
  districts: DemoDistrict[];
  /** Make the lane's grid trees at once, before the task comes (the database is still starting). */
  pregenerate: boolean;
}

const WORKER_FILE = path.join(__dirname, "lane-worker.js");

class LaneWorker {
  private readonly worker: Worker;
  private failed: Error | null = null;
  constructor(setup: LaneSetup) {
    this.worker = new Worker(WORKER_FILE, { workerData: setup });
    // Waiting for its task, it must not keep the process alive (the start may fail before).
    this.worker.unref();
    this.worker.on("error", (err) => (this.failed = err));
  }

  run(task: LaneTask): Promise<Loaded> {
    this.worker.ref();
    return new Promise<Loaded>((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.worker.once("error", reject);
      this.worker.once("exit", (code) => reject(new Error(`demo lane stopped (exit ${code})`)));
      this.worker.once("message", (reply: LaneReply) => {
        if ("loaded" in reply) resolve(reply.loaded);
        else reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
      });
      this.worker.postMessage(task);
    }).finally(() => void this.worker.terminate());
  }

  stop(): void {
    void this.worker.terminate();
  }
}

export class DemoLanes {
  /** Workers only from the build; made at once to pregenerate, else when given districts. */
  private readonly usable = __filename.endsWith(".js") && fs.existsSync(WORKER_FILE);
  private readonly workers: Array<LaneWorker | null>;

  /**
   * `pregenerate`: the lanes make their grid trees at once, for a database that is being made
   * (every demo district will need its tree).
   */
  constructor(opts: { pregenerate?: boolean } = {}) {
    this.workers = LANES.map((_, i) =>
      this.usable && opts.pregenerate ? this.worker(i, true) : null,
    );
  }

  private worker(lane: number, pregenerate: boolean): LaneWorker {
    const districts = DEMO_CITIES.flatMap((c) => c.districts.filter(LANES[lane]));
    return new LaneWorker({ districts, pregenerate });
  }

  /** Loads the districts, each in its lane; the lanes' counts added up. */
  async run(ownerUrl: string, districts: readonly DemoDistrictRow[], now?: Date): Promise<Loaded> {
    const byLane = LANES.map((inLane) => districts.filter(inLane));
    const loaded = await Promise.all(
      byLane.map((lane, i) => {
        if (lane.length === 0) return nothingLoaded();
        if (!this.usable) return loadLane(ownerUrl, lane, { now });
        const worker = (this.workers[i] ??= this.worker(i, false));
        return worker.run({ ownerUrl, districts: lane, now: now?.getTime() ?? null });
      }),
    );
    return loaded.reduce(addLoaded, nothingLoaded());
  }

  /** Ends the workers (those given a task end by themselves). */
  stop(): void {
    for (const w of this.workers) w?.stop();
  }
}
