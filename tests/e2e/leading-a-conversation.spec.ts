// Leading a live team conversation as a facilitator, with and without JavaScript: make it from the team
// meeting template (add, fill from a card and remove a question, a mistake that keeps what was typed),
// open a question and watch the count go up while colleagues answer from their phones, find the result
// refused below the minimum and shown from three answers on, show it on the big screen, let everyone
// vote again and see both rounds, let open answers through, end the session and take the summary home as
// Markdown and CSV. Also: nobody else gets in, not a civil servant and not another facilitator.
import { type APIRequestContext, type Page, request } from "@playwright/test";
import { PEOPLE } from "./example-urls.ts";
import { expect, expectNoViolations, hydrated, test } from "./fixtures.ts";

/** A colleague on a phone, through the API as the phone's page does: join with the code, then answer. */
async function colleague(baseURL: string, code: string) {
  const api: APIRequestContext = await request.newContext({ baseURL });
  // The API refuses unsafe requests from other sites; a newContext sends its own origin.
  const joined = await api.post("/api/v1/deelname", { data: { code }, headers: { Origin: baseURL } });
  expect(joined.status(), await joined.text()).toBe(201);
  const { token } = (await joined.json()) as { token: string };
  return {
    token,
    async answer(questionId: string, value: string) {
      const response = await api.put(`/api/v1/deelname/antwoorden/${questionId}`, {
        data: { value },
        headers: { Origin: baseURL, "Deelnemer-Token": token },
      });
      expect(response.ok(), await response.text()).toBe(true);
    },
    dispose: () => api.dispose(),
  };
}

const DILEMMA_A = "A: Ik verbeter zijn deel stil, zodat hij kans houdt op een vast contract.";
const DILEMMA_B = "B: Ik help hem nu, maar zeg dat we daarna samen naar de teamleider gaan.";

for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`a facilitator makes a conversation from a template, reveals results only from the minimum, re-votes and keeps the summary (${mode})`, async ({
    newContext,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const base = String(baseURL);
    const context = await newContext({ javaScriptEnabled, acceptDownloads: true, as: PEOPLE.gespreksleider });
    const page = await context.newPage();
    const ready = async (target: Page) => {
      if (javaScriptEnabled) await hydrated(target);
    };

    // The list, then a new conversation from the team meeting template, with its conversation guide.
    await page.goto("/gesprekken");
    await ready(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gesprekken");
    await expectNoViolations(page);
    await page.getByRole("link", { name: "Maak een nieuw gesprek" }).click();
    await expect(page).toHaveURL(/\/gesprekken\/nieuw$/);
    await ready(page);
    await expectNoViolations(page);
    await page.getByRole("link", { name: "Begin met dit sjabloon: Teamoverleg" }).click();
    await expect(page).toHaveURL(/sjabloon=teamoverleg/);
    await ready(page);
    const guide = page.getByRole("region", { name: "Draaiboek" });
    await expect(guide).toContainText("Opening");
    await expect(guide).toContainText("5 minuten");
    await expect(page.locator("#vraag-1-tekst")).toHaveValue(/Een collega heeft al maanden te veel werk/);
    await expectNoViolations(page);

    const title = `Teamoverleg ${mode}`;
    await page.getByLabel("Titel", { exact: true }).fill(title);

    // A fourth question, filled from a dilemma card on the server, then removed again.
    await page.getByRole("button", { name: "Vraag toevoegen" }).click();
    await expect(page.getByText("Vraag 4 is toegevoegd. Hij is nog leeg.")).toBeVisible();
    await expect(page.locator("#vraag-3-tekst")).toHaveValue("");
    await ready(page);
    await page
      .locator("#vraag-3-kaartkeuze")
      .selectOption({ label: "Eerst voor de minister of eerst voor de samenleving?" });
    await page.getByRole("button", { name: "Neem kaart over in vraag 4" }).click();
    await expect(page.getByText("Vraag 4 is gevuld met de dilemmakaart.")).toBeVisible();
    await expect(page.locator("#vraag-3-tekst")).toHaveValue(
      /^De minister wil iets doen tegen eenzaamheid.* Wat doe je\?$/,
    );
    await expect(page.locator("#vraag-3-keuze-a")).toHaveValue(/^Ik werk de proef goed uit/);
    await expect(page.getByLabel("Titel", { exact: true })).toHaveValue(title);
    await page.getByRole("button", { name: "Verwijder vraag 4" }).click();
    await expect(page.getByText("De vraag is verwijderd.")).toBeVisible();
    await expect(page.locator("#vraag-3-tekst")).toHaveCount(0);

    // A mistake: the message in Dutch beside the field, everything typed still there.
    await page.getByLabel("Titel", { exact: true }).fill("");
    await page.locator("#vraag-1-keuze-a").fill("");
    await page.getByRole("button", { name: "Maak het gesprek" }).click();
    await expect(page.getByRole("alert")).toContainText("Geef het gesprek een titel.");
    await expect(page.getByRole("alert")).toContainText("Vul keuze A in.");
    await expect(page.locator("#vraag-2-tekst")).toHaveValue(/Wat wil je dat we als team anders gaan doen\?/);
    await expectNoViolations(page);
    await page.getByLabel("Titel", { exact: true }).fill(title);
    await page
      .locator("#vraag-1-keuze-a")
      .fill("Ik verbeter zijn deel stil, zodat hij kans houdt op een vast contract.");
    await page.getByRole("button", { name: "Maak het gesprek" }).click();

    // Leading it: the code to read aloud and the questions, each with its buttons.
    await expect(page).toHaveURL(/\/gesprekken\/[0-9a-f-]{36}\/leiden$/);
    await ready(page);
    const lead = new URL(page.url()).pathname;
    const id = lead.split("/")[2] ?? "";
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    const code = ((await page.locator("dd.vm-facts__code").textContent()) ?? "").replace(/\s/g, "");
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    const session = (await (await context.request.get(`/api/v1/gesprekken/${id}`)).json()) as {
      questions: { id: string; kind: string }[];
    };
    const [, dilemma, open] = session.questions.map((question) => question.id);
    if (!dilemma || !open) throw new Error("the template has a dilemma and an open question");
    await expectNoViolations(page);

    await page.getByRole("button", { name: "Open vraag 2", exact: true }).click();
    await ready(page);
    const current = page.getByRole("region", { name: "De vraag van nu" });
    await expect(current).toContainText("Een collega heeft al maanden te veel werk");
    await expect(current).toContainText("Tijd tot");

    // Two colleagues answer: the count goes up (live with JavaScript), the distribution stays hidden.
    const first = await colleague(base, code);
    const second = await colleague(base, code);
    const third = await colleague(base, code);
    const phones = [first, second, third];
    await first.answer(dilemma, "a");
    await second.answer(dilemma, "b");
    if (!javaScriptEnabled) await page.reload();
    await expect(current).toContainText("Geantwoord: 2 van de 3 deelnemers.");
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(current).toContainText("De uitslag blijft verborgen tot jij hem laat zien.");

    // Below the minimum the button says why, and the server refuses in Dutch.
    const row = page.locator("#vraag-1");
    await expect(row).toContainText("Nog te weinig antwoorden (2 van 3)");
    const reveal = row.getByRole("button", { name: "Laat uitslag zien vraag 2" });
    await expect(reveal).toHaveAccessibleDescription(/Nog te weinig antwoorden/);
    await reveal.click();
    await expect(page.getByRole("alert")).toContainText(
      "Er zijn nog te weinig antwoorden om de uitslag te laten zien (2 van de minstens 3).",
    );
    await expectNoViolations(page);

    // A third answer: now it may be shown.
    await third.answer(dilemma, "a");
    if (!javaScriptEnabled) await page.goto(lead);
    await expect(current).toContainText("Geantwoord: 3 van de 3 deelnemers.");
    await row.getByRole("button", { name: "Laat uitslag zien vraag 2" }).click();
    const result = page.getByRole("table", { name: "Uitslag van vraag 2" });
    await expect(result.getByRole("row", { name: new RegExp(DILEMMA_A) })).toContainText("67%");
    await expect(result.getByRole("row", { name: new RegExp(DILEMMA_B) })).toContainText("33%");
    await expectNoViolations(page);

    // The big screen: the code, the QR code with a name, the result with its numbers written out.
    const screen = await context.newPage();
    await screen.goto(`/gesprekken/${id}/scherm`);
    await ready(screen);
    await expect(screen.getByText(`Code: ${code.split("").join(" ")}`)).toBeAttached();
    await expect(screen.getByRole("img", { name: /^QR-code om mee te doen via .+\/doe-mee$/ })).toBeVisible();
    await expect(screen.locator(".vm-screen__text")).toContainText(
      "Een collega heeft al maanden te veel werk",
    );
    await expect(
      screen.getByRole("listitem").filter({ hasText: "Houd oog voor de menselijke maat" }),
    ).toBeVisible();
    const shown = screen.getByRole("table", { name: "Uitslag van vraag 2" });
    await expect(shown.getByRole("row", { name: new RegExp(DILEMMA_A) })).toContainText("67%");
    await expect(shown.getByRole("row", { name: new RegExp(DILEMMA_A) })).toContainText("2");
    await expectNoViolations(screen);

    // After the talk everyone votes again; both rounds show side by side on both screens.
    await page.getByRole("button", { name: "Opnieuw stemmen vraag 2" }).click();
    await expect(current).toContainText("tweede ronde");
    for (const phone of phones) await phone.answer(dilemma, "b");
    if (!javaScriptEnabled) await page.goto(lead);
    await expect(current).toContainText("Geantwoord: 3 van de 3 deelnemers.");
    await row.getByRole("button", { name: "Laat uitslag zien vraag 2" }).click();
    const shift = page.getByRole("table", { name: "Uitslag van vraag 2: eerste en tweede ronde" });
    await expect(shift.getByRole("row", { name: new RegExp(DILEMMA_A) })).toContainText(
      "2 (67%)0 (0%)\u221267",
    );
    await expect(shift.getByRole("row", { name: new RegExp(DILEMMA_B) })).toContainText("1 (33%)3 (100%)+67");
    if (!javaScriptEnabled) await screen.getByRole("link", { name: "Ververs" }).click();
    await expect(
      screen
        .getByRole("table", { name: "Uitslag van vraag 2: eerste en tweede ronde" })
        .getByRole("row", { name: new RegExp(DILEMMA_B) }),
    ).toContainText("+67");
    await expectNoViolations(screen);
    await screen.close();

    // An open question: only answers the facilitator lets through are shown.
    await page.getByRole("button", { name: "Open vraag 3", exact: true }).click();
    await expect(current).toContainText("Wat wil je dat we als team anders gaan doen?");
    await first.answer(open, "Vaker samen lunchen");
    await second.answer(open, "Iets wat niet op het scherm hoort");
    await third.answer(open, "Elkaar eerder om hulp vragen");
    if (!javaScriptEnabled) await page.goto(lead);
    const moderation = page.getByRole("region", { name: "Open antwoorden nakijken" });
    await expect(moderation.getByRole("listitem")).toHaveCount(3);
    await expectNoViolations(page);
    for (const [text, decision] of [
      ["Vaker samen lunchen", "Laat zien"],
      ["Iets wat niet op het scherm hoort", "Niet tonen"],
      ["Elkaar eerder om hulp vragen", "Laat zien"],
    ] as const) {
      await moderation
        .getByRole("listitem")
        .filter({ hasText: text })
        .getByRole("button", { name: decision })
        .click();
      await expect(moderation.getByRole("listitem").filter({ hasText: text })).toHaveCount(0);
    }
    await page.locator("#vraag-2").getByRole("button", { name: "Laat uitslag zien vraag 3" }).click();
    await expect(current).toContainText("Vaker samen lunchen");
    await expect(current).not.toContainText("Iets wat niet op het scherm hoort");

    // Lock it, then end it (only after saying so).
    await page.getByRole("button", { name: "Op slot" }).click();
    await expect(page.getByText("Op slot: er kan niemand meer bij")).toBeVisible();
    await page.getByRole("button", { name: "Gesprek beëindigen" }).click();
    await expect(page.getByRole("alert")).toContainText(
      "Vink eerst aan dat je het gesprek echt wilt beëindigen.",
    );
    await page.getByRole("checkbox", { name: "Ja, ik wil dit gesprek beëindigen" }).check();
    await page.getByRole("button", { name: "Gesprek beëindigen" }).click();
    await expect(page.getByText("Dit gesprek is afgelopen. Niemand kan nog antwoorden.")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Open vraag/ })).toHaveCount(0);
    await expectNoViolations(page);

    // The summary: both rounds and their difference, the open answers that were shown, the principles.
    await page.getByRole("link", { name: "Samenvatting" }).first().click();
    await expect(page).toHaveURL(`/gesprekken/${id}/samenvatting`);
    await ready(page);
    await expect(
      page
        .getByRole("table", { name: "Uitslag van vraag 2: eerste en tweede ronde" })
        .getByRole("row", { name: new RegExp(DILEMMA_A) }),
    ).toContainText("\u221267");
    await expect(page.getByRole("main")).toContainText("Elkaar eerder om hulp vragen");
    await expect(page.getByRole("main")).not.toContainText("Iets wat niet op het scherm hoort");
    await expect(page.getByRole("link", { name: "Houd oog voor de menselijke maat" })).toHaveAttribute(
      "href",
      "/gids/menselijke-maat",
    );
    await expectNoViolations(page);

    // The downloads, by clicking as a person does: nothing in them points to a colleague.
    const [markdownDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Samenvatting als tekst (Markdown, .md)" }).click(),
    ]);
    expect(markdownDownload.suggestedFilename()).toBe(`gesprek-${id.slice(0, 8)}.md`);
    const markdown = await (await import("node:fs/promises")).readFile(await markdownDownload.path(), "utf8");
    expect(markdown).toContain(`| ${DILEMMA_A} | 2 (67%) | 0 (0%) | \u221267 |`);
    expect(markdown).toContain("- Vaker samen lunchen");
    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Cijfers voor Excel (CSV, .csv)" }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe(`gesprek-${id.slice(0, 8)}.csv`);
    const csv = await (await import("node:fs/promises")).readFile(await csvDownload.path(), "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain(`;Dilemma (A of B);2;${DILEMMA_A};0;0;-67;`);
    expect(csv).toContain(";Open vraag;1;;;;;Vaker samen lunchen");
    for (const text of [markdown, csv]) {
      for (const phone of phones) expect(text).not.toContain(phone.token);
      expect(text).not.toContain("Iets wat niet op het scherm hoort");
    }
    const wrong = await context.request.get(`/gesprekken/${id}/samenvatting/download?formaat=pdf`);
    expect(wrong.status()).toBe(400);

    for (const phone of phones) await phone.dispose();
    await context.close();
  });
}

test("only the facilitator who made a conversation can open it; a civil servant cannot lead one", async ({
  newContext,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const leader = await newContext({ as: PEOPLE.gespreksleider });
  const made = await leader.request.post("/api/v1/gesprekken", {
    data: { title: "Van mij", questions: [{ kind: "open", text: "Hoe gaat het?", principles: [] }] },
    headers: { Origin: String(baseURL) },
  });
  expect(made.status(), await made.text()).toBe(201);
  const { id } = (await made.json()) as { id: string };

  const civilServant = await newContext({ as: PEOPLE.ambtenaar });
  const page = await civilServant.newPage();
  expect((await page.goto("/gesprekken"))?.status()).toBe(403);
  expect((await page.goto("/gesprekken/nieuw"))?.status()).toBe(403);
  // Running a session needs owning it (a kris-kras host owns one without the role): someone else's is not found.
  expect((await page.goto(`/gesprekken/${id}/leiden`))?.status()).toBe(404);

  // A second facilitator: the operator gives a colleague the role.
  const other = await newContext({ as: "tweede-leider@example.nl" });
  const operator = await newContext({ as: PEOPLE.beheerder });
  const admin = await operator.newPage();
  await admin.goto("/beheer/gebruikers");
  const roles = admin.getByRole("group", { name: "Rollen van tweede-leider@example.nl" });
  await roles.getByLabel("gespreksleider").check();
  await roles.locator("..").getByRole("button").click();
  await expect(admin.getByText("De rollen van tweede-leider@example.nl zijn opgeslagen.")).toBeVisible();

  const theirs = await other.newPage();
  expect((await theirs.goto("/gesprekken"))?.status()).toBe(200);
  await expect(theirs.getByRole("main")).not.toContainText("Van mij");
  for (const view of ["leiden", "scherm", "samenvatting"]) {
    const response = await theirs.goto(`/gesprekken/${id}/${view}`);
    expect(response?.status(), view).toBe(404);
  }
  const download = await other.request.get(`/gesprekken/${id}/samenvatting/download?formaat=csv`);
  expect(download.status()).toBe(404);
  const action = await other.request.post(`/gesprekken/${id}/leiden`, {
    form: { intent: "beeindig", zeker: "ja" },
    headers: { Origin: String(baseURL) },
  });
  expect(action.status()).toBe(404);
  const still = (await (await leader.request.get(`/api/v1/gesprekken/${id}`)).json()) as { status: string };
  expect(still.status).toBe("voorbereid");

  for (const context of [leader, civilServant, other, operator]) await context.close();
});
