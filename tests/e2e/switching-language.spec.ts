// Switching the interface between Dutch and English: the reader stays on the same page, the interface
// changes language, and the guide's own text stays Dutch and says so.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

const TO_ENGLISH = "Switch the interface to English";
const TO_DUTCH = "Zet de website in het Nederlands";

async function expectDutchInterface(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(
    page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "De gids" }),
  ).toBeVisible();
  await expect(page.getByRole("banner").getByLabel("Zoek in de gids")).toBeVisible();
  await expect(page.getByRole("button", { name: TO_ENGLISH })).toHaveText("English");
  await expect(page.getByRole("button", { name: TO_ENGLISH })).toHaveAttribute("lang", "en");
}

async function expectEnglishInterface(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(
    page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "The guide" }),
  ).toBeVisible();
  await expect(page.getByRole("banner").getByLabel("Search the guide")).toBeVisible();
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeAttached();
  await expect(page.getByRole("button", { name: TO_DUTCH })).toHaveText("Nederlands");
  await expect(page.getByRole("button", { name: TO_DUTCH })).toHaveAttribute("lang", "nl");
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`a reader switches a part of the guide to English and back and stays on it (${mode})`, async ({
    newContext,
  }) => {
    const context = await newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/gids/luister-naar-burgers");
    await expectDutchInterface(page);

    await page.getByRole("button", { name: TO_ENGLISH }).click();
    await expectEnglishInterface(page);
    await expect(page).toHaveURL("/gids/luister-naar-burgers");
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("The guide");
    await expect(page.getByRole("link", { name: "Link to this paragraph" }).first()).toBeAttached();
    await expect(page.getByRole("navigation", { name: "Previous / Next" })).toBeVisible();
    // The guide's text is not translated, and says which language it is in.
    const title = page.getByRole("heading", { level: 1 });
    await expect(title).toHaveText("Luister beter naar burgers");
    await expect(title).toHaveAttribute("lang", "nl");
    const paragraph = page.locator("#kritiek-is-waardevolle-informatie-wie");
    await expect(paragraph).toContainText("Kritiek is waardevolle informatie.");
    await expect(paragraph.locator("xpath=ancestor-or-self::*[@lang][1]")).toHaveAttribute("lang", "nl");

    // The choice is remembered on the next page.
    await page
      .getByRole("navigation", { name: "Main menu" })
      .getByRole("link", { name: "Renderings" })
      .click();
    await expect(page).toHaveURL("/gids/versies");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "This website's renderings of the guide",
    );

    await page.getByRole("button", { name: TO_DUTCH }).click();
    await expectDutchInterface(page);
    await expect(page).toHaveURL("/gids/versies");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Weergaven van de gids op deze website");
    await context.close();
  });

  test(`a reader switches language on a search and keeps the results (${mode})`, async ({ newContext }) => {
    const context = await newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/zoeken?q=burgers");
    const hits = await page.locator("li.vm-hit").count();
    expect(hits).toBeGreaterThan(0);

    await page.getByRole("button", { name: TO_ENGLISH }).click();
    await expectEnglishInterface(page);
    await expect(page).toHaveURL("/zoeken?q=burgers");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search for “burgers”");
    await expect(page.getByText(`${hits} results found.`)).toBeVisible();
    await expect(page.locator("li.vm-hit")).toHaveCount(hits);
    await expect(page.locator("li.vm-hit p.vm-hit__snippet").first()).toHaveAttribute("lang", "nl");
    await context.close();
  });
}

test("in English the contents and the page-not-found page are in English, part titles in Dutch", async ({
  page,
  context,
  baseURL,
}) => {
  await context.addCookies([{ name: "taal", value: "en", url: String(baseURL) }]);
  await page.goto("/gids");
  await expectEnglishInterface(page);
  await expect(page.getByRole("heading", { level: 2, name: "Contents of the guide" })).toBeVisible();
  const part = page.getByRole("link", { name: "Luister beter naar burgers" });
  await expect(part.locator("xpath=ancestor-or-self::*[@lang][1]")).toHaveAttribute("lang", "nl");

  const response = await page.goto("/bestaat-niet");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist");
});

test("the language switch only ever returns to a page of this site", async ({ request, baseURL }) => {
  for (const back of ["//evil.example/", "/\\evil.example", "https://evil.example/", "javascript:alert(1)"]) {
    const response = await request.post("/taal", {
      form: { taal: "en", terug: back },
      headers: { Origin: String(baseURL) },
      maxRedirects: 0,
    });
    expect(response.status(), back).toBe(303);
    expect(response.headers().location, back).toBe("/");
  }
  const response = await request.post("/taal", {
    form: { taal: "en", terug: "/gids/waarden?x=1" },
    headers: { Origin: String(baseURL) },
    maxRedirects: 0,
  });
  expect(response.headers().location).toBe("/gids/waarden?x=1");
  expect(response.headers()["set-cookie"]).toMatch(/^taal=en;.*HttpOnly/);
});
