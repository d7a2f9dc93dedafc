// A civil servant evaluates the kris-kras conversation they had three days ago: first sends the form
// half filled in and reads what is missing (what they chose stays), then answers the rest with the
// keyboard; a second visit thanks them instead of asking again. The round is made before the server
// starts (tests/e2e/kriskras-fixture.ts).
import { KRISKRAS_PAST_ROUND, KRISKRAS_PURGED_ROUND, PEOPLE } from "./example-urls.ts";
import { expect, expectNoViolations, test } from "./fixtures.ts";

const PAGE = `/kriskras/${KRISKRAS_PAST_ROUND}/evaluatie`;

test("a civil servant evaluates their kris-kras conversation once, with the keyboard", async ({
  newContext,
}) => {
  const page = await (await newContext({ as: PEOPLE.ambtenaar })).newPage();
  await page.goto(PAGE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Hoe was het kris-kras-gesprek? (Kris-kras deze herfst)",
  );
  await expectNoViolations(page);

  const statement = (name: string) => page.getByRole("group", { name });
  await statement("Het gesprek was waardevol voor mij.").getByRole("radio", { name: "4 – mee eens" }).check();
  await page.getByRole("button", { name: "Verstuur" }).click();
  await expect(page.getByRole("alert")).toContainText("Nog niet alles is ingevuld");
  await expect(
    statement("Het gesprek was waardevol voor mij.").getByRole("radio", { name: "4 – mee eens" }),
  ).toBeChecked();
  await expectNoViolations(page);

  // The rest with the keyboard: focus the first choice of each statement and move with the arrow keys.
  for (const name of [
    "Ik hoorde hoe collega's van andere organisaties hun werk doen en wat zij afwegen.",
    "Ik kon in de groep eerlijk zeggen wat ik dacht.",
    "Ik neem iets uit dit gesprek mee in mijn werk.",
    "Ik raad een kris-kras-gesprek aan bij collega's.",
  ]) {
    await statement(name).getByRole("radio").first().focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(statement(name).getByRole("radio", { name: "4 – mee eens" })).toBeChecked();
  }
  await page.getByRole("button", { name: "Verstuur" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Dank je wel! Je antwoorden zijn opgeslagen.")).toBeVisible();

  await page.goto(PAGE);
  await expect(page.getByText("Dank je wel! Je antwoorden zijn opgeslagen.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Verstuur" })).toHaveCount(0);
  await expectNoViolations(page);
});

test("months later, an editor still sees what a round's evaluation said, though nobody's answers are kept", async ({
  newContext,
}) => {
  const context = await newContext({ as: PEOPLE.redacteur });
  const page = await context.newPage();
  await page.goto(`/beheer/kriskras/${KRISKRAS_PURGED_ROUND}`);
  const kept = page.getByRole("region", { name: "Bewaarde totalen" });
  await expect(kept).toContainText("zijn op");
  await expect(kept.getByRole("definition")).toHaveText(["12", "1", "12"]);
  await expect(
    kept.getByRole("table", { name: "Aanmeldingen per organisatie" }).getByRole("row"),
  ).not.toHaveCount(0);
  // Six evaluations came in before the clean-up: their totals are still shown, per statement.
  const totals = page.getByRole("region", { name: /Evaluatie/ }).getByRole("table");
  await expect(totals).toContainText("6");
  await expect(
    totals
      .getByRole("row", { name: /Ik neem iets uit dit gesprek mee in mijn werk\./ })
      .getByRole("cell")
      .last(),
  ).toHaveText("3,5");
  await expectNoViolations(page);
  await context.close();
});
