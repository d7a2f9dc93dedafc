// An editor works on the next version of the guide and publishes it: throws the example draft away
// (after a yes), makes a new draft, edits a paragraph with a preview (and is told, keeping the text,
// when it holds a blank line), writes the changelog with a preview, publishes, and the comparison page
// shows the change; the old version stays readable at its address. Then, with the keyboard alone, a
// paragraph is added to the next draft (its preview following the typing), and the draft is thrown
// away again. Last, a civil servant's proposal is taken over into a new draft with one action, and once
// published the comparison shows the change with a link to the proposal.
//
// Publishing changes which version is current for every later test, so this file starts its own server
// on its own data folder instead of the shared one in playwright.config.ts.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, expectNoViolations, hydrated, logInOnThisPage, test } from "./fixtures.ts";

const EDITOR = "redacteur@example.nl";
const PART = "Luister beter naar burgers";
const ANCHOR = "kritiek-is-waardevolle-informatie-wie";
const OLD_WORDS = "Zie dat niet als lastig, maar als hulp.";
const NEW_WORDS = "Zie het als een cadeau: iemand wil dat het beter gaat.";
const WRITER = "ambtenaar@example.nl";
const PROPOSED_WORDS = "Zeg er ook bij wanneer ze antwoord krijgen.";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vm-e2e-editing-"));
let server: ChildProcess | undefined;
let base = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The command line, as an operator runs it before starting the server. */
function vakmanschap(args: string[], env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, ["bin/vakmanschap.mjs", ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", ...env },
    encoding: "utf8",
  });
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  vakmanschap(["migrate"]);
  vakmanschap(["user", "add", "--email", EDITOR, "--role", "redacteur"]);
  vakmanschap(["user", "add", "--email", WRITER, "--role", "ambtenaar"]);
  server = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      LOG_LEVEL: "warn",
      RATE_LIMITS: "off",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let attempt = 0; ; attempt++) {
    const ready = await fetch(`${base}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (attempt > 200 || server.exitCode !== null) throw new Error("the editing test's server did not start");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Logs in the way a person does, with the mail this server wrote to its outbox; on the page it opens. */
async function logInAs(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto("/inloggen");
  await logInOnThisPage(page, email, { mailDir: path.join(dataDir, "outbox") });
  return page;
}

const logInAsEditor = (context: BrowserContext) => logInAs(context, EDITOR);

test("an editor edits a paragraph with a preview, writes the changelog and publishes (without JavaScript)", async ({
  newContext,
}) => {
  test.setTimeout(120_000);
  const context = await newContext({ javaScriptEnabled: false, baseURL: base });
  const page = await logInAsEditor(context);

  // The example draft is in the way: throwing it away asks first.
  await page.goto("/beheer/gids");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("De gids bewerken");
  await page.getByRole("button", { name: "Concept weggooien" }).click();
  await expect(
    page.getByText("Weet je zeker dat je het concept van weergave 2 wilt weggooien?"),
  ).toBeVisible();
  await page.getByRole("button", { name: "Ja, gooi het concept weg" }).click();
  await expect(page.getByText("Het concept is weggegooid.")).toBeVisible();

  // A new draft: a copy of version 1.
  await page.getByRole("button", { name: "Nieuw concept" }).click();
  await expect(page).toHaveURL(/\/beheer\/gids\/concept\?gedaan=concept-gemaakt$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Concept van weergave 2");

  // A paragraph: first a blank line (refused, the text kept), then a preview, then saved.
  await page.getByRole("link", { name: PART }).click();
  const paragraph = page.locator(`#alinea-${ANCHOR}`);
  await paragraph.getByRole("link", { name: /^Bewerken/ }).click();
  const field = page.getByLabel("Tekst van de alinea");
  const original = await field.inputValue();
  expect(original).toContain(OLD_WORDS);
  const edited = original.replace(OLD_WORDS, NEW_WORDS);
  await field.fill(`${edited}\n\nEen tweede alinea.`);
  await page.getByRole("button", { name: "Opslaan" }).nth(1).click();
  await expect(page.getByRole("alert")).toContainText("Een alinea mag geen lege regel bevatten.");
  await expect(page.getByLabel("Tekst van de alinea")).toHaveValue(`${edited}\n\nEen tweede alinea.`);
  await expectNoViolations(page);

  await page.getByLabel("Tekst van de alinea").fill(edited);
  await page.getByRole("button", { name: "Voorbeeld bekijken" }).click();
  const preview = page.getByRole("region", { name: "Zo ziet het eruit" });
  await expect(preview).toContainText(NEW_WORDS);
  await expect(page.getByLabel("Tekst van de alinea")).toHaveValue(edited);
  await page.getByRole("button", { name: "Opslaan" }).nth(1).click();
  await expect(page.getByText("De alinea is opgeslagen.")).toBeVisible();
  await expect(page.locator(`#alinea-${ANCHOR}`)).toContainText(NEW_WORDS);

  // The changelog, with a preview.
  await page.getByRole("link", { name: "Terug naar het concept van weergave 2" }).click();
  await page.getByLabel("Veranderingen").fill("- Principe *Luister beter naar burgers*: kritiek als cadeau.");
  await page.getByRole("button", { name: "Voorbeeld bekijken" }).click();
  await expect(page.getByRole("region", { name: "Zo ziet het eruit" }).locator("em")).toHaveText(
    "Luister beter naar burgers",
  );
  await expectNoViolations(page);
  await page.getByRole("button", { name: "Opslaan" }).first().click();
  await expect(page.getByText("De lijst met veranderingen is opgeslagen.")).toBeVisible();

  // The whole draft as one Markdown file, from the overview.
  await page.getByRole("link", { name: "Terug naar de gids bewerken" }).click();
  const download = await context.request.get(
    (await page.getByRole("link", { name: "Concept downloaden (Markdown)" }).getAttribute("href")) ?? "",
  );
  expect(download.headers()["content-disposition"]).toBe('attachment; filename="gids-concept-versie-2.md"');
  const markdown = await download.text();
  expect(markdown).toContain("<!-- bestand: luister-naar-burgers.md -->");
  expect(markdown).toContain(`${NEW_WORDS}\n{#${ANCHOR}}`);
  expect(markdown).toContain("- Principe *Luister beter naar burgers*: kritiek als cadeau.");
  await page.getByRole("link", { name: "Concept bewerken" }).click();

  // Publishing asks first.
  await page.getByRole("button", { name: "Publiceren", exact: true }).click();
  await page.getByRole("button", { name: "Ja, publiceer weergave 2" }).click();
  await expect(page.getByText("Weergave 2 is gepubliceerd.")).toBeVisible();

  // The comparison shows the change; the current version has it; version 1 still reads as before.
  await page
    .getByRole("link", { name: "Bekijk wat er veranderd is tussen weergave 1 en weergave 2" })
    .click();
  await expect(page).toHaveURL("/gids/vergelijk?van=1&naar=2");
  await expect(page.getByText("0 toegevoegd, 0 weggehaald, 1 veranderd.")).toBeVisible();
  const changed = page.locator(`#changed-${ANCHOR}`);
  await expect(changed.locator("ins", { hasText: "cadeau" })).not.toHaveCount(0);
  await expect(changed.locator("del", { hasText: "lastig" })).not.toHaveCount(0);

  await page.goto("/gids/luister-naar-burgers");
  await expect(page.getByRole("main")).toContainText(NEW_WORDS);
  await page.goto("/gids/versie/1/luister-naar-burgers");
  await expect(page.getByRole("main")).toContainText(OLD_WORDS);
  await expect(page.getByRole("main")).not.toContainText(NEW_WORDS);
  await page.goto("/gids/versies");
  await expect(page.getByRole("main")).toContainText("kritiek als cadeau");
  await context.close();
});

test("an editor adds a paragraph with the keyboard alone, with a live preview, and throws the draft away (with JavaScript)", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: base });
  const page = await logInAsEditor(context);

  await page.goto("/beheer/gids");
  await hydrated(page);
  await expectNoViolations(page);
  await page.getByRole("button", { name: "Nieuw concept" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Concept van weergave 3");
  await expectNoViolations(page);

  await page.getByRole("link", { name: PART }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PART);
  await page.getByRole("link", { name: "Alinea toevoegen aan het begin" }).focus();
  await page.keyboard.press("Enter");
  const field = page.getByLabel("Tekst van de alinea");
  await field.focus();
  await page.keyboard.type("Luister ook naar wie niet *vanzelf* aan tafel zit.");
  // With JavaScript the preview follows the typing, without a click.
  await expect(page.getByRole("region", { name: "Zo ziet het eruit" }).locator("em")).toHaveText("vanzelf");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Alinea toevoegen" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("De alinea is toegevoegd.")).toBeVisible();
  const added = page.locator("#alinea-luister-ook-naar-wie-niet");
  await expect(added).toContainText("Luister ook naar wie niet vanzelf aan tafel zit.");
  await expect(page.locator(".vm-editor-list > li").first()).toHaveAttribute(
    "id",
    "alinea-luister-ook-naar-wie-niet",
  );
  await expectNoViolations(page);

  await page.goto("/beheer/gids");
  await hydrated(page);
  await page.getByRole("button", { name: "Concept weggooien" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Ja, gooi het concept weg" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Het concept is weggegooid.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Nieuw concept" })).toBeVisible();
  await context.close();
});

test("a civil servant's proposal is taken over into the next version, and the comparison shows the change with its proposal", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  // A civil servant proposes new text for a paragraph of the current version (2, published above).
  const writerContext = await browser.newContext({ baseURL: base });
  const writer = await logInAs(writerContext, WRITER);
  await writer.goto(
    `/meedenken/nieuw?versie=2&deel=luister-naar-burgers&alinea=${ANCHOR}&soort=tekstvoorstel`,
  );
  const proposed = `${(await writer.getByLabel("Nieuwe tekst van de alinea").inputValue()).trim()} ${PROPOSED_WORDS}`;
  await writer.getByLabel("Nieuwe tekst van de alinea").fill(proposed);
  await writer.getByRole("button", { name: "Stuur je bijdrage" }).click();
  await expect(writer).toHaveURL(/\/meedenken\/[0-9a-f-]{36}\?nieuw=1$/);
  const proposal = new URL(writer.url()).pathname;

  // The editor makes a draft, and takes the proposal over with one action: status and reason at once.
  const editorContext = await browser.newContext({ baseURL: base });
  const editor = await logInAsEditor(editorContext);
  await editor.goto(`/beheer${proposal}`);
  await expect(editor.getByText("Er is nog geen concept van een volgende weergave.")).toBeVisible();
  await editor.goto("/beheer/gids");
  await editor.getByRole("button", { name: "Nieuw concept" }).click();
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("Concept van weergave 3");
  await editor.goto(`/beheer${proposal}`);
  const adopt = editor.getByRole("region", { name: "Overnemen in het concept" });
  await adopt.getByLabel("Reden", { exact: true }).fill("Mensen willen weten wanneer ze iets horen.");
  await adopt.getByRole("button", { name: "Neem over in het concept van weergave 3" }).click();
  await expect(editor.getByText("Overgenomen in het concept.")).toBeVisible();
  await expectNoViolations(editor);
  await editor.getByRole("link", { name: "Bekijk of verander de tekst in het concept" }).click();
  await expect(editor.locator(`#alinea-${ANCHOR}`)).toContainText(PROPOSED_WORDS);

  // Published, the comparison of versions 2 and 3 shows the change and links to the proposal.
  await editor.goto("/beheer/gids/concept");
  await editor.getByLabel("Veranderingen").fill("- Een voorstel uit Meedenken overgenomen.");
  await editor.getByRole("button", { name: "Opslaan" }).first().click();
  await editor.getByRole("button", { name: "Publiceren", exact: true }).click();
  await editor.getByRole("button", { name: "Ja, publiceer weergave 3" }).click();
  await expect(editor.getByText("Weergave 3 is gepubliceerd.")).toBeVisible();
  await editor.goto("/gids/vergelijk?van=2&naar=3");
  const changed = editor.locator(`#changed-${ANCHOR}`);
  await expect(changed.locator("ins", { hasText: "antwoord" })).not.toHaveCount(0);
  await expect(changed).toContainText("Het voorstel hierachter:");
  await expectNoViolations(editor);
  await changed.getByRole("link", { name: /^Voorstel voor nieuwe tekst:/ }).click();
  await expect(editor).toHaveURL(proposal);
  await expect(editor.getByText("Mensen willen weten wanneer ze iets horen.").first()).toBeVisible();

  // The writer reads what became of it, with the reason; the proposal stays on version 2.
  await writer.goto(proposal);
  await expect(writer.getByText("Overgenomen in weergave 3").first()).toBeVisible();
  await expect(writer.getByText("Mensen willen weten wanneer ze iets horen.").first()).toBeVisible();
  await editorContext.close();
  await writerContext.close();
});
