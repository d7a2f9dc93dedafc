// An editor composes the groups of a closed kris-kras round and reviews them: starts the optimiser,
// follows its progress, sees a group per slot with its score and mix and the one person without a place
// and why; then by hand chooses a host, locks and frees someone, and is told in Dutch when a move does
// not fit (the person cannot come then), with the choice kept. With JavaScript, and without it. The
// round and its 26 sign-ups are made before the server starts (tests/e2e/kriskras-fixture.ts).
import type { Page } from "@playwright/test";
import { KRISKRAS_CLOSED_ROUND, PEOPLE } from "./example-urls.ts";
import { expect, expectNoViolations, test } from "./fixtures.ts";

const PAGE = `/beheer/kriskras/${KRISKRAS_CLOSED_ROUND}/groepen`;

const group = (page: Page, slot: number, number: number) =>
  page
    .getByRole("region", { name: slot === 1 ? /^dinsdag 25 maart 2031/ : /^dinsdag 8 april 2031/ })
    .getByRole("article", { name: new RegExp(`^Groep ${number} \\(`) });

for (const javaScriptEnabled of [true, false]) {
  test(`an editor composes a round's groups and adjusts them by hand (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({
    newContext,
  }) => {
    test.setTimeout(120_000);
    const context = await newContext({ javaScriptEnabled, as: PEOPLE.redacteur });
    const page = await context.newPage();
    await page.goto(PAGE);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Groepen samenstellen: Kris-kras vorig najaar",
    );
    await expectNoViolations(page);

    // Compose (again, when the other run of this test was first).
    await page.getByRole("button", { name: /^Stel de groepen (opnieuw )?samen$/ }).click();
    if (javaScriptEnabled) {
      await expect(page.getByText(/^Klaar: 2 groepen, 25 mensen hebben een plek, 1 niet\./)).toBeVisible({
        timeout: 20_000,
      });
    } else {
      // Without JavaScript the page does not refresh itself: the editor asks.
      await expect(async () => {
        await page.goto(PAGE);
        await expect(page.getByText(/^Klaar: 2 groepen/)).toBeVisible({ timeout: 1000 });
      }).toPass({ timeout: 20_000 });
    }

    const first = group(page, 1, 1);
    const second = group(page, 2, 1);
    await expect(first.getByRole("heading")).toHaveText("Groep 1 (12 mensen)");
    await expect(second.getByRole("heading")).toHaveText("Groep 1 (13 mensen)");
    await expect(first.getByText(/^Score voor de mix: \d+/)).toBeVisible();
    // The mix is written out beside its bars: three organisations among twelve people.
    await expect(first.getByText("3 organisaties")).toBeVisible();
    await expect(page.getByRole("heading", { name: "1 persoon zonder groep" })).toBeVisible();
    await expect(page.getByText("1 persoon kan op geen enkel moment.")).toBeVisible();
    await expect(page.getByRole("row", { name: /Deelnemer 26 \(kan op geen enkel moment\)/ })).toBeVisible();
    await expectNoViolations(page);

    // Someone from the first slot cannot be moved to the second: said in Dutch, the choice kept.
    const mover = first.getByRole("checkbox").first();
    const cell = (await first.getByRole("row").nth(1).getByRole("cell").first().textContent()) ?? "";
    const moverName = cell.split(" (")[0]?.trim() ?? "";
    await mover.check();
    await page
      .getByLabel("Verplaats naar")
      .selectOption({ label: "Groep 1, dinsdag 8 april 2031, 10:00 tot 12:00, online" });
    await page.getByRole("button", { name: "Verplaats", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("Deze persoon kan niet op dat moment.");
    await expect(group(page, 1, 1).getByRole("checkbox").first()).toBeChecked();

    // The same person becomes host, then is locked and freed again.
    await page.getByRole("button", { name: "Maak gastheer of gastvrouw" }).click();
    await expect(page.getByText("De groepen zijn aangepast.")).toBeVisible();
    await expect(
      group(page, 1, 1).getByRole("row", { name: new RegExp(`^${moverName} \\(gastheer of gastvrouw\\)`) }),
    ).toBeVisible();
    await group(page, 1, 1).getByRole("checkbox", { name: moverName, exact: true }).check();
    await page.getByRole("button", { name: "Zet vast" }).click();
    await expect(
      group(page, 1, 1).getByRole("row", { name: new RegExp(`^${moverName} .*\\(vastgezet\\)`) }),
    ).toBeVisible();
    await group(page, 1, 1).getByRole("checkbox", { name: moverName, exact: true }).check();
    await page.getByRole("button", { name: "Maak los" }).click();
    await expect(group(page, 1, 1).getByRole("row", { name: /\(vastgezet\)/ })).toHaveCount(0);
    await expectNoViolations(page);
    await context.close();
  });
}

test("a civil servant cannot compose groups", async ({ newContext }) => {
  const page = await (await newContext({ as: PEOPLE.ambtenaar })).newPage();
  const response = await page.goto(PAGE);
  expect(response?.status()).toBe(403);
});
