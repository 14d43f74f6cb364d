import { spawnSync } from "node:child_process";
import path from "node:path";

/**
 * The benchmarks' command lines (the build, which `npm test` makes first): a wrong option is said
 * in one line with where to look, and exit code 2, not thrown with its stack; nothing is started.
 */
const dist = path.join(__dirname, "..", "..", "dist", "src", "bench");

const run = (file: string, args: string[]) =>
  spawnSync(process.execPath, [path.join(dist, file), ...args], {
    encoding: "utf8",
    // Without DATABASE_URL (bench:floor refuses it before anything else).
    env: { ...process.env, DATABASE_URL: "" },
  });

it.each([
  ["run.js", ["--nope"], "bench: Unknown option '--nope' (see --help)"],
  ["floor.js", ["--nope"], "bench:floor: Unknown option '--nope' (see --help)"],
  ["floor.js", ["--rounds", "0"], "bench:floor: --rounds 0: a number of rounds from 1 to 100"],
  ["floor.js", ["--pause", "x"], "bench:floor: --pause x: seconds from 0 to 600"],
])("%s %j: a clear error, exit code 2", (file, args, message) => {
  const r = run(file, args);
  expect(r.status).toBe(2);
  expect(r.stderr.trim()).toBe(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

it("bench:floor --help says what it measures", () => {
  const r = run("floor.js", ["--help"]);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^Usage: npm run bench:floor/);
  expect(r.stdout).toContain("--rounds");
  expect(r.stdout).toContain("--pause");
});
