import "reflect-metadata";
import { parseArgs } from "node:util";
import { loadConfig, type Config } from "../config";
import { signingSecret, signToken } from "../auth/jwt";
import { Rng } from "../demo/grid-data";
import {
  assignmentNote,
  callbackText,
  categoryWeights,
  complaintText,
  findingText,
  hotlineFactor,
  LEAD_DEPARTMENT,
  noteText,
  personName,
  phoneNumber,
  resolutionText,
} from "../demo/case-history";

const USAGE = `Plays live 12345 traffic through the public GraphQL API of a running server: calls taken
by the operator, grid patrol reports, and the handling of open cases by the right role at each step
(provisional reply, grid lead, street office, command center, departments, callbacks, returns and
extensions). Tokens are signed with the server's secret (JWT_SECRET, or the one in DATA_DIR).

  npm run simulate
  npm run simulate -- --district xihu --rate 120 --duration 10m
  npm run simulate -- --url http://localhost:4321/graphql --rate 600 --flat --duration 30s

Options:
  --url        the server's GraphQL endpoint (default http://localhost:4000/graphql)
  --district   district code (default mingshan)
  --rate       new cases per minute (default 30), following the time of day unless --flat
  --flat       the same rate at every hour
  --duration   how long, e.g. 90s, 10m, 2h (default: until Ctrl-C)
  --cases      take this many cases in, handle them as far as they go, then stop
               (with --duration, whichever comes first)
  --help       this text`;

// ---------------------------------------------------------------------------------------------
// The simulation, usable from tests.

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

const OPEN_STATUSES = [
  "received",
  "grid_handling",
  "street_handling",
  "awaiting_dispatch",
  "dispatched",
  "return_requested",
  "escalated",
  "resolved",
];

/** What the simulator reads of an open case. */
interface OpenCase {
  id: string;
  status: string;
  version: number;
  channel: string;
  category: string;
  repliedAt: string | null;
  resolutionDueAt: string;
  grid: { code: string } | null;
  streetOffice: { code: string } | null;
  assignments: Array<{ role: string; status: string; dueAt: string; department: { code: string } }>;
  requests: Array<{ kind: string; status: string }>;
}

const SETUP = `query SimSetup {
  district {
    code
    grids(first: 200) { edges { node { id code name kind } } }
    departments(first: 200) { edges { node { id code } } }
  }
  caseLimits { categories { code active } }
}`;
const OPEN_CASES = `query SimOpenCases($status: [CaseStatus!], $first: Int, $orderBy: CaseOrder) {
  cases(status: $status, first: $first, orderBy: $orderBy) {
    totalCount
    edges { node {
      id status version channel category repliedAt resolutionDueAt
      grid { code } streetOffice { code }
      assignments { role status dueAt department { code } }
      requests { kind status }
    } }
  }
}`;
const CREATE = `mutation SimCreate($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const STEP_RESULT = `{ id version status }`;
const MUTATIONS: Record<string, string> = {
  reply: `mutation($input: CaseNoteInput!) { replyToCase(input: $input) ${STEP_RESULT} }`,
  take_lead: `mutation($input: CaseNoteInput!) { takeCaseLead(input: $input) ${STEP_RESULT} }`,
  refer_to_street: `mutation($input: CaseNoteInput!) { referCaseToStreet(input: $input) ${STEP_RESULT} }`,
  refer_to_command_center: `mutation($input: CaseNoteInput!) { referCaseToCommandCenter(input: $input) ${STEP_RESULT} }`,
  assign: `mutation($input: AssignCaseInput!) { assignCase(input: $input) ${STEP_RESULT} }`,
  report_progress: `mutation($input: ReportProgressInput!) { reportCaseProgress(input: $input) ${STEP_RESULT} }`,
  resolve: `mutation($input: CaseNoteInput!) { resolveCase(input: $input) ${STEP_RESULT} }`,
  request_return: `mutation($input: CaseNoteInput!) { requestCaseReturn(input: $input) ${STEP_RESULT} }`,
  rule_return: `mutation($input: RulingInput!) { ruleOnCaseReturn(input: $input) ${STEP_RESULT} }`,
  request_extension: `mutation($input: ExtensionRequestInput!) { requestCaseExtension(input: $input) ${STEP_RESULT} }`,
  rule_extension: `mutation($input: RulingInput!) { ruleOnCaseExtension(input: $input) ${STEP_RESULT} }`,
  callback: `mutation($input: CallbackInput!) { recordCallback(input: $input) ${STEP_RESULT} }`,
  escalate: `mutation($input: CaseNoteInput!) { escalateCase(input: $input) ${STEP_RESULT} }`,
};

interface GqlError {
  message: string;
  extensions?: { code?: string };
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

  // Tokens, signed once per role and reach.
  const tokens = new Map<string, Promise<string>>();
  const token = (
    role: string,
    extra: { department?: string; street?: string; grid?: string } = {},
  ) => {
    const key = `${role}|${extra.department ?? ""}|${extra.street ?? ""}|${extra.grid ?? ""}`;
    let t = tokens.get(key);
    if (!t) {
      t = signToken(
        opts.secret,
        {
          sub: `${opts.district}.${role}`,
          role,
          district: opts.district,
          department: extra.department,
          street: extra.street,
          grids: extra.grid ? [extra.grid] : undefined,
          expiresIn: "12h",
        },
        opts.config as Config | undefined,
      );
      tokens.set(key, t);
    }
    return t;
  };

  let reported = 0;
  const fail = (what: string, message: string) => {
    counts.errors += 1;
    // The first few in full, then now and then, so that a broken run says why without flooding.
    if (reported < 5 || counts.errors % 100 === 0) log(`error: ${what}: ${message}`);
    reported += 1;
  };

  async function gql<T>(
    query: string,
    variables: Record<string, unknown>,
    bearer: string,
  ): Promise<{ data?: T; errors?: GqlError[] }> {
    const res = await fetch(opts.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    try {
      return JSON.parse(text) as { data?: T; errors?: GqlError[] };
    } catch {
      return { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 200)}` }] };
    }
  }

  // What the district has: grids (for patrols and locations), departments, active categories.
  type Setup = {
    district: {
      grids: { edges: Array<{ node: { id: string; code: string; name: string; kind: string } }> };
      departments: { edges: Array<{ node: { id: string; code: string } }> };
    };
    caseLimits: { categories: Array<{ code: string; active: boolean }> };
  };
  const setup = await gql<Setup>(SETUP, {}, await token("district_admin"));
  if (setup.errors?.length || !setup.data)
    throw new Error(
      `cannot read district ${opts.district} from ${opts.url}: ${setup.errors?.[0]?.message ?? "no data"}`,
    );
  const grids = setup.data.district.grids.edges.map((e) => e.node);
  const departments = new Map(
    setup.data.district.departments.edges.map((e) => [e.node.code, e.node.id]),
  );
  const active = new Set(
    setup.data.caseLimits.categories.filter((c) => c.active).map((c) => c.code),
  );
  if (departments.size === 0) throw new Error(`district ${opts.district} has no departments`);
  if (active.size === 0) throw new Error(`district ${opts.district} has no active case category`);

  const pickCategory = (channel: "hotline" | "grid_patrol", rural: boolean): string => {
    const month = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(5, 7));
    const weights = Object.entries(categoryWeights(channel, rural, month)).filter(([c]) =>
      active.has(c),
    );
    return weights.length ? rng.weighted(weights) : rng.pick([...active]);
  };
  const placeOf = (g: { name: string } | undefined) =>
    g ? g.name.replace(/第\d+网格$/, "") : "小区";

  // --- Intake -----------------------------------------------------------------------------------

  async function createOne(): Promise<void> {
    const patrol = grids.length > 0 && rng.chance(0.25);
    const grid = grids.length ? rng.pick(grids) : undefined;
    const rural = grid?.kind === "rural";
    let input: Record<string, unknown>;
    let bearer: string;
    if (patrol && grid) {
      const category = pickCategory("grid_patrol", rural);
      input = {
        channel: "grid_patrol",
        categoryCode: category,
        description: findingText(rng, category, placeOf(grid)),
        gridId: grid.id,
      };
      bearer = await token("grid_worker", { grid: grid.code });
    } else {
      const category = pickCategory("hotline", rural);
      input = {
        channel: "hotline",
        categoryCode: category,
        description: complaintText(rng, category, placeOf(grid)),
        ...(grid ? { gridId: grid.id } : {}),
        complainantName: personName(rng),
        complainantPhone: phoneNumber(rng),
      };
      bearer = await token("operator");
    }
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

  /** The next step of a case: which mutation, with which token and input. */
  async function nextStep(
    c: OpenCase,
  ): Promise<{ action: string; bearer: string; input: Record<string, unknown> } | null> {
    const base = { id: c.id, expectedVersion: c.version };
    const command = () => token("command_center");
    const lead = c.assignments.find((a) => a.role === "lead" && a.status === "assigned");
    const coPending = c.assignments.find((a) => a.role === "co" && a.status === "assigned");
    const pendingExtension = c.requests.some(
      (r) => r.kind === "extension" && r.status === "pending",
    );
    const gridStaff = () => token("grid_worker", { grid: c.grid!.code });
    const street = () => token("street_officer", { street: c.streetOffice!.code });
    const dept = (code: string) => token("department", { department: code });

    if (!c.repliedAt && c.status !== "resolved")
      return {
        action: "reply",
        bearer: await token("operator"),
        input: { ...base, note: noteText(rng, "reply") },
      };
    const r = rng.next();
    switch (c.status) {
      case "received":
        if (r < 0.4 && c.grid)
          return {
            action: "take_lead",
            bearer: await gridStaff(),
            input: { ...base, note: noteText(rng, "takeLead") },
          };
        if (r < 0.6 && c.streetOffice)
          return {
            action: "refer_to_street",
            bearer: await command(),
            input: { ...base, note: noteText(rng, "toStreet") },
          };
        if (r < 0.98) return assign(c, base);
        return {
          action: "escalate",
          bearer: await command(),
          input: { ...base, note: noteText(rng, "escalate") },
        };
      case "grid_handling":
        if (!c.grid) return assign(c, base);
        return r < 0.8
          ? {
              action: "resolve",
              bearer: await gridStaff(),
              input: { ...base, note: resolutionText(rng, c.category) },
            }
          : {
              action: "refer_to_street",
              bearer: await gridStaff(),
              input: { ...base, note: noteText(rng, "gridToStreet") },
            };
      case "street_handling":
        if (!c.streetOffice) return assign(c, base);
        return r < 0.7
          ? {
              action: "resolve",
              bearer: await street(),
              input: { ...base, note: resolutionText(rng, c.category) },
            }
          : {
              action: "refer_to_command_center",
              bearer: await street(),
              input: { ...base, note: noteText(rng, "toCommandCenter") },
            };
      case "awaiting_dispatch":
        return assign(c, base);
      case "dispatched": {
        if (pendingExtension) {
          const granted = rng.chance(0.8);
          return {
            action: "rule_extension",
            bearer: await command(),
            input: {
              ...base,
              granted,
              note: noteText(rng, granted ? "extensionGranted" : "extensionRefused"),
            },
          };
        }
        if (coPending)
          return {
            action: "report_progress",
            bearer: await dept(coPending.department.code),
            input: { ...base, note: noteText(rng, "coReport"), final: true },
          };
        if (!lead) return null;
        const leadToken = await dept(lead.department.code);
        const due = new Date(lead.dueAt).getTime();
        if (r < 0.05)
          return {
            action: "request_return",
            bearer: leadToken,
            input: { ...base, note: noteText(rng, "requestReturn") },
          };
        if (r < 0.09 && due > Date.now() + 60_000)
          return {
            action: "request_extension",
            bearer: leadToken,
            input: {
              ...base,
              note: noteText(rng, "requestExtension"),
              requestedDueAt: new Date(due + 2 * 86_400_000).toISOString(),
            },
          };
        if (r < 0.15)
          return {
            action: "report_progress",
            bearer: leadToken,
            input: { ...base, note: noteText(rng, "progress") },
          };
        return {
          action: "resolve",
          bearer: leadToken,
          input: { ...base, note: resolutionText(rng, c.category) },
        };
      }
      case "return_requested": {
        const granted = rng.chance(0.5);
        return {
          action: "rule_return",
          bearer: await command(),
          input: {
            ...base,
            granted,
            note: noteText(rng, granted ? "returnGranted" : "returnRefused"),
          },
        };
      }
      case "escalated":
        return {
          action: "resolve",
          bearer: await command(),
          input: { ...base, note: noteText(rng, "cityAnswered") },
        };
      case "resolved": {
        const reached = rng.chance(0.92);
        const satisfaction = reached
          ? rng.weighted([
              ["satisfied", 85],
              ["basically_satisfied", 10],
              ["unsatisfied", 5],
            ] as const)
          : null;
        const redo = satisfaction === "unsatisfied" && rng.chance(1 / 3);
        return {
          action: "callback",
          bearer: await token(
            c.channel === "hotline" || c.channel === "resident" ? "operator" : "command_center",
          ),
          input: {
            ...base,
            reached,
            ...(satisfaction ? { satisfaction } : {}),
            ...(redo ? { handlerAtFault: true } : {}),
            note: callbackText(rng, satisfaction ?? "unreached"),
          },
        };
      }
      default:
        return null;
    }
  }

  async function assign(c: OpenCase, base: { id: string; expectedVersion: number }) {
    const codes = [...departments.keys()];
    const usual = LEAD_DEPARTMENT[c.category];
    const lead = usual && departments.has(usual) ? usual : rng.pick(codes);
    const others = codes.filter((d) => d !== lead);
    const co = others.length && rng.chance(0.25) ? [rng.pick(others)] : [];
    return {
      action: "assign",
      bearer: await token("command_center"),
      input: {
        ...base,
        note: assignmentNote([
          { code: lead, role: "lead" },
          ...co.map((code) => ({ code, role: "co" as const })),
        ]),
        assignments: [
          { departmentId: departments.get(lead)!, role: "lead" },
          ...co.map((d) => ({ departmentId: departments.get(d)!, role: "co" })),
        ],
      },
    };
  }

  async function advance(c: OpenCase): Promise<void> {
    let step;
    try {
      step = await nextStep(c);
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

// ---------------------------------------------------------------------------------------------
// The command line.

/** "90s", "10m", "2h", "1d" or plain seconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!m) throw new Error(`--duration must look like 90s, 10m or 2h, not ${JSON.stringify(text)}`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] ?? "s"]!;
  return Number(m[1]) * unit;
}

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: "string", default: "http://localhost:4000/graphql" },
      district: { type: "string", default: "mingshan" },
      rate: { type: "string", default: "30" },
      duration: { type: "string" },
      cases: { type: "string" },
      flat: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const fail = (m: string) => {
    console.error(`simulate: ${m}\n\n${USAGE}`);
    process.exit(2);
  };
  const rate = Number(values.rate);
  if (!Number.isFinite(rate) || rate <= 0) return fail("--rate must be a positive number");
  let durationMs = Infinity;
  if (values.duration) {
    try {
      durationMs = parseDuration(values.duration);
    } catch (err) {
      return fail((err as Error).message);
    }
  }
  let cases: number | undefined;
  if (values.cases !== undefined) {
    cases = Number(values.cases);
    if (!Number.isInteger(cases) || cases <= 0)
      return fail("--cases must be a positive whole number");
  }
  const config = loadConfig();
  const controller = new AbortController();
  let interrupted = false;
  process.on("SIGINT", () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    controller.abort();
  });
  const tty = Boolean(process.stdout.isTTY);
  let inPlace = false;
  const log = (line: string) => {
    if (inPlace) process.stdout.write("\n");
    inPlace = false;
    console.log(line);
  };
  console.log(
    `simulating ${values.district} against ${values.url}: ${rate} cases/min${values.flat ? " (flat)" : " following the time of day"}, ${
      cases !== undefined
        ? `${cases} cases${durationMs === Infinity ? "" : ` within ${values.duration}`}`
        : durationMs === Infinity
          ? "until Ctrl-C"
          : `for ${values.duration}`
    }`,
  );
  const counts = await runSimulation({
    url: values.url!,
    district: values.district!,
    secret: signingSecret(config),
    ratePerMinute: rate,
    durationMs,
    cases,
    flat: values.flat,
    log,
    onProgress: tty
      ? (line) => {
          process.stdout.write(`\r\x1b[2K${line}`);
          inPlace = true;
        }
      : undefined,
    signal: controller.signal,
    config,
  });
  if (inPlace) process.stdout.write("\n");
  const steps = Object.entries(counts.byAction)
    .sort((a, b) => b[1] - a[1])
    .map(([a, n]) => `${a} ${n}`)
    .join(", ");
  console.log(
    `done in ${(counts.elapsedMs / 1000).toFixed(1)} s: ${counts.created} cases created, ${counts.actions} actions (${steps || "none"}), ${counts.conflicts} conflicts, ${counts.errors} errors, ${counts.open} open cases`,
  );
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`simulate: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
