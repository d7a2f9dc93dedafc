// Every page of the route table, in Dutch and in English, in its filled-in and error states, as the
// person it is for: it passes axe-core's WCAG 2.2 AA checks; it loads without script errors or anything
// the Content-Security-Policy blocks; and exactly the pages whose routes ask for scripts (decision 022)
// load React and hydrate without a mismatch. The reading pages reflow at 320 px (400 % zoom).
//
// The walk is one test per language and person, run in parallel across the workers: each opens its own
// context and only reads, so none depends on another. One visit per page serves every check.
import fs from "node:fs";
import path from "node:path";
import routes from "../../app/routes.ts";
import {
  EXAMPLE_URLS,
  type ExampleUrl,
  type Language,
  PART_SLUG,
  PEOPLE,
  routesInTable,
} from "./example-urls.ts";
import { expect, expectNoSidewaysScrolling, loadsScripts, test, violationsOn } from "./fixtures.ts";

test.describe.configure({ mode: "parallel" });

/** Route files whose handle asks for scripts (`hydrate: true`), read from their source. */
const hydrating = new Set(
  routes
    .filter((entry) => /\bhydrate:\s*true\b/.test(fs.readFileSync(path.join("app", entry.file), "utf8")))
    .map((entry) => entry.id ?? entry.file.replace(/\.[^./]+$/, "")),
);

const table = routesInTable();
const examples: (ExampleUrl & { hydrates: boolean })[] = table.flatMap((route) => {
  const entry = EXAMPLE_URLS[route.id];
  if (!entry || !("examples" in entry)) return [];
  return entry.examples.map((example) => ({
    ...example,
    hydrates: example.hydrates ?? hydrating.has(route.id),
  }));
});

test("some pages hydrate and most do not", () => {
  expect(hydrating.size).toBeGreaterThan(3);
  expect(examples.filter((example) => !example.hydrates).length).toBeGreaterThan(examples.length / 2);
});

test("a route that decides per page whether it hydrates says so for each of its examples", () => {
  const deciding = routes
    .filter((entry) => /\bhydrate:\s*\(/.test(fs.readFileSync(path.join("app", entry.file), "utf8")))
    .map((entry) => entry.id ?? entry.file.replace(/\.[^./]+$/, ""));
  expect(deciding).toContain("routes/peiling-resultaten");
  for (const id of deciding) {
    const entry = EXAMPLE_URLS[id];
    const undecided =
      entry && "examples" in entry ? entry.examples.filter((example) => example.hydrates === undefined) : [];
    expect(
      undecided.map((example) => example.path),
      id,
    ).toEqual([]);
  }
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

function walk(
  who: string,
  language: Language,
  as: keyof typeof PEOPLE | undefined,
  mine: (typeof examples)[number][],
) {
  test(`every page in the route table passes the WCAG 2.2 AA checks, loads cleanly and hydrates where it should (${who})`, async ({
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
    page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
    page.on("console", (message) => {
      // An error page logs its own status as a failed resource; that is the page working.
      if (message.type() === "error" && !/status of (400|403|404)/.test(message.text())) {
        problems.push(`${page.url()}: ${message.text()}`);
      }
    });
    for (const example of mine) {
      const response = await page.goto(example.path);
      const where = `${example.path} (${example.shows}, ${language}${as ? `, as ${as}` : ""})`;
      if (response?.status() !== example.status) {
        problems.push(`${where}: status ${response?.status()}, expected ${example.status}`);
      }
      await expect(page.locator("html")).toHaveAttribute("lang", language);
      const loads = await loadsScripts(page);
      if (loads && !example.hydrates) problems.push(`${where}: loads scripts it does not need`);
      // An error page is the root's alone, and a page that sends the reader elsewhere is that page:
      // neither needs the route's scripts.
      const shown = (response?.ok() ?? false) && !response?.request().redirectedFrom();
      if (!loads && example.hydrates && shown) problems.push(`${where}: loads no scripts`);
      // React Router marks the document once the client has taken over; a mismatch or a blocked
      // script shows up as an error above by then.
      if (loads) await page.waitForFunction(() => "__reactRouterRouteModules" in window);
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
