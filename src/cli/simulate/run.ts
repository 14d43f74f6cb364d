import { type Config } from "../../config";
import { Rng } from "../../demo/rng";
import { hotlineFactor } from "../../demo/case-texts";
import { graphqlClient, tokenSigner } from "./api";
import { CREATE, MUTATIONS, OPEN_CASES, OPEN_STATUSES, type OpenCase } from "./operations";
import { newCase, readDistrict } from "./intake";
import { type Handlers, nextStep } from "./steps";

/**
 * The simulation, usable from tests: cases come in at the configured rate (following the
 * hotline's day unless flat), and the handlers keep pace with them, each step by the role whose
 * turn it is, until the time or the cases run out.
 */

export interface SimulationOptions {
  url: string;
  district: string;
  secret: Uint8Array;
  ratePerMinute: number;
  /** How long to run; Infinity until `signal` aborts. */
  durationMs: number;
  /**
   * Take this many cases in (at the rate), then go on handling until the handling budget is
   * spent or no case is left open, and stop: a run measured by what it did, not by the clock.
   */
  cases?: number;
  /** The same rate at every hour (otherwise it follows the hotline's day). */
  flat?: boolean;
  /** Periodic status lines and error reports. */
  log?: (line: string) => void;
  /** A status line about twice a second (the CLI rewrites it in place on a terminal). */
  onProgress?: (line: string) => void;
  /** Status lines through `log` this often when there is no onProgress (default 10 s). */
  reportEveryMs?: number;
  /** Stops the run early (Ctrl-C). */
  signal?: AbortSignal;
  /** The server's issuer and audience, when it checks them. */
  config?: Pick<Config, "jwtIssuer" | "jwtAudience">;
  /** Seed of the random choices (default: the clock). */
  seed?: number;
}

export interface SimulationCounts {
  elapsedMs: number;
  created: number;
  /** Workflow steps done on cases (mutations other than createCase that succeeded). */
  actions: number;
  byAction: Record<string, number>;
  /** Steps refused because the case had moved on (read again and moved on). */
  conflicts: number;
  errors: number;
  /** Open cases of the district at the end. */
  open: number;
}

/** Workflow steps per new case, roughly: the handling keeps up with the intake at this pace. */
const STEPS_PER_CASE = 6;
/** Requests in flight at once while advancing cases. */
const PARALLEL = 4;

export async function runSimulation(opts: SimulationOptions): Promise<SimulationCounts> {
  const rng = new Rng(opts.seed ?? Date.now());
  const log = opts.log ?? (() => undefined);
  const started = Date.now();
  const counts: SimulationCounts = {
    elapsedMs: 0,
    created: 0,
    actions: 0,
    byAction: {},
    conflicts: 0,
    errors: 0,
    open: 0,
  };
  const stopAt = started + opts.durationMs;
  let handled = false; // --cases: the intake is done and nothing is left to handle
  let createFailures = 0;
  const running = () => !opts.signal?.aborted && Date.now() < stopAt && !handled;
  const attempts = () => counts.created + createFailures;
  const intakeDone = () => opts.cases !== undefined && attempts() >= opts.cases;
  const runId = `${started.toString(36)}-${Math.floor(rng.next() * 1e6).toString(36)}`;

  const token = tokenSigner(opts);
  const gql = graphqlClient(opts.url);

  let reported = 0;
  const fail = (what: string, message: string) => {
    counts.errors += 1;
    // The first few in full, then now and then, so that a broken run says why without flooding.
    if (reported < 5 || counts.errors % 100 === 0) log(`error: ${what}: ${message}`);
    reported += 1;
  };

  const district = await readDistrict(gql, token, opts);
  const handlers: Handlers = {
    rng,
    token,
    departments: district.departments,
    gridMayResolve: district.gridMayResolve,
  };

  // --- Intake -----------------------------------------------------------------------------------

  async function createOne(): Promise<void> {
    const { input, bearer } = await newCase({ rng, token, district });
    input.idempotencyKey = `sim-${runId}-${attempts()}`;
    try {
      const r = await gql<{ createCase: { id: string } }>(CREATE, { input }, bearer);
      if (r.errors?.length) {
        createFailures += 1;
        fail(`createCase (${input.channel})`, r.errors[0].message);
      } else counts.created += 1;
    } catch (err) {
      createFailures += 1;
      fail("createCase", err instanceof Error ? err.message : String(err));
    }
  }

  async function intake(): Promise<void> {
    while (running() && !intakeDone()) {
      const factor = opts.flat ? 1 : hotlineFactor(new Date());
      const perMs = (opts.ratePerMinute / 60_000) * factor;
      // Poisson arrivals: exponential gaps.
      const gap = perMs > 0 ? -Math.log(1 - rng.next()) / perMs : 1000;
      const wake = Date.now() + gap;
      while (running() && Date.now() < wake) await sleep(Math.min(250, wake - Date.now()));
      if (!running()) return;
      await createOne();
    }
  }

  // --- Handling ---------------------------------------------------------------------------------

  async function advance(c: OpenCase): Promise<void> {
    let step;
    try {
      step = await nextStep(handlers, c);
    } catch (err) {
      fail(`plan ${c.status}`, err instanceof Error ? err.message : String(err));
      return;
    }
    if (!step) return;
    try {
      const r = await gql(MUTATIONS[step.action], { input: step.input }, step.bearer);
      const code = r.errors?.[0]?.extensions?.code;
      if (code === "CONFLICT") counts.conflicts += 1;
      else if (r.errors?.length) fail(`${step.action} (${c.status})`, r.errors[0].message);
      else {
        counts.actions += 1;
        counts.byAction[step.action] = (counts.byAction[step.action] ?? 0) + 1;
      }
    } catch (err) {
      fail(step.action, err instanceof Error ? err.message : String(err));
    }
  }

  async function readOpen(orderBy: "newest" | "oldest"): Promise<OpenCase[]> {
    try {
      const r = await gql<{ cases: { totalCount: number; edges: Array<{ node: OpenCase }> } }>(
        OPEN_CASES,
        { status: OPEN_STATUSES, first: 50, orderBy },
        await token("command_center"),
      );
      if (r.errors?.length || !r.data) {
        fail("read open cases", r.errors?.[0]?.message ?? "no data");
        return [];
      }
      counts.open = r.data.cases.totalCount;
      return r.data.cases.edges.map((e) => e.node);
    } catch (err) {
      fail("read open cases", err instanceof Error ? err.message : String(err));
      return [];
    }
  }

  async function handling(): Promise<void> {
    let pass = 0;
    while (running()) {
      // The handlers keep pace with the intake: a budget of steps that grows with the cases.
      const budget =
        10 +
        STEPS_PER_CASE *
          (opts.cases !== undefined ? counts.created : Math.max(counts.created, expectedCases()));
      if (counts.actions + counts.conflicts >= budget) {
        if (intakeDone()) handled = true;
        else await sleep(200);
        continue;
      }
      // Newest and oldest open cases in turn: fresh calls and the backlog both move.
      const open = rng.shuffle(await readOpen(pass++ % 2 === 0 ? "newest" : "oldest"));
      if (open.length === 0) {
        if (intakeDone()) handled = true;
        else await sleep(250);
        continue;
      }
      // Not every case moves at every look: handlers take their time.
      const batch = open
        .filter(() => rng.chance(0.5))
        .slice(0, Math.max(1, budget - counts.actions - counts.conflicts));
      for (let i = 0; i < batch.length && running(); i += PARALLEL)
        await Promise.all(batch.slice(i, i + PARALLEL).map(advance));
      await sleep(150);
    }
  }
  /** Cases the intake should have made by now at the configured rate. */
  const expectedCases = () => ((Date.now() - started) / 60_000) * opts.ratePerMinute;

  // --- Progress ---------------------------------------------------------------------------------

  const status = () => {
    const s = Math.floor((Date.now() - started) / 1000);
    const elapsed = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
    return `${opts.district}  ${elapsed}  created ${counts.created}  actions ${counts.actions}  conflicts ${counts.conflicts}  errors ${counts.errors}  open ${counts.open}`;
  };
  const every = opts.onProgress ? 500 : (opts.reportEveryMs ?? 10_000);
  const ticker = setInterval(
    () => (opts.onProgress ? opts.onProgress(status()) : log(status())),
    every,
  );
  ticker.unref();

  try {
    await Promise.all([intake(), handling()]);
  } finally {
    clearInterval(ticker);
  }
  await readOpen("newest");
  counts.elapsedMs = Date.now() - started;
  // The last status line, whatever the reporting interval: a short run reports too.
  if (!opts.onProgress) log(status());
  return counts;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(0, ms)));
}
