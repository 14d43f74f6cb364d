import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { type Pool } from "pg";
import { type DataSource } from "typeorm";
import { type PubSub } from "../realtime/pubsub";
import { type Clock } from "../common/clock";

/** What the gauges read at each scrape: this server's pool, pub/sub, sockets and clock. */
export interface MetricSources {
  dataSource: DataSource;
  pubSub: PubSub;
  /** Open WebSocket connections. */
  openSockets: () => number;
  clock: Clock;
  /** Node's own process metrics (CPU, memory, event loop, GC); on by default. */
  processMetrics?: boolean;
}

/**
 * Keeps a label's values few. Operation names are the client's choice: the first `max` distinct
 * values are kept, and any later one is counted as "other", so a client that invents a name per
 * request cannot grow the server's memory or the monitoring system's series without bound.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();
  constructor(
    private readonly max: number,
    private readonly maxLength = 64,
  ) {}

  of(value: string): string {
    const v = value.slice(0, this.maxLength);
    if (this.seen.has(v)) return v;
    if (this.seen.size >= this.max) return "other";
    this.seen.add(v);
    return v;
  }
}

const OPERATION_NAMES = 200;
/** The deadline watcher's marks, by the label they are counted under and their count's field. */
const MARK_KINDS = [
  ["warning", "warnings"],
  ["breach", "breaches"],
  ["reply_breach", "replyBreaches"],
  ["assignment_warning", "assignmentWarnings"],
  ["assignment_breach", "assignmentBreaches"],
  ["assignment_reply_breach", "assignmentReplyBreaches"],
] as const;
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export type Transport = "http" | "ws";
export type Outcome = "ok" | "partial" | "error";
export type SweepOutcome = "ok" | "failed" | "skipped";
export type SweepMarks = Record<(typeof MARK_KINDS)[number][1], number>;

/**
 * The metrics of one server, in a registry of its own (tests run several servers in a process;
 * the default global registry would mix them). Counters move as things happen; gauges (pool,
 * sockets, live subscriptions, events, the deadline watcher's lag) are read at each scrape.
 * Every name starts with `civic_grid_`; Node's process metrics keep their usual names.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new BoundedLabel(OPERATION_NAMES);
  private readonly codes = new BoundedLabel(50);
  private readonly fields = new BoundedLabel(100);
  private readonly httpRequests: Counter;
  private readonly requests: Counter;
  private readonly duration: Histogram;
  private readonly errors: Counter;
  private readonly delivered: Counter;
  private readonly cutOffs: Counter;
  private readonly sweeps: Counter;
  private sweepDuration?: Histogram;
  private readonly marks: Counter;
  /** The instant up to which the deadline watcher has marked everything; see `sweeper`. */
  private sweptUpTo: Date | null = null;
  private readonly clock: Clock;

  constructor(src: MetricSources) {
    const registers = [this.registry];
    if (src.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.httpRequests = new Counter({
      name: "civic_grid_http_requests_total",
      help: "HTTP requests by method, route (/graphql, /healthz, /readyz, /metrics, other) and status",
      labelNames: ["method", "route", "status"],
      registers,
    });
    this.requests = new Counter({
      name: "civic_grid_graphql_requests_total",
      help: "GraphQL operations by name, type, outcome (ok, partial, error) and transport (http, ws)",
      labelNames: ["operation", "type", "outcome", "transport"],
      registers,
    });
    this.duration = new Histogram({
      name: "civic_grid_graphql_request_duration_seconds",
      help: "Time from an HTTP GraphQL request's arrival to its response's last byte, by operation",
      labelNames: ["operation", "type"],
      buckets: SECONDS,
      registers,
    });
    this.errors = new Counter({
      name: "civic_grid_graphql_errors_total",
      help: "Errors sent to clients, by extensions.code and transport",
      labelNames: ["code", "transport"],
      registers,
    });
    const pool = () => (src.dataSource.driver as unknown as { master?: Pool }).master;
    const poolGauge = (name: string, help: string, read: (p: Pool) => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const p = pool();
          if (p) this.set(read(p));
        },
      });
    poolGauge(
      "civic_grid_db_pool_connections",
      "Open connections of the pool",
      (p) => p.totalCount,
    );
    poolGauge("civic_grid_db_pool_idle_connections", "Idle connections", (p) => p.idleCount);
    poolGauge(
      "civic_grid_db_pool_waiting_requests",
      "Queries waiting for a connection",
      (p) => p.waitingCount,
    );
    poolGauge(
      "civic_grid_db_pool_max_connections",
      "The pool's size",
      (p) => (p as unknown as { options: { max: number } }).options.max,
    );
    new Gauge({
      name: "civic_grid_websocket_connections",
      help: "Open WebSocket connections",
      registers,
      collect() {
        this.set(src.openSockets());
      },
    });
    new Gauge({
      name: "civic_grid_subscriptions_live",
      help: "Live subscriptions by root field (past their set-up, receiving events)",
      labelNames: ["field"],
      registers,
      collect() {
        this.reset();
        for (const [field, n] of src.pubSub.live.entries()) this.set({ field }, n);
      },
    });
    // Counted by the pub/sub itself (it exists before any server); copied at each scrape.
    const eventCounter = (name: string, help: string, read: () => Map<string, number>) =>
      new Counter({
        name,
        help,
        labelNames: ["topic"],
        registers,
        collect() {
          this.reset();
          for (const [topic, n] of read()) this.inc({ topic }, n);
        },
      });
    eventCounter(
      "civic_grid_events_published_total",
      "Events this process published (after commit), by topic",
      () => src.pubSub.counts.published,
    );
    eventCounter(
      "civic_grid_events_heard_total",
      "Events this process heard from its pub/sub transport, by topic",
      () => src.pubSub.counts.heard,
    );
    this.delivered = new Counter({
      name: "civic_grid_events_delivered_total",
      help: "Subscription results sent to WebSocket clients, by root field",
      labelNames: ["field"],
      registers,
    });
    this.cutOffs = new Counter({
      name: "civic_grid_subscribers_cut_off_total",
      help: "Subscribers that fell too far behind and were closed with 4503",
      registers,
    });
    this.sweeps = new Counter({
      name: "civic_grid_deadline_watcher_runs_total",
      help: "Deadline watcher ticks: ok, failed, or skipped (the previous run was still going)",
      labelNames: ["outcome"],
      registers,
    });
    this.marks = new Counter({
      name: "civic_grid_deadline_watcher_marks_total",
      help: "Marks the deadline watcher made, by kind",
      labelNames: ["kind"],
      registers,
    });
    this.clock = src.clock;
  }

  /** A label for a client-chosen operation name (anonymous and unknown ones have their own). */
  operation(name: string | null | undefined): string {
    if (name === undefined) return "unknown";
    if (name === null || name === "") return "anonymous";
    return this.operations.of(name);
  }

  httpRequest(labels: { method: string; route: string; status: string }): void {
    this.httpRequests.inc(labels);
  }

  graphqlRequest(r: {
    operation: string;
    type: string;
    outcome: Outcome;
    transport: Transport;
    seconds?: number;
  }): void {
    this.requests.inc({
      operation: r.operation,
      type: r.type,
      outcome: r.outcome,
      transport: r.transport,
    });
    if (r.seconds !== undefined)
      this.duration.observe({ operation: r.operation, type: r.type }, r.seconds);
  }

  error(code: string, transport: Transport): void {
    const safe = /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? code : "OTHER";
    this.errors.inc({ code: this.codes.of(safe), transport });
  }

  eventDelivered(field: string): void {
    this.delivered.inc({ field: this.fields.of(field) });
  }

  subscriberCutOff(): void {
    this.cutOffs.inc();
  }

  /**
   * What the deadline watcher reports (modules/cases/deadline.sweeper.ts). Its lag is measured from the
   * instant its last successful run swept at: by then every item due was marked, so an item due
   * since has waited at most the lag. Before the first success it counts from the watcher's start.
   */
  readonly sweeper = {
    started: (at: Date): void => {
      if (this.sweptUpTo) return;
      this.sweptUpTo = at;
      // Made here, in a process that runs the watcher: elsewhere a lag of 0 would look healthy.
      const upTo = () => this.sweptUpTo!;
      const clock = this.clock;
      this.sweepDuration = new Histogram({
        name: "civic_grid_deadline_watcher_run_duration_seconds",
        help: "How long each deadline watcher run took",
        buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
        registers: [this.registry],
      });
      new Gauge({
        name: "civic_grid_deadline_watcher_lag_seconds",
        help: "Seconds since the instant the deadline watcher last swept up to (all due before it is marked)",
        registers: [this.registry],
        collect() {
          this.set(Math.max(0, (clock.now().getTime() - upTo().getTime()) / 1000));
        },
      });
      // Every series from the start, so that rate() sees the first run's increase.
      for (const outcome of ["ok", "failed", "skipped"]) this.sweeps.inc({ outcome }, 0);
      for (const [kind] of MARK_KINDS) this.marks.inc({ kind }, 0);
    },
    ran: (run: { outcome: SweepOutcome; seconds?: number; at: Date; marks?: SweepMarks }) => {
      this.sweeps.inc({ outcome: run.outcome });
      if (run.seconds !== undefined) this.sweepDuration?.observe(run.seconds);
      if (run.outcome !== "ok" || !run.marks) return;
      this.sweptUpTo = run.at;
      for (const [kind, field] of MARK_KINDS) this.marks.inc({ kind }, run.marks[field]);
    },
  };

  get contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
