#!/usr/bin/env node
/**
 * Builds dist/ only when something it is built from changed since the last build, so that
 * `npm start` and the CLIs answer at once when nothing did (`npm run build` always builds).
 *
 * The last build is a stamp file whose time is the instant that build began: a source, folder
 * (an added or removed file), tsconfig or lock file newer than it means dist/ may be stale, and
 * TypeScript's incremental build (dist/.tsbuildinfo) then rebuilds what changed.
 */
import { spawnSync } from "node:child_process";
import process from "node:process";
import { closeSync, mkdirSync, openSync, statSync, utimesSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const stamp = path.join(root, "dist", ".build-stamp");
const INPUTS = ["src", "migrations", "tsconfig.json", "tsconfig.build.json", "package-lock.json"];

/** The latest modification time under a path (files and folders), 0 when it does not exist. */
function newest(p) {
  const st = statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let latest = st.mtimeMs;
  for (const entry of readdirSync(p)) latest = Math.max(latest, newest(path.join(p, entry)));
  return latest;
}

const built = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const changed = Math.max(...INPUTS.map((i) => newest(path.join(root, i))));
if (built > changed && !process.argv.includes("--force")) process.exit(0);

const began = new Date();
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const run = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
  cwd: root,
  stdio: "inherit",
});
if (run.status !== 0) process.exit(run.status ?? 1);
mkdirSync(path.dirname(stamp), { recursive: true });
closeSync(openSync(stamp, "a"));
utimesSync(stamp, began, began);
