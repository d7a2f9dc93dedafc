// Logging in with a link by e-mail, keeping a profile and API keys: with and without JavaScript, with
// the keyboard alone, and without accessibility violations in the states in between.
import { PEOPLE } from "./example-urls.ts";
import { expect, expectNoViolations, logIn, test } from "./fixtures.ts";
import { SSO_PERSON } from "./sso.ts";

for (const javaScriptEnabled of [true, false]) {
  const label = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`a civil servant logs in by e-mail link and sees the profile (${label})`, async ({ newContext }) => {
    // Through the mail every time, not with the worker's saved session: logging in is what is tested.
    const context = await newContext({ javaScriptEnabled });
    await logIn(context, "lezer@example.nl");
    const page = await context.newPage();
    await page.goto("/profiel");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn profiel");
    await expect(page.getByText("lezer@example.nl")).toBeVisible();
    await page.getByLabel("Naam", { exact: true }).fill("Sam de Vries");
    await page.getByLabel("Organisatie").fill("Ministerie van BZK");
    await page.getByLabel("Soort werk").selectOption("beleid");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await expect(page.getByText("Je profiel is opgeslagen.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Naam", { exact: true })).toHaveValue("Sam de Vries");

    await page.goto("/uitloggen");
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await expect(page.getByText("Je bent uitgelogd.")).toBeVisible();
    await page.goto("/profiel");
    await expect(page).toHaveURL(/\/inloggen\?terug=%2Fprofiel$/);
    await context.close();
  });
}

test("a wrong address gets a clear Dutch message, keeps what was typed, and passes axe", async ({ page }) => {
  await page.goto("/inloggen");
  await page.locator("#email").fill("sam.devries@");
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByRole("alert")).toContainText("Dit is geen geldig e-mailadres");
  await expect(page.locator("#email")).toHaveValue("sam.devries@");
  await expect(page.locator("#email")).toHaveAttribute("aria-invalid", "true");
  await expectNoViolations(page, "login form with an error");

  await page.locator("#email").fill("sam.devries@example.nl");
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kijk in je e-mail");
  await expectNoViolations(page, "login link sent");
});

test("a civil servant makes an API key, sees it once, and revokes it", async ({ newContext }) => {
  const context = await newContext({ as: PEOPLE.ambtenaar });
  const page = await context.newPage();
  await page.goto("/profiel");
  await page.getByLabel("Naam van de sleutel").fill("rapportage");
  await page.getByRole("button", { name: "Maak een sleutel" }).click();
  const token = await page.locator("code.vm-token").textContent();
  expect(token).toMatch(/^vmt_/);
  await expectNoViolations(page, "profile with a new key");
  const me = await page.request.get("/api/v1/ik", { headers: { Authorization: `Bearer ${token}` } });
  expect(await me.json()).toMatchObject({ email: PEOPLE.ambtenaar });

  await page.reload();
  await expect(page.locator("code.vm-token")).toHaveCount(0);
  await page.getByRole("button", { name: "Sleutel rapportage intrekken" }).first().click();
  await expect(page.getByText("De sleutel is ingetrokken.")).toBeVisible();
  const refused = await page.request.get("/api/v1/ik", { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  await context.close();
});

test("a keyboard user asks for a login link", async ({ page }) => {
  await page.goto("/inloggen");
  await page.locator("#email").focus();
  await page.keyboard.type("toetsen@example.nl");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Stuur mij een inloglink" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kijk in je e-mail");
});

test("an operator gives a colleague a role, with the keyboard alone", async ({ newContext }) => {
  // The colleague's account exists once they have logged in themselves.
  const colleague = await newContext({ as: "collega@example.nl" });
  await colleague.close();
  const context = await newContext({ as: PEOPLE.beheerder });
  const page = await context.newPage();
  await page.goto("/beheer/gebruikers");
  const box = page.getByRole("group", { name: "Rollen van collega@example.nl" }).getByLabel("redacteur");
  await box.focus();
  await page.keyboard.press("Space");
  await expect(box).toBeChecked();
  // From "redacteur" past "beheerder" to the form's button.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(
    page.getByRole("group", { name: "Rollen van collega@example.nl" }).locator("..").getByRole("button"),
  ).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("De rollen van collega@example.nl zijn opgeslagen.")).toBeVisible();
  await page.goto("/beheer/audit");
  await expect(page.locator("table")).toContainText("user.roles");
  await expect(page.locator("table")).toContainText("collega@example.nl");
  await context.close();
});

test("a person downloads their data and deletes their account", async ({ newContext }) => {
  const context = await newContext({ acceptDownloads: true, as: "weg@example.nl" });
  const page = await context.newPage();
  await page.goto("/profiel");
  await page.getByRole("link", { name: "Mijn gegevens downloaden of mijn account verwijderen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn gegevens");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download mijn gegevens" }).click(),
  ]);
  const file = await download.path();
  const exported = JSON.parse(await (await import("node:fs/promises")).readFile(file, "utf8"));
  expect(exported.account.profile.email).toBe("weg@example.nl");

  await page.getByRole("button", { name: "Verwijder mijn account" }).click();
  await expect(page.getByText("Vink aan dat je je account echt wilt verwijderen.")).toBeVisible();
  await expectNoViolations(page, "delete without confirmation");
  await page.getByLabel("Ja, ik wil mijn account verwijderen").check();
  await page.getByRole("button", { name: "Verwijder mijn account" }).click();
  await expect(page.getByText("Je account is verwijderd.")).toBeVisible();
  await page.goto("/profiel");
  await expect(page).toHaveURL(/\/inloggen/);
  await context.close();
});

for (const javaScriptEnabled of [true, false]) {
  const label = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`a civil servant logs in through their organisation, keyboard only (${label})`, async ({
    newContext,
  }) => {
    const context = await newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/inloggen?terug=%2Fprofiel");
    await expectNoViolations(page, "login page with single sign-on and login links");
    const button = page.getByRole("button", { name: "Inloggen via Rijks-SSO" });
    for (
      let presses = 0;
      presses < 30 && !(await button.evaluate((el) => el === document.activeElement));
      presses++
    ) {
      await page.keyboard.press("Tab");
    }
    await expect(button).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/profiel$/);
    await expect(page.getByText(SSO_PERSON.claims.email)).toBeVisible();
    await expect(page.getByLabel("Organisatie")).toHaveValue(SSO_PERSON.claims.organisatie);
    await expect(page.getByLabel("Naam", { exact: true })).toHaveValue(SSO_PERSON.claims.name);
    await context.close();
  });
}
