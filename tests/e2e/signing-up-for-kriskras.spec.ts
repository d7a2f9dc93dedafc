// A civil servant signs up for a kris-kras round: with the keyboard only and JavaScript on, first
// sending the form empty and reading what is missing; then, without JavaScript, changes when they can
// come (a forgotten consent box keeps everything they changed), and finally cancels after the
// question. Each step ends with a confirmation mail with the times in Amsterdam time. The round and its
// two slots are made before the server starts (tests/e2e/kriskras-fixture.ts).
import type { Locator, Page } from "@playwright/test";
import { KRISKRAS_CLOSED_ROUND, KRISKRAS_ROUND, PEOPLE } from "./example-urls.ts";
import { expect, expectNoViolations, hydrated, tabTo, test } from "./fixtures.ts";
import { mailFor } from "./mailbox.ts";

const ROUND_TITLE = "Kris-kras voorjaar";
const FIRST_SLOT = /^dinsdag 25 maart 2031, 14:00 tot 16:00, Den Haag/;
const SECOND_SLOT = /^dinsdag 8 april 2031, 10:00 tot 12:00, online/;
const FORM = `/kriskras/${KRISKRAS_ROUND}/aanmelden`;

const slotGroup = (page: Page, slot: RegExp) => page.getByRole("group", { name: slot });
const answer = (page: Page, slot: RegExp, name: string) =>
  slotGroup(page, slot).getByRole("radio", { name, exact: true });
const selectedText = (select: Locator) =>
  select.evaluate((element) => (element as HTMLSelectElement).selectedOptions[0]?.text ?? "");

test("a civil servant signs up with the keyboard, changes when they can come without JavaScript, and cancels", async ({
  newContext,
}) => {
  test.setTimeout(120_000);

  // --- with JavaScript, with the keyboard only ---------------------------------------------------
  const live = await newContext({ as: PEOPLE.ambtenaar });
  const page = await live.newPage();
  await page.goto("/kriskras");
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kris-kras-gesprekken");
  const round = page.getByRole("region", { name: ROUND_TITLE });
  await expect(round.getByRole("listitem").filter({ hasText: FIRST_SLOT })).toBeVisible();
  await expectNoViolations(page);
  const signUp = page.getByRole("link", { name: `Meld je aan voor ${ROUND_TITLE}` });
  await tabTo(page, signUp, 60);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(FORM);
  await hydrated(page);
  await expectNoViolations(page);

  // Sent empty: a summary of what is missing, each linking to its field.
  const send = page.getByRole("button", { name: "Meld mij aan" });
  await tabTo(page, send, 60);
  await page.keyboard.press("Enter");
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Kies je organisatie uit de lijst.");
  await expect(summary).toContainText("Kies bij minstens één moment ja of als het moet.");
  await expect(summary).toContainText("Geef toestemming om je gegevens te gebruiken");
  await expectNoViolations(page);
  // The summary's link takes the focus to the field (Chromium focuses a focusable fragment target).
  await summary.getByRole("link", { name: "Kies je organisatie uit de lijst." }).focus();
  await page.keyboard.press("Enter");
  const organisation = page.getByLabel("Organisatie");
  await expect(organisation).toBeFocused();

  // The first option after "Kies…" in each list, with the arrow key on the focused list.
  await page.keyboard.press("ArrowDown");
  expect(await selectedText(organisation)).toBe("Belastingdienst");
  for (const label of [
    "Soort werk",
    "Salarisschaal",
    "Hoe lang werk je bij de overheid?",
    "Regio waar je werkt",
  ]) {
    await page.keyboard.press("Tab");
    await expect(page.getByLabel(label)).toBeFocused();
    await page.keyboard.press("ArrowDown");
    expect(await selectedText(page.getByLabel(label))).not.toBe("Kies…");
  }
  // A radio group takes the focus on its chosen button ("Nee"); the arrows choose another one.
  await tabTo(page, answer(page, FIRST_SLOT, "Nee"), 5);
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(answer(page, FIRST_SLOT, "Ja")).toBeChecked();
  await tabTo(page, answer(page, SECOND_SLOT, "Nee"), 5);
  await page.keyboard.press("ArrowUp");
  await expect(answer(page, SECOND_SLOT, "Als het moet")).toBeChecked();
  await tabTo(page, page.getByLabel("Wat heb je nodig om mee te doen? (niet verplicht)"), 5);
  await page.keyboard.type("Een ruimte zonder trappen");
  const consent = page.getByRole("checkbox", { name: /Ik geef toestemming/ });
  await tabTo(page, consent, 5);
  await page.keyboard.press("Space");
  await expect(consent).toBeChecked();
  const signedUpAt = Date.now() - 1000;
  await tabTo(page, send, 5);
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL("/kriskras?aangemeld=1");
  await expect(page.getByText("Je bent aangemeld. Je krijgt een e-mail")).toBeVisible();
  await expect(round.getByText("Je bent aangemeld", { exact: true })).toBeVisible();
  await expect(round.getByRole("listitem").filter({ hasText: FIRST_SLOT })).toContainText("— Ja");
  await expect(round.getByRole("listitem").filter({ hasText: SECOND_SLOT })).toContainText("— Als het moet");
  await expectNoViolations(page);
  const confirmation = await mailFor(PEOPLE.ambtenaar, `Je bent aangemeld: ${ROUND_TITLE}`, signedUpAt);
  expect(confirmation).toMatch(
    /Op deze momenten kun je:\r?\n- dinsdag 25 maart 2031, 14:00 tot 16:00, Den Haag/,
  );
  expect(confirmation).toMatch(
    /Op deze momenten kun je als het moet:\r?\n- dinsdag 8 april 2031, 10:00 tot 12:00/,
  );
  expect(confirmation).not.toContain("zonder trappen");
  await live.close();

  // --- without JavaScript: change the availability, cancel ----------------------------------------
  const plainContext = await newContext({ javaScriptEnabled: false, as: PEOPLE.ambtenaar });
  const plain = await plainContext.newPage();
  await plain.goto("/kriskras");
  await plain.getByRole("link", { name: `Aanmelding veranderen voor ${ROUND_TITLE}` }).click();
  await expect(plain).toHaveURL(FORM);
  await expect(plain.getByRole("heading", { level: 1 })).toContainText("Aanmelding veranderen");
  await expect(plain.getByLabel("Wat heb je nodig om mee te doen? (niet verplicht)")).toHaveValue(
    "Een ruimte zonder trappen",
  );
  await expect(answer(plain, FIRST_SLOT, "Ja")).toBeChecked();
  await answer(plain, FIRST_SLOT, "Nee").check();
  await answer(plain, SECOND_SLOT, "Ja").check();
  // Consent is asked again with every change; forgetting it loses nothing that was changed.
  await plain.getByRole("button", { name: "Aanmelding opslaan" }).click();
  await expect(plain.getByRole("alert")).toContainText("Geef toestemming om je gegevens te gebruiken");
  await expect(answer(plain, FIRST_SLOT, "Nee")).toBeChecked();
  await expect(answer(plain, SECOND_SLOT, "Ja")).toBeChecked();
  await plain.getByRole("checkbox", { name: /Ik geef toestemming/ }).check();
  const changedAt = Date.now() - 1000;
  await plain.getByRole("button", { name: "Aanmelding opslaan" }).click();
  await expect(plain).toHaveURL("/kriskras?veranderd=1");
  const listed = plain.getByRole("region", { name: ROUND_TITLE });
  await expect(listed.getByRole("listitem").filter({ hasText: FIRST_SLOT })).toContainText("— Nee");
  await expect(listed.getByRole("listitem").filter({ hasText: SECOND_SLOT })).toContainText("— Ja");
  const changed = await mailFor(PEOPLE.ambtenaar, `Je aanmelding is veranderd: ${ROUND_TITLE}`, changedAt);
  expect(changed).toMatch(/Op deze momenten kun je:\r?\n- dinsdag 8 april 2031, 10:00 tot 12:00, online/);
  expect(changed).not.toContain("25 maart");

  // Cancelling asks first; going back changes nothing.
  await listed.getByRole("link", { name: `Afmelden voor ${ROUND_TITLE}` }).click();
  await expect(plain.getByRole("heading", { level: 1 })).toHaveText("Afmelden");
  await plain.getByRole("link", { name: "Nee, ga terug" }).click();
  await expect(listed.getByText("Je bent aangemeld", { exact: true })).toBeVisible();
  await listed.getByRole("link", { name: `Afmelden voor ${ROUND_TITLE}` }).click();
  const cancelledAt = Date.now() - 1000;
  await plain.getByRole("button", { name: "Ja, meld mij af" }).click();
  await expect(plain).toHaveURL("/kriskras?afgemeld=1");
  await expect(plain.getByText("Je bent afgemeld.")).toBeVisible();
  await expect(listed.getByRole("link", { name: `Meld je aan voor ${ROUND_TITLE}` })).toBeVisible();
  await mailFor(PEOPLE.ambtenaar, `Je bent afgemeld: ${ROUND_TITLE}`, cancelledAt);

  // A round whose sign-up has closed says so, and offers no form.
  await plain.goto(`/kriskras/${KRISKRAS_CLOSED_ROUND}/aanmelden`);
  await expect(plain.getByText(/De aanmelding voor deze ronde is gesloten op/)).toBeVisible();
  await expect(plain.getByRole("button", { name: "Meld mij aan" })).toHaveCount(0);
  await plainContext.close();
});
