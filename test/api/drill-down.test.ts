import { gql, ok, startTestServer, type TestServer } from "../helpers/server";
import { TEST_EPOCH } from "../helpers/clock";
import { asDistrict, closeFactories } from "../factories";
import { buildCaseWorld, hotlineCase, type CaseWorld } from "../factories/cases";
import { gid } from "../factories/tree";
import { ManualClock } from "../../src/common/clock";

/**
 * A drill-down above the grid (measureCases at a street office, a community, the district) finds
 * its candidates and settles them by their grids' figures: a candidate whose log has the measure's
 * action but does not count is left out, with or without its log read, and the cases listed add
 * up to the unit's figure. Counted in statements, never timed.
 */
let server: TestServer;
let clock: ManualClock;
let w: CaseWorld;
const HOUR = 3_600_000;
const DAY1 = "2026-03-10";
const DAY2 = "2026-03-11";
const DAY3 = "2026-03-12";

/** Calls taken in the given grids on `day`, then replied to: the first `late` after 3 hours. */
async function day(day: string, grids: string[], late: number): Promise<string[]> {
  clock.advance(Date.parse(`${day}T09:00:00+08:00`) - clock.now().getTime());
  const made: Array<{ id: string; version: number }> = [];
  for (const grid of grids) {
    clock.advance(60_000);
    made.push(await hotlineCase(server, w, { gridId: gid("Grid", grid) }));
  }
  const reply = (c: { id: string; version: number }) =>
    gql(
      server,
      `mutation($input: CaseNoteInput!) { replyToCase(input: $input) { id } }`,
      { input: { id: c.id, expectedVersion: c.version, note: "已受理" } },
      w.tokens.operator,
    ).then(ok);
  for (const c of made.slice(late)) await reply(c);
  clock.advance(3 * HOUR);
  for (const c of made.slice(0, late)) await reply(c);
  return made.map((c) => c.id);
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  clock = new ManualClock(TEST_EPOCH);
  w = await buildCaseWorld();
  server = await startTestServer({}, { clock });
  const { gridA, gridB } = w.tree;
  // Day 1: two late replies in grid A (none counts there), one on time in grid B.
  [ids.p, ids.q, ids.r] = await day(DAY1, [gridA, gridA, gridB], 2);
  // Day 2: a late and an on-time reply in grid A, one on time in grid B.
  [ids.t, ids.s, ids.u] = await day(DAY2, [gridA, gridA, gridB], 1);
  // Day 3: a late and an on-time reply in grid B.
  [ids.v, ids.x] = await day(DAY3, [gridB, gridB], 1);
});
afterAll(async () => {
  await server.close();
  await closeFactories();
});

const LOG = /SELECT case_id, action, at, data FROM case_event/;

async function drill(level: string, unitId: string, from: string, to = from) {
  const before = server.statements.length;
  const res = ok(
    await gql<
      { measureCases: { total: number; cases: Array<{ id: string }> } },
      Record<string, string>
    >(
      server,
      `query($l: UnitLevel!, $u: ID!, $from: String!, $to: String!) { measureCases(level: $l, unitId: $u, measure: repliedOnTime, from: $from, to: $to) { total cases { id } } }`,
      { l: level, u: unitId, from, to },
      w.tokens.command,
    ),
  ).measureCases;
  const figure = ok(
    await gql<
      { measures: Array<{ unitId: string; repliedOnTime: number }> },
      Record<string, string>
    >(
      server,
      `query($l: UnitLevel!, $from: String!, $to: String!) { measures(level: $l, from: $from, to: $to) { unitId repliedOnTime } }`,
      { l: level, from, to },
      w.tokens.command,
    ),
  ).measures.find((m) => m.unitId === unitId)!.repliedOnTime;
  const logs = server.statements.slice(before).filter((s) => LOG.test(s)).length;
  return { figure, total: res.total, cases: res.cases.map((c) => c.id), logs };
}

const street = () => gid("StreetOffice", w.tree.streetA);

it("leaves out candidates that do not count, reading only the logs of a grid's mixed day", async () => {
  // Day 1: grid A's figure is 0, so its two candidates are left out unread; grid B's figure is its
  // one candidate. Day 2: grid A has two candidates and a figure of 1 (their logs are read).
  expect(await drill("street_office", street(), DAY1)).toEqual({
    figure: 1,
    total: 1,
    cases: [ids.r],
    logs: 0,
  });
  expect(await drill("street_office", street(), DAY2)).toEqual({
    figure: 2,
    total: 2,
    cases: [ids.u, ids.s],
    logs: 1,
  });
  const both = { figure: 3, total: 3, cases: [ids.u, ids.s, ids.r], logs: 1 };
  expect(await drill("street_office", street(), DAY1, DAY2)).toEqual(both);
  expect(await drill("community", gid("Community", w.tree.community), DAY1, DAY2)).toEqual(both);
  expect(await drill("district", gid("District", w.district.id), DAY1, DAY2)).toEqual(both);
  // A grid's own days: grid A has no figure on day 1, and day 2 is read.
  expect(await drill("grid", gid("Grid", w.tree.gridA), DAY1, DAY2)).toEqual({
    figure: 1,
    total: 1,
    cases: [ids.s],
    logs: 1,
  });
});

it("reads the logs of a day whose grids' figures exceed the unit's, as when a grid holds cases of another unit", async () => {
  expect(await drill("street_office", street(), DAY3)).toEqual({
    figure: 1,
    total: 1,
    cases: [ids.x],
    logs: 1,
  });
  // As if grid B held on day 3 another case that counts, of another street office: its figure
  // (2) is then the size of this street office's group there, which alone would list both.
  const drift = (by: number) =>
    asDistrict(w.district.id, (q) =>
      q(
        `UPDATE score_counter SET replied_on_time = replied_on_time + $3
          WHERE district_id = $1 AND level = 'grid' AND unit_id = $2 AND day = $4::date`,
        [w.district.id, w.tree.gridB, by, DAY3],
      ),
    );
  await drift(1);
  try {
    expect(await drill("street_office", street(), DAY3)).toEqual({
      figure: 1,
      total: 1,
      cases: [ids.x],
      logs: 1,
    });
  } finally {
    await drift(-1);
  }
});
