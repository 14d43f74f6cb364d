import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import http from "node:http";
import express from "express";
import { expressHttpClasses } from "../../src/common/http-objects";
import { PROMOTIONS_JS } from "../helpers/promotions";

/**
 * Requests made with the Express app's prototypes (common/http-objects.ts): Express's own
 * `Object.setPrototypeOf` then changes nothing, and a request's objects die young. The garbage is
 * counted, not timed: a child process (the built module; `npm test` builds it first) serves 4,000
 * requests from this one, and v8.GCProfiler sums what its young-generation collections moved into
 * the old generation.
 */

const ROOT = path.resolve(__dirname, "../..");

const CHILD = `${PROMOTIONS_JS}
const http = require("node:http");
const express = require("express");
const { expressHttpClasses } = require("./dist/src/common/http-objects.js");
const withClasses = process.argv[1] === "with";
const app = express();
let stop = null;
app.post("/x", (req, res) => {
  res.json({ n: req.headers["content-length"] });
});
app.post("/start", (_req, res) => {
  stop = startPromotions();
  res.json({});
});
app.post("/stop", (_req, res) => {
  res.json(stop());
  setImmediate(() => process.exit(0));
});
const server = http.createServer(withClasses ? expressHttpClasses(app) : {}, app);
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
`;

/** What the young-generation collections of a child's server promoted while it served 4,000 requests. */
async function promotedBytes(mode: "with" | "without") {
  const child = spawn(
    process.execPath,
    ["--expose-gc", "--max-semi-space-size=16", "-e", CHILD, mode],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  try {
    const [line] = (await once(child.stdout!, "data")) as [Buffer];
    const url = `http://127.0.0.1:${Number(line.toString().trim())}`;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = (p: string) =>
      new Promise<string>((resolve, reject) => {
        const r = http.request(`${url}${p}`, { method: "POST", agent }, (res) => {
          let text = "";
          res.on("data", (c: Buffer) => (text += c.toString()));
          res.on("end", () => resolve(text));
        });
        r.on("error", reject);
        r.end();
      });
    for (let i = 0; i < 10; i++) await post("/x");
    await post("/start");
    for (let i = 0; i < 4000; i++) await post("/x");
    const stats = JSON.parse(await post("/stop")) as { promoted: number; scavenges: number };
    agent.destroy();
    return stats;
  } finally {
    child.kill();
  }
}

describe("HTTP objects made with the Express app's prototypes", () => {
  it("are the app's request and response, and Express's methods work on them", async () => {
    const app = express();
    let protos: [unknown, unknown] | null = null;
    app.get("/p", (req, res) => {
      protos = [Object.getPrototypeOf(req), Object.getPrototypeOf(res)];
      res.status(201).json({ host: req.get("host") !== undefined });
    });
    const server = http.createServer(expressHttpClasses(app), app);
    // Seen before Express takes the request in: made with the prototypes, not given them.
    let made: unknown = null;
    server.prependListener("request", (req: http.IncomingMessage) => {
      made = Object.getPrototypeOf(req);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${port}/p`);
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual({ host: true });
      expect(made).toBe(app.request);
      expect(protos).toEqual([app.request, app.response]);
      expect(made).toBeInstanceOf(http.IncomingMessage);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it("leave a request's objects to die young, where Express's prototype change kept them", async () => {
    const without = await promotedBytes("without");
    const withClasses = await promotedBytes("with");
    // Measured: about 25 MB promoted without the classes (~6 KB a request), about 6.5 MB with
    // them.
    expect(withClasses.scavenges).toBeGreaterThan(5);
    expect(withClasses.promoted).toBeLessThan(12_000_000);
    // The control: made by Node and given the prototypes by Express, they were kept and promoted.
    expect(without.promoted).toBeGreaterThan(2 * withClasses.promoted);
  });
});
