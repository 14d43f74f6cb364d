import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import http from "node:http";
import express from "express";
import { expressHttpClasses, madeWith } from "../../src/common/http-objects";
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

/** Two requests served by an app's server: do their objects share V8's shapes? */
const SHAPES = `
const http = require("node:http");
const express = require("express");
const { expressHttpClasses } = require("./dist/src/common/http-objects.js");
const app = express();
const seen = [];
app.get("/s", (req, res) => {
  seen.push([req, res]);
  res.json({});
});
const server = http.createServer(expressHttpClasses(app), app);
server.listen(0, "127.0.0.1", async () => {
  const url = "http://127.0.0.1:" + server.address().port + "/s";
  for (let i = 0; i < 3; i++) await (await fetch(url)).text();
  const [[q1, r1], , [q2, r2]] = seen;
  const a = new http.IncomingMessage(null), b = new http.IncomingMessage(null);
  console.log(JSON.stringify({
    requests: %HaveSameMap(q1, q2),
    responses: %HaveSameMap(r1, r2),
    fast: [q1, r1, q2, r2].every((o) => %HasFastProperties(o)),
    requestProto: Object.getPrototypeOf(q1) === app.request,
    responseProto: Object.getPrototypeOf(r1) === app.response,
    plain: %HaveSameMap(a, b),
  }));
  server.closeAllConnections();
  server.close();
});
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

  it("give all requests one shape, and all responses one, as Node's own classes do", async () => {
    // V8's shapes (maps) are compared in a child with --allow-natives-syntax. Made with
    // Reflect.construct and the app's prototypes (kept as dictionaries), every object had a shape
    // of its own, and each cost about 60 times as much to make as Node's own. Made by a function
    // with no room for their properties, responses were dictionaries, whose shapes two responses
    // shared only while V8's cache of them lasted: a garbage collection between the requests,
    // under load, gave them two (common/http-objects.ts, `sized`).
    const child = spawn(process.execPath, ["--allow-natives-syntax", "-e", SHAPES], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
    const [code] = (await once(child, "exit")) as [number];
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      requests: true,
      responses: true,
      fast: true,
      requestProto: true,
      responseProto: true,
      plain: true,
    });
  });

  it("are made by an ES class's constructor too, should Node's become classes", () => {
    class Base {
      made: string;
      constructor(what: string) {
        this.made = what;
      }
    }
    const proto = Object.create(Base.prototype) as object;
    const Made = madeWith(Base, proto);
    const a = new Made("a");
    expect(Object.getPrototypeOf(a)).toBe(proto);
    expect(a.made).toBe("a");
    expect(a).toBeInstanceOf(Base);
    function Old(this: { made: string }, what: string) {
      this.made = what;
    }
    const OldMade = madeWith(Old as unknown as typeof Base, proto);
    const b = new OldMade("b");
    expect(Object.getPrototypeOf(b)).toBe(proto);
    expect(b.made).toBe("b");
  });

  it("leave a request's objects to die young, where Express's prototype change kept them", async () => {
    const without = await promotedBytes("without");
    const withClasses = await promotedBytes("with");
    // Measured: about 25 MB promoted without the classes (~6 KB a request), about 73 KB with
    // them (6.5 MB while each object still had a shape of its own).
    expect(withClasses.scavenges).toBeGreaterThan(5);
    expect(withClasses.promoted).toBeLessThan(2_000_000);
    // The control: made by Node and given the prototypes by Express, they were kept and promoted.
    expect(without.promoted).toBeGreaterThan(2 * withClasses.promoted);
  });
});
