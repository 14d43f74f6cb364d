import { type Browser, type Page } from "playwright-core";
import { gql, liveSubscriptions, ok, startTestServer, type TestServer } from "../helpers/server";
import {
  browserIt,
  launchChromium,
  offlineContext,
  RUN_BROWSER_TESTS,
  screenshot,
  PAGE_TIMEOUT_MS,
} from "../helpers/browser";
import { TEST_EPOCH, until } from "../helpers/clock";
import { ManualClock } from "../../src/common/clock";
import { localDay } from "../../src/common/dates";
import { sweepOnce } from "../../src/modules/cases/deadline.sweeper";
import { COALESCE_MS } from "../../src/modules/scores/scoreboard.live";
import { gid } from "../factories/tree";
import { ReplyToCaseDocument } from "../generated/graphql";
import { closeFactories, tokenFor } from "../factories";
import { buildCaseWorld, hotlineCase, type CaseWorld } from "../factories/cases";
import {
  CityTrendDocument,
  TREND_DAYS,
  TREND_FULL_READ_MS,
  type TrendRow,
} from "../../web/src/command-center/documents";

/**
 * The city admin's trend on the command center's page (/command-center), in a real headless
 * Chromium against a real server. The server runs on a clock of the test's own that starts on the
 * trend's first day (the test epoch is its last), so that cases are taken in on several days
 * through the API; the browser's clock is set to the server's, so the page's "today" is the
 * server's.
 */
jest.setTimeout(300_000);

const DAY_MS = 86_400_000;
const clock = new ManualClock(new Date(TEST_EPOCH.getTime() - (TREND_DAYS - 1) * DAY_MS));

let server: TestServer;
let browser: Browser;
/** Two districts of one city, and a district of another city. */
let a: CaseWorld;
let b: CaseWorld;
let elsewhere: CaseWorld;

beforeAll(async () => {
  a = await buildCaseWorld();
  b = await buildCaseWorld({ city: a.city });
  elsewhere = await buildCaseWorld();
  server = await startTestServer({}, { clock });
  if (RUN_BROWSER_TESTS) browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await closeFactories();
});

const shift = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The API's trend over the page's days (the last TREND_DAYS, today included). */
async function apiTrend(token: string) {
  const today = localDay(clock.now());
  return ok(
    await gql<
      { cityTrend: Array<{ from: string; rows: TrendRow[] }> },
      { from: string; to: string }
    >(
      server,
      CityTrendDocument.toString(),
      { from: shift(today, 1 - TREND_DAYS), to: today },
      token,
    ),
  ).cityTrend;
}

/** Per day: the city's cases received and breached, each the sum of its districts' rows. */
function figuresOf(trend: Array<{ from: string; rows: TrendRow[] }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of trend) {
    out[`received-${d.from}`] = d.rows.reduce((n, r) => n + r.measures.received, 0);
    out[`breaches-${d.from}`] = d.rows.reduce((n, r) => n + r.measures.breaches, 0);
  }
  return out;
}

/** The same figures read from the page: the table's cells and the chart's bars. */
async function shownFigures(page: Page) {
  const table = await page
    .getByTestId("trend-days")
    .locator("td[data-testid]")
    .evaluateAll((tds) =>
      Object.fromEntries(
        tds.map((td) => [
          td.getAttribute("data-testid")!.replace(/^trend-/, ""),
          Number(td.textContent),
        ]),
      ),
    );
  const chart = await page
    .getByTestId("trend-city-chart")
    .locator("g[data-day]")
    .evaluateAll((gs) =>
      Object.fromEntries(
        gs.flatMap((g) => [
          [`received-${g.getAttribute("data-day")}`, Number(g.getAttribute("data-received"))],
          [`breaches-${g.getAttribute("data-day")}`, Number(g.getAttribute("data-breaches"))],
        ]),
      ),
    );
  return { table, chart };
}

/** Whether two sets of figures are equal, whatever their keys' order. */
const same = (x: Record<string, number>, y: Record<string, number>) =>
  Object.keys(x).length === Object.keys(y).length && Object.keys(y).every((k) => x[k] === y[k]);

/**
 * Waits until the page's table and chart both show exactly the API's per-day figures. The API is
 * read once (nothing changes meanwhile): a trend is costed as 53 boards, and the test's clock,
 * which refills the rate buckets, stands still.
 */
async function trendMatchesApi(page: Page, token: string) {
  const want = figuresOf(await apiTrend(token));
  let got: Awaited<ReturnType<typeof shownFigures>> = { table: {}, chart: {} };
  await until(
    async () => {
      got = await shownFigures(page);
      return same(got.table, want) && same(got.chart, want);
    },
    () => `the trend's figures ${JSON.stringify(got)} to equal the API's ${JSON.stringify(want)}`,
    PAGE_TIMEOUT_MS,
  );
  return want;
}

/** Waits until each district's row of the rank table shows the API's first and last ranks. */
async function ranksMatchApi(page: Page, token: string, units: string[]) {
  const trend = await apiTrend(token);
  const rankOn = (i: number, unitId: string) =>
    trend[i].rows.find((r) => r.measures.unitId === unitId)?.rank ?? null;
  const cell = (n: number | null) => (n == null ? "—" : String(n));
  const want = units.map((unitId) => {
    const [a, b] = [rankOn(0, unitId), rankOn(trend.length - 1, unitId)];
    const move = a == null || b == null ? "—" : a > b ? `↑${a - b}` : a < b ? `↓${b - a}` : "持平";
    return [unitId, cell(a), cell(b), move];
  });
  let got: unknown[] = [];
  await until(
    async () => {
      got = await Promise.all(
        units.map(async (unitId) => {
          const row = page.getByTestId("trend-ranks").locator(`tr[data-unit="${unitId}"]`);
          const text = (id: string) => row.getByTestId(id).textContent();
          return [
            unitId,
            await text("trend-first-rank"),
            await text("trend-last-rank"),
            await text("trend-move"),
          ];
        }),
      );
      return JSON.stringify(got) === JSON.stringify(want);
    },
    () => `the rank table ${JSON.stringify(got)} to equal the API's ${JSON.stringify(want)}`,
    PAGE_TIMEOUT_MS,
  );
}

/** The operator's first reply to a case, at once (the case's response then counts as on time). */
async function reply(world: CaseWorld, c: { id: string; version: number }) {
  ok(
    await gql(
      server,
      ReplyToCaseDocument,
      { input: { id: c.id, expectedVersion: c.version, note: "已联系" } },
      world.tokens.operator,
    ),
  );
}

/** Lets the server's coalescing window close, so that scoreboardChanged pushes what it holds. */
async function push(idle: number) {
  await until(() => clock.waiting > idle, "the coalescing window to open");
  clock.advance(COALESCE_MS);
}

browserIt(
  "a city admin's trend: the API's figures per day, its own city's districts only, today's point moving with a new case without reload, the whole trend read again after a while",
  async () => {
    // The trend's first day: two cases in district A (one answered at once), one in B, one in
    // another city.
    const answered = await hotlineCase(server, a, { description: "首日：路灯不亮" });
    await reply(a, answered);
    await hotlineCase(server, a, { description: "首日：井盖缺失" });
    await hotlineCase(server, b, { description: "首日：路面破损" });
    await hotlineCase(server, elsewhere, { description: "别市的案件" });
    // Yesterday: two in B. Today (the test epoch): one in A, and one in B answered at once.
    clock.advance((TREND_DAYS - 2) * DAY_MS);
    // The deadline watcher's pass at that instant: the first day's cases are past due by now.
    const marks = await sweepOnce(server.dataSource, server.pubSub, clock.now(), [
      a.district.id,
      b.district.id,
    ]);
    expect(marks.breaches).toBe(3);
    await hotlineCase(server, b, { description: "昨天：噪音扰民" });
    await hotlineCase(server, b, { description: "昨天：垃圾未清" });
    clock.advance(DAY_MS);
    await hotlineCase(server, a, { description: "今天：路灯不亮" });
    await reply(b, await hotlineCase(server, b, { description: "今天：树木倒伏" }));
    const today = localDay(clock.now());
    expect(today).toBe(localDay(TEST_EPOCH));

    const cityAdmin = await tokenFor({ city: a.city, role: "city_admin" });
    // The test reads the API as another account of the city: the page's rate is its own.
    const reader = await tokenFor(
      { city: a.city, role: "city_admin" },
      { sub: `${a.city.code}.city_admin.reader` },
    );
    const offline = await offlineContext(browser, { token: cityAdmin, at: clock.now() });
    const page = await offline.newPage();
    // The operations the page sends, by name, in order.
    const asked: string[] = [];
    page.on("request", (r) => {
      const body = r.postData();
      if (body)
        asked.push(/^\s*(?:query|mutation)\s+(\w+)/.exec(JSON.parse(body).query)?.[1] ?? "");
    });
    await page.goto(`${new URL(server.url).origin}/command-center`);
    await page.getByTestId("connection").filter({ hasText: "实时连接正常" }).waitFor();
    await page.getByTestId("trend").waitFor();

    // The page's days and figures are the API's.
    const before = await trendMatchesApi(page, reader);
    expect(Object.keys(before)).toHaveLength(2 * TREND_DAYS);
    const first = shift(today, 1 - TREND_DAYS);
    expect(before[`received-${first}`]).toBe(3);
    expect(before[`breaches-${first}`]).toBe(3);
    expect(before[`received-${shift(today, -1)}`]).toBe(2);
    expect(before[`received-${today}`]).toBe(2);
    // The API's own city total of a day is the same figure.
    const totals = ok(
      await gql<{ cityTotals: { received: number; breaches: number } }, { day: string }>(
        server,
        `query ($day: String!) { cityTotals(from: $day, to: $day) { received breaches } }`,
        { day: first },
        reader,
      ),
    ).cityTotals;
    expect(before[`received-${first}`]).toBe(totals.received);
    expect(before[`breaches-${first}`]).toBe(totals.breaches);
    // Labels are the API's.
    await page.getByTestId("trend-days").filter({ hasText: "受理量" }).waitFor();
    await page.getByTestId("trend-days").filter({ hasText: "超期量" }).waitFor();
    await page.getByTestId("trend-ranks").filter({ hasText: "排名" }).waitFor();
    // The charts are named for assistive technology.
    for (const chart of ["trend-city-chart", "trend-rank-chart"]) {
      const label = await page.getByTestId(chart).getAttribute("aria-label");
      expect(label).toContain(today);
      expect(await page.getByTestId(chart).locator("title").first().textContent()).toBe(label);
    }

    // Its own city's districts, and only they, in the legend, the lines and the rank table.
    const ours = [gid("District", a.district.id), gid("District", b.district.id)].sort();
    const units = async (testId: string, selector: string) =>
      (
        await page
          .getByTestId(testId)
          .locator(selector)
          .evaluateAll((els) => els.map((el) => el.getAttribute("data-unit")!))
      ).sort();
    expect(await units("trend-legend", "[data-unit]")).toEqual(ours);
    expect(await units("trend-rank-chart", "g[data-unit]")).toEqual(ours);
    expect(await units("trend-ranks", "tr[data-unit]")).toEqual(ours);
    // The other city's district had a case in the same days: its own admin sees it.
    const theirs = await apiTrend(await tokenFor({ city: elsewhere.city, role: "city_admin" }));
    expect(theirs.flatMap((d) => d.rows.map((r) => r.measures.unitId))).toContain(
      gid("District", elsewhere.district.id),
    );
    expect(figuresOf(theirs)[`received-${first}`]).toBe(1);

    // Each district's first and last rank, and its move, as the API ranks them.
    await ranksMatchApi(page, reader, ours);
    // The answered case put A first on the first day, B first today: the table says who moved.
    const moves = await page
      .getByTestId("trend-ranks")
      .getByTestId("trend-move")
      .evaluateAll((tds) => tds.map((td) => td.textContent));
    expect(moves.sort()).toEqual(["↑1", "↓1"]);
    // Each district's line has a point on each day it has a rank: A two, B three.
    const dots = (unitId: string) =>
      page.getByTestId("trend-rank-chart").locator(`g[data-unit="${unitId}"] circle`);
    expect(await dots(gid("District", a.district.id)).count()).toBe(2);
    expect(await dots(gid("District", b.district.id)).count()).toBe(3);
    await screenshot(page, "command-center-city-trend");

    // A case taken in today in district B moves today's point, without reload: the page reads
    // today's board again when scoreboardChanged pushes, and only today's.
    await liveSubscriptions(server, "scoreboardChanged", 1);
    let idle = clock.waiting;
    let mark = asked.length;
    await hotlineCase(server, b, { description: "今天：消防通道堵塞" });
    await push(idle);
    const after = await trendMatchesApi(page, reader);
    expect(after[`received-${today}`]).toBe(before[`received-${today}`] + 1);
    expect(await page.getByTestId("trend-problem").count()).toBe(0);
    for (const key of Object.keys(before))
      if (!key.endsWith(today)) expect(after[key]).toBe(before[key]);
    await ranksMatchApi(page, reader, ours);
    expect(asked.slice(mark)).toContain("CommandCenterCityDay");
    expect(asked.slice(mark)).not.toContain("CommandCenterCityTrend");
    await screenshot(page, "command-center-city-trend-live");

    // Past TREND_FULL_READ_MS since the whole trend was read (the same day still), a push reads
    // it whole again.
    clock.advance(TREND_FULL_READ_MS);
    await offline.context.clock.setFixedTime(clock.now());
    expect(localDay(clock.now())).toBe(today);
    idle = clock.waiting;
    mark = asked.length;
    await hotlineCase(server, a, { description: "今天：窨井冒水" });
    await push(idle);
    const later = await trendMatchesApi(page, reader);
    expect(later[`received-${today}`]).toBe(after[`received-${today}`] + 1);
    await ranksMatchApi(page, reader, ours);
    expect(asked.slice(mark)).toContain("CommandCenterCityTrend");

    expect(offline.outside).toEqual([]);
    expect(offline.pageErrors).toEqual([]);
    await offline.context.close();
  },
);
