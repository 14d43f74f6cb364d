import fc from "fast-check";
import { Client, types } from "pg";
import { parseTimestamptz } from "../../src/db/timestamps";

/**
 * The fast `timestamptz` parser (db/timestamps.ts) gives the driver's answer for whatever
 * PostgreSQL writes: the same instant for every zone and fraction, and the driver's own answer
 * (through its fallback) for what it does not read itself.
 */
const driver = types.getTypeParser(1184, "text") as (v: string) => Date | number | null;
const value = (x: Date | number | null) => (x instanceof Date ? x.getTime() : x);
const same = (v: string) => Object.is(value(parseTimestamptz(v)), value(driver(v)));

let db: Client;
beforeAll(async () => {
  db = new Client({ connectionString: process.env.TEST_OWNER_DATABASE_URL });
  await db.connect();
});
afterAll(() => db.end());

it("reads PostgreSQL's own text of instants in every kind of zone as the driver does", async () => {
  // Whole, half and quarter hours, east and west, and a zone whose old offsets have seconds.
  for (const zone of [
    "UTC",
    "Asia/Shanghai",
    "America/St_Johns",
    "Asia/Kathmandu",
    "Europe/Amsterdam",
  ]) {
    await db.query(`SET TimeZone = '${zone}'`);
    const { rows } = await db.query<{ t: string; ms: string }>(
      `SELECT t::text AS t, floor(extract(epoch FROM t) * 1000)::bigint::text AS ms
         FROM (SELECT timestamptz '1900-01-01 00:00:00.123456+00'
                      + (i * interval '37 days 3 hours 17 minutes 11.654321 seconds') AS t
                 FROM generate_series(0, 1500) i
               UNION ALL SELECT timestamptz '2026-08-31 16:00:00+00'
               UNION ALL SELECT timestamptz '2026-08-31 16:00:00.5+00'
               UNION ALL SELECT timestamptz '1937-07-01 00:00:00+00') x`,
    );
    for (const r of rows) {
      expect([zone, r.t, same(r.t)]).toEqual([zone, r.t, true]);
      expect([r.t, (parseTimestamptz(r.t) as Date).getTime()]).toEqual([r.t, Number(r.ms)]);
    }
  }
});

it("leaves to the driver what is not an ISO instant of years 100 to 9999", () => {
  for (const v of [
    "infinity",
    "-infinity",
    "0099-05-01 10:00:00+00",
    "2026-05-01 10:00:00+00 BC",
    "12026-05-01 10:00:00+00",
    "2026-05-01",
    "2026-05-01 10:00:00",
    "2026-05-01T10:00:00Z",
  ])
    expect([v, same(v)]).toEqual([v, true]);
});

it("agrees with the driver on any well-formed text", () => {
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  fc.assert(
    fc.property(
      fc.integer({ min: 100, max: 9999 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
      fc.integer({ min: 0, max: 59 }),
      fc.option(fc.stringMatching(/^[0-9]{1,6}$/), { nil: undefined }),
      fc.constantFrom("+", "-"),
      fc.integer({ min: 0, max: 15 }),
      fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
      fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
      (y, mo, d, h, mi, s, frac, sign, oh, om, os) => {
        const offset =
          `${sign}${pad(oh, 2)}` +
          (om === undefined ? "" : `:${pad(om, 2)}${os === undefined ? "" : `:${pad(os, 2)}`}`);
        const v = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)} ${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${frac === undefined ? "" : `.${frac}`}${offset}`;
        return same(v);
      },
    ),
    { numRuns: 5000 },
  );
});
