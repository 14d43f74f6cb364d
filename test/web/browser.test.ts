import { type Browser, type Page } from "playwright-core";
import { startTestServer, gql, ok, liveSubscriptions, type TestServer } from "../helpers/server";
import {
  browserIt,
  launchChromium,
  offlineContext,
  RUN_BROWSER_TESTS,
  screenshot,
  PAGE_TIMEOUT_MS,
} from "../helpers/browser";
import { buildDistrict, closeFactories, tokenFor, type BuiltDistrict } from "../factories";

/**
 * The pages in a real headless Chromium (test/helpers/browser.ts), against a real server and the
 * built files of dist/web, with every request outside this machine blocked. Each step waits for a
 * condition on the page (a locator), never for a number of milliseconds.
 */
jest.setTimeout(300_000);

let server: TestServer;
let browser: Browser;
let district: BuiltDistrict;
let admin: string;

const origin = () => new URL(server.url).origin;

beforeAll(async () => {
  district = await buildDistrict({ name: "浏览区" });
  admin = await tokenFor({ district, role: "district_admin" });
  server = await startTestServer();
  if (RUN_BROWSER_TESTS) browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await closeFactories();
});

/** Opens the IDE with an operation in its first tab, and waits until its editor is up. */
async function openIde(page: Page, query: string): Promise<void> {
  await page.goto(`${origin()}/graphiql?query=${encodeURIComponent(query)}`);
  await page.locator(".graphiql-query-editor .monaco-editor").first().waitFor();
}

const response = (page: Page, text: string) =>
  page.locator(".graphiql-response", { hasText: text }).waitFor({ timeout: PAGE_TIMEOUT_MS });

browserIt("the offline context records and refuses a request to another host", async () => {
  const offline = await offlineContext(browser);
  const page = await offline.newPage();
  await page.goto(`${origin()}/`);
  const answer = await page.evaluate(
    'fetch("https://example.com/font.woff2").then(() => "loaded", () => "refused")',
  );
  expect(answer).toBe("refused");
  expect(offline.outside).toEqual(["https://example.com/font.woff2"]);
  await offline.context.close();
});

browserIt(
  "the IDE loads offline and runs a query with the signed-in token in its headers",
  async () => {
    const offline = await offlineContext(browser, { token: admin });
    const page = await offline.newPage();
    await openIde(page, "{ me { subject role district { name } } }");
    await page
      .getByTestId("session")
      .filter({ hasText: `${district.code}.district_admin` })
      .waitFor();
    // The headers editor shows the token; the README's examples are tabs.
    await page.locator(".graphiql-editor-tool", { hasText: "Authorization" }).waitFor();
    await page.getByRole("tab", { name: "ExampleQuery1", exact: true }).waitFor();
    await page.getByRole("tab", { name: "ExampleSubscription1", exact: true }).waitFor();

    await page.locator(".graphiql-execute-button").click();
    await response(page, "浏览区");
    await response(page, `${district.code}.district_admin`);
    await screenshot(page, "graphiql-query");

    expect(offline.outside).toEqual([]);
    expect(offline.pageErrors).toEqual([]);
    await offline.context.close();
  },
);

browserIt("a subscription runs in the IDE over graphql-ws with the same token", async () => {
  const offline = await offlineContext(browser, { token: admin });
  const page = await offline.newPage();
  await openIde(page, "subscription { departmentChanged { action department { code name } } }");
  await page.locator(".graphiql-execute-button").click();
  await liveSubscriptions(server, "departmentChanged", 1);

  ok(
    await gql(
      server,
      'mutation { createDepartment(input: {code: "browser_seen", name: "浏览器局"}) { id } }',
      {},
      admin,
    ),
  );
  await response(page, "browser_seen");
  await response(page, "浏览器局");
  await screenshot(page, "graphiql-subscription");
  // Stop it: the server sees the subscription end.
  await page.locator(".graphiql-execute-button").click();
  await liveSubscriptions(server, "departmentChanged", 0);

  expect(offline.outside).toEqual([]);
  expect(offline.pageErrors).toEqual([]);
  await offline.context.close();
});

browserIt("signs in with the development role picker, and the IDE uses that token", async () => {
  const offline = await offlineContext(browser);
  const page = await offline.newPage();
  await page.goto(`${origin()}/`);
  await page.getByRole("heading", { name: "civic-grid" }).waitFor();
  await page.getByTestId("session").filter({ hasText: "Not signed in" }).waitFor();

  await page.getByLabel("Role", { exact: true }).selectOption("command_center");
  await page.getByLabel("District", { exact: true }).selectOption("mingshan");
  await page.getByRole("button", { name: "Sign in as this demo account" }).click();
  await page
    .getByTestId("session")
    .filter({ hasText: "Signed in as mingshan.command_center (command_center, mingshan)" })
    .waitFor();
  // The server itself vouches for the token.
  await page.getByTestId("verified").filter({ hasText: "明山区" }).waitFor();
  await screenshot(page, "home-signed-in");

  await openIde(page, "{ me { role } }");
  await page.getByTestId("session").filter({ hasText: "mingshan.command_center" }).waitFor();
  await page.locator(".graphiql-execute-button").click();
  await response(page, "command_center");

  expect(offline.outside).toEqual([]);
  expect(offline.pageErrors).toEqual([]);
  await offline.context.close();
});

browserIt("signs in with a pasted token, and signs out", async () => {
  const offline = await offlineContext(browser);
  const page = await offline.newPage();
  await page.goto(`${origin()}/`);
  await page.getByLabel(/^Token/).fill(`Bearer ${admin}`);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page
    .getByTestId("session")
    .filter({ hasText: `${district.code}.district_admin` })
    .waitFor();
  await page.getByTestId("verified").filter({ hasText: "浏览区" }).waitFor();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByTestId("session").filter({ hasText: "Not signed in" }).waitFor();
  expect(await page.evaluate('localStorage.getItem("civic-grid.token")')).toBeNull();
  await offline.context.close();
});

browserIt(
  "in production with the IDE off, /graphiql is a 404 and the page has no role picker",
  async () => {
    const prod = await startTestServer({
      NODE_ENV: "production",
      DATABASE_URL: process.env.TEST_APP_DATABASE_URL!,
    });
    const offline = await offlineContext(browser);
    try {
      const page = await offline.newPage();
      const ide = await page.goto(`${new URL(prod.url).origin}/graphiql`);
      expect(ide?.status()).toBe(404);
      expect(await ide?.json()).toMatchObject({ errors: [{ extensions: { code: "NOT_FOUND" } }] });

      // The picker asks GET /dev/token, which production does not have.
      const asked = page.waitForResponse((r) => r.url().endsWith("/dev/token"));
      await page.goto(`${new URL(prod.url).origin}/`);
      await page.getByRole("region", { name: "Sign in with a token" }).waitFor();
      expect((await asked).status()).toBe(404);
      expect(await page.getByRole("region", { name: "Demo accounts" }).count()).toBe(0);
    } finally {
      await offline.context.close();
      await prod.close();
    }
  },
);
