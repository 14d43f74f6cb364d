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
import { gid } from "../factories/tree";
import { closeFactories } from "../factories";
import { buildCaseWorld, hotlineCase, type CaseWorld } from "../factories/cases";
import {
  GridCasesDocument,
  MapFiguresDocument,
  MapGridsDocument,
  type GridFigures,
} from "../../web/src/command-center/map-documents";

/**
 * The command center's map of the grids (web/src/command-center/map.tsx) in a real headless
 * Chromium against a real server, every request outside this machine blocked: one shape per grid
 * of the district, each shaded by the API's figures, a grid's cases listed on a click, and a new
 * case moving its grid's figure without reload.
 */
jest.setTimeout(300_000);

let server: TestServer;
let browser: Browser;
let w: CaseWorld;

/** A square around a centre, counter-clockwise (longitude first, WGS 84). */
function square(lng: number, lat: number, half: number) {
  const ring = [
    [lng - half, lat - half],
    [lng + half, lat - half],
    [lng + half, lat + half],
    [lng - half, lat + half],
  ];
  return { type: "Polygon", coordinates: [[...ring, ring[0]]] };
}

beforeAll(async () => {
  w = await buildCaseWorld();
  server = await startTestServer();
  if (RUN_BROWSER_TESTS) browser = await launchChromium();
  // The factory's grids have no outlines: grid A and B get theirs through the API (they are
  // 0.01° apart), the rural grid stays without one and is drawn as a dot.
  for (const [grid, lng, lat] of [
    [w.tree.gridA, 123.78, 41.3],
    [w.tree.gridB, 123.79, 41.31],
  ] as const)
    ok(
      await gql(
        server,
        `mutation ($input: UpdateGridInput!) { updateGrid(input: $input) { id } }`,
        { input: { id: gid("Grid", grid), boundary: square(lng, lat, 0.004) } },
        w.tokens.admin,
      ),
    );
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await closeFactories();
});

/** A context signed in with `token`, its clock at the test server's instant. */
const signedIn = (token: string) => offlineContext(browser, { token, at: testClock.now() });

const api = <R, V>(doc: { toString(): string }, variables: V) =>
  gql<R, V>(server, doc.toString(), variables, w.tokens.command).then(ok);

async function apiGrids() {
  const { district } = await api<
    { district: { grids: { totalCount: number; edges: Array<{ node: { id: string } }> } } },
    { first: number; after: null }
  >(MapGridsDocument, { first: 200, after: null });
  return district.grids;
}

async function apiFigures(): Promise<Map<string, GridFigures>> {
  const { measures } = await api<{ measures: GridFigures[] }, { day: string }>(MapFiguresDocument, {
    day: testDay(),
  });
  return new Map(measures.map((m) => [m.unitId, m]));
}

async function apiCases(gridId: string): Promise<string[]> {
  const { cases } = await api<
    { cases: { edges: Array<{ node: { id: string } }> } },
    { gridId: string; first: number; after: null }
  >(GridCasesDocument, { gridId, first: 200, after: null });
  return cases.edges.map((e) => e.node.id);
}

const shape = (page: Page, gridId: string) =>
  page.getByTestId("grid-map").locator(`[data-grid="${gridId}"]`);

/** Waits until the map shows each grid's figures as the API has them now. */
async function figuresMatchApi(page: Page): Promise<Map<string, GridFigures>> {
  let want = new Map<string, GridFigures>();
  let got: string[] = [];
  await until(
    async () => {
      want = await apiFigures();
      got = await page
        .getByTestId("grid-map")
        .locator("[data-grid]")
        .evaluateAll((els) =>
          els.map(
            (e) =>
              `${e.getAttribute("data-grid")} ${e.getAttribute("data-open")} ${e.getAttribute("data-overdue")}`,
          ),
        );
      const expected = [...want.values()].map((f) => `${f.unitId} ${f.openNow} ${f.overdueNow}`);
      return JSON.stringify([...got].sort()) === JSON.stringify(expected.sort());
    },
    () => `the map's figures ${JSON.stringify(got)} to equal the API's`,
    PAGE_TIMEOUT_MS,
  );
  return want;
}

browserIt(
  "draws each grid of the district shaded by the API's figures, lists a grid's cases on a click, and moves with a new case",
  async () => {
    const a = gid("Grid", w.tree.gridA);
    const b = gid("Grid", w.tree.gridB);
    const rural = gid("Grid", w.tree.gridRural);
    await hotlineCase(server, w, { description: "地图：甲一" });
    await hotlineCase(server, w, { description: "地图：甲二" });
    await hotlineCase(server, w, { description: "地图：乙一", gridId: b });

    const offline = await signedIn(w.tokens.command);
    const page = await offline.newPage();
    await page.goto(`${new URL(server.url).origin}/command-center`);
    await page.getByTestId("connection").filter({ hasText: "实时连接正常" }).waitFor();

    // One shape per grid in use, as many as the API counts: outlines for A and B, a dot for the
    // rural grid without one.
    const grids = await apiGrids();
    const shapes = page.getByTestId("grid-map").locator("[data-grid]");
    await until(
      async () => (await shapes.count()) === grids.totalCount,
      "a shape per grid",
      PAGE_TIMEOUT_MS,
    );
    expect(grids.totalCount).toBe(3);
    expect(
      new Set(await shapes.evaluateAll((els) => els.map((e) => e.getAttribute("data-grid")))),
    ).toEqual(new Set(grids.edges.map((e) => e.node.id)));
    expect(await page.getByTestId("grid-map").locator(`path[data-grid="${a}"]`).count()).toBe(1);
    expect(await page.getByTestId("grid-map").locator(`path[data-grid="${b}"]`).count()).toBe(1);
    expect(await page.getByTestId("grid-map").locator(`circle[data-grid="${rural}"]`).count()).toBe(
      1,
    );

    // Each grid's figures are the API's; shaded by open cases, the grid with the most is the
    // darkest and a grid with none the lightest, and the legend reaches the most.
    const before = await figuresMatchApi(page);
    expect(before.get(a)!.openNow).toBe(2);
    expect(before.get(b)!.openNow).toBe(1);
    expect(before.get(rural)!.openNow).toBe(0);
    const fill = (id: string) => shape(page, id).getAttribute("fill");
    expect(await fill(rural)).toBe("#f3f4f6");
    expect(await fill(a)).toBe("#1e40af");
    expect(await fill(b)).not.toBe(await fill(a));
    await page.getByTestId("map-legend").filter({ hasText: "当前在办" }).waitFor();
    await page.getByTestId("map-legend").locator("li").filter({ hasText: /^2$/ }).waitFor();
    expect(await shape(page, a).locator("title").textContent()).toContain("当前在办：2");

    // Shaded by overdue cases instead (the API's labels name the measures): none is overdue.
    await page.getByRole("button", { name: "当前超期", exact: true }).click();
    await page.locator('[data-testid="grid-map"][data-measure="overdueNow"]').waitFor();
    for (const id of [a, b, rural]) expect(await fill(id)).toBe("#f3f4f6");
    await page.getByRole("button", { name: "当前在办", exact: true }).click();

    // A grid clicked lists exactly its cases, as the API lists them.
    await shape(page, a).click();
    const list = page.locator(`[data-testid="map-cases"][data-grid="${a}"]`);
    const listed = () =>
      list
        .locator("li[data-case]")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-case")));
    let wanted = await apiCases(a);
    await until(
      async () => JSON.stringify(await listed()) === JSON.stringify(wanted),
      "grid A's cases listed",
      PAGE_TIMEOUT_MS,
    );
    expect(wanted).toHaveLength(2);
    expect(await list.getByTestId("map-cases-total").innerText()).toBe("2");
    await screenshot(page, "command-center-map");

    // A new case in grid B moves its figure and its shade, without reload.
    await liveSubscriptions(server, "caseCreated", 1);
    const made = await hotlineCase(server, w, { description: "地图：乙二", gridId: b });
    const after = await figuresMatchApi(page);
    expect(after.get(b)!.openNow).toBe(before.get(b)!.openNow + 1);
    expect(await fill(b)).toBe(await fill(a));
    // Grid B's list has it; its case opens in the page's case view.
    await shape(page, b).click();
    const listB = page.locator(`[data-testid="map-cases"][data-grid="${b}"]`);
    wanted = await apiCases(b);
    await until(
      async () =>
        JSON.stringify(
          await listB
            .locator("li[data-case]")
            .evaluateAll((els) => els.map((e) => e.getAttribute("data-case"))),
        ) === JSON.stringify(wanted),
      "grid B's cases listed",
      PAGE_TIMEOUT_MS,
    );
    expect(wanted[0]).toBe(made.id);
    await listB
      .locator(`li[data-case="${made.id}"]`)
      .getByRole("button", { name: made.number })
      .click();
    await page.getByTestId("case").filter({ hasText: "地图：乙二" }).waitFor();
    await page
      .getByTestId("case")
      .getByTestId("timeline")
      .locator("li")
      .filter({ hasText: "受理登记" })
      .waitFor();
    await screenshot(page, "command-center-map-case");

    expect(offline.outside).toEqual([]);
    expect(offline.pageErrors).toEqual([]);
    await offline.context.close();
  },
);

browserIt("lists a grid's cases a page at a time, with a button for more", async () => {
  const world = await buildCaseWorld({ city: w.city });
  const made: string[] = [];
  for (let i = 0; i < 23; i++)
    made.push((await hotlineCase(server, world, { description: `第${i + 1}件` })).id);
  const offline = await signedIn(world.tokens.command);
  const page = await offline.newPage();
  await page.goto(`${new URL(server.url).origin}/command-center`);
  // Its own district's grids only: the first world's are not drawn.
  const shapes = page.getByTestId("grid-map").locator("[data-grid]");
  await until(async () => (await shapes.count()) === 3, "the world's 3 grids", PAGE_TIMEOUT_MS);
  expect(await shape(page, gid("Grid", w.tree.gridA)).count()).toBe(0);
  await shape(page, gid("Grid", world.tree.gridA)).click();
  const items = page.getByTestId("map-cases").locator("li[data-case]");
  await until(async () => (await items.count()) === 20, "the first 20 cases", PAGE_TIMEOUT_MS);
  await page.getByTestId("map-cases").getByRole("button", { name: "更多" }).click();
  await until(async () => (await items.count()) === 23, "all 23 cases", PAGE_TIMEOUT_MS);
  const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-case")));
  expect(ids).toEqual([...made].reverse());
  expect(await page.getByTestId("map-cases").getByRole("button", { name: "更多" }).count()).toBe(0);
  expect(offline.outside).toEqual([]);
  expect(offline.pageErrors).toEqual([]);
  await offline.context.close();
});
