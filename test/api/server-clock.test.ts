import { ManualClock } from "../../src/common/clock";
import { gql, ok, startTestServer, type TestServer } from "../helpers/server";

/** `serverClock`: the server's instant and today (UTC+8), by its own clock, without a token. */

let server: TestServer;
// Late in the evening UTC: already the next day in the districts' time.
const clock = new ManualClock(new Date("2026-03-10T17:30:00Z"));
beforeAll(async () => {
  server = await startTestServer({}, { clock });
});
afterAll(async () => {
  await server.close();
});

const CLOCK = `{ serverClock { now today } }`;
type ClockData = { serverClock: { now: string; today: string } };

it("answers the server's instant and its local day, without a token", async () => {
  const { serverClock } = ok(await gql<ClockData, Record<string, never>>(server, CLOCK, {}));
  expect(serverClock).toEqual({ now: "2026-03-10T17:30:00.000Z", today: "2026-03-11" });
});

it("follows the server's clock, not the machine's", async () => {
  clock.advance(7 * 3_600_000);
  const { serverClock } = ok(await gql<ClockData, Record<string, never>>(server, CLOCK, {}));
  expect(serverClock).toEqual({ now: "2026-03-11T00:30:00.000Z", today: "2026-03-11" });
  clock.advance(16 * 3_600_000);
  const later = ok(await gql<ClockData, Record<string, never>>(server, CLOCK, {}));
  expect(later.serverClock.today).toBe("2026-03-12");
});
