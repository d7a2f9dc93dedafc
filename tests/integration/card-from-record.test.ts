// A private record sent in as a dilemma card, on each database, through the real pages: the owner sees
// the draft without their contact details, must confirm they read it, and the card arrives anonymously
// with the editors; anyone else learns nothing about the record. The pages are served by the Express
// app with a server build made of the routes this needs, so no full build is required.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/infra/db.server.ts";
import { parseConfig } from "../../app/infra/env.server.ts";
import { setUserRoles, upsertUser } from "../../app/modules/accounts/accounts.server.ts";
import { cardDraftIn } from "../../app/modules/deliberation/card-draft.server.ts";
import {
  DeliberationContent,
  type DeliberationPatch,
} from "../../app/modules/deliberation/deliberation.validation.ts";
import {
  createDeliberation,
  getOwnDeliberation,
} from "../../app/modules/deliberation/deliberations.server.ts";
import { dilemmaCards } from "../../app/modules/dilemmas/dilemmas.schema.ts";
import * as cardPage from "../../app/routes/afweging-dilemmakaart.tsx";
import * as queuePage from "../../app/routes/beheer-dilemmas.tsx";
import * as minePage from "../../app/routes/dilemmas-mijn.tsx";
import { databaseKinds, openSeededDatabase, type TestDatabase } from "./databases.ts";
import { startPageServer } from "./page-server.ts";

/** The quotas of a server with default settings. */
const quotas = parseConfig({}).quotas;

const RECORD: DeliberationPatch = {
  situation:
    "Een burger vraagt om uitstel van betaling. Volgens de regels kan dat niet. Zij belt elke week en is wanhopig. Haar adres is anna.jansen@example.nl, en haar collega Pieter weet ervan.",
  moment: "Vandaag moet ik de brief met het besluit versturen.",
  optionA: "Ik volg de regels en wijs het verzoek af",
  riskA: "De burger komt in grote geldproblemen.",
  optionB: "Ik geef toch uitstel",
  riskB: "Andere burgers krijgen dat uitstel niet. Dat is niet eerlijk.",
  perspectives: { burger: "Zij heeft rust en tijd nodig." },
  principles: ["menselijke-maat", "vertrouwen-in-burgers"],
  values: ["rechtvaardigheid"],
  choice: "Ik geef uitstel voor drie maanden.",
};

/** The form as the page sends it: the draft, the kind of work and theme the person chose, and more. */
function cardForm(extra: Record<string, string> = {}): URLSearchParams {
  const { values } = cardDraftIn(DeliberationContent.parse(RECORD), "nl");
  const form = new URLSearchParams();
  for (const name of ["title", "case", "optionA", "riskA", "optionB", "riskB"] as const) {
    form.set(name, values[name] ?? "");
  }
  for (const [key, text] of Object.entries(values.perspectives ?? {}))
    form.set(`perspectief-${key}`, text ?? "");
  for (const slug of values.principles ?? []) form.append("principles", slug);
  for (const value of values.values ?? []) form.append("values", value);
  form.append("workKinds", "uitvoering");
  form.append("themes", "regels-en-maatwerk");
  form.set("questions", (values.questions ?? []).join("\n"));
  for (const [name, value] of Object.entries(extra)) form.set(name, value);
  return form;
}

describe.each(databaseKinds)("a record sent in as a dilemma card on %s", (kind) => {
  let test: TestDatabase;
  let database: Database;
  let server: Awaited<ReturnType<typeof startPageServer>>;
  const cookies = { owner: "", other: "", editor: "" };
  let ownerId = "";
  let recordId = "";
  let page = "";

  beforeAll(async () => {
    ({ test, database } = await openSeededDatabase(kind));
    server = await startPageServer({
      database,
      pages: {
        "routes/afweging-dilemmakaart": { path: "afwegen/:id/dilemmakaart", module: cardPage },
        "routes/dilemmas-mijn": { path: "dilemmas/mijn", module: minePage },
        "routes/beheer-dilemmas": { path: "beheer/dilemmas", module: queuePage },
      },
    });
    const { db } = database;
    const owner = await upsertUser({ db, email: "eigenaar@example.nl" });
    const other = await upsertUser({ db, email: "collega@example.nl" });
    const editor = await upsertUser({ db, email: "redacteur@example.nl" });
    await setUserRoles({ db, userId: editor.id, roles: ["redacteur"], actor: null });
    ownerId = owner.id;
    cookies.owner = await server.cookieFor(owner.id);
    cookies.other = await server.cookieFor(other.id);
    cookies.editor = await server.cookieFor(editor.id);
    const record = await createDeliberation({
      quotas,
      db,
      keyring: server.keyring,
      ownerId,
      content: RECORD,
    });
    recordId = record.id;
    page = `/afwegen/${recordId}/dilemmakaart`;
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await test?.drop();
  });

  const cardsTitled = (title: string) =>
    database.db.select().from(dilemmaCards).where(eq(dilemmaCards.title, title));

  it("shows the owner the draft in the form, without the e-mail address and with words to check", async () => {
    const response = await server.get(page, cookies.owner);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html).toContain("Een dilemmakaart maken van je afweging");
    expect(html).toContain('value="Ik volg de regels en wijs het verzoek af of ik geef toch uitstel"');
    expect(html).toContain("Een burger vraagt om uitstel van betaling.");
    expect(html).toContain("Haar adres is […]");
    expect(html).not.toContain("anna.jansen");
    expect(html).not.toContain(RECORD.choice);
    expect(html).toContain("We hebben al 1 keer een e-mailadres");
    expect(html).toMatch(/Kijk deze woorden extra na[\s\S]*<li[^>]*>Pieter<\/li>/);
    expect(html).toContain('name="nagelezen"');
  });

  it("refuses the card until the owner confirms reading it, with everything typed back", async () => {
    const title = "Regels volgen of uitstel geven";
    const response = await server.post(page, cardForm({ title }), cookies.owner);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Vink aan dat je de tekst hebt nagelezen.");
    expect(html).toContain('href="#nagelezen"');
    expect(html).toContain(`value="${title}"`);
    expect(html).toMatch(/value="uitvoering"[^>]*checked|checked[^>]*value="uitvoering"/);
    expect(await cardsTitled(title)).toEqual([]);
  });

  it("sends the card in anonymously once confirmed; the owner and the editors see it, the record stays", async () => {
    const title = "Regels volgen of uitstel geven";
    const response = await server.post(page, cardForm({ title, nagelezen: "ja" }), cookies.owner);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/dilemmas/mijn?ingestuurd=1");

    const [card] = await cardsTitled(title);
    expect(card).toMatchObject({ status: "ingediend", anonymous: true, submittedBy: ownerId });
    expect(card?.case).not.toContain("anna.jansen");
    expect(card?.principles).toEqual(["menselijke-maat", "vertrouwen-in-burgers"]);

    const mine = await server.get("/dilemmas/mijn?ingestuurd=1", cookies.owner);
    expect(mine.status).toBe(200);
    expect(await mine.text()).toContain(title);
    const queue = await server.get("/beheer/dilemmas", cookies.editor);
    expect(queue.status).toBe(200);
    expect(await queue.text()).toContain(title);

    const record = await getOwnDeliberation({
      db: database.db,
      keyring: server.keyring,
      id: recordId,
      ownerId,
    });
    expect(record.revision).toBe(1);
    expect(record.content.situation).toBe(RECORD.situation);
  });

  it("is not found for anyone but the owner, an editor included, and sends nothing for them", async () => {
    const title = "Een kaart van andermans afweging";
    for (const cookie of [cookies.other, cookies.editor]) {
      expect((await server.get(page, cookie)).status).toBe(404);
      const posted = await server.post(page, cardForm({ title, nagelezen: "ja" }), cookie);
      expect(posted.status).toBe(404);
      expect(await posted.text()).not.toContain("uitstel van betaling");
    }
    expect(await cardsTitled(title)).toEqual([]);
    expect((await server.get("/afwegen/geen-id/dilemmakaart", cookies.owner)).status).toBe(404);
  });

  it("sends someone who is not logged in to the login page", async () => {
    const response = await server.get(page, "");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/inloggen?terug=${encodeURIComponent(page)}`);
  });
});
