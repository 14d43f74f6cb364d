#!/usr/bin/env node
/**
 * Builds dist/ only when something it is built from changed since the last build, so that
 * `npm start` and the CLIs answer at once when nothing did (`npm run build` always builds).
 *
 * Two builds, each with its own stamp file whose time is the instant that build began: the
 * server (TypeScript into dist/src; a source, folder (an added or removed file), tsconfig or lock
 * file newer than its stamp means it may be stale, and TypeScript's incremental build
 * (dist/.tsbuildinfo) then rebuilds what changed), and the web pages (Vite, web/ into dist/web;
 * README.md is among its inputs because the IDE's examples are read from it).
 */
import { spawnSync } from "node:child_process";
import process from "node:process";
import { closeSync, mkdirSync, openSync, statSync, utimesSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const BUILDS = [
  {
    stamp: path.join(root, "dist", ".build-stamp"),
    inputs: ["src", "migrations", "tsconfig.json", "tsconfig.build.json", "package-lock.json"],
    command: () => [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    env: {},
  },
  {
    // Beside dist/web, not in it: Vite empties its output folder.
    stamp: path.join(root, "dist", ".web-build-stamp"),
    inputs: ["web", "README.md", "tsconfig.json", "package-lock.json"],
    command: () => [
      path.join(path.dirname(require.resolve("vite/package.json")), "bin", "vite.js"),
      "build",
      "--config",
      "web/vite.config.ts",
      "--logLevel",
      "warn",
    ],
    // The config is TypeScript in a CommonJS package: Vite bundles it (its default loader), and
    // would otherwise warn that its future native loader will not.
    env: { VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" },
  },
];
const require = createRequire(import.meta.url);

/** The latest modification time under a path (files and folders), 0 when it does not exist. */
function newest(p) {
  const st = statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let latest = st.mtimeMs;
  for (const entry of readdirSync(p)) latest = Math.max(latest, newest(path.join(p, entry)));
  return latest;
}

for (const { stamp, inputs, command, env } of BUILDS) {
  const built = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const changed = Math.max(...inputs.map((i) => newest(path.join(root, i))));
  if (built > changed && !process.argv.includes("--force")) continue;

  const began = new Date();
  const run = spawnSync(process.execPath, command(), {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
  mkdirSync(path.dirname(stamp), { recursive: true });
  closeSync(openSync(stamp, "a"));
  utimesSync(stamp, began, began);
}
