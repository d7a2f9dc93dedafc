// The programme reads its insights: an editor picks a period with the keyboard, reads a chart and the
// table beside it, downloads a table, and checks, edits and publishes the year's overview, which anyone
// can then read. The figures come from tests/e2e/insights-fixture.ts (last month's counts).
import { INSIGHTS_YEAR, PEOPLE } from "./example-urls.ts";
import { expect, logIn, test } from "./fixtures.ts";

const lastMonth = () => {
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
  return month.toISOString().slice(0, 7);
};

test("an editor reads the insights of one month, with the keyboard alone, and downloads a table", async ({
  newContext,
}) => {
  const context = await newContext({ javaScriptEnabled: false });
  await logIn(context, PEOPLE.redacteur);
  const page = await context.newPage();
  await page.goto("/inzichten");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inzichten");

  // The period: from last month to last month, chosen and sent from the keyboard.
  const month = lastMonth();
  await page.getByLabel("Van", { exact: true }).focus();
  await page.getByLabel("Van", { exact: true }).selectOption(month);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Tot en met", { exact: true })).toBeFocused();
  await page.getByLabel("Tot en met", { exact: true }).selectOption(month);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Toon" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/inzichten?van=${month}&tot=${month}`);

  // A chart is one image with its own name, and the table beside it holds the same figures.
  await expect(page.getByRole("img", { name: /Gelezen delen van de gids/ })).toBeVisible();
  const parts = page.getByRole("table", { name: "Gelezen delen van de gids" });
  await expect(parts.getByRole("row", { name: /Luister beter naar burgers/ })).toContainText("180");
  await expect(parts.getByRole("row", { name: /Alles samen/ })).toContainText("387");
  const cards = page.getByRole("table", { name: "Kaarten in gesprekken" });
  await expect(cards.getByRole("row", { name: /Eerst voor de minister/ })).toContainText("12");
  // Too few finished records that month: the figure is not there, and says so.
  await expect(page.getByRole("table", { name: "Afwegingen per maand" })).toContainText("niet getoond");

  const link = page.getByRole("link", { name: "Download als CSV: Gelezen delen van de gids" });
  const csv = await context.request.get((await link.getAttribute("href")) ?? "");
  expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
  const text = await csv.text();
  expect(text).toContain("luister-naar-burgers;Luister beter naar burgers;180");
  expect(text).toContain("Alles samen;;387");
});

test("an editor edits and publishes the year's overview, and anyone can read what was published", async ({
  newContext,
}) => {
  const editor = await newContext({ javaScriptEnabled: false });
  await logIn(editor, PEOPLE.redacteur);
  const page = await editor.newPage();
  await page.goto("/inzichten");
  await page.getByRole("link", { name: `Stand van het vakmanschap ${INSIGHTS_YEAR}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Stand van het vakmanschap ${INSIGHTS_YEAR}`,
  );

  // The draft, made from the figures, can be made again and then edited.
  await page.getByRole("button", { name: "Opnieuw maken uit de cijfers" }).click();
  await expect(page.getByText("De zinnen zijn opnieuw gemaakt uit de cijfers van nu.")).toBeVisible();
  const field = page.getByLabel("Tekst van het jaaroverzicht");
  await expect(field).toHaveValue(/Het meest gelezen deel was „Luister beter naar burgers”/);
  await field.fill("Dit jaar lazen collega's vooral over burgers.\n\nDe cijfers staan hieronder.");
  await page.getByRole("button", { name: "Concept opslaan" }).click();
  await expect(page.getByText("Het concept is opgeslagen.")).toBeVisible();

  // A saved draft is not what the public sees.
  const reader = await newContext({ javaScriptEnabled: false });
  const publicPage = await reader.newPage();
  await publicPage.goto(`/inzichten/jaar/${INSIGHTS_YEAR}`);
  await expect(publicPage.getByText("Dit jaar lazen collega's vooral over burgers.")).toHaveCount(0);
  await expect(publicPage.getByRole("textbox")).toHaveCount(0);

  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByText("Het jaaroverzicht is gepubliceerd.")).toBeVisible();
  await publicPage.reload();
  await expect(publicPage.getByText("Dit jaar lazen collega's vooral over burgers.")).toBeVisible();
  await expect(publicPage.getByRole("table", { name: "Gelezen delen van de gids" })).toContainText("180");
});
