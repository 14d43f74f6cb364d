/**
 * Where the demo load's time goes, for `LOG_LEVEL=debug` (main.ts passes `timing` down): each
 * phase's wall time, the CPU time of the thread that ran it, the garbage collector's share of it,
 * and the CPU time the database's backend spent meanwhile (read from /proc when the database runs
 * on this machine, as the embedded one does; left out otherwise). Off, it costs nothing.
 */
import fs from "node:fs";
import { PerformanceObserver } from "node:perf_hooks";
import { type ClientBase } from "pg";

export interface PhaseTime {
  phase: string;
  wallMs: number;
  /** CPU of this thread (Linux; else of the process). */
  cpuMs: number;
  /** Garbage collection in this thread. */
  gcMs: number;
  /** CPU of the connection's backend, when it could be read. */
  dbMs: number | null;
  /** The thread's heap in use at the phase's end (MB). */
  heapMb?: number;
  /** Begun while another phase ran: part of that one, not added into the total again. */
  nested?: boolean;
  /** When the phase (its first run) began and (its last run) ended, in seconds since the process began. */
  from?: number;
  to?: number;
}

/** CPU time (ms) of the calling thread from /proc, or of the process where that is missing. */
function threadCpuMs(): number {
  try {
    return ticksOf(fs.readFileSync("/proc/thread-self/stat", "utf8"));
  } catch {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
}

/** utime + stime of a /proc stat line, in ms (the kernel counts in ticks of 10 ms). */
function ticksOf(stat: string): number {
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12])) * 10;
}

export class PhaseTimer {
  readonly times: PhaseTime[] = [];
  private gcMs = 0;
  private observer: PerformanceObserver | null = null;
  private backendStat: string | null = null;
  /** Phases begun and not yet ended. */
  private open = 0;

  private constructor(readonly label: string) {}

  /** A timer that records, or when `enabled` is false one that only runs the phases. */
  static create(label: string, enabled: boolean): PhaseTimer {
    const t = new PhaseTimer(label);
    if (enabled) {
      t.observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) t.gcMs += e.duration;
      });
      t.observer.observe({ entryTypes: ["gc"] });
    }
    return t;
  }

  get enabled(): boolean {
    return this.observer !== null;
  }

  /** Follows the CPU time of this connection's backend (when it runs on this machine). */
  async watch(client: ClientBase): Promise<void> {
    if (!this.enabled) return;
    const { rows } = await client.query("SELECT pg_backend_pid() AS pid");
    const file = `/proc/${rows[0].pid}/stat`;
    try {
      fs.readFileSync(file, "utf8");
      this.backendStat = file;
    } catch {
      this.backendStat = null;
    }
  }

  private backendMs(): number | null {
    if (!this.backendStat) return null;
    try {
      return ticksOf(fs.readFileSync(this.backendStat, "utf8"));
    } catch {
      return null;
    }
  }

  /** Runs `fn` as the phase `name` (phases of one name add up). */
  async phase<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
    const end = this.begin(name);
    try {
      return await fn();
    } finally {
      await end();
    }
  }

  /** Starts the phase `name`; the function returned ends it. */
  begin(name: string): () => Promise<void> {
    if (!this.enabled) return async () => undefined;
    const wall = performance.now();
    const nested = this.open++ > 0;
    const from = process.uptime();
    const cpu = threadCpuMs();
    const gc = this.gcMs;
    const db = this.backendMs();
    return async () => {
      this.open--;
      const wallMs = performance.now() - wall;
      const cpuMs = threadCpuMs() - cpu;
      // GC entries arrive asynchronously: let the observer see this phase's.
      await new Promise((r) => setImmediate(r));
      const dbNow = this.backendMs();
      this.add({
        phase: name,
        wallMs,
        cpuMs,
        gcMs: this.gcMs - gc,
        dbMs: db === null || dbNow === null ? null : dbNow - db,
        heapMb: process.memoryUsage().heapUsed / 2 ** 20,
        from,
        to: process.uptime(),
        nested,
      });
    };
  }

  /** A figure measured by the caller: wall time only (it is not added into the total). */
  note(name: string, wallMs: number): void {
    if (this.enabled) this.add({ phase: name, wallMs, cpuMs: NaN, gcMs: NaN, dbMs: null });
  }

  private add(t: PhaseTime): void {
    const same = this.times.find((x) => x.phase === t.phase);
    if (!same) return void this.times.push(t);
    same.wallMs += t.wallMs;
    same.cpuMs += t.cpuMs;
    same.gcMs += t.gcMs;
    same.dbMs = same.dbMs === null || t.dbMs === null ? null : same.dbMs + t.dbMs;
    same.heapMb = t.heapMb;
    same.to = t.to;
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
  }
}

/**
 * The CPU time of this whole process so far (all its threads: the garbage collector's and the
 * compiler's helpers too, which a phase's thread figure leaves out), as a figure of its own.
 */
export function processCpu(name: string): PhaseTime {
  const u = process.cpuUsage();
  return {
    phase: name,
    wallMs: process.uptime() * 1000,
    cpuMs: (u.user + u.system) / 1000,
    gcMs: NaN,
    dbMs: null,
    nested: true,
  };
}

/** utime, stime, cutime and cstime of a process (seconds), and its running children. */
function procCpu(pid: number | "self"): { own: number; ended: number; children: number[] } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const tid = pid === "self" ? process.pid : pid;
  let children: number[] = [];
  try {
    children = fs
      .readFileSync(`/proc/${tid}/task/${tid}/children`, "utf8")
      .split(" ")
      .filter(Boolean)
      .map(Number);
  } catch {
    // Without that file (an older kernel), only the ended children are counted.
  }
  return {
    own: (Number(f[11]) + Number(f[12])) / 100,
    ended: (Number(f[13]) + Number(f[14])) / 100,
    children,
  };
}

/**
 * CPU seconds of a process and all its descendants, running or ended (0 once it is gone), but for
 * the running process `skip` and its own.
 */
function treeCpu(pid: number, skip: number | null = null): number {
  try {
    const p = procCpu(pid);
    return p.children.reduce((s, c) => (c === skip ? s : s + treeCpu(c, skip)), p.own + p.ended);
  } catch {
    return 0;
  }
}

/**
 * Where a start's CPU time went up to now (Linux; null elsewhere), in seconds: this process
 * (`server`), its other processes, running or ended (initdb, the demo's lanes: `children`), and
 * the PostgreSQL whose postmaster has `postmasterPid` (with all its backends, running or ended).
 */
export function startCpu(
  postmasterPid: number | null,
): { server: number; children: number; postgres: number | null } | null {
  try {
    const me = procCpu("self");
    const postgres = postmasterPid === null ? null : treeCpu(postmasterPid);
    // The postmaster is this process's child (or a wrapper's): counted apart.
    const children = me.children.reduce(
      (s, c) => (c === postmasterPid ? s : s + treeCpu(c, postmasterPid)),
      me.ended,
    );
    return { server: me.own, children, postgres };
  } catch {
    return null;
  }
}

/** `startCpu` for a log line: "server 1.20, children 3.40, PostgreSQL 0.50 CPU-s". */
export function formatStartCpu(postmasterPid: number | null): string {
  const c = startCpu(postmasterPid);
  if (!c) return "CPU time unknown";
  const pg = c.postgres === null ? "" : `, PostgreSQL ${c.postgres.toFixed(2)}`;
  return `server ${c.server.toFixed(2)}, children ${c.children.toFixed(2)}${pg} CPU-s`;
}

/** Lines for the log: one per phase, then the total. */
export function formatTimes(label: string, times: readonly PhaseTime[]): string[] {
  const f = (ms: number | null) =>
    ms === null || Number.isNaN(ms) ? "    -" : (ms / 1000).toFixed(2).padStart(5);
  const total = times
    .filter((t) => !Number.isNaN(t.cpuMs) && !t.nested)
    .reduce(
      (s, t) => ({
        wallMs: s.wallMs + t.wallMs,
        cpuMs: s.cpuMs + t.cpuMs,
        gcMs: s.gcMs + t.gcMs,
        dbMs: s.dbMs === null || t.dbMs === null ? null : s.dbMs + t.dbMs,
      }),
      { wallMs: 0, cpuMs: 0, gcMs: 0, dbMs: 0 as number | null },
    );
  return [...times, { phase: "total", ...total }].map(
    (t) =>
      `${label} ${(("nested" in t && t.nested ? "  " : "") + t.phase).padEnd(18)} wall ${f(t.wallMs)} s  cpu ${f(t.cpuMs)} s  gc ${f(t.gcMs)} s  db ${f(t.dbMs)} s` +
      ("heapMb" in t && t.heapMb !== undefined ? `  heap ${t.heapMb.toFixed(0)} MB` : "") +
      ("from" in t && t.from !== undefined ? `  [${t.from.toFixed(2)}–${t.to!.toFixed(2)} s]` : ""),
  );
}
