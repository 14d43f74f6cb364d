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
import { testClock, testDay, until } from "../helpers/clock";
import { relay } from "../helpers/relay";
import { CreateCaseDocument, ReplyToCaseDocument } from "../generated/graphql";
import { gid } from "../factories/tree";
import { asDistrict, closeFactories, tokenFor } from "../factories";
import { buildCaseWorld, hotlineCase, type CaseWorld } from "../factories/cases";
import { fromGlobalId } from "../../src/common/ids";
import { sweepOnce } from "../../src/modules/cases/deadline.sweeper";
import {
  OPEN_STATUSES,
  TodayDocument,
  type TodayFigures,
} from "../../web/src/command-center/documents";

/**
 * The command center's page (/command-center) in a real headless Chromium against a real server,
 * every request outside this machine blocked. The browser's clock is set to the test server's
 * (testClock), so that the page's "today" is the server's. Each step waits for a condition.
 */
jest.setTimeout(300_000);

let server: TestServer;
let browser: Browser;
let w: CaseWorld;

beforeAll(async () => {
  w = await buildCaseWorld();
  server = await startTestServer();
  if (RUN_BROWSER_TESTS) browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await closeFactories();
});

/** A context signed in with `token`, its clock at the test server's instant. */
const signedIn = (token: string) => offlineContext(browser, { token, at: testClock.now() });

async function open(page: Page, origin = new URL(server.url).origin) {
  await page.goto(`${origin}/command-center`);
}

const connected = (page: Page) =>
  page.getByTestId("connection").filter({ hasText: "实时连接正常" }).waitFor();

const figure = (page: Page, testId: string) =>
  page.getByTestId(testId).locator(".figure-value").innerText();

/** What the API answers for today's figures, by the page's own document. */
async function apiFigures(token: string): Promise<TodayFigures> {
  return ok(
    await gql<TodayFigures, { day: string }>(
      server,
      TodayDocument.toString(),
      { day: testDay() },
      token,
    ),
  );
}

/** The page's figures, by test id, against the API's answer. */
function expected(f: TodayFigures): Record<string, number> {
  const m = f.measures[0];
  return {
    received: m.received,
    "channel-hotline": m.hotline,
    "channel-community_report": m.communityReport,
    "channel-grid_patrol": m.gridPatrol,
    "channel-resident": m.residentReport,
    "open-now": m.openNow,
    "awaiting-callback": f.awaitingCallback.totalCount,
    "overdue-now": m.overdueNow,
    breaches: m.breaches,
    "reply-breaches": m.replyBreaches,
    ...Object.fromEntries(OPEN_STATUSES.map((s) => [`open-${s}`, f[`open_${s}`].totalCount])),
  };
}

async function shown(page: Page, ids: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const id of ids) out[id] = Number(await figure(page, id));
  return out;
}

/** Waits until the page shows exactly the API's figures. */
async function figuresMatchApi(page: Page, token: string): Promise<Record<string, number>> {
  let want: Record<string, number> = {};
  let got: Record<string, number> = {};
  await until(
    async () => {
      want = expected(await apiFigures(token));
      got = await shown(page, Object.keys(want));
      return JSON.stringify(got) === JSON.stringify(want);
    },
    () => `the page's figures ${JSON.stringify(got)} to equal the API's ${JSON.stringify(want)}`,
    PAGE_TIMEOUT_MS,
  );
  // The page's stages are the API's open cases, no more and no fewer.
  expect(OPEN_STATUSES.reduce((n, s) => n + want[`open-${s}`], 0)).toBe(want["open-now"]);
  return want;
}

/** Today's scoreboard of a level, as the API answers it. */
async function apiBoard(level: "street_office" | "grid", token: string) {
  return ok(
    await gql<
      {
        scoreboard: {
          rows: Array<{ measures: { unitId: string; name: string; received: number } }>;
        };
      },
      { day: string; level: string }
    >(
      server,
      `query ($day: String!, $level: UnitLevel!) { scoreboard(level: $level, from: $day, to: $day) { rows { measures { unitId name received } } } }`,
      { day: testDay(), level },
      token,
    ),
  );
}

const feedItems = (page: Page, caseId: string) =>
  page.getByTestId("feed").locator(`li.created[data-case="${caseId}"]`);

browserIt(
  "shows today's figures as the API has them; a new case appears in the feed and moves the figures and the scoreboard without reload",
  async () => {
    // Two cases before the page opens: a hotline call and a grid patrol's report. The call goes
    // unanswered past its reply limit (moved into the past) and the watcher marks the breach.
    const unanswered = await hotlineCase(server, w);
    await asDistrict(w.district.id, (q) =>
      q("UPDATE hotline_case SET reply_due_at = $2 WHERE id = $1", [
        fromGlobalId(unanswered.id)!.id,
        new Date(testClock.now().getTime() - 60_000),
      ]),
    );
    await sweepOnce(server.dataSource, server.pubSub, testClock.now(), [w.district.id]);
    ok(
      await gql(
        server,
        CreateCaseDocument,
        {
          input: {
            channel: "grid_patrol",
            categoryCode: "roads",
            description: "井盖缺失",
            gridId: gid("Grid", w.tree.gridA),
          },
        },
        w.tokens.worker,
      ),
    );
    const offline = await signedIn(w.tokens.command);
    const page = await offline.newPage();
    // The home page links to it.
    await page.goto(`${new URL(server.url).origin}/`);
    await page.getByRole("link", { name: /指挥中心/ }).click();
    await page.waitForURL(/\/command-center$/);
    await connected(page);
    await page.getByRole("heading", { name: `指挥中心 · ${w.district.name}` }).waitFor();
    const before = await figuresMatchApi(page, w.tokens.command);
    expect(before.received).toBeGreaterThanOrEqual(2);
    // The reply breach beside the resolution breaches (none: no resolution limit has passed).
    expect([before["reply-breaches"], before.breaches]).toEqual([1, 0]);
    await page.getByTestId("reply-breaches").filter({ hasText: "回复超时量" }).waitFor();
    // Labels are the API's: the channel's and the status's Chinese names.
    await page.getByTestId("channel-hotline").filter({ hasText: "12345热线" }).waitFor();
    await page.getByTestId("open-grid_handling").filter({ hasText: "网格领办" }).waitFor();
    // The street office's row on the scoreboard shows the API's figure.
    const row = async (level: "street_office" | "grid" = "street_office") => {
      const { rows } = (await apiBoard(level, w.tokens.command)).scoreboard;
      return rows.find((r) => r.measures.received > 0)!.measures;
    };
    const so = await row();
    const received = (n: number, unit = so) =>
      page
        .getByTestId("scoreboard")
        .locator(`tr[data-unit="${unit.unitId}"]`)
        .filter({ hasText: unit.name })
        .locator("td")
        .nth(3)
        .filter({ hasText: new RegExp(`^${n}$`) })
        .waitFor();
    await received(so.received);
    await screenshot(page, "command-center");

    await liveSubscriptions(server, "caseCreated", 1);
    const made = await hotlineCase(server, w, { description: "新来电：路面塌陷" });
    await feedItems(page, made.id).waitFor();
    await feedItems(page, made.id).filter({ hasText: "受理登记" }).waitFor();
    await feedItems(page, made.id).filter({ hasText: made.number }).waitFor();
    const after = await figuresMatchApi(page, w.tokens.command);
    expect(after.received).toBe(before.received + 1);
    expect(after["channel-hotline"]).toBe(before["channel-hotline"] + 1);
    expect(after["open-received"]).toBe(before["open-received"] + 1);
    // The scoreboard's street-office row moved with it, pushed by scoreboardChanged.
    const moved = await row();
    expect(moved.received).toBe(so.received + 1);
    await received(moved.received);
    await screenshot(page, "command-center-new-case");
    // By grid: the grid's row, as the API ranks it.
    await page.getByRole("button", { name: "网格", exact: true }).click();
    const grid = await row("grid");
    await received(grid.received, grid);

    expect(offline.outside).toEqual([]);
    expect(offline.pageErrors).toEqual([]);
    await offline.context.close();
  },
);

browserIt(
  "after a dropped connection it shows 重新连接中, then resumes the feed with the case taken in meanwhile, once",
  async () => {
    const world = await buildCaseWorld({ city: w.city });
    // Everything the page asks (HTTP and its WebSocket) goes through a line the test can cut.
    const line = await relay(server.port);
    const offline = await signedIn(world.tokens.command);
    try {
      const page = await offline.newPage();
      await open(page, `http://127.0.0.1:${line.port}`);
      await connected(page);
      await figuresMatchApi(page, world.tokens.command);
      const first = await hotlineCase(server, world, { description: "断线前" });
      await feedItems(page, first.id).waitFor();

      line.cut();
      await page.getByTestId("connection").filter({ hasText: "重新连接中" }).waitFor();
      await screenshot(page, "command-center-reconnecting");
      const meanwhile = await hotlineCase(server, world, { description: "断线期间" });
      line.release();

      await feedItems(page, meanwhile.id).waitFor();
      await connected(page);
      // Live again: a case after the drop arrives after the missed one.
      const after = await hotlineCase(server, world, { description: "恢复之后" });
      await feedItems(page, after.id).waitFor();
      const shownIds = await page
        .getByTestId("feed")
        .locator("li.created")
        .evaluateAll((items) => items.map((li) => li.getAttribute("data-case")));
      expect(shownIds).toEqual([after.id, meanwhile.id, first.id]);
      // And the figures caught up with what happened while the line was down.
      const figures = await figuresMatchApi(page, world.tokens.command);
      expect(figures.received).toBe(3);

      expect(offline.outside).toEqual([]);
      expect(offline.pageErrors).toEqual([]);
    } finally {
      await offline.context.close();
      await line.close();
    }
  },
);

browserIt("a district admin gets the same page", async () => {
  const offline = await signedIn(w.tokens.admin);
  const page = await offline.newPage();
  await open(page);
  await connected(page);
  await figuresMatchApi(page, w.tokens.admin);
  await page.getByTestId("scoreboard").waitFor();
  expect(offline.outside).toEqual([]);
  expect(offline.pageErrors).toEqual([]);
  await offline.context.close();
});

browserIt(
  "counts today by the server's clock, whatever the browser's says (an intranet machine's may be days off)",
  async () => {
    // Three days and five hours ahead of the server: another day in UTC+8 as well.
    const skewed = new Date(testClock.now().getTime() + 3 * 86_400_000 + 5 * 3_600_000);
    const offline = await offlineContext(browser, { token: w.tokens.command, at: skewed });
    const page = await offline.newPage();
    await open(page);
    await connected(page);
    await page.getByText(`统计日：${testDay()}`).waitFor();
    await figuresMatchApi(page, w.tokens.command);
    expect(offline.outside).toEqual([]);
    expect(offline.pageErrors).toEqual([]);
    await offline.context.close();
  },
);

browserIt("a resident's token sees no command-center data, and is told why", async () => {
  const offline = await signedIn(w.tokens.resident);
  const page = await offline.newPage();
  const asked: string[] = [];
  page.on("request", (r) => {
    const body = r.postData();
    if (body) asked.push(body);
  });
  await open(page);
  await page
    .getByTestId("notice")
    .filter({ hasText: "指挥中心页面仅供指挥中心、区级管理员和市级管理员使用" })
    .filter({ hasText: "居民" })
    .waitFor();
  await screenshot(page, "command-center-resident");
  expect(await page.getByTestId("feed").count()).toBe(0);
  expect(await page.getByTestId("received").count()).toBe(0);
  // It asked who the token is and for the labels, nothing of the district's.
  expect(asked.map((b) => (JSON.parse(b) as { query: string }).query.split(/[\s({]/)[1])).toEqual(
    expect.arrayContaining(["CommandCenterMe", "CommandCenterLabels"]),
  );
  expect(asked).toHaveLength(2);
  expect(offline.outside).toEqual([]);
  expect(offline.pageErrors).toEqual([]);
  await offline.context.close();
});

browserIt("without a token, or with one the server refuses, the page says so", async () => {
  const offline = await offlineContext(browser);
  const page = await offline.newPage();
  await open(page);
  await page.getByTestId("notice").filter({ hasText: "尚未登录" }).waitFor();
  await offline.context.close();

  const refused = await signedIn("not-a-token");
  const again = await refused.newPage();
  await open(again);
  await again.getByTestId("notice").filter({ hasText: "服务器拒绝了当前令牌" }).waitFor();
  expect(await again.getByTestId("feed").count()).toBe(0);
  expect(refused.pageErrors).toEqual([]);
  await refused.context.close();
});

browserIt(
  "another district's command center sees none of this district's cases or figures",
  async () => {
    const other = await buildCaseWorld({ city: w.city });
    const offline = await signedIn(other.tokens.command);
    const page = await offline.newPage();
    await open(page);
    await connected(page);
    await figuresMatchApi(page, other.tokens.command);
    await liveSubscriptions(server, "caseCreated", 1);
    const theirs = await hotlineCase(server, w, { description: "别区的案件" });
    const ours = await hotlineCase(server, other, { description: "本区的案件" });
    // Its own case arrives; the other district's, taken in before it, never does.
    await feedItems(page, ours.id).waitFor();
    expect(await feedItems(page, theirs.id).count()).toBe(0);
    expect(await page.getByTestId("feed").locator("li").count()).toBe(1);
    const figures = await figuresMatchApi(page, other.tokens.command);
    expect(figures.received).toBe(1);
    expect(offline.outside).toEqual([]);
    await offline.context.close();
  },
);

browserIt(
  "opens a case from the feed: its due times and timeline, read again as its events arrive",
  async () => {
    const world = await buildCaseWorld({ city: w.city });
    const offline = await signedIn(world.tokens.command);
    const page = await offline.newPage();
    await open(page);
    await connected(page);
    await liveSubscriptions(server, "caseCreated", 1);
    const made = await hotlineCase(server, world, { description: "路灯不亮，请尽快维修" });
    await feedItems(page, made.id).getByRole("button", { name: made.number }).click();
    const view = page.getByTestId("case");
    await view.filter({ hasText: "路灯不亮，请尽快维修" }).waitFor();
    await view.getByTestId("case-status").filter({ hasText: "已受理" }).waitFor();
    await view.getByTestId("timeline").locator("li").filter({ hasText: "受理登记" }).waitFor();

    ok(
      await gql(
        server,
        ReplyToCaseDocument,
        { input: { id: made.id, expectedVersion: made.version, note: "已联系路灯所" } },
        world.tokens.operator,
      ),
    );
    await view
      .getByTestId("timeline")
      .locator("li")
      .filter({ hasText: "首次回复" })
      .filter({ hasText: "已联系路灯所" })
      .waitFor();
    expect(await view.getByTestId("timeline").locator("li").count()).toBe(2);
    await screenshot(page, "command-center-case");
    expect(offline.outside).toEqual([]);
    expect(offline.pageErrors).toEqual([]);
    await offline.context.close();
  },
);

browserIt(
  "a city admin sees its own city's districts ranked and totalled, live, and no other city's",
  async () => {
    const cityAdmin = await tokenFor({ city: w.city, role: "city_admin" });
    const elsewhere = await buildCaseWorld();
    await hotlineCase(server, elsewhere, { description: "别市的案件" });
    const board = async (token: string) =>
      ok(
        await gql<
          { scoreboard: { rows: Array<{ measures: { unitId: string; received: number } }> } },
          { day: string }
        >(
          server,
          `query ($day: String!) { scoreboard(level: district, from: $day, to: $day) { rows { measures { unitId received } } } }`,
          { day: testDay() },
          token,
        ),
      ).scoreboard.rows.map((r) => r.measures);
    const cityTotals = async () =>
      ok(
        await gql<{ cityTotals: { received: number; replyBreaches: number } }, { day: string }>(
          server,
          `query ($day: String!) { cityTotals(from: $day, to: $day) { received replyBreaches } }`,
          { day: testDay() },
          cityAdmin,
        ),
      ).cityTotals;
    const totals = async () => (await cityTotals()).received;

    const offline = await signedIn(cityAdmin);
    const page = await offline.newPage();
    await open(page);
    await connected(page);
    const rows = page.getByTestId("scoreboard").locator("tbody tr");
    const ours = await board(cityAdmin);
    await until(
      async () => (await rows.count()) === ours.length,
      "the city's districts on the board",
      PAGE_TIMEOUT_MS,
    );
    const shownUnits = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.getAttribute("data-unit")),
    );
    expect(new Set(shownUnits)).toEqual(new Set(ours.map((r) => r.unitId)));
    const theirs = await board(await tokenFor({ city: elsewhere.city, role: "city_admin" }));
    expect(theirs.length).toBeGreaterThan(0);
    for (const r of theirs) expect(shownUnits).not.toContain(r.unitId);
    const before = await totals();
    await page
      .getByTestId("city-received")
      .locator(".figure-value")
      .filter({ hasText: new RegExp(`^${before}$`) })
      .waitFor();
    await page
      .getByTestId("city-replyBreaches")
      .locator(".figure-value")
      .filter({ hasText: new RegExp(`^${(await cityTotals()).replyBreaches}$`) })
      .waitFor();

    // A case in one of its districts moves the district's row and the city's total, without reload.
    await liveSubscriptions(server, "scoreboardChanged", 1);
    await hotlineCase(server, w, { description: "市级看板" });
    const district = gid("District", w.district.id);
    const received = (await board(cityAdmin)).find((r) => r.unitId === district)!.received;
    await page
      .getByTestId("scoreboard")
      .locator(`tr[data-unit="${district}"] td`)
      .nth(3)
      .filter({ hasText: new RegExp(`^${received}$`) })
      .waitFor();
    const after = await totals();
    expect(after).toBe(before + 1);
    await page
      .getByTestId("city-received")
      .locator(".figure-value")
      .filter({ hasText: new RegExp(`^${after}$`) })
      .waitFor();
    await screenshot(page, "command-center-city");
    expect(offline.outside).toEqual([]);
    expect(offline.pageErrors).toEqual([]);
    await offline.context.close();
  },
);
