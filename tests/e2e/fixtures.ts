// What the browser tests share: Playwright's `test` with a `newContext` fixture (a browser context,
// logged in when asked, closed after the test), the WCAG check for pages with and without JavaScript,
// and the small waits and keyboard moves several journeys make. Specs import `test` and `expect` here.
import AxeBuilder from "@axe-core/playwright";
import {
  type BrowserContext,
  type BrowserContextOptions,
  test as base,
  expect,
  type Locator,
  type Page,
} from "@playwright/test";
import { logIn } from "./login.ts";

export { logIn, logInOnThisPage } from "./login.ts";
export { expect };

/** The axe-core rules of WCAG 2.2 level A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type SavedSession = Awaited<ReturnType<BrowserContext["storageState"]>>;

/**
 * The sessions this worker has logged in, by address. A person logs in by mail (tests/e2e/login.ts) the
 * first time a worker asks for them; later contexts for them start with that session's cookies, so a
 * journey does not repeat the login every other test already went through. Tests about logging in (or
 * out) call `logIn` themselves.
 */
const sessions = new Map<string, SavedSession>();

/** Contexts opened without JavaScript, whose pages axe cannot run in (see `violationsOn`). */
const withoutJavaScript = new WeakSet<BrowserContext>();

export interface ContextOptions extends BrowserContextOptions {
  /** Logged in as this address: with the worker's session for it, or by mail when it has none yet. */
  as?: string;
}

/** Opens a browser context for the test, logged in when `as` says so; the test's end closes it. */
export type NewContext = (options?: ContextOptions) => Promise<BrowserContext>;

export const test = base.extend<{ newContext: NewContext }>({
  newContext: async ({ browser }, use) => {
    const opened: BrowserContext[] = [];
    await use(async ({ as, ...options } = {}) => {
      const saved = as === undefined ? undefined : sessions.get(as);
      const context = await browser.newContext(saved ? { ...options, storageState: saved } : options);
      opened.push(context);
      if (options.javaScriptEnabled === false) withoutJavaScript.add(context);
      if (as !== undefined && !saved) {
        await logIn(context, as);
        sessions.set(as, await context.storageState());
      }
      return context;
    });
    for (const context of opened) await context.close();
  },
});

/**
 * The page's WCAG violations, one readable line each. axe runs as a script inside the page, which a
 * context without JavaScript does not allow; for those pages it checks the HTML the browser shows,
 * loaded at the same address in a page with JavaScript, with the page's own scripts left out and the
 * `<noscript>` parts shown, as a browser without JavaScript shows them.
 */
export async function violationsOn(page: Page): Promise<string[]> {
  if (!withoutJavaScript.has(page.context())) return axeViolations(page);
  const html = (await page.content())
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<\/?noscript>/gi, "");
  const browser = page.context().browser();
  if (!browser) throw new Error("the page has no browser to check its HTML in");
  const checker = await browser.newContext({ viewport: page.viewportSize() });
  try {
    const copy = await checker.newPage();
    const address = page.url();
    const withoutHash = (url: string) => url.split("#")[0];
    await copy.route(
      (url) => withoutHash(url.href) === withoutHash(address),
      (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
    );
    await copy.goto(address);
    return await axeViolations(copy);
  } finally {
    await checker.close();
  }
}

async function axeViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself, without opening a blank page per check to put the results
  // of several frames together: the same rules and results in about 60 % of the time. What it leaves
  // out, frames from other origins, the CSP's `default-src 'self'` forbids on every page.
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(" ")}: ${node.failureSummary}`).join("\n"),
  );
}

/** Fails with every WCAG violation on the page, with or without JavaScript; `where` names the state. */
export async function expectNoViolations(page: Page, where = page.url()): Promise<void> {
  const found = await violationsOn(page);
  expect(found, `${where}\n${found.join("\n")}`).toEqual([]);
}

/** Whether the page loads React (decision 022: only pages that need the browser to act do). */
export const loadsScripts = async (page: Page) =>
  // React Router's module preloads are in the HTML until it has hydrated, and then it is there.
  (await page.locator('link[rel="modulepreload"]').count()) > 0 ||
  (await page.evaluate(() => "__reactRouterRouteModules" in window));

/**
 * Waits until React Router has taken over a page that loads scripts, so clicks go to the client's
 * handlers; a page without scripts is ready as it is.
 */
export async function hydrated(page: Page): Promise<void> {
  if (withoutJavaScript.has(page.context()) || !(await loadsScripts(page))) return;
  await page.waitForFunction(() => "__reactRouterRouteModules" in window);
}

/** Presses Tab until the target has the focus; fails when that takes more than `most` presses. */
export async function tabTo(page: Page, target: Locator, most: number): Promise<void> {
  for (let presses = 0; presses < most; presses++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${target} not reached within ${most} presses of Tab`);
}

/** Fails when the page is wider than its window, so a reader would have to scroll sideways. */
export async function expectNoSidewaysScrolling(page: Page, where = page.url()): Promise<void> {
  const widths = await page.evaluate(() => ({
    content: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  expect(widths.content, `${where} is wider than the window`).toBeLessThanOrEqual(widths.window);
}
