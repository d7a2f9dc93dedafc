// The Dilemma-wijzer as a civil servant uses it: think a dilemma through in seven steps (with and
// without JavaScript), accept and dismiss suggested principles, read and download the record, share it
// read-only and take the link back, turn it into a card, delete it. Also: two tabs that both save, a
// login that runs out while typing, and that nobody else (an editor neither) can open the record.
import type { Page } from "@playwright/test";
import { PEOPLE } from "./example-urls.ts";
import { expect, expectNoViolations, hydrated, logInOnThisPage, test } from "./fixtures.ts";

/** Starts a new record and gives the address of its first step. */
async function startRecord(page: Page): Promise<string> {
  await page.goto("/afwegen");
  await page.getByRole("button", { name: "Begin een nieuwe afweging" }).click();
  await expect(page).toHaveURL(/\/afwegen\/[0-9a-f-]{36}\/stap\/1$/);
  // The step page loads whole and then hydrates; saving as you type starts once it has.
  await hydrated(page);
  return new URL(page.url()).pathname.replace(/\/stap\/1$/, "");
}

const next = (page: Page) => page.getByRole("button", { name: "Opslaan en verder" }).click();

for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`a civil servant thinks a dilemma through in seven steps and keeps the record (${mode})`, async ({
    newContext,
  }) => {
    test.setTimeout(120_000);
    const context = await newContext({ javaScriptEnabled, as: PEOPLE.ambtenaar });
    const page = await context.newPage();
    const record = await startRecord(page);
    const id = record.split("/").at(-1) ?? "";

    // 1. Situation
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Situatie");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Stap 1 van 7");
    const progress = page.getByRole("navigation", { name: "Voortgang" });
    await expect(progress.getByRole("link")).toHaveCount(7);
    await expect(progress.getByRole("link", { name: /Situatie/ })).toHaveAttribute("aria-current", "step");
    await expect(page.getByText("Voorbeeld", { exact: true })).toBeVisible();
    await page
      .getByLabel("Wat is er gebeurd?")
      .fill(
        "Mijn directeur wil dat ik een nota schrijf die het advies van de minister steunt. Ik ben het er niet mee eens. " +
          "Ik denk dat het plan niet werkt en dat ik dat moet zeggen, ook al wil de minister het niet horen.",
      );
    await page
      .getByLabel("Wat is het moment waarop je moet kiezen?")
      .fill("Morgen gaat de nota naar de minister.");
    await expectNoViolations(page);
    await next(page);

    // 2. Dilemma; back to step 1 and forward again keeps what was typed.
    await expect(page).toHaveURL(`${record}/stap/2`);
    await page.getByLabel("Ik moet kiezen tussen A …").fill("Ik schrijf de nota zoals gevraagd");
    await page.getByLabel("Wat gaat er mis als je A kiest?").fill("De minister hoort mijn tegenspraak niet.");
    await page.getByLabel("… en B").fill("Ik schrijf mijn bezwaren in de nota");
    await page.getByLabel("Wat gaat er mis als je B kiest?").fill("Mijn directeur is boos.");
    await page.getByRole("button", { name: "Vorige stap" }).click();
    await expect(page).toHaveURL(`${record}/stap/1`);
    await expect(page.getByLabel("Wat is het moment waarop je moet kiezen?")).toHaveValue(
      "Morgen gaat de nota naar de minister.",
    );
    await next(page);
    await expect(page.getByLabel("… en B")).toHaveValue("Ik schrijf mijn bezwaren in de nota");
    await next(page);

    // 3. Who is involved, with someone of one's own.
    await expect(page).toHaveURL(`${record}/stap/3`);
    await page.getByLabel("Bewindspersoon", { exact: true }).fill("Een eerlijk advies, ook als het schuurt.");
    await page.getByLabel("Wie (rij 1)").fill("De uitvoeringsorganisatie");
    await page.getByLabel("Wat heeft die nodig? (rij 1)").fill("Een plan dat ze kunnen uitvoeren.");
    await expectNoViolations(page);
    await next(page);

    // 4. Suggestions from the person's own words, with the reason; accept one, dismiss another.
    await expect(page).toHaveURL(`${record}/stap/4`);
    const suggestions = page.getByRole("region", { name: "Principes die passen bij wat je schreef" });
    const first = suggestions.getByRole("listitem").first();
    await expect(first.getByRole("heading", { level: 3 })).toHaveText("Spreek loyaal tegen");
    await expect(first).toContainText("Omdat je schreef:");
    await expectNoViolations(page);
    await page.getByRole("button", { name: "Neem over: Spreek loyaal tegen" }).click();
    await expect(page).toHaveURL(`${record}/stap/4#voorstellen`);
    await expect(page.getByRole("checkbox", { name: "Spreek loyaal tegen" })).toBeChecked();
    await expect(first).toContainText("Overgenomen");
    const second = (await suggestions.getByRole("listitem").nth(1).getByRole("heading").textContent()) ?? "";
    await page.getByRole("button", { name: `Past niet: ${second}` }).click();
    await expect(page.getByRole("button", { name: `Zet terug: ${second}` })).toBeVisible();
    await page.getByRole("checkbox", { name: "Onafhankelijkheid en onpartijdigheid" }).check();
    await next(page);

    // 5–7
    await expect(page).toHaveURL(`${record}/stap/5`);
    await page
      .getByLabel("Welke andere wegen zijn er, naast A en B?")
      .fill("Eerst met mijn directeur praten, en de bezwaren in een bijlage zetten.");
    await next(page);
    await page.getByLabel("Ik kies …").fill("Ik zet mijn bezwaren in de nota");
    await page.getByLabel("… omdat …").fill("de minister moet weten wat er mis kan gaan");
    await page.getByLabel("… ook al …").fill("mijn directeur dat niet fijn vindt");
    await page.getByLabel("Ik beperk de schade door …").fill("het eerst met hem te bespreken");
    await next(page);
    await expect(page).toHaveURL(`${record}/stap/7`);
    await page
      .getByLabel("Aan wie vertel je wat, en wanneer?")
      .fill("Vandaag mijn directeur, morgen in de nota.");
    await expectNoViolations(page);
    await page.getByRole("button", { name: "Opslaan en naar je verslag" }).click();

    // The record
    await expect(page).toHaveURL(record);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(
      "Ik schrijf de nota zoals gevraagd of Ik schrijf mijn bezwaren in de nota",
    );
    for (const text of [
      "Morgen gaat de nota naar de minister.",
      "Een eerlijk advies, ook als het schuurt.",
      "De uitvoeringsorganisatie",
      "Spreek loyaal tegen",
      "Onafhankelijkheid en onpartijdigheid",
      "het eerst met hem te bespreken",
      "Vandaag mijn directeur, morgen in de nota.",
    ]) {
      await expect(page.getByRole("main")).toContainText(text);
    }
    await expect(page.getByRole("main")).not.toContainText(second, { ignoreCase: false });
    await expectNoViolations(page);

    // Downloads
    const markdown = await context.request.get(`${record}/download?formaat=markdown`);
    expect(markdown.headers()["content-type"]).toContain("text/markdown");
    expect(markdown.headers()["content-disposition"]).toContain(`afweging-${id.slice(0, 8)}.md`);
    expect(await markdown.text()).toContain("## 6\\. Keuze");
    const json = await (await context.request.get(`${record}/download?formaat=json`)).json();
    expect(json.content.principles).toEqual(["loyale-tegenspraak"]);
    expect(json.content.accountability).toBe("Vandaag mijn directeur, morgen in de nota.");

    // Share read-only, then take the link back.
    await page.getByRole("button", { name: "Maak een leeslink" }).click();
    const shareUrl = await page.getByLabel("Leeslink").inputValue();
    expect(shareUrl).toMatch(/\/afwegen\/gedeeld\/[\w-]{20,}$/);
    const colleague = await newContext({ javaScriptEnabled });
    const reader = await colleague.newPage();
    const shared = await reader.goto(new URL(shareUrl).pathname);
    expect(shared?.status()).toBe(200);
    await expect(reader.getByRole("main")).toContainText("Morgen gaat de nota naar de minister.");
    await expect(reader.getByRole("main")).not.toContainText("Pas stap");
    expect(shared?.headers()["cache-control"]).toContain("no-store");
    await expectNoViolations(reader);
    await page.goto(record);
    await page.getByRole("button", { name: "Zet deze link uit" }).click();
    await expect(page.getByText("De link werkt niet meer.")).toBeVisible();
    expect((await reader.goto(new URL(shareUrl).pathname))?.status()).toBe(404);
    await colleague.close();

    // Delete: one question, then gone.
    await page.getByRole("link", { name: "Verwijder deze afweging" }).click();
    await expectNoViolations(page);
    await page.getByRole("button", { name: "Ja, verwijder de afweging" }).click();
    await expect(page).toHaveURL("/afwegen?verwijderd=1");
    await expect(page.getByText("De afweging is verwijderd.")).toBeVisible();
    expect((await page.goto(record))?.status()).toBe(404);
    await context.close();
  });
}

test("with JavaScript, a step saves itself while the person types", async ({ newContext }) => {
  const context = await newContext({ as: PEOPLE.ambtenaar });
  const page = await context.newPage();
  const record = await startRecord(page);
  await page
    .getByLabel("Wat is er gebeurd?")
    .pressSequentially("Een collega vraagt of ik de regels wil buigen.");
  await expect(page.getByRole("status").filter({ hasText: /Opgeslagen om/ })).toBeVisible();
  // Moving on through the progress list keeps it too.
  await page.getByLabel("Wat is het moment waarop je moet kiezen?").fill("Vanmiddag");
  await page.getByRole("navigation", { name: "Voortgang" }).getByRole("link", { name: /Keuze/ }).click();
  await expect(page).toHaveURL(`${record}/stap/6`);
  await page.goto(`${record}/stap/1`);
  await expect(page.getByLabel("Wat is er gebeurd?")).toHaveValue(
    "Een collega vraagt of ik de regels wil buigen.",
  );
  await expect(page.getByLabel("Wat is het moment waarop je moet kiezen?")).toHaveValue("Vanmiddag");
  await context.close();
});

for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`two tabs that both save: the later one is told and can merge (${mode})`, async ({ newContext }) => {
    const context = await newContext({ javaScriptEnabled, as: PEOPLE.ambtenaar });
    const first = await context.newPage();
    const record = await startRecord(first);
    const second = await context.newPage();
    await second.goto(`${record}/stap/1`);

    await first.getByLabel("Wat is er gebeurd?").fill("Versie uit het eerste tabblad");
    await first.getByRole("button", { name: "Opslaan", exact: true }).click();
    await expect(first.getByText("Opgeslagen.", { exact: true })).toBeVisible();

    await second.getByLabel("Wat is er gebeurd?").fill("Versie uit het tweede tabblad");
    if (!javaScriptEnabled) await second.getByRole("button", { name: "Opslaan", exact: true }).click();
    const panel = second.getByRole("heading", { name: "Deze stap is ook ergens anders veranderd" });
    await expect(panel).toBeVisible();
    await expect(second.getByRole("main")).toContainText("Versie uit het eerste tabblad");
    await expect(second.getByLabel("Wat is er gebeurd?")).toHaveValue("Versie uit het tweede tabblad");
    await expectNoViolations(second);

    // Merging: the person combines both in the box and saves.
    await second
      .getByLabel("Wat is er gebeurd?")
      .fill("Versie uit het eerste tabblad, aangevuld in het tweede");
    await second.getByRole("button", { name: "Opslaan", exact: true }).click();
    await expect(second.getByText("Opgeslagen.", { exact: true })).toBeVisible();
    await first.goto(`${record}/stap/1`);
    await expect(first.getByLabel("Wat is er gebeurd?")).toHaveValue(
      "Versie uit het eerste tabblad, aangevuld in het tweede",
    );
    await context.close();
  });
}

for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`a login that runs out while typing keeps the text and brings it back after logging in (${mode})`, async ({
    newContext,
  }) => {
    const context = await newContext({ javaScriptEnabled, as: PEOPLE.ambtenaar });
    const page = await context.newPage();
    const record = await startRecord(page);
    // The session ends (expired, or logged out elsewhere) while the person is still writing.
    await context.clearCookies();
    await page.getByLabel("Wat is er gebeurd?").fill("Tekst die ik niet kwijt wil");
    if (javaScriptEnabled) {
      // The autosave finds out first, says so, and leaves the text where it is.
      await expect(page.getByText("Je bent uitgelogd. Je tekst staat nog hier.")).toBeVisible();
      await expect(page.getByLabel("Wat is er gebeurd?")).toHaveValue("Tekst die ik niet kwijt wil");
    }
    await page.getByRole("button", { name: "Opslaan", exact: true }).click();
    await expect(page).toHaveURL(/\/inloggen\?terug=/);
    await logInOnThisPage(page, PEOPLE.ambtenaar);
    await expect(page).toHaveURL(`${record}/stap/1`);
    await expect(page.getByText("We hebben bewaard wat je typte")).toBeVisible();
    await expect(page.getByLabel("Wat is er gebeurd?")).toHaveValue("Tekst die ik niet kwijt wil");
    await page.getByRole("button", { name: "Opslaan", exact: true }).click();
    await expect(page.getByText("Opgeslagen.", { exact: true })).toBeVisible();
    await page.goto(`${record}/stap/1`);
    await expect(page.getByLabel("Wat is er gebeurd?")).toHaveValue("Tekst die ik niet kwijt wil");
    await context.close();
  });
}

test("nobody but the owner opens a record: another civil servant and an editor get 404", async ({
  newContext,
}) => {
  const owner = await newContext({ as: PEOPLE.ambtenaar });
  const page = await owner.newPage();
  const record = await startRecord(page);
  await page.getByLabel("Wat is er gebeurd?").fill("Alleen voor mij");
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  for (const someone of [PEOPLE.redacteur, PEOPLE.beheerder]) {
    const other = await newContext({ as: someone });
    const them = await other.newPage();
    for (const path of [record, `${record}/stap/1`, `${record}/verwijderen`, `${record}/dilemmakaart`]) {
      const response = await them.goto(path);
      expect(response?.status(), `${someone} on ${path}`).toBe(404);
      await expect(them.getByRole("main")).not.toContainText("Alleen voor mij");
    }
    const download = await other.request.get(`${record}/download?formaat=json`);
    expect(download.status()).toBe(404);
    expect(await download.text()).not.toContain("Alleen voor mij");
    await other.close();
  }
  await owner.close();
});

test("a record becomes a card sent in anonymously, after the person reviewed the text", async ({
  newContext,
}) => {
  const context = await newContext({ as: PEOPLE.ambtenaar });
  const page = await context.newPage();
  const record = await startRecord(page);
  await page
    .getByLabel("Wat is er gebeurd?")
    .fill("Een burger belt steeds over zijn toeslag. Mail hem op jan@voorbeeld.nl of bel 06-12345678.");
  await page.getByLabel("Wat is het moment waarop je moet kiezen?").fill("Vandaag moet ik beslissen.");
  await next(page);
  await page.getByLabel("Ik moet kiezen tussen A …").fill("De regel toepassen");
  await page.getByLabel("Wat gaat er mis als je A kiest?").fill("De burger komt in de problemen.");
  await page.getByLabel("… en B").fill("Een uitzondering maken");
  await page.getByLabel("Wat gaat er mis als je B kiest?").fill("Anderen krijgen die uitzondering niet.");
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(page.getByText("Opgeslagen.", { exact: true })).toBeVisible();
  await page.goto(record);
  await page.getByRole("link", { name: "Bekijk de tekst voor een dilemmakaart" }).click();
  await expect(page).toHaveURL(`${record}/dilemmakaart`);
  await expect(page.getByRole("main")).not.toContainText("jan@voorbeeld.nl");
  await expect(page.getByRole("main")).not.toContainText("06-12345678");
  await expectNoViolations(page);
  await page.getByRole("button", { name: "Stuur in als dilemmakaart" }).click();
  await expect(page.getByText("Vink aan dat je de tekst hebt nagelezen.").first()).toBeVisible();
  // The values typed so far came back with the error; the card also needs its tags.
  await expect(page.getByLabel("Keuze A: wat kun je doen?")).toHaveValue("De regel toepassen");
  await page.getByRole("checkbox", { name: "Houd oog voor de menselijke maat" }).check();
  await page.getByRole("checkbox", { name: "Uitvoering" }).check();
  await page.getByRole("checkbox", { name: "Regels en maatwerk" }).check();
  await page.getByRole("checkbox", { name: /Ik heb de tekst nagelezen/ }).check();
  await page.getByRole("button", { name: "Stuur in als dilemmakaart" }).click();
  await expect(page).toHaveURL("/dilemmas/mijn?ingestuurd=1");
  await expect(page.getByRole("main")).toContainText("De regel toepassen of een uitzondering maken");
  await expect(page.getByRole("main")).toContainText("Wacht op een redacteur");
  await context.close();
});
