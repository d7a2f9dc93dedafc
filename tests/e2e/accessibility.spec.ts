// Every page of the route table passes axe-core's WCAG 2.2 AA checks, in Dutch and in English, in its
// filled-in and error states; and the reading pages reflow at 320 px (400 % zoom).
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { EXAMPLE_URLS, type ExampleUrl, PART_SLUG, PEOPLE, routesInTable } from "./example-urls.ts";
import { logIn } from "./login.ts";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function violationsOn(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(" ")}: ${node.failureSummary}`).join("\n"),
  );
}

test("every page in the route table passes the WCAG 2.2 AA checks", async ({ browser, baseURL }) => {
  // About a hundred and twenty pages, each loaded and checked, on a shared two-core machine.
  test.setTimeout(480_000);
  const table = routesInTable();
  const forgotten = table.filter((route) => !(route.id in EXAMPLE_URLS));
  expect(forgotten, "routes without example URLs in tests/e2e/example-urls.ts").toEqual([]);
  const stale = Object.keys(EXAMPLE_URLS).filter((id) => !table.some((route) => route.id === id));
  expect(stale, "example URLs for routes that are no longer in the table").toEqual([]);

  const examples: ExampleUrl[] = table.flatMap((route) => {
    const entry = EXAMPLE_URLS[route.id];
    return entry && "examples" in entry ? entry.examples : [];
  });
  const problems: string[] = [];
  const people = [undefined, ...(Object.keys(PEOPLE) as (keyof typeof PEOPLE)[])];
  for (const [language, as] of (["nl", "en"] as const).flatMap((l) => people.map((p) => [l, p] as const))) {
    const mine = examples.filter(
      (candidate) => (candidate.language ?? "nl") === language && candidate.as === as,
    );
    if (mine.length === 0) continue;
    // axe needs JavaScript, so these pages run with it, in a context that carries the language cookie.
    const context = await browser.newContext();
    if (language === "en") await context.addCookies([{ name: "taal", value: "en", url: String(baseURL) }]);
    if (as) await logIn(context, PEOPLE[as]);
    const page = await context.newPage();
    for (const example of mine) {
      const response = await page.goto(example.path);
      const where = `${example.path} (${example.shows}, ${language}${as ? `, as ${as}` : ""})`;
      if (response?.status() !== example.status) {
        problems.push(`${where}: status ${response?.status()}, expected ${example.status}`);
      }
      await expect(page.locator("html")).toHaveAttribute("lang", language);
      problems.push(...(await violationsOn(page)).map((violation) => `${where}: ${violation}`));
    }
    await context.close();
  }
  expect(problems, problems.join("\n\n")).toEqual([]);
});

test("a reader at 320 px wide (400 % zoom) never scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ["/", `/gids/${PART_SLUG}`]) {
    await page.goto(path);
    const widths = await page.evaluate(() => ({
      content: document.documentElement.scrollWidth,
      window: window.innerWidth,
    }));
    expect(widths.content, `${path} is wider than the window`).toBeLessThanOrEqual(widths.window);
  }
});
