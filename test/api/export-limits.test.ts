import { startTestServer, type TestServer } from "../helpers/server";
import { buildDistrict, closeFactories, tokenFor, type BuiltDistrict } from "../factories";
import { ManualClock } from "../../src/common/clock";

/**
 * An export is charged as the API's operations are: each page's cost (what the same page costs
 * through `cases`, `grids` or `scoreboard`) is taken from the caller's rate buckets, and a refused
 * first page is the API's RATE_LIMITED, with Retry-After, before any file is begun.
 */
let server: TestServer;
let district: BuiltDistrict;
let token: string;
const clock = new ManualClock(new Date("2026-11-24T02:00:00Z"));

beforeAll(async () => {
  district = await buildDistrict();
  token = await tokenFor({ district, role: "district_admin" });
  // A bucket of 1,000 points refilled by 1 a second: a page of any export costs more than the
  // whole bucket, so it costs the whole bucket, and the next one is refused (the server's clock
  // is this test's: nothing refills until the test moves it).
  server = await startTestServer(
    { RATE_LIMIT_SUBJECT: "1000/1", RATE_LIMIT_DISTRICT: "off" },
    { clock },
  );
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

const get = (path: string) =>
  fetch(`${server.url.replace(/\/graphql$/, "")}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });

it.each([
  "/export/cases.csv",
  "/export/grids.geojson",
  "/export/scoreboard.xlsx?level=grid&from=2026-11-01&to=2026-11-30",
])(
  "charges %s to the caller's rate: the next export is refused with 429 and Retry-After",
  async (path) => {
    clock.advance(3_600_000); // the bucket full again
    // A page of cases or grids costs more than the bucket: the second export is refused. The
    // scoreboard costs less: a few go through before the bucket is empty.
    let served = 0;
    let second = await get(path);
    while (second.status === 200 && served < 100) {
      served++;
      await second.arrayBuffer();
      second = await get(path);
    }
    expect(served).toBeGreaterThanOrEqual(1);
    if (!path.includes("scoreboard")) expect(served).toBe(1);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await second.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe("RATE_LIMITED");
  },
);
