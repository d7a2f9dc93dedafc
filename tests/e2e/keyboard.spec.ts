// The main flows with the keyboard only: skip to the content, search and open a result, compare two
// versions, switch the language; and every step shows where the focus is.
import type { Locator } from "@playwright/test";
import { expect, tabTo, test } from "./fixtures.ts";

/** The focused element shows a focus ring: an outline or a box shadow. */
async function expectVisiblyFocused(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  await expect(target).toBeVisible();
  const ring = await target.evaluate((element) => {
    const style = getComputedStyle(element);
    return { outline: `${style.outlineStyle} ${style.outlineWidth}`, boxShadow: style.boxShadow };
  });
  const outlined = !ring.outline.startsWith("none") && !ring.outline.endsWith(" 0px");
  expect(outlined || ring.boxShadow !== "none", `no visible focus ring: ${JSON.stringify(ring)}`).toBe(true);
}

test("a keyboard user skips to the content, searches and lands on the paragraph found", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skipLink = page.getByRole("link", { name: "Ga direct naar de inhoud" });
  await expectVisiblyFocused(skipLink);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/#inhoud");
  await expect(page.getByRole("main")).toBeFocused();
  // From the content onwards, the next stop is the first link in it.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("main").getByRole("link").first()).toBeFocused();

  await page.goto("/");
  const search = page.getByRole("banner").getByRole("searchbox", { name: "Zoek in de gids" });
  await tabTo(page, search, 3);
  await expectVisiblyFocused(search);
  await page.keyboard.type("menselijke maat");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/zoeken?q=menselijke+maat");

  // The first passage of the guide among the results (a part or a card has no anchor).
  const firstResult = page.locator("li.vm-hit a[href*='#']").first();
  await tabTo(page, firstResult, 40);
  await expectVisiblyFocused(firstResult);
  const href = String(await firstResult.getAttribute("href"));
  const anchor = String(href.split("#")[1]);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(href);
  await expect(page.locator(".vm-block:target")).toHaveAttribute("id", anchor);
  await expect(page.locator(`[id="${anchor}"]`)).toBeInViewport();
  // The keyboard carries on from the paragraph, not from the top of the page.
  await page.keyboard.press("Tab");
  // The first link in the paragraph: one in its text, or else the link to the paragraph itself.
  await expectVisiblyFocused(page.locator(`[id="${anchor}"]`).getByRole("link").first());
});

test("a keyboard user compares two versions", async ({ page }) => {
  await page.goto("/gids/versies");
  const from = page.getByLabel("Van weergave");
  await tabTo(page, from, 30);
  await expectVisiblyFocused(from);
  await expect(from).toHaveValue("1");
  await page.keyboard.press("ArrowUp");
  await expect(from).toHaveValue("2");

  await page.keyboard.press("Tab");
  const to = page.getByLabel("Naar weergave");
  await expectVisiblyFocused(to);
  await page.keyboard.press("ArrowDown");
  await expect(to).toHaveValue("1");

  await page.keyboard.press("Tab");
  const compare = page.getByRole("button", { name: "Vergelijk" });
  await expectVisiblyFocused(compare);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/gids/vergelijk?van=2&naar=1");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Weergave 2 en weergave 1 vergelijken");
  await expect(page.locator("del").first()).toBeVisible();
});

test("a keyboard user switches the language and back", async ({ page }) => {
  await page.goto("/gids/waarden");
  const toEnglish = page.getByRole("button", { name: "Switch the interface to English" });
  await tabTo(page, toEnglish, 6);
  await expectVisiblyFocused(toEnglish);
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL("/gids/waarden");

  // The focus stays on the switch, which now offers the way back.
  const toDutch = page.getByRole("button", { name: "Zet de website in het Nederlands" });
  await expectVisiblyFocused(toDutch);
  await page.keyboard.press("Space");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page).toHaveURL("/gids/waarden");
});
