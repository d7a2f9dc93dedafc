// The dilemma library as a team member uses it before a meeting: filter the cards with the keyboard,
// read one, follow it to the guide and back, find cards through search, and print a sheet of cards.
import { PEOPLE } from "./example-urls.ts";
import { expect, expectNoViolations, test } from "./fixtures.ts";

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`a reader filters the cards by principle and kind of work, keyboard only (${mode})`, async ({
    newContext,
  }) => {
    const context = await newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/dilemmas");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dilemma's");
    const cards = page.locator("article.vm-card-summary");
    const total = await cards.count();
    expect(total).toBeGreaterThanOrEqual(24);
    await expect(page.getByRole("status")).toHaveText(`${total} dilemma's`);

    await page.getByLabel("Principe").focus();
    await page.getByLabel("Principe").selectOption({ label: "Spreek loyaal tegen" });
    await page.keyboard.press("Tab");
    await page.getByLabel("Soort werk").selectOption("beleid");
    await page.getByRole("button", { name: "Toon dilemma's" }).press("Enter");
    await expect(page).toHaveURL(/principe=loyale-tegenspraak&werk=beleid/);
    // With JavaScript the list changes in place: wait for the count to change before reading it.
    await expect(page.getByRole("status")).not.toHaveText(`${total} dilemma's`);
    const filtered = await cards.count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(total);
    for (const tags of await cards.locator(".vm-tags").allTextContents()) expect(tags).toContain("Beleid");
    await expect(page.getByLabel("Principe")).toHaveValue("loyale-tegenspraak");

    // The chosen cards, on sheets to print.
    await page.getByRole("link", { name: "Afdrukken als kaarten" }).click();
    await expect(page).toHaveURL(/\/dilemmas\/afdrukken\?principe=loyale-tegenspraak&werk=beleid/);
    await expect(page.locator("article.vm-print-card")).toHaveCount(filtered);

    await page.goBack();
    await page.getByRole("link", { name: "Toon alle dilemma's" }).click();
    await expect(page.getByRole("status")).toHaveText(`${total} dilemma's`);
    await expect(cards).toHaveCount(total);
    await context.close();
  });
}

test("a card links to its principles in the guide, and the guide links back to the card", async ({
  page,
}) => {
  await page.goto("/dilemmas?principe=menselijke-maat");
  const first = page.locator("article.vm-card-summary").first().getByRole("link");
  const title = (await first.textContent()) ?? "";
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  for (const heading of ["De situatie", "Wat botst er?", "Wat staat er op het spel?"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await page.getByRole("link", { name: "Houd oog voor de menselijke maat" }).click();
  await expect(page).toHaveURL("/gids/menselijke-maat");
  const back = page.getByRole("complementary", { name: "Dilemma's bij dit principe" });
  await expect(back.getByRole("link", { name: title })).toBeVisible();
});

test("the site search finds dilemma cards beside the guide's paragraphs", async ({ page }) => {
  await page.goto("/dilemmas");
  const title = (await page.locator("article.vm-card-summary h3").first().textContent()) ?? "";
  const word = title.split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length)[0] ?? "";
  await page.goto(`/zoeken?q=${encodeURIComponent(word)}`);
  await expect(page.getByRole("main").getByRole("link", { name: title })).toBeVisible();
});

test("an unknown card answers 404 with a way back", async ({ page }) => {
  const response = await page.goto("/dilemmas/bestaat-niet");
  expect(response?.status()).toBe(404);
});

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`a civil servant sends in a card and an editor publishes it (${mode})`, async ({ newContext }) => {
    // Two people, three contexts and two WCAG checks; on a busy two-core machine that passed 30 seconds.
    test.setTimeout(60_000);
    const title = `Een dilemma uit de praktijk ${javaScriptEnabled ? "met" : "zonder"} script`;
    const sender = await newContext({
      javaScriptEnabled,
      as: `indiener-${javaScriptEnabled ? "js" : "html"}@example.nl`,
    });
    const page = await sender.newPage();
    await page.goto("/dilemmas/nieuw");
    await page.getByLabel("Titel").fill(title);
    await page.getByRole("button", { name: "Stuur het dilemma in" }).click();
    // What was typed stays; every missing field is named at the top.
    await expect(page.getByRole("alert")).toContainText("De situatie is te kort");
    await expect(page.getByLabel("Titel")).toHaveValue(title);
    await expectNoViolations(page, "the card form with errors");

    await page
      .getByLabel("De situatie")
      .fill(
        "Een collega vraagt je een cijfer in een nota iets gunstiger op te schrijven. De nota gaat morgen naar de minister.",
      );
    await page.getByLabel("Keuze A: wat kun je doen?").fill("Ik schrijf het cijfer zoals het is");
    await page.getByLabel("Wat gaat er mis bij keuze A?").fill("Mijn collega voelt zich afgevallen.");
    await page.getByLabel("Keuze B: wat kun je ook doen?").fill("Ik maak het cijfer iets mooier");
    await page.getByLabel("Wat gaat er mis bij keuze B?").fill("De minister beslist op een verkeerd beeld.");
    await page
      .getByRole("group", { name: "Welke principes uit de gids spelen mee?" })
      .getByLabel("Spreek loyaal tegen")
      .check();
    await page.getByRole("group", { name: "Soort werk" }).getByLabel("Beleid").check();
    await page.getByRole("group", { name: "Thema" }).getByLabel("Politiek en neutraliteit").check();
    await page.getByRole("button", { name: "Stuur het dilemma in" }).click();
    await expect(page).toHaveURL("/dilemmas/mijn?ingestuurd=1");
    await expect(page.getByText("Je dilemma is ingestuurd")).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: title })).toContainText(
      "Wacht op een redacteur",
    );
    await sender.close();

    const editor = await newContext({ javaScriptEnabled, as: PEOPLE.redacteur });
    const review = await editor.newPage();
    await review.goto("/beheer/dilemmas");
    await review.getByRole("link", { name: title }).click();
    await expect(review.getByRole("heading", { level: 1 })).toHaveText("Dilemma beoordelen");
    await expectNoViolations(review, "an editor reviewing a card");
    await review.getByRole("button", { name: "Publiceren" }).click();
    await expect(review.getByText("Het dilemma is gepubliceerd.")).toBeVisible();
    await editor.close();

    const reader = await newContext({ javaScriptEnabled });
    const library = await reader.newPage();
    await library.goto("/dilemmas?principe=loyale-tegenspraak");
    await library.getByRole("link", { name: title }).click();
    await expect(library.getByRole("heading", { level: 1 })).toHaveText(title);
    await reader.close();
  });
}
