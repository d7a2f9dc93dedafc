// Every page of the route table passes axe-core's WCAG 2.2 AA checks, in Dutch and in English, in its
// filled-in and error states; and the reading pages reflow at 320 px (400 % zoom).
//
// The walk is one test per language and person, run in parallel across the workers: each opens its own
// context and only reads, so none depends on another.
import {
  EXAMPLE_URLS,
  type ExampleUrl,
  type Language,
  PART_SLUG,
  PEOPLE,
  routesInTable,
} from "./example-urls.ts";
import { expect, expectNoSidewaysScrolling, test, violationsOn } from "./fixtures.ts";

test.describe.configure({ mode: "parallel" });

const table = routesInTable();
const examples: ExampleUrl[] = table.flatMap((route) => {
  const entry = EXAMPLE_URLS[route.id];
  return entry && "examples" in entry ? entry.examples : [];
});

test("every route in the table has example addresses, and every example a route", () => {
  const forgotten = table.filter((route) => !(route.id in EXAMPLE_URLS));
  expect(forgotten, "routes without example URLs in tests/e2e/example-urls.ts").toEqual([]);
  const stale = Object.keys(EXAMPLE_URLS).filter((id) => !table.some((route) => route.id === id));
  expect(stale, "example URLs for routes that are no longer in the table").toEqual([]);
});

const PAGES_PER_TEST = 16;
const people = [undefined, ...(Object.keys(PEOPLE) as (keyof typeof PEOPLE)[])];
for (const [language, as] of (["nl", "en"] as const).flatMap((l) => people.map((p) => [l, p] as const))) {
  const mine = examples.filter(
    (candidate) => (candidate.language ?? "nl") === language && candidate.as === as,
  );
  // A person's pages in parts of at most PAGES_PER_TEST, so no one test holds up the run.
  const parts = Math.ceil(mine.length / PAGES_PER_TEST);
  for (let part = 0; part < parts; part++) {
    const pages = mine.filter((_, index) => index % parts === part);
    const who = `${language}, ${as ?? "anonymous"}${parts > 1 ? `, part ${part + 1} of ${parts}` : ""}`;
    walk(who, language, as, pages);
  }
}

function walk(who: string, language: Language, as: keyof typeof PEOPLE | undefined, mine: ExampleUrl[]) {
  test(`every page in the route table passes the WCAG 2.2 AA checks (${who})`, async ({
    newContext,
    baseURL,
  }) => {
    // Up to PAGES_PER_TEST pages, each loaded and checked, on a shared two-core machine.
    test.setTimeout(180_000);
    // The pages as most readers get them, with JavaScript; the language is a cookie, as the switch sets it.
    const context = await newContext({ as: as && PEOPLE[as] });
    if (language === "en") await context.addCookies([{ name: "taal", value: "en", url: String(baseURL) }]);
    const page = await context.newPage();
    const problems: string[] = [];
    for (const example of mine) {
      const response = await page.goto(example.path);
      const where = `${example.path} (${example.shows}, ${language}${as ? `, as ${as}` : ""})`;
      if (response?.status() !== example.status) {
        problems.push(`${where}: status ${response?.status()}, expected ${example.status}`);
      }
      await expect(page.locator("html")).toHaveAttribute("lang", language);
      problems.push(...(await violationsOn(page)).map((violation) => `${where}: ${violation}`));
    }
    expect(problems, problems.join("\n\n")).toEqual([]);
  });
}

test("a reader at 320 px wide (400 % zoom) never scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ["/", `/gids/${PART_SLUG}`]) {
    await page.goto(path);
    await expectNoSidewaysScrolling(page, path);
  }
});
