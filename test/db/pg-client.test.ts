import { spawn } from "node:child_process";
import path from "node:path";
import { Client, type Pool, Query, type QueryResult } from "pg";
import { createDataSource } from "../../src/db/data-source";
import { PromptClient } from "../../src/db/pg-client";
import { PROMOTIONS_JS } from "../helpers/promotions";

/**
 * The pool's client (db/pg-client.ts): every form of `query` answers as `pg`'s own does, and the
 * promise form leaves the rows it read to die young. The garbage is counted, not timed.
 */

const URL = process.env.TEST_OWNER_DATABASE_URL!;
const ROOT = path.resolve(__dirname, "../..");

let c: PromptClient;
beforeAll(async () => {
  c = new PromptClient({ connectionString: URL });
  await c.connect();
});
afterAll(() => c.end());

describe("PromptClient answers every form of query as pg does", () => {
  it("a promise, with or without values, and a config object", async () => {
    expect((await c.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    expect((await c.query("SELECT $1::int + 1 AS n", [41])).rows).toEqual([{ n: 42 }]);
    const arrays = await c.query({ text: "SELECT 1 AS a, 2 AS b", rowMode: "array" });
    expect(arrays.rows).toEqual([[1, 2]]);
    expect(arrays.fields.map((f) => f.name)).toEqual(["a", "b"]);
  });

  it("a callback, as the second or third argument", async () => {
    const second = await new Promise((resolve, reject) =>
      c.query("SELECT 2 AS two", (err: Error, res: QueryResult) =>
        err ? reject(err) : resolve(res.rows),
      ),
    );
    expect(second).toEqual([{ two: 2 }]);
    const third = await new Promise((resolve, reject) =>
      c.query("SELECT $1::text AS t", ["x"], (err: Error, res: QueryResult) =>
        err ? reject(err) : resolve(res.rows),
      ),
    );
    expect(third).toEqual([{ t: "x" }]);
  });

  it("a Query object, which is its own answer", async () => {
    const q = new Query("SELECT 3 AS three");
    const rows: unknown[] = [];
    q.on("row", (r) => rows.push(r));
    const returned = c.query(q) as unknown;
    expect(returned).toBe(q);
    await new Promise((resolve) => q.on("end", resolve));
    expect(rows).toEqual([{ three: 3 }]);
  });

  it("a failed statement rejects with PostgreSQL's error, its stack leading back to the caller", async () => {
    async function readMissing() {
      return await c.query("SELECT * FROM no_such_table");
    }
    const err = (await readMissing().catch((e: unknown) => e)) as Error & { code?: string };
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toBe("42P01");
    expect(err.stack).toContain("readMissing");
    // The connection goes on.
    expect((await c.query("SELECT 4 AS four")).rows).toEqual([{ four: 4 }]);
  });

  it("is the client of the data source's pool", async () => {
    const ds = createDataSource({ url: URL, entities: [], poolSize: 1 });
    await ds.initialize();
    try {
      const pool = (ds.driver as unknown as { master: Pool }).master;
      const client = await pool.connect();
      try {
        expect(client).toBeInstanceOf(PromptClient);
      } finally {
        client.release();
      }
      expect(await ds.query("SELECT 5 AS five")).toEqual([{ five: 5 }]);
    } finally {
      await ds.destroy();
    }
  });
});

/** A child process (the built module; `npm test` builds it first) reads 700 rows 600 times. */
const CHILD = `${PROMOTIONS_JS}
const { Client } = require("pg");
const { PromptClient } = require("./dist/src/db/pg-client.js");
(async () => {
  const C = process.argv[1] === "prompt" ? PromptClient : Client;
  const c = new C({ connectionString: process.argv[2] });
  await c.connect();
  const sql = "SELECT i, 'name ' || i AS name, md5(i::text) AS code, i * 2 AS a FROM generate_series(1, 700) i";
  for (let i = 0; i < 20; i++) await c.query(sql);
  const stop = startPromotions();
  for (let i = 0; i < 600; i++) await c.query(sql);
  console.log(JSON.stringify(stop()));
  await c.end();
})();
`;

async function promoted(kind: "pg" | "prompt"): Promise<{ promoted: number; scavenges: number }> {
  const child = spawn(process.execPath, ["--expose-gc", "-e", CHILD, kind, URL], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (b: Buffer) => (out += b.toString()));
  const code = await new Promise((resolve) => child.on("close", resolve));
  expect(code).toBe(0);
  return JSON.parse(out.trim().split("\n").pop()!) as { promoted: number; scavenges: number };
}

it("leaves the rows a promise read to die young, where pg's own promise form kept them", async () => {
  const own = await promoted("pg");
  const prompt = await promoted("prompt");
  // Measured: pg's promise form promoted ~59 MB of the ~200 MB read; this client ~25 KB.
  expect(prompt.scavenges).toBeGreaterThan(5);
  expect(prompt.promoted).toBeLessThan(4_000_000);
  expect(own.promoted).toBeGreaterThan(5 * prompt.promoted + 10_000_000);
}, 120_000);

it("keeps pg's own client as it was (the class is the pool's choice, not a patch of pg)", () => {
  expect(PromptClient.prototype).toBeInstanceOf(Client);
  expect(Object.prototype.hasOwnProperty.call(Client.prototype, "query")).toBe(true);
  expect(Client.prototype.query).not.toBe(PromptClient.prototype.query);
});
