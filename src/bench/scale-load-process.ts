import { fork } from "node:child_process";
import { loadScaleCases, type ScaleLoadOptions } from "./scale-load";

/**
 * The scale load (scale-load.ts) in a process of its own, as a loader beside a running server
 * would be: the benchmark's process, which also runs the server it measures, never holds the
 * load's objects. When it did, hundreds of megabytes of them were left for the collector, and its
 * full collections (incremental marking of 20–50 ms in small steps between requests) fell into
 * the reads measured right after a load: measure-cases-street p95 46.5 ms there against 25–28 ms
 * in the next process, on the same database.
 */

/** The child's environment variable that carries the owner's URL (not the command line). */
const OWNER_URL = "CIVIC_GRID_SCALE_OWNER_URL";

/** Runs the load in a child process; its progress lines go to this process's stderr. */
export function loadScaleCasesApart(ownerUrl: string, opts: ScaleLoadOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [JSON.stringify(opts)], {
      env: { ...process.env, [OWNER_URL]: ownerUrl },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    // Stopped with this process (an interrupted benchmark), not left loading behind it.
    const stop = () => child.kill();
    process.once("exit", stop);
    child.once("error", (err) => {
      process.removeListener("exit", stop);
      reject(err);
    });
    child.once("exit", (code, signal) => {
      process.removeListener("exit", stop);
      if (code === 0) resolve();
      else reject(new Error(`the scale load stopped (${signal ?? `exit code ${code}`})`));
    });
  });
}

if (require.main === module) {
  const ownerUrl = process.env[OWNER_URL];
  if (!ownerUrl) {
    console.error(`bench: the scale load needs ${OWNER_URL}`);
    process.exit(2);
  }
  const opts = JSON.parse(process.argv[2] ?? "{}") as ScaleLoadOptions;
  loadScaleCases(ownerUrl, opts, (m) => console.error(`bench: ${m}`)).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error("bench: the scale load failed:", err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
