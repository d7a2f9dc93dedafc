// Comparing versions: a reader picks two versions and sees which paragraphs were added, removed and
// changed, word by word; wrong choices get a clear message, unknown versions a 404.
import type { Locator, Page } from "@playwright/test";
import { CURRENT_VERSION, DRAFT_VERSION } from "./example-urls.ts";
import { expect, test } from "./fixtures.ts";

const CHANGED = "kritiek-is-waardevolle-informatie-wie";
const ADDED = "luister-ook-naar-wie-niet";
const REMOVED = "de-menselijke-maat-geldt-ook";

async function compare(page: Page, from: number, to: number) {
  await page.getByLabel("Van weergave").selectOption(String(from));
  await page.getByLabel("Naar weergave").selectOption(String(to));
  await page.getByRole("button", { name: "Vergelijk" }).click();
  await expect(page).toHaveURL(`/gids/vergelijk?van=${from}&naar=${to}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Weergave ${from} en weergave ${to} vergelijken`,
  );
}

/** The changed words of a block, without the hidden "[toegevoegde tekst: …]" for screen readers. */
async function visibleChanges(block: Locator, tag: "ins" | "del"): Promise<string[]> {
  return block.locator(tag).evaluateAll((elements) =>
    elements.map((element) =>
      [...element.childNodes]
        .filter((node) => !(node instanceof HTMLElement && node.classList.contains("rhc-visually-hidden")))
        .map((node) => node.textContent)
        .join("")
        .trim(),
    ),
  );
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`a reader compares two versions chosen on the versions page (${mode})`, async ({ newContext }) => {
    const context = await newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/gids/versies");
    const versions = page.getByRole("table", { name: "Alle weergaven, nieuwste eerst" });
    await expect(versions.getByRole("row", { name: `Lees weergave ${DRAFT_VERSION}` })).toContainText(
      "Concept",
    );
    await expect(versions.getByRole("row", { name: `Lees weergave ${CURRENT_VERSION}` })).toContainText(
      "Huidige weergave",
    );

    // From the draft back to the published version: what the draft added now reads as removed.
    await compare(page, DRAFT_VERSION, CURRENT_VERSION);
    await expect(page.getByText("1 toegevoegd, 1 weggehaald, 1 veranderd.")).toBeVisible();
    await expect(page.locator(`#removed-${ADDED} del`)).toContainText("Luister ook naar wie niet vanzelf");
    await expect(page.locator(`#added-${REMOVED} ins`)).toContainText("De menselijke maat geldt ook");
    expect(await visibleChanges(page.locator(`#changed-${CHANGED}`), "del")).toEqual([
      "of bezwaar maakt",
      "Bedank mensen ook voor hun kritiek.",
    ]);

    // And forward again, with the form on the comparison page itself.
    await compare(page, CURRENT_VERSION, DRAFT_VERSION);
    await expect(page.getByText("1 toegevoegd, 1 weggehaald, 1 veranderd.")).toBeVisible();
    const part = page.getByRole("region", { name: "Luister beter naar burgers" });
    const changed = part.getByRole("listitem").filter({ hasText: "Veranderd:" });
    // Unchanged words stay plain; only the new words are marked.
    await expect(changed).toContainText("Kritiek is waardevolle informatie. Wie een klacht indient");
    await expect(changed).toContainText(", neemt de moeite om te laten weten dat iets beter kan.");
    expect(await visibleChanges(changed, "ins")).toEqual([
      "of bezwaar maakt",
      "Bedank mensen ook voor hun kritiek.",
    ]);
    await expect(changed.locator("del")).toHaveCount(0);
    // Screen readers hear where a change begins and ends.
    await expect(changed.locator("ins").first()).toContainText("[toegevoegde tekst:");

    const added = part.getByRole("listitem").filter({ hasText: "Toegevoegd:" });
    await expect(added.locator("ins")).toHaveText(/^Luister ook naar wie niet vanzelf aan tafel zit\./);
    const removed = page
      .getByRole("region", { name: "Houd oog voor de menselijke maat" })
      .getByRole("listitem")
      .filter({ hasText: "Weggehaald:" });
    await expect(removed.locator("del")).toHaveText(
      /^De menselijke maat geldt ook binnen je eigen organisatie\./,
    );

    const unchanged = page.getByRole("region", { name: "Delen zonder wijzigingen" });
    await expect(unchanged.getByRole("listitem").filter({ hasText: "Spreek loyaal tegen" })).toHaveCount(1);
    await context.close();
  });

  test(`a reader who picks the same version twice is asked to choose again (${mode})`, async ({
    newContext,
  }) => {
    const context = await newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/gids/versies");
    await page.getByLabel("Van weergave").selectOption(String(CURRENT_VERSION));
    await page.getByLabel("Naar weergave").selectOption(String(CURRENT_VERSION));
    await page.getByRole("button", { name: "Vergelijk" }).click();
    await expect(page.getByRole("alert")).toHaveText("Kies twee verschillende weergaven om te vergelijken.");
    await expect(page.locator("ins, del")).toHaveCount(0);
    // The form keeps the choice, ready to be corrected.
    await expect(page.getByLabel("Naar weergave")).toHaveValue(String(CURRENT_VERSION));
    await page.getByLabel("Naar weergave").selectOption(String(DRAFT_VERSION));
    await page.getByRole("button", { name: "Vergelijk" }).click();
    await expect(page.getByRole("alert")).toHaveCount(0);
    await expect(page.locator("ins").first()).toBeVisible();
    await context.close();
  });
}

test("a comparison address with invalid versions answers 400 with an explanation", async ({ page }) => {
  const cases = [
    { query: "van=x&naar=1", message: "Kies twee bestaande weergaven om te vergelijken." },
    { query: `van=1&naar=99`, message: "Kies twee bestaande weergaven om te vergelijken." },
    { query: "van=1&naar=1", message: "Kies twee verschillende weergaven om te vergelijken." },
    { query: "van=1%00&naar=%27%3B--", message: "Kies twee bestaande weergaven om te vergelijken." },
  ];
  for (const { query, message } of cases) {
    const response = await page.goto(`/gids/vergelijk?${query}`);
    expect(response?.status(), query).toBe(400);
    await expect(page.getByRole("alert")).toHaveText(message);
    await expect(page.getByRole("button", { name: "Vergelijk" })).toBeVisible();
  }
});

test("an unknown version number leads to the page-not-found page", async ({ page }) => {
  for (const path of [
    "/gids/versie/99",
    "/gids/versie/99/luister-naar-burgers",
    "/gids/versie/99/afdrukken",
    "/gids/versie/0",
    "/gids/versie/twee",
    `/gids/versie/${DRAFT_VERSION}/bestaat-niet`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze pagina bestaat niet");
  }
});

test("a reader opens the example draft from the versions page and is warned it is not published", async ({
  page,
}) => {
  await page.goto("/gids/versies");
  await page.getByRole("link", { name: `Lees weergave ${DRAFT_VERSION}` }).click();
  await expect(page).toHaveURL(`/gids/versie/${DRAFT_VERSION}`);
  await expect(page.getByText("Dit is een concept. Het is nog niet gepubliceerd")).toBeVisible();
  await page.getByRole("link", { name: "Luister beter naar burgers" }).click();
  await expect(page).toHaveURL(`/gids/versie/${DRAFT_VERSION}/luister-naar-burgers`);
  await expect(page.getByText("Dit concept is een voorbeeld.")).toBeVisible();
  await expect(page.locator(`#${ADDED}`)).toContainText("Luister ook naar wie niet vanzelf aan tafel zit.");
});
