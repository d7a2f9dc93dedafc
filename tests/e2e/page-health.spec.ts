// Every page of the route table loads cleanly in the browser: no script errors, nothing blocked by the
// Content-Security-Policy, and a page that hydrates (decision 022) does so without a mismatch; exactly
// the pages whose routes ask for it load React.
import fs from "node:fs";
import path from "node:path";
import routes from "../../app/routes.ts";
import { EXAMPLE_URLS, routesInTable } from "./example-urls.ts";
import { expect, loadsScripts, test } from "./fixtures.ts";

// The walk is split into shards that run in parallel across the workers; each only reads.
test.describe.configure({ mode: "parallel" });

const SHARDS = 3;

/** Route files whose handle asks for scripts (`hydrate: true`), read from their source. */
const hydrating = new Set(
  routes
    .filter((entry) => /\bhydrate:\s*true\b/.test(fs.readFileSync(path.join("app", entry.file), "utf8")))
    .map((entry) => entry.id ?? entry.file.replace(/\.[^./]+$/, "")),
);

const pages = routesInTable().flatMap((route) => {
  const entry = EXAMPLE_URLS[route.id];
  if (!entry || !("examples" in entry)) return [];
  return entry.examples
    .filter((candidate) => (candidate.language ?? "nl") === "nl")
    .map((example) => ({ path: example.path, hydrates: hydrating.has(route.id) }));
});

test("some pages hydrate and most do not", () => {
  expect(hydrating.size).toBeGreaterThan(3);
  expect(pages.filter((page) => !page.hydrates).length).toBeGreaterThan(pages.length / 2);
});

for (let shard = 0; shard < SHARDS; shard++) {
  test(`every page loads without errors or blocked scripts, and hydrates where it should (part ${shard + 1} of ${SHARDS})`, async ({
    newContext,
    baseURL,
  }) => {
    // One visit per example address, each waiting for the network to be quiet.
    test.setTimeout(120_000);
    const mine = pages.filter((_, index) => index % SHARDS === shard);
    expect(mine.length).toBeGreaterThan(0);
    const context = await newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
    page.on("console", (message) => {
      // A 404 or 400 page logs its own status as a failed resource; that is the page working.
      if (message.type() === "error" && !/status of (404|400)/.test(message.text())) {
        problems.push(`${page.url()}: ${message.text()}`);
      }
    });
    for (const { path: address, hydrates } of mine) {
      const response = await page.goto(`${baseURL}${address}`);
      const loads = await loadsScripts(page);
      if (loads && !hydrates) problems.push(`${address}: loads scripts it does not need`);
      // An error page (a 404 for an unknown conversation) is the root's alone, and a page that sends an
      // anonymous reader to the login page is that page: neither needs the route's scripts.
      const shown = (response?.ok() ?? false) && !response?.request().redirectedFrom();
      if (!loads && hydrates && shown) problems.push(`${address}: loads no scripts`);
      // React Router marks the document once the client has taken over.
      if (loads) await page.waitForFunction(() => "__reactRouterRouteModules" in window);
      await page.waitForLoadState("networkidle");
    }
    expect(problems).toEqual([]);
  });
}

test("search results follow the typing, without pressing Enter", async ({ page }) => {
  await page.goto("/zoeken");
  await page.waitForFunction(() => "__reactRouterRouteModules" in window);
  await page
    .getByRole("main")
    .getByLabel("Wat wil je weten?", { exact: true })
    .pressSequentially("tegensp", { delay: 40 });
  await expect(page).toHaveURL(/\/zoeken\?q=tegensp$/);
  await expect(page.locator("li.vm-hit").first()).toBeVisible();
  await expect(page.locator("li.vm-hit mark").first()).toHaveText(/^tegensp/i);
  // Focus stays in the field, so the person can keep typing.
  await expect(page.locator("#zoekveld")).toBeFocused();
});
