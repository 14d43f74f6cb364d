import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/**
 * Browser tests drive a real headless Chromium through playwright-core: Debian's `chromium`
 * package at /usr/bin/chromium (`.ci/run` installs it when missing), or the one CHROMIUM_PATH
 * names. No browser is downloaded.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/**
 * Whether the browser tests run: when the Chromium is there, or when REQUIRE_CHROMIUM=1 says they
 * must (`.ci/run` sets it, so CI fails rather than skips). On a machine without Chromium, a plain
 * `npm test` skips them and says why.
 */
export const RUN_BROWSER_TESTS = existsSync(CHROMIUM_PATH) || process.env.REQUIRE_CHROMIUM === "1";
if (!RUN_BROWSER_TESTS)
  console.warn(
    `browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
  );
/** `it` for a browser test: skipped when the browser tests do not run (above). */
export const browserIt = RUN_BROWSER_TESTS ? it : it.skip;

/** Where the browser tests write their screenshots (git-ignored). */
export const SCREENSHOTS = path.join(__dirname, "..", "..", "test-results", "screenshots");

/** Generous ceilings: on a loaded 2-core machine the IDE's first load can take many seconds. */
export const PAGE_TIMEOUT_MS = 120_000;

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `no Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--disable-dev-shm-usage", "--disable-gpu"],
  });
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export interface OfflineContext {
  context: BrowserContext;
  /** Every request the pages asked for outside this machine (each one was aborted). */
  outside: string[];
  /** Uncaught errors of the pages' scripts. */
  pageErrors: string[];
  newPage(): Promise<Page>;
}

/**
 * A browser context cut off from everything but this machine: any request to another host is
 * recorded and aborted, as on a government intranet without internet. A test asserts that
 * `outside` stayed empty. `token`: signed in as the sign-in page would; `at`: the pages' clock
 * fixed at that instant (a test server's clock), so that their "today" is the server's.
 */
export async function offlineContext(
  browser: Browser,
  opts: { token?: string; at?: Date } = {},
): Promise<OfflineContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(PAGE_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(PAGE_TIMEOUT_MS);
  const outside: string[] = [];
  const pageErrors: string[] = [];
  const isLocal = (url: string) => {
    const u = new URL(url);
    return u.protocol === "data:" || u.protocol === "blob:" || LOCAL_HOSTS.has(u.hostname);
  };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    if (!outside.includes(url)) outside.push(url);
    return route.abort("blockedbyclient");
  });
  // Requests that no route sees (WebSockets among them) are recorded too.
  context.on("request", (req) => {
    if (!isLocal(req.url()) && !outside.includes(req.url())) outside.push(req.url());
  });
  if (opts.token) {
    // The sign-in page's key (web/src/session.ts), set before any page script runs.
    await context.addInitScript({
      content: `localStorage.setItem("civic-grid.token", ${JSON.stringify(opts.token)});`,
    });
  }
  if (opts.at) await context.clock.setFixedTime(opts.at);
  return {
    context,
    outside,
    pageErrors,
    async newPage() {
      const page = await context.newPage();
      page.on("pageerror", (e) => pageErrors.push(e.message));
      page.on("websocket", (ws) => {
        if (!isLocal(ws.url())) outside.push(ws.url());
      });
      return page;
    },
  };
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
