// Organising a kris-kras round as an editor, with and without JavaScript: make the round (a mistake
// first, which keeps what was typed), add two time slots (one with a link that is not https), change
// one of them with the keyboard, try to add an organiser who is no editor, and find the round in the
// list with its slots. Also: keep the lists people choose from, by adding an answer option.
import { PEOPLE } from "./example-urls.ts";
import { expect, expectNoViolations, hydrated, test } from "./fixtures.ts";

for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`an editor makes a kris-kras round, adds two time slots and changes one (${mode})`, async ({
    newContext,
  }) => {
    test.setTimeout(90_000);
    const context = await newContext({ javaScriptEnabled, as: PEOPLE.redacteur });
    const page = await context.newPage();
    const ready = async () => {
      if (javaScriptEnabled) await hydrated(page);
    };

    // The list of rounds, then the form for a new one.
    await page.goto("/beheer/kriskras");
    await ready();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kris-kras-gesprekken");
    await expectNoViolations(page);
    await page.getByRole("link", { name: "Maak een nieuwe ronde" }).click();
    await expect(page).toHaveURL(/\/beheer\/kriskras\/nieuw$/);
    await ready();
    await expect(page.getByLabel("Gewenste grootte")).toHaveValue("12");
    await expect(page.getByLabel("Gewicht van organisatie")).toHaveValue("4");
    await expect(page.getByText("Hoe hoger het gewicht")).toBeVisible();
    await expectNoViolations(page);

    // A mistake: no title and a largest group below the preferred size. The rest stays as typed.
    const title = `Kris-kras voorjaar ${mode}`;
    await page.getByLabel("Aanmelden kan vanaf (datum)").fill("2027-03-01");
    await page.getByLabel("Aanmelden kan vanaf (tijd)").fill("09:00");
    await page.getByLabel("Aanmelden sluit op (datum)").fill("2027-03-31");
    await page.getByLabel("Aanmelden sluit om (tijd)").fill("17:00");
    await page.getByLabel("Grootste groep").fill("11");
    await page.getByLabel("Gewicht van regio").fill("3");
    await page.getByRole("button", { name: "Maak de ronde" }).click();
    const problems = page.getByRole("alert");
    await expect(problems).toContainText("Vul de titel in.");
    await expect(problems).toContainText(
      "De grootste groep mag niet kleiner zijn dan de gewenste groepsgrootte.",
    );
    await expect(page.getByLabel("Aanmelden sluit op (datum)")).toHaveValue("2027-03-31");
    await expect(page.getByLabel("Gewicht van regio")).toHaveValue("3");
    await expectNoViolations(page);
    // The summary links to the field.
    await expect(problems.getByRole("link", { name: "Vul de titel in." })).toHaveAttribute("href", "#title");
    await page.getByLabel("Titel", { exact: true }).fill(title);
    await page.getByLabel("Grootste groep").fill("14");
    await page.getByRole("button", { name: "Maak de ronde" }).click();

    // The round's page: made, not open yet, its maker is its organiser.
    await expect(page).toHaveURL(/\/beheer\/kriskras\/[0-9a-f-]{36}\?gedaan=ronde-gemaakt$/);
    await ready();
    const address = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByText("De ronde is gemaakt. Voeg nu de tijdvakken toe.")).toBeVisible();
    await expect(page.getByText("Aanmelden nog niet open")).toBeVisible();
    await expect(page.getByText("Er zijn nog geen tijdvakken.")).toBeVisible();
    const organisers = page.getByRole("region", { name: "Organisatoren" });
    await expect(organisers.getByRole("listitem")).toHaveCount(1);
    await expect(organisers.getByRole("listitem")).toContainText(PEOPLE.redacteur);
    await expect(organisers.getByRole("listitem")).toContainText("(jij)");
    await expect(page.getByRole("link", { name: "Groepen samenstellen" })).toHaveAttribute(
      "href",
      `${address}/groepen`,
    );
    await expectNoViolations(page);

    // The first slot, in a room.
    const adding = page.getByRole("region", { name: "Tijdvak toevoegen" });
    await adding.getByLabel("Datum").fill("2027-04-13");
    await adding.getByLabel("Begintijd").fill("14:00");
    await adding.getByLabel("Eindtijd").fill("16:00");
    await adding.getByLabel("Plaats", { exact: true }).fill("Ministerie van BZK, Turfmarkt 147, Den Haag");
    await adding.getByLabel("Aantal plaatsen").fill("36");
    await adding.getByRole("button", { name: "Voeg het tijdvak toe" }).click();
    await expect(page.getByText("Het tijdvak is toegevoegd.")).toBeVisible();
    await ready();
    const slots = page.getByRole("table", { name: "Tijdvakken van deze ronde" });
    await expect(slots.getByRole("rowheader", { name: "13 april 2027, 14:00–16:00" })).toBeVisible();
    await expect(adding.getByLabel("Plaats", { exact: true })).toHaveValue("");

    // The second slot, online: a link without https first, then the right one.
    await adding.getByLabel("Datum").fill("2027-04-20");
    await adding.getByLabel("Begintijd").fill("10:00");
    await adding.getByLabel("Eindtijd").fill("12:00");
    await adding.getByLabel("Online link").fill("http://video.example.nl/kriskras");
    await adding.getByLabel("Aantal plaatsen").fill("24");
    await adding.getByRole("button", { name: "Voeg het tijdvak toe" }).click();
    await expect(page.getByRole("alert")).toContainText("Vul een volledige link in die begint met https://.");
    await expect(adding.getByLabel("Datum")).toHaveValue("2027-04-20");
    await expect(adding.getByLabel("Aantal plaatsen")).toHaveValue("24");
    await expectNoViolations(page);
    await adding.getByLabel("Online link").fill("https://video.example.nl/kriskras");
    await adding.getByRole("button", { name: "Voeg het tijdvak toe" }).click();
    await expect(page.getByText("Het tijdvak is toegevoegd.")).toBeVisible();
    await ready();
    await expect(slots.getByRole("rowheader")).toHaveText([
      "13 april 2027, 14:00–16:00",
      "20 april 2027, 10:00–12:00",
    ]);
    await expect(slots.getByRole("row", { name: /20 april 2027/ })).toContainText(
      "https://video.example.nl/kriskras",
    );
    await expectNoViolations(page);

    // Change the first slot with the keyboard: follow its link, type, press Enter to save.
    await slots.getByRole("link", { name: "Wijzig 13 april 2027, 14:00–16:00" }).focus();
    await page.keyboard.press("Enter");
    const editing = page.getByRole("region", { name: "Tijdvak wijzigen" });
    await expect(editing.getByLabel("Begintijd")).toHaveValue("14:00");
    await ready();
    await expectNoViolations(page);
    await editing.getByLabel("Begintijd").fill("15:00");
    await editing.getByLabel("Eindtijd").fill("17:00");
    await editing.getByLabel("Aantal plaatsen").focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("48");
    await page.keyboard.press("Enter");
    await expect(page.getByText("Het tijdvak is opgeslagen.")).toBeVisible();
    await ready();
    await expect(editing).toHaveCount(0);
    const changed = slots.getByRole("row", { name: /13 april 2027, 15:00–17:00/ });
    await expect(changed).toContainText("48");
    await expect(changed).toContainText("Den Haag");

    // Only editors organise: the operator is none, and what was typed stays.
    await organisers.getByLabel("E-mailadres van een redacteur").fill(PEOPLE.beheerder);
    await organisers.getByRole("button", { name: "Voeg toe als organisator" }).click();
    await expect(page.getByRole("alert")).toContainText(
      "Deze persoon is geen redacteur. Alleen redacteuren kunnen een ronde organiseren.",
    );
    await expect(organisers.getByLabel("E-mailadres van een redacteur")).toHaveValue(PEOPLE.beheerder);
    await expectNoViolations(page);

    // The list shows the round with its two slots.
    await page.getByRole("link", { name: "Alle kris-kras-rondes" }).click();
    await ready();
    const row = page.getByRole("row", { name: new RegExp(title) });
    await expect(row).toContainText("Aanmelden nog niet open");
    await expect(row.getByRole("cell").nth(2)).toHaveText("2");
    await context.close();
  });

  test(`an editor adds an answer option people can choose when they sign up (${mode})`, async ({
    newContext,
  }) => {
    const context = await newContext({ javaScriptEnabled, as: PEOPLE.redacteur });
    const page = await context.newPage();
    await page.goto("/beheer/kriskras/organisaties");
    if (javaScriptEnabled) await hydrated(page);
    await expect(page.getByRole("table", { name: "Organisaties" })).toContainText("Belastingdienst");
    // "Midden" is a region both in the shipped lists and in the newContext tests' fixture.
    await expect(page.getByRole("table", { name: "Regio" })).toContainText("Midden");
    await expectNoViolations(page);

    const label = `Caribisch Nederland ${javaScriptEnabled ? "met" : "zonder"} JavaScript`;
    const adding = page.getByRole("region", { name: "Antwoord toevoegen" });
    await adding.getByLabel("Vraag").selectOption({ label: "Regio" });
    await adding.getByLabel("Nederlandse tekst").fill(label);
    await adding.getByRole("button", { name: "Voeg toe" }).click();
    // No English text: the message in Dutch, the Dutch text still there.
    await expect(page.getByRole("alert")).toContainText("Vul de Engelse tekst in.");
    await expect(adding.getByLabel("Nederlandse tekst")).toHaveValue(label);
    await expectNoViolations(page);
    await adding.getByLabel("Engelse tekst").fill("Caribbean Netherlands");
    await adding.getByRole("button", { name: "Voeg toe" }).click();
    await expect(page.getByText("Het antwoord is toegevoegd.")).toBeVisible();
    const regions = page.getByRole("table", { name: "Regio" });
    await expect(regions.getByRole("row", { name: new RegExp(label) })).toContainText(
      `caribisch-nederland-${javaScriptEnabled ? "met" : "zonder"}-javascript`,
    );
    await context.close();
  });
}
