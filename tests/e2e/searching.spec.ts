// Searching the guide: from the header of any page, forgiving about word forms, typos, unfinished
// words and synonyms, honest when nothing is found, and calm about whatever is typed.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

/** The lowercased highlighted words on a results page. */
async function highlightedWords(page: Page): Promise<string[]> {
  const marks = await page.locator("li.vm-hit mark").allTextContents();
  return [...new Set(marks.map((mark) => mark.toLowerCase()))];
}

async function searchFor(page: Page, words: string) {
  await page.goto(`/zoeken?q=${encodeURIComponent(words)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Zoeken naar „${words}”`);
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`a reader searches from the header of any page and lands on the paragraph found (${mode})`, async ({
    newContext,
  }) => {
    const context = await newContext({ javaScriptEnabled });
    const page = await context.newPage();
    for (const start of ["/gids/waarden", "/gids/versies"]) {
      await page.goto(start);
      const search = page.getByRole("banner").getByRole("searchbox", { name: "Zoek in de gids" });
      await search.fill("loyaal tegenspreken");
      await search.press("Enter");
      await expect(page).toHaveURL("/zoeken?q=loyaal+tegenspreken");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zoeken naar „loyaal tegenspreken”");
      await expect(page.locator("li.vm-hit").first()).toBeVisible();
      // Both search fields show what was searched for.
      await expect(search).toHaveValue("loyaal tegenspreken");
      await expect(page.getByRole("main").getByRole("searchbox")).toHaveValue("loyaal tegenspreken");
    }

    // The first passage of the guide among the results (cards and parts have no anchor).
    const firstHit = page
      .locator("li.vm-hit")
      .filter({ has: page.locator('a[href*="#"]') })
      .first();
    const marked = (await firstHit.locator("mark").first().textContent()) ?? "";
    const link = firstHit.getByRole("link");
    const href = String(await link.getAttribute("href"));
    expect(href).toMatch(/^\/gids\/[a-z0-9-]+#[a-z0-9-]+$/);
    const anchor = href.split("#")[1];
    await link.click();

    await expect(page).toHaveURL(href);
    const paragraph = page.locator(`[id="${anchor}"]`);
    await expect(paragraph).toHaveClass(/vm-block/);
    await expect(paragraph).toContainText(marked);
    await expect(paragraph).toBeInViewport();
    await expect(page.locator(".vm-block:target")).toHaveAttribute("id", String(anchor));
    await context.close();
  });
  test(`when nothing is found the reader is told so and offered a way on (${mode})`, async ({
    newContext,
  }) => {
    const context = await newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/zoeken");
    const field = page.getByRole("main").getByRole("searchbox", { name: "Wat wil je weten?" });
    await field.fill("xylofoonconcert");
    await field.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zoeken naar „xylofoonconcert”");
    await expect(page.locator("li.vm-hit")).toHaveCount(0);
    await expect(page.getByText("Niets gevonden voor „xylofoonconcert”.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "De principes" })).toBeVisible();
    const principles = page.getByRole("main").getByRole("list").getByRole("link");
    await expect(principles).toHaveCount(7);
    await expect(principles.first()).toHaveAttribute("href", /^\/gids\/[a-z0-9-]+$/);

    // A typo still finds what was meant, and the corrected words are offered, as they find more.
    await field.fill("luistren naar burgesr");
    await field.press("Enter");
    await expect(page.locator("li.vm-hit").first()).toBeVisible();
    const didYouMean = page.getByRole("paragraph").filter({ hasText: "Bedoelde je:" });
    await didYouMean.getByRole("link", { name: "luisteren naar burgers" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zoeken naar „luisteren naar burgers”");
    await expect(page.locator("li.vm-hit").first()).toBeVisible();
    await expect(page.getByRole("paragraph").filter({ hasText: "Bedoelde je:" })).toHaveCount(0);
    // The fields show the search on screen, not the one typed before.
    await expect(field).toHaveValue("luisteren naar burgers");
    await expect(page.getByRole("banner").getByRole("searchbox")).toHaveValue("luisteren naar burgers");
    await context.close();
  });
}

test("searching for one form of a word finds the other forms too", async ({ page }) => {
  await searchFor(page, "luisteren");
  const forms = (await highlightedWords(page)).filter((word) => word !== "luisteren");
  expect(forms.length).toBeGreaterThan(0);
  for (const word of forms) expect(word).toMatch(/^luister/);

  await searchFor(page, "burger");
  expect(await highlightedWords(page)).toContain("burgers");
});

test("a search with a typo still finds what was meant", async ({ page }) => {
  await searchFor(page, "burgrs");
  await expect(page.getByText(/^\d+ resultaten gevonden\.$/)).toBeVisible();
  expect(await highlightedWords(page)).toEqual(expect.arrayContaining(["burgers"]));
});

test("an unfinished word finds the words it begins", async ({ page }) => {
  await searchFor(page, "luist");
  const words = await highlightedWords(page);
  expect(words.length).toBeGreaterThan(0);
  for (const word of words) expect(word).toMatch(/^luist/);
});

test("a search finds words with the same meaning", async ({ page }) => {
  await searchFor(page, "tegenspraak");
  expect(await highlightedWords(page)).toEqual(expect.arrayContaining(["tegenspraak", "kritiek"]));

  await searchFor(page, "bewindspersoon");
  expect(await highlightedWords(page)).toEqual(
    expect.arrayContaining(["bewindspersoon", "minister", "staatssecretaris"]),
  );
});

test("hostile or strange search input gets an ordinary answer", async ({ page }) => {
  const inputs: { query: string; shows: string | RegExp }[] = [
    { query: `"a" OR 'b'`, shows: /Niets gevonden|gevonden\./ },
    { query: "&|!:*()", shows: "In je zoekvraag staan geen woorden waarop we kunnen zoeken." },
    { query: "burgers & | ! : * ( )", shows: /^\d+ resultaten gevonden\.$/ },
    { query: "x".repeat(10_000), shows: "Je zoekvraag was erg lang. We hebben alleen het begin gebruikt." },
    { query: "🙂 burgers 👩🏽‍💼", shows: /^\d+ resultaten gevonden\.$/ },
  ];
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("dialog", (dialog) => errors.push(`a script from the query ran: ${dialog.message()}`));
  for (const { query, shows } of inputs) {
    const response = await page.goto(`/zoeken?q=${encodeURIComponent(query)}`);
    expect(response?.status(), query.slice(0, 40)).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Zoeken naar");
    await expect(page.locator(".vm-search-results").getByText(shows)).toBeVisible();
  }
  // Markup in the query is shown as text, never run.
  await page.goto(`/zoeken?q=${encodeURIComponent("<script>alert(1)</script> burgers")}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Zoeken naar „<script>alert(1)</script> burgers”",
  );

  // Control characters straight in the address: searched as the word around them, and not shown.
  const response = await page.goto("/zoeken?q=%00%01burgers%7F");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zoeken naar „burgers”");
  await expect(page.locator("li.vm-hit").first()).toBeVisible();
  await expect(page.getByRole("banner").getByRole("searchbox")).toHaveValue("burgers");
  expect(errors).toEqual([]);
});

test("a reader narrows the search to one kind, keyboard only", async ({ page }) => {
  await page.goto("/zoeken?q=minister");
  await expect(page.locator("li.vm-hit").first()).toBeVisible();
  const cards = page.getByRole("radio", { name: "Dilemmakaarten" });
  await cards.focus();
  await page.keyboard.press("Space");
  await page.getByRole("main").getByRole("button", { name: "Zoeken" }).press("Enter");
  await expect(page).toHaveURL(/soort=dilemmas/);
  const kinds = await page.locator("li.vm-hit .vm-hit__kind").allTextContents();
  expect(kinds.length).toBeGreaterThan(0);
  expect(new Set(kinds)).toEqual(new Set(["Dilemmakaart"]));
});

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
