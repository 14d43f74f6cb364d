import { loadSecurityConfig } from "../../src/security/config";
import { DEFAULT_WORK_GATE, WorkGate } from "../../src/security/work-gate";

/** The work gate's budget of cost running at once (beside its slots); see work-gate.ts. */
describe("work gate: cost in flight", () => {
  const options = {
    heavyCost: 100,
    heavySlots: 4,
    heavyCostInFlight: 1000,
    heavyQueue: 10,
    queueWaitMs: 60_000,
    perPrincipal: 10,
    perPrincipalHeavy: 10,
  };

  it("runs heavy work together only while its cost fits, then starts what fits in order", async () => {
    const gate = new WorkGate(options);
    const big = await gate.admit("a", 800);
    const started: string[] = [];
    const small1 = gate.admit("b", 300).then((r) => (started.push("b"), r));
    const small2 = gate.admit("c", 300).then((r) => (started.push("c"), r));
    expect(gate.state).toEqual({ heavyRunning: 1, heavyWaiting: 2 });
    // Cheap work does not count against the budget.
    (await gate.admit("d", 50))();
    big();
    const [r1, r2] = await Promise.all([small1, small2]);
    expect(started).toEqual(["b", "c"]);
    expect(gate.state).toEqual({ heavyRunning: 2, heavyWaiting: 0 });
    // 300 + 300 running: a third of 300 fits, one of 500 does not.
    const r3 = await gate.admit("e", 300);
    const waiting = gate.admit("f", 500);
    expect(gate.state).toEqual({ heavyRunning: 3, heavyWaiting: 1 });
    r1();
    r2();
    r3();
    (await waiting)();
    expect(gate.state).toEqual({ heavyRunning: 0, heavyWaiting: 0 });
  });

  it("runs an operation dearer than the budget alone, and lets nothing overtake the queue", async () => {
    const gate = new WorkGate(options);
    const huge = await gate.admit("a", 5000);
    const order: string[] = [];
    const big = gate.admit("b", 900).then((r) => (order.push("b"), r));
    const small = gate.admit("c", 150).then((r) => (order.push("c"), r));
    expect(gate.state).toEqual({ heavyRunning: 1, heavyWaiting: 2 });
    huge();
    const rb = await big;
    // 900 + 150 is over the budget: the small one waits for the big one ahead of it.
    expect(order).toEqual(["b"]);
    rb();
    (await small)();
    expect(order).toEqual(["b", "c"]);
  });

  it("starts what waited behind a head that gave up", async () => {
    jest.useFakeTimers();
    try {
      const gate = new WorkGate({ ...options, queueWaitMs: 1000 });
      const running = await gate.admit("a", 600);
      const head = gate.admit("b", 900);
      jest.advanceTimersByTime(500);
      // It would fit beside the running one, but waits its turn behind the head.
      const behind = gate.admit("c", 300);
      expect(gate.state).toEqual({ heavyRunning: 1, heavyWaiting: 2 });
      jest.advanceTimersByTime(600);
      await expect(head).rejects.toMatchObject({ extensions: { code: "SERVER_BUSY" } });
      expect(gate.state).toEqual({ heavyRunning: 2, heavyWaiting: 0 });
      (await behind)();
      running();
    } finally {
      jest.useRealTimers();
    }
  });

  it("is configured by HEAVY_COST_IN_FLIGHT, one maximum-budget operation by default", () => {
    const fail = (m: string) => new Error(m);
    expect(loadSecurityConfig({}, false, fail).workGate.heavyCostInFlight).toBe(
      DEFAULT_WORK_GATE.heavyCostInFlight,
    );
    expect(
      loadSecurityConfig({ HEAVY_COST_IN_FLIGHT: "200000" }, false, fail).workGate
        .heavyCostInFlight,
    ).toBe(200_000);
    expect(() => loadSecurityConfig({ HEAVY_COST_IN_FLIGHT: "0" }, false, fail)).toThrow(
      /HEAVY_COST_IN_FLIGHT must be an integer/,
    );
  });
});
