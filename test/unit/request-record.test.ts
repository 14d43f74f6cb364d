import http from "node:http";
import express from "express";
import { type DataSource } from "typeorm";
import { systemClock } from "../../src/common/clock";
import { createLogger } from "../../src/logger";
import { Metrics } from "../../src/observability/metrics";
import {
  currentRequest,
  observeRequests,
  type RequestRecord,
} from "../../src/observability/request";
import { type PubSub } from "../../src/realtime/pubsub";

/**
 * A request's record outlives its request for a while (the response's listeners hold it); once the
 * access line is written it must not hold the answer, whose objects it would otherwise keep alive
 * (see common/http-objects.ts).
 */
describe("the request's record", () => {
  it("lets go of the answer once the access line is written, after reading its outcome", async () => {
    const lines: Array<Record<string, unknown>> = [];
    const log = createLogger("info", {
      destination: {
        write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>),
      },
    });
    // The gauges read their sources only when scraped, which this test never does.
    const metrics = new Metrics({
      dataSource: {} as DataSource,
      pubSub: {} as PubSub,
      openSockets: () => 0,
      clock: systemClock,
      processMetrics: false,
    });
    const app = express();
    app.use(observeRequests(log, metrics));
    let rec: RequestRecord | undefined;
    app.post("/graphql", (_req, res) => {
      rec = currentRequest();
      rec!.graphql = true;
      rec!.operation = "Board";
      rec!.codes.push("FORBIDDEN");
      rec!.result = { data: { rows: Array.from({ length: 1000 }, (_, i) => ({ i })) } };
      res.json({ ok: true });
    });
    const server = http.createServer(app);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: "POST" });
      expect(await res.json()).toEqual({ ok: true });
      // Wait for the access line (written when the response is done), by condition, not time.
      while (!lines.some((l) => l.msg === "request")) await new Promise((r) => setImmediate(r));
      const line = lines.find((l) => l.msg === "request")!;
      // The outcome was read from the answer before it was dropped: data and an error, "partial".
      expect(line).toMatchObject({ operation: "Board", outcome: "partial", errors: ["FORBIDDEN"] });
      expect(rec).toBeDefined();
      expect(rec!.result).toBeUndefined();
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
