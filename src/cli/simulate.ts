import "reflect-metadata";
import { parseArgs } from "node:util";
import { loadConfig } from "../config";
import { signingSecret } from "../auth/jwt";
import { runSimulation } from "./simulate/run";

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
