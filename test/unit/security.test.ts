import { getOperationAST, parse } from "graphql";
import { ConfigError, loadConfig } from "../../src/config";
import { DEFAULT_LIMITS, limitsFor } from "../../src/security/limits";
import {
  MemoryRateLimiter,
  RedisRateLimiter,
  type RateLimiter,
} from "../../src/security/rate-limit";
import { assertCleanText } from "../../src/security/text-input";
import { WorkGate, type Release } from "../../src/security/work-gate";

describe("work gate", () => {
  const options = {
    heavyCost: 100,
    heavySlots: 2,
    heavyQueue: 2,
    queueWaitMs: 60_000,
    perPrincipal: 5,
    perPrincipalHeavy: 3,
  };

  it("runs cheap work at once, heavy work in its slots, then in order from the queue", async () => {
    const gate = new WorkGate(options);
    const a = await gate.admit("a", 500);
    const b = await gate.admit("b", 500);
    const order: string[] = [];
    const c = gate.admit("c", 500).then((r) => (order.push("c"), r));
    const d = gate.admit("d", 500).then((r) => (order.push("d"), r));
    expect(gate.state).toEqual({ heavyRunning: 2, heavyWaiting: 2 });
    // Cheap work is not held behind the heavy.
    const cheap = await gate.admit("e", 1);
    cheap();
    // The queue is full: the next heavy one is refused at once.
    await expect(gate.admit("f", 500)).rejects.toMatchObject({
      extensions: { code: "SERVER_BUSY" },
    });
    a();
    const rc = await c;
    expect(order).toEqual(["c"]);
    b();
    const rd = await d;
    expect(order).toEqual(["c", "d"]);
    rc();
    rd();
    rd(); // a second release changes nothing
    expect(gate.state).toEqual({ heavyRunning: 0, heavyWaiting: 0 });
  });

  it("bounds one account's work in flight, heavy and all", async () => {
    const gate = new WorkGate({ ...options, heavySlots: 10 });
    const held: Release[] = [];
    for (let i = 0; i < 3; i++) held.push(await gate.admit("a", 500));
    await expect(gate.admit("a", 500)).rejects.toMatchObject({
      extensions: { code: "RATE_LIMITED", scope: "in-flight", limit: 3 },
    });
    held.push(await gate.admit("a", 1), await gate.admit("a", 1));
    await expect(gate.admit("a", 1)).rejects.toMatchObject({
      extensions: { code: "RATE_LIMITED", limit: 5 },
    });
    // Another account is not affected.
    (await gate.admit("b", 500))();
    held.forEach((r) => r());
    (await gate.admit("a", 500))();
  });

  it("refuses what waited past its bound, and what waits at shutdown", async () => {
    const gate = new WorkGate({ ...options, heavySlots: 1, queueWaitMs: 1 });
    const a = await gate.admit("a", 500);
    await expect(gate.admit("b", 500)).rejects.toMatchObject({
      extensions: { code: "SERVER_BUSY" },
    });
    const closing = new WorkGate({ ...options, heavySlots: 1 });
    await closing.admit("a", 500);
    const waiting = closing.admit("b", 500);
    closing.close();
    await expect(waiting).rejects.toMatchObject({ extensions: { code: "SERVER_BUSY" } });
    a();
  });
});

function bucketContract(name: string, make: () => RateLimiter) {
  describe(name, () => {
    let limiter: RateLimiter;
    beforeAll(() => {
      limiter = make();
    });
    afterAll(() => limiter.close());
    const spec = { burst: 10, perSecond: 2 };
    const key = () => `test-${name}-${Math.random().toString(36).slice(2)}`;

    it("takes cost from a full bucket, refuses past it with the wait, refills with time", async () => {
      const k = key();
      const t0 = 1_000_000;
      expect(await limiter.take([{ key: k, spec }], 6, t0)).toEqual({ ok: true });
      const refused = await limiter.take([{ key: k, spec }], 6, t0);
      expect(refused).toEqual({ ok: false, key: k, retryAfterMs: 1000 });
      expect(await limiter.take([{ key: k, spec }], 6, t0 + 1000)).toEqual({ ok: true });
      // An operation dearer than the whole bucket costs the whole bucket, not forever.
      expect(await limiter.take([{ key: k, spec }], 1000, t0 + 10_000)).toEqual({ ok: true });
    });

    it("takes from every bucket or from none", async () => {
      const a = key();
      const b = key();
      const t0 = 2_000_000;
      expect(await limiter.take([{ key: b, spec }], 8, t0)).toEqual({ ok: true });
      const refused = await limiter.take(
        [
          { key: a, spec },
          { key: b, spec },
        ],
        5,
        t0,
      );
      expect(refused).toMatchObject({ ok: false, key: b });
      // Nothing was taken from a.
      expect(await limiter.take([{ key: a, spec }], 10, t0)).toEqual({ ok: true });
    });
  });
}

bucketContract("memory buckets", () => new MemoryRateLimiter());

describe("memory buckets, swept", () => {
  it("forgets a full bucket by its own spec, not by the spec of the request that sweeps", async () => {
    const limiter = new MemoryRateLimiter(1); // sweeps as soon as it holds more than one bucket
    const account = { burst: 10, perSecond: 1 };
    const district = { burst: 100, perSecond: 1 };
    const t0 = 3_000_000;
    const both = [
      { key: "sub:a", spec: account },
      { key: "district:x", spec: district },
    ];
    expect(await limiter.take(both, 50, t0)).toEqual({ ok: true }); // sub:a 0, district:x 50
    // Ten seconds on, other accounts' requests sweep: sub:a is full again, district:x is at 60.
    for (const k of ["sub:b", "sub:c", "sub:d"])
      expect(await limiter.take([{ key: k, spec: account }], 1, t0 + 10_000)).toEqual({ ok: true });
    expect(await limiter.take([{ key: "district:x", spec: district }], 70, t0 + 10_000)).toEqual({
      ok: false,
      key: "district:x",
      retryAfterMs: 10_000,
    });
    await limiter.close();
  });
});

describe("text inputs", () => {
  it("refuses a control character in a key of a free-form object, naming the object", () => {
    const document = parse(
      `mutation ($b: JSONObject) { updateGrid(input: { id: "g", boundary: $b }) { id } }`,
    );
    const boundary = { type: "Polygon", coordinates: [], "a\u0000b": 1 };
    let caught: unknown;
    try {
      assertCleanText(document, getOperationAST(document)!, { b: boundary });
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "input.boundary" },
    });
    expect(() =>
      assertCleanText(document, getOperationAST(document)!, {
        b: { type: "Polygon", coordinates: [], "line\nbreak": 1 },
      }),
    ).not.toThrow();
  });
});

const redisUrl = process.env.REDIS_URL;
(redisUrl ? describe : describe.skip)("Redis buckets (REDIS_URL)", () => {
  const make = () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Redis } = require("ioredis") as typeof import("ioredis");
    return new RedisRateLimiter(new Redis(redisUrl!), `civic_grid_test_${process.pid}`, (e) => {
      throw e;
    });
  };
  bucketContract("redis", make);

  it("is shared by every process: two limiters, one bucket", async () => {
    const one = make();
    const two = make();
    const spec = { burst: 10, perSecond: 1 };
    const k = `shared-${Math.random()}`;
    expect(await one.take([{ key: k, spec }], 7, 5_000_000)).toEqual({ ok: true });
    expect(await two.take([{ key: k, spec }], 7, 5_000_000)).toMatchObject({ ok: false });
    await one.close();
    await two.close();
  });
});

describe("security configuration", () => {
  const base = { JWT_SECRET: "x".repeat(32) };
  it("reads per-role limits, keeping the defaults for the rest", () => {
    const c = loadConfig({
      ...base,
      QUERY_LIMITS: '{"default":{"depth":8},"inspector":{"cost":900}}',
    });
    expect(limitsFor(c.security.limits, "inspector")).toEqual({
      ...DEFAULT_LIMITS,
      depth: 8,
      cost: 900,
    });
    expect(limitsFor(c.security.limits, "district_admin").depth).toBe(8);
    // Residents and callers without a token keep their smaller budget.
    expect(limitsFor(c.security.limits, null).cost).toBe(10_000);
    expect(limitsFor(c.security.limits, "resident").depth).toBe(8);
  });

  it.each([
    ["QUERY_LIMITS", "{depth: 3}", /must be JSON/],
    ["QUERY_LIMITS", '{"wizard":{"cost":1}}', /unknown role "wizard"/],
    ["QUERY_LIMITS", '{"resident":{"size":1}}', /resident.size is not a limit/],
    ["QUERY_LIMITS", '{"resident":{"cost":0}}', /whole number/],
    ["RATE_LIMIT_SUBJECT", "lots", /burst\/perSecond/],
    ["CORS_ORIGINS", "https://a.example/path", /CORS_ORIGINS must list origins/],
    ["HEAVY_SLOTS", "0", /HEAVY_SLOTS must be an integer/],
  ])("refuses %s=%s with a message naming it", (name, value, message) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(message);
  });

  it("has CORS for localhost in development and for nobody in production by default", () => {
    expect(loadConfig(base).security.corsOrigins).toBe("localhost");
    const prod = loadConfig({ ...base, NODE_ENV: "production", DATABASE_URL: "postgres://x/y" });
    expect(prod.security.corsOrigins).toEqual([]);
    expect(loadConfig({ ...base, RATE_LIMIT_DISTRICT: "off" }).security.rate.district).toBeNull();
  });
});
