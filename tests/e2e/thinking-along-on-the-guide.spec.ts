// Thinking along on the guide as people do it: a civil servant comments on a paragraph with the
// keyboard alone and proposes new text on a phone, with and without JavaScript; colleagues report a
// contribution until it is hidden; an editor restores it and decides with a reason, and the contributor
// reads that reason (and gets an e-mail).
import { PART_SLUG, PEOPLE } from "./example-urls.ts";
import { type ContextOptions, expect, type NewContext, tabTo, test } from "./fixtures.ts";
import { waitForMail } from "./mailbox.ts";

async function personIn(newContext: NewContext, who: keyof typeof PEOPLE, options: ContextOptions = {}) {
  const context = await newContext({ ...options, as: PEOPLE[who] });
  return { context, page: await context.newPage() };
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";
  // Each run reacts to its own paragraph, so the counts it checks are its own.
  const anchor = javaScriptEnabled ? "kritiek-is-waardevolle-informatie-wie" : "luisteren-heeft-pas-zin-als";

  test(`a civil servant comments on a paragraph with the keyboard only (${mode})`, async ({ newContext }) => {
    const { context, page } = await personIn(newContext, "ambtenaar", { javaScriptEnabled });
    await page.goto(`/gids/${PART_SLUG}#${anchor}`);
    const block = page.locator(`[id="${anchor}"]`);
    // Without reactions the line is quiet: only a short "Reageer", no count.
    await expect(block.locator(".vm-paragraph-actions")).toHaveText("Reageer");
    // From the paragraph the keyboard goes to its own link, then to "react".
    await block.getByRole("link", { name: "Link naar deze alinea" }).focus();
    const react = block.getByRole("link", { name: "Reageer op deze alinea" });
    await tabTo(page, react, 1);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reageer op een alinea");

    // Too short: the message comes, and what was typed stays.
    const comment = page.getByLabel("Je reactie");
    await tabTo(page, comment, 30);
    await page.keyboard.type("Ja");
    await tabTo(page, page.getByRole("button", { name: "Stuur je bijdrage" }), 4);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("alert")).toContainText("Schrijf je reactie: minstens 3 tekens.");
    await expect(comment).toHaveValue("Ja");

    await comment.focus();
    await page.keyboard.press("End");
    await page.keyboard.type(", dit herken ik van de balie.");
    await tabTo(page, page.getByRole("button", { name: "Stuur je bijdrage" }), 4);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/meedenken\/[0-9a-f-]{36}\?nieuw=1$/);
    await expect(page.getByText("Bedankt! Je bijdrage staat erbij.")).toBeVisible();
    await expect(page.getByText("Ja, dit herken ik van de balie.")).toBeVisible();
    await expect(page.getByText("Anoniem")).toBeVisible();

    await page.goto(`/gids/${PART_SLUG}#${anchor}`);
    const count = block.getByRole("link", { name: "1 reactie" });
    await expect(count).toBeVisible();
    await count.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toHaveText("1 bijdrage");
    const card = page.locator("article.vm-contribution");
    await expect(card).toContainText("Ja, dit herken ik van de balie.");
    // Who wrote it stays hidden from the public: no name, no address.
    await expect(card).toContainText("Anoniem");
    await expect(card).not.toContainText("@");
    await expect(card).not.toContainText("account verwijderd");
    await context.close();
  });

  test(`a civil servant proposes new text on a phone (${mode})`, async ({ newContext }) => {
    const { context, page } = await personIn(newContext, "ambtenaar", {
      javaScriptEnabled,
      viewport: { width: 375, height: 667 },
      hasTouch: true,
      isMobile: javaScriptEnabled,
    });
    await page.goto(`/gids/${PART_SLUG}#${anchor}`);
    const react = page.locator(`[id="${anchor}"]`).getByRole("link", { name: "Reageer op deze alinea" });
    const box = await react.boundingBox();
    expect(box?.height ?? 0, "the link is at least 44 px tall").toBeGreaterThanOrEqual(44);
    await react.tap();
    await page.getByRole("link", { name: "Stel een nieuwe tekst voor" }).tap();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stel een nieuwe tekst voor");
    const text = page.getByLabel("Nieuwe tekst van de alinea");
    const current = await text.inputValue();
    expect(current.length).toBeGreaterThan(40);
    const changed = `${current.trim()} Zeg ook wanneer ze antwoord krijgen.`;
    await text.fill(changed);
    await page.getByLabel("Toelichting (niet verplicht)").fill("Dan weten mensen waar ze aan toe zijn.");
    await page.getByRole("button", { name: "Stuur je bijdrage" }).tap();
    await expect(page).toHaveURL(/\/meedenken\/[0-9a-f-]{36}\?nieuw=1$/);
    await expect(page.getByRole("heading", { level: 2, name: "Wat er verandert" })).toBeVisible();
    await expect(page.locator("ins.vm-ins")).toContainText("Zeg ook wanneer ze antwoord krijgen.");
    const widths = await page.evaluate(() => ({
      content: document.documentElement.scrollWidth,
      window: innerWidth,
    }));
    expect(widths.content, "no sideways scrolling on a phone").toBeLessThanOrEqual(widths.window);
    await context.close();
  });
}

test("colleagues report a proposal until it is hidden; an editor restores it and decides with a reason the contributor reads", async ({
  newContext,
}) => {
  test.setTimeout(120_000);
  const writer = await personIn(newContext, "ambtenaar");
  await writer.page.goto(
    `/meedenken/nieuw?versie=1&deel=${PART_SLUG}&alinea=kritiek-is-waardevolle-informatie-wie&soort=nieuwe-alinea`,
  );
  await writer.page.getByLabel("Tekst van de nieuwe alinea").fill("Bedank mensen altijd voor hun klacht.");
  await writer.page.getByRole("button", { name: "Stuur je bijdrage" }).click();
  await expect(writer.page).toHaveURL(/\/meedenken\/[0-9a-f-]{36}\?nieuw=1$/);
  const address = new URL(writer.page.url()).pathname;

  for (const [index, who] of (["gespreksleider", "beheerder", "redacteur"] as const).entries()) {
    const reporter = await personIn(newContext, who);
    await reporter.page.goto(address);
    await reporter.page.getByLabel("Waarom meld je dit? (niet verplicht)").fill("Dit lijkt me niet netjes.");
    await reporter.page.getByRole("button", { name: "Meld deze bijdrage" }).click();
    await expect(
      reporter.page.getByText(
        index < 2 ? "Bedankt voor je melding. De redactie kijkt ernaar" : "Het is nu verborgen",
      ),
    ).toBeVisible();
    await reporter.context.close();
  }

  const visitor = await newContext();
  const anonymous = await visitor.newPage();
  await anonymous.goto(address);
  await expect(
    anonymous.getByText("Verborgen in afwachting van beoordeling door de redactie."),
  ).toBeVisible();
  await expect(anonymous.getByText("Bedank mensen altijd voor hun klacht.")).toHaveCount(0);

  const editor = await personIn(newContext, "redacteur");
  await editor.page.goto("/beheer/meedenken?toon=verborgen");
  await editor.page.locator(`a[href="/beheer${address}"]`).first().click();
  await expect(editor.page.getByText("Dit lijkt me niet netjes.").first()).toBeVisible();
  await editor.page
    .getByLabel("Reden om deze bijdrage te verbergen of terug te zetten")
    .fill("Er staat niets verkeerds in.");
  await editor.page.getByRole("button", { name: "Zet terug" }).click();
  await expect(editor.page.getByText("Teruggezet.")).toBeVisible();

  // Adopted, but without the version: the message, and the reason typed stays.
  // The decision form, not the one that takes the text over into a draft.
  const decision = editor.page.getByRole("region", { name: "Besluit" });
  await decision.getByLabel("Status").selectOption("overgenomen");
  await decision.getByLabel("Reden", { exact: true }).fill("Staat in de volgende versie, iets korter.");
  await editor.page.getByRole("button", { name: "Bewaar het besluit" }).click();
  await expect(editor.page.getByRole("alert")).toContainText("Vul het nummer in van de weergave");
  await expect(decision.getByLabel("Reden", { exact: true })).toHaveValue(
    "Staat in de volgende versie, iets korter.",
  );
  await editor.page.getByLabel("Weergave waarin het is overgenomen").fill("2");
  const decidedAt = Date.now() - 1000;
  await editor.page.getByRole("button", { name: "Bewaar het besluit" }).click();
  await expect(editor.page.getByText("Het besluit is bewaard.")).toBeVisible();
  await editor.context.close();

  await anonymous.goto(address);
  await expect(anonymous.getByText("Bedank mensen altijd voor hun klacht.")).toBeVisible();
  await expect(anonymous.getByText("Overgenomen in weergave 2").first()).toBeVisible();
  await visitor.close();

  await writer.page.goto("/meedenken/mijn");
  const notices = writer.page.getByRole("region", { name: "Berichten" });
  await expect(notices.getByText("Overgenomen in weergave 2")).toBeVisible();
  await notices.getByRole("link", { name: "De status van je bijdrage is veranderd:" }).first().click();
  await expect(writer.page.getByText("Staat in de volgende versie, iets korter.").first()).toBeVisible();

  // The e-mail about it arrives at the test SMTP server.
  const { mail } = await waitForMail({
    to: PEOPLE.ambtenaar,
    after: decidedAt,
    matches: (found) => found.subject === "Je bijdrage aan de gids: Overgenomen in weergave 2",
    what: "status mail",
  });
  expect(mail.text).toContain(address);
  await writer.context.close();
});
