import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** A PostgreSQL of one test's own, which the test may stop and start again. */
export interface OwnPostgres {
  /** Superuser URL (roles, migrations, factories). */
  adminUrl: string;
  port: number;
  /** Stops PostgreSQL (a fast shutdown: open sessions are ended with 57P01). */
  stop(): Promise<void>;
  /** Starts the same cluster again, on the same port, with its data. */
  start(): Promise<void>;
  /**
   * Suspends every process of the cluster (SIGSTOP; Linux): a database host that stops
   * answering without closing anything. `thaw` lets it go on.
   */
  freeze(): void;
  thaw(): void;
}

const PROCESS = path.join(__dirname, "postgres-process.cjs");

function launch(
  dir: string,
  port?: number,
): Promise<{ child: ChildProcess; adminUrl: string; port: number }> {
  const child = fork(PROCESS, port ? [dir, String(port)] : [dir], { stdio: "pipe" });
  let output = "";
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => (output += c));
  return new Promise((resolve, reject) => {
    child.once("message", (m) => resolve({ child, ...(m as { adminUrl: string; port: number }) }));
    child.once("exit", (code) =>
      reject(new Error(`the test's PostgreSQL did not start (exit ${code}):\n${output}`)),
    );
  });
}

function ended(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

function postmasterPid(dir: string): number {
  return Number(fs.readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // A backend that ended meanwhile.
  }
}

/** The processes the postmaster started (from /proc): its backends and helpers. */
function childrenOf(parent: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        // The parent pid is the second field after the command, which is in parentheses.
        const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === parent;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

/**
 * Starts an embedded PostgreSQL with its data in `dir`, in a process of its own (see
 * postgres-process.cjs), apart from the run's shared database, which no test may disturb.
 */
export async function startOwnPostgres(dir: string): Promise<OwnPostgres> {
  let current = await launch(dir);
  const { adminUrl, port } = current;
  return {
    adminUrl,
    port,
    async stop() {
      const { child } = current;
      const gone = ended(child);
      if (child.connected) child.send("stop");
      await gone;
    },
    async start() {
      current = await launch(dir, port);
    },
    freeze() {
      // The postmaster first: stopped, it starts no new backend that the list below would miss.
      const postmaster = postmasterPid(dir);
      process.kill(postmaster, "SIGSTOP");
      for (const pid of childrenOf(postmaster)) signal(pid, "SIGSTOP");
    },
    thaw() {
      const postmaster = postmasterPid(dir);
      for (const pid of childrenOf(postmaster)) signal(pid, "SIGCONT");
      process.kill(postmaster, "SIGCONT");
    },
  };
}
