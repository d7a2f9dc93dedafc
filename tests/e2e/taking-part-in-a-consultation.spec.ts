// A consultation from start to end, as people use it: an editor makes one with the form, two colleagues
// take part on a 375 px touch screen (one with JavaScript, one without), vote one statement at a time,
// change a vote and add a statement of their own; the editor shows that statement, closes the
// consultation, and the outcome page says it is closed. Nobody logs in to take part.
import { CONSULTATION_TO_DELETE, PEOPLE } from "./example-urls.ts";
import { expect, expectNoViolations, hydrated, test } from "./fixtures.ts";

const PHONE = { viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true };
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test("an editor makes a consultation; two colleagues vote on phones, with and without JavaScript; it is closed", async ({
  newContext,
}) => {
  test.setTimeout(120_000);
  // The editor's form, with a mistake first: what was typed comes back with the message.
  const editor = await (await newContext({ as: PEOPLE.redacteur, javaScriptEnabled: false })).newPage();
  await editor.goto("/beheer/peilingen/nieuw");
  await editor.getByLabel("De vraag van de peiling").fill("Wat helpt jou bij loyale tegenspraak?");
  await editor.getByLabel("Begindatum").fill(day(-1));
  await editor.getByLabel("Einddatum").fill(day(14));
  const statements = Array.from(
    { length: 10 },
    (_, index) => `Stelling ${index + 1} over loyale tegenspraak`,
  );
  await editor.getByLabel("Stellingen", { exact: true }).fill([...statements, "Kort"].join("\n"));
  await editor.getByRole("button", { name: "Peiling maken" }).click();
  await expect(editor.locator("#stellingen-fout")).toContainText("Regel 11 van de stellingen is te kort");
  await expect(editor.getByLabel("De vraag van de peiling")).toHaveValue(
    "Wat helpt jou bij loyale tegenspraak?",
  );
  await editor.getByLabel("Stellingen", { exact: true }).fill(statements.join("\n"));
  await editor.getByRole("button", { name: "Peiling maken" }).click();
  await expect(editor.getByText("De peiling is gemaakt.")).toBeVisible();
  const address = "/peilingen/wat-helpt-jou-bij-loyale-tegenspraak";

  // With JavaScript on a phone: the next statement comes without reloading the page.
  const anna = await (await newContext(PHONE)).newPage();
  await anna.goto(address);
  await hydrated(anna);
  await anna.getByRole("button", { name: "Doe mee" }).tap();
  await expect(anna.getByText("Je hebt op 0 van 10 stellingen gestemd.")).toBeVisible();
  await anna.evaluate(() => {
    (window as Window & { sameDocument?: boolean }).sameDocument = true;
  });
  const first = await anna.locator("#stelling").textContent();
  await anna.locator(".vm-consultation__statement").getByRole("button", { name: "Eens", exact: true }).tap();
  await expect(anna.getByText("Je hebt op 1 van 10 stellingen gestemd.")).toBeVisible();
  await expect(anna.locator("#stelling")).not.toHaveText(first ?? "");
  expect(await anna.evaluate(() => (window as Window & { sameDocument?: boolean }).sameDocument)).toBe(true);
  await anna.locator(".vm-consultation__statement").getByRole("button", { name: "Oneens" }).tap();
  await expect(anna.getByText("Je hebt op 2 van 10 stellingen gestemd.")).toBeVisible();
  await expectNoViolations(anna, "taking part, with JavaScript, on a phone");
  const width = await anna.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);

  // Without JavaScript: plain forms; a vote is changed afterwards, and a statement added.
  const bram = await (await newContext({ ...PHONE, javaScriptEnabled: false })).newPage();
  await bram.goto(address);
  await bram.getByRole("button", { name: "Doe mee" }).click();
  await bram.locator(".vm-consultation__statement").getByRole("button", { name: "Sla over" }).click();
  await expect(bram.getByText("Je hebt op 1 van 10 stellingen gestemd.")).toBeVisible();
  await bram.getByText("Je stemmen bekijken of veranderen").click();
  await expect(bram.getByText("Jouw stem: overgeslagen")).toBeVisible();
  await bram.locator(".vm-consultation__mine").getByRole("button", { name: "Eens", exact: true }).click();
  await bram.getByText("Je stemmen bekijken of veranderen").click();
  await expect(bram.getByText("Jouw stem: eens")).toBeVisible();
  await expect(bram.getByText("Je hebt op 1 van 10 stellingen gestemd.")).toBeVisible();
  await bram.getByLabel("Jouw stelling").fill("Ik wil weten wat er met mijn advies gebeurt");
  await bram.getByRole("button", { name: "Stelling toevoegen" }).click();
  await expect(bram.getByText("Je stelling is ontvangen. Een redacteur bekijkt haar eerst.")).toBeVisible();
  await expectNoViolations(bram, "taking part, without JavaScript, on a phone");

  // The editor shows the statement: now there are eleven to vote on.
  await editor.goto("/beheer/peilingen/wat-helpt-jou-bij-loyale-tegenspraak");
  await editor.getByRole("button", { name: "Tonen" }).click();
  await expect(editor.getByText("De stelling is beoordeeld.")).toBeVisible();
  await bram.goto(address);
  await expect(bram.getByText("Je hebt op 1 van 11 stellingen gestemd.")).toBeVisible();

  // The outcome follows the votes: a page open with JavaScript says so when a new outcome is in.
  const outcome = await (await newContext(PHONE)).newPage();
  await outcome.goto(`${address}/resultaten`);
  await hydrated(outcome);
  await bram.locator(".vm-consultation__statement").getByRole("button", { name: "Oneens" }).click();
  await expect(outcome.getByText("De uitkomst is net bijgewerkt met nieuwe stemmen.")).toBeVisible({
    timeout: 20_000,
  });
  await expectNoViolations(outcome, "a running consultation's outcome, after a live update");

  // Closed: no more votes, and the way to the outcome.
  await editor.getByRole("button", { name: "Sluiten" }).click();
  await expect(editor.getByText("Deze peiling is gesloten.")).toBeVisible();
  await bram.goto(address);
  await expect(bram.getByText("Deze peiling is gesloten. Je kunt niet meer stemmen.")).toBeVisible();
  await bram.getByRole("link", { name: "Bekijk de uitkomst" }).click();
  await expect(bram.getByRole("heading", { level: 1 })).toContainText(
    "Wat helpt jou bij loyale tegenspraak?",
  );
  // A summary to print: the question and the count, without the table of every statement.
  await bram.getByRole("link", { name: "Samenvatting om af te drukken" }).click();
  await expect(bram.getByRole("heading", { level: 1 })).toHaveText(
    "Samenvatting: Wat helpt jou bij loyale tegenspraak?",
  );
  await expect(bram.getByText(/2 deelnemers gaven \d+ stemmen op 11 stellingen/)).toBeVisible();
  await expect(bram.getByRole("table", { name: /Per stelling/ })).toHaveCount(0);
});

test("an editor deletes a consultation only after ticking the box, with all its votes", async ({
  newContext,
}) => {
  const editor = await (await newContext({ as: PEOPLE.gespreksleider, javaScriptEnabled: false })).newPage();
  await editor.goto(`/beheer/peilingen/${CONSULTATION_TO_DELETE}`);
  await editor.getByRole("button", { name: "Peiling verwijderen" }).click();
  await expect(editor.getByText("Zet een vinkje om te bevestigen")).toHaveCount(2);
  await editor.getByLabel("Ja, verwijder deze peiling met alle stemmen").check();
  await editor.getByRole("button", { name: "Peiling verwijderen" }).click();
  await expect(editor.getByText("De peiling is verwijderd, met alle stemmen.")).toBeVisible();
  const gone = await editor.goto(`/peilingen/${CONSULTATION_TO_DELETE}`);
  expect(gone?.status()).toBe(404);
});
