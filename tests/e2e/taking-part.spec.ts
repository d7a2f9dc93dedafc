// Taking part in a live team conversation from a phone: three colleagues join with the code (one with
// the keyboard only, one on a 320 px screen, one without JavaScript), answer and change their answer,
// see the next question arrive (live with JavaScript, with a button without it), vote again after the
// discussion, and read the results once the facilitator reveals them. No account, no name.
import type { Page } from "@playwright/test";
import { PEOPLE } from "./example-urls.ts";
import {
  type ContextOptions,
  expect,
  expectNoViolations,
  hydrated,
  type NewContext,
  tabTo,
  test,
} from "./fixtures.ts";

async function expectNoSidewaysScrolling(page: Page) {
  const widths = await page.evaluate(() => ({
    content: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  expect(widths.content, `${page.url()} is wider than the window`).toBeLessThanOrEqual(widths.window);
}

declare global {
  interface Window {
    /** How many `tally` events the page's live stream delivered (counted by the test's init script). */
    liveUpdates?: number;
  }
}

const QUESTIONS = {
  dilemma: {
    kind: "dilemma",
    text: "De minister wil een kritisch rapport later publiceren. Wat doe je?",
    optionA: "Ik wacht op de minister",
    optionB: "Ik publiceer het nu",
    principles: ["loyale-tegenspraak"],
  },
  schaal: { kind: "schaal", text: "In mijn team durf ik tegen te spreken.", principles: [] },
  open: { kind: "open", text: "Wat helpt jou om eerlijk te zijn?", principles: [] },
} as const;

interface Session {
  id: string;
  joinCode: string;
  questions: { id: string; kind: string }[];
}

/** The facilitator runs the session through the API, logged in with the browser's session. */
async function facilitator(newContext: NewContext, baseURL: string) {
  const context = await newContext({ as: PEOPLE.gespreksleider });
  const call = async (method: "get" | "post", path: string, data?: unknown) => {
    const response = await context.request[method](`/api/v1${path}`, {
      data,
      // The API refuses unsafe requests from other sites; a browser would send this itself.
      headers: { Origin: baseURL },
    });
    expect(response.ok(), `${method.toUpperCase()} ${path}: ${await response.text()}`).toBe(true);
    return response.json();
  };
  return { context, call };
}

async function answer(page: Page, choice: string) {
  // As a person does: on the option's text (the whole row is the label), then it is chosen. A live
  // reload can land between the click and the check, so a person (and this test) may click again.
  const option = page.getByRole("radio", { name: choice });
  await expect(async () => {
    await page.getByText(choice, { exact: true }).click();
    await expect(option).toBeChecked({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await page.getByRole("button", { name: "Verstuur mijn antwoord" }).click();
  await expect(
    page.getByText("Je antwoord is opgeslagen. Je kunt het nog veranderen zolang de vraag open is."),
  ).toBeVisible();
}

const loadCurrentQuestion = (page: Page) =>
  page.getByRole("button", { name: "Laad de huidige vraag" }).click();

test("colleagues join a live conversation with the code, answer and see the results, with and without JavaScript", async ({
  newContext,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const base = String(baseURL);
  const leader = await facilitator(newContext, base);
  const session = (await leader.call("post", "/gesprekken", {
    title: "Teamoverleg over tegenspraak",
    questions: [QUESTIONS.dilemma, QUESTIONS.schaal, QUESTIONS.open],
    minAnswers: 3,
  })) as Session;
  const [dilemma, scale, open] = session.questions.map((question) => question.id);
  const act = (action: string, questionId?: string) =>
    leader.call("post", `/gesprekken/${session.id}/acties`, { action, questionId });
  const code = session.joinCode;

  const phone = async (options: ContextOptions) => (await newContext(options)).newPage();
  const live = await phone({});
  // Counts the live updates the page receives from its stream, so the test can wait for them.
  await live.addInitScript(() => {
    const Streamed = window.EventSource;
    window.EventSource = class extends Streamed {
      constructor(...args: ConstructorParameters<typeof EventSource>) {
        super(...args);
        this.addEventListener("tally", () => {
          window.liveUpdates = (window.liveUpdates ?? 0) + 1;
        });
      }
    };
  });
  const small = await phone({ viewport: { width: 320, height: 640 } });
  const plain = await phone({ javaScriptEnabled: false });

  // With the keyboard only: skip to the content, type the code as it is said aloud, press Enter.
  await live.goto("/doe-mee");
  await hydrated(live);
  await expectNoViolations(live);
  const codeField = live.getByRole("textbox", { name: "Code", exact: true });
  await expect(codeField).toHaveAttribute("autocomplete", "off");
  await expect(codeField).toHaveAttribute("autocapitalize", "characters");
  await tabTo(live, codeField, 20);
  await live.keyboard.type(`${code.slice(0, 3)} ${code.slice(3)}`.toLowerCase());
  await live.keyboard.press("Enter");
  await expect(live).toHaveURL(`/doe-mee/${code}`);
  await expect(live.getByRole("heading", { level: 1 })).toHaveText("Teamoverleg over tegenspraak");
  await expect(live.getByRole("heading", { name: "Wacht op de volgende vraag" })).toBeVisible();
  await expectNoViolations(live);

  // On a small phone, from the QR code's address: the page first offers to take part.
  await small.goto(`/doe-mee?code=${code}`);
  await expect(small).toHaveURL(`/doe-mee/${code}`);
  await expect(small.getByRole("radio")).toHaveCount(0);
  await small.getByRole("button", { name: "Doe mee" }).click();
  await expect(small.getByRole("heading", { name: "Wacht op de volgende vraag" })).toBeVisible();
  await expectNoSidewaysScrolling(small);

  // Without JavaScript: a mistyped code comes back with a Dutch message and what was typed.
  await plain.goto("/doe-mee");
  await plain.getByRole("textbox", { name: "Code", exact: true }).fill("00-11");
  await plain.getByRole("button", { name: "Doe mee" }).click();
  await expect(plain.getByRole("alert")).toContainText("Deze code klopt niet.");
  await expect(plain.getByRole("textbox", { name: "Code", exact: true })).toHaveValue("00-11");
  await plain.getByRole("textbox", { name: "Code", exact: true }).fill(code);
  await plain.getByRole("button", { name: "Doe mee" }).click();
  await expect(plain).toHaveURL(`/doe-mee/${code}`);
  await expect(plain.getByRole("heading", { name: "Wacht op de volgende vraag" })).toBeVisible();

  // The facilitator opens the first question: it appears on the phones with JavaScript by itself.
  await hydrated(live);
  await hydrated(small);
  await live.evaluate(() => {
    (window as unknown as { stayed: boolean }).stayed = true;
  });
  await act("open", dilemma);
  await expect(live.getByRole("heading", { name: QUESTIONS.dilemma.text })).toBeVisible();
  await expect(live.getByRole("status").filter({ hasText: "Er is een nieuwe vraag." })).toBeAttached();
  expect(await live.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  await expect(small.getByRole("heading", { name: QUESTIONS.dilemma.text })).toBeVisible();
  // Without JavaScript nothing moves until the person asks for the current question.
  await expect(plain.getByRole("heading", { name: "Wacht op de volgende vraag" })).toBeVisible();
  await loadCurrentQuestion(plain);
  await expect(plain.getByRole("heading", { name: QUESTIONS.dilemma.text })).toBeVisible();

  // Sending without a choice says what to do; then everyone answers, and one changes their mind.
  await plain.getByRole("button", { name: "Verstuur mijn antwoord" }).click();
  await expect(plain.getByRole("alert")).toContainText("Kies A of B.");
  await answer(plain, "A: Ik wacht op de minister");
  await answer(live, "B: Ik publiceer het nu");
  await expectNoViolations(live);
  await answer(small, "A: Ik wacht op de minister");
  await expectNoSidewaysScrolling(small);
  // Without JavaScript each answer is a page load, so the change is certainly saved before the reload.
  await answer(plain, "B: Ik publiceer het nu");
  await plain.reload();
  await expect(plain.getByRole("radio", { name: "B: Ik publiceer het nu" })).toBeChecked();

  // The facilitator reveals the result: a table with the numbers, on every phone.
  await act("onthul", dilemma);
  const result = (page: Page) => page.getByRole("table", { name: /^Uitslag van vraag \d+$/ });
  await expect(live.getByText("Deze vraag is gesloten", { exact: true })).toBeVisible();
  await expect(result(live).getByRole("row", { name: /A: Ik wacht op de minister/ })).toContainText(
    /1\s+33%/,
    { useInnerText: true },
  );
  await expect(result(live).getByRole("row", { name: /B: Ik publiceer het nu/ })).toContainText(/2\s+67%/, {
    useInnerText: true,
  });
  await expect(live.locator('main a[href="/gids/loyale-tegenspraak"]')).toBeVisible();
  await expectNoViolations(live);
  await expect(result(small)).toBeVisible();
  await expectNoSidewaysScrolling(small);
  await loadCurrentQuestion(plain);
  await expect(result(plain)).toContainText("67%");
  await expect(plain.getByText("Jouw antwoord: B: Ik publiceer het nu")).toBeVisible();

  // After the discussion everyone votes again, and the phones show both rounds side by side.
  await act("herstemming", dilemma);
  await expect(
    live.getByText("Stem opnieuw. Kies wat je nu vindt: hetzelfde als de eerste keer, of iets anders."),
  ).toBeVisible();
  await expect(live.getByRole("radio", { checked: true })).toHaveCount(0);
  await loadCurrentQuestion(plain);
  for (const page of [live, small, plain]) await answer(page, "A: Ik wacht op de minister");
  await act("onthul", dilemma);
  const shift = live.getByRole("table", { name: /eerste en tweede ronde$/ });
  await expect(shift.getByRole("columnheader")).toHaveText([
    "Keuze",
    "Eerste ronde",
    "Tweede ronde",
    "Verschil tussen ronde 1 en 2 (procentpunten)",
  ]);
  await expect(shift.getByRole("row", { name: /A: Ik wacht op de minister/ })).toContainText(
    /1 \(33%\)\s+3 \(100%\)\s+\+67/,
    { useInnerText: true },
  );
  await expectNoViolations(live);
  await expectNoSidewaysScrolling(small);

  // A scale question: five answers from "Helemaal oneens" to "Helemaal eens".
  await act("open", scale);
  await expect(live.getByRole("radio")).toHaveCount(5);
  await expect(live.getByRole("radio", { name: "1 – Helemaal oneens" })).toBeVisible();
  await expect(live.getByRole("radio", { name: "5 – Helemaal eens" })).toBeVisible();
  await answer(live, "4 – Eens");

  // An open question: what is being typed survives the live updates of others answering.
  await act("open", open);
  const box = live.getByRole("textbox", { name: "Je antwoord" });
  await expect(box).toBeVisible();
  await expectNoViolations(live);
  await box.fill("Een leidinggevende die");
  const updatesBefore = await live.evaluate(() => window.liveUpdates ?? 0);
  await loadCurrentQuestion(plain);
  await plain.getByRole("textbox", { name: "Je antwoord" }).fill("Dat fouten mogen");
  await plain.getByRole("button", { name: "Verstuur mijn antwoord" }).click();
  await expect(plain.getByText("Je antwoord is opgeslagen.", { exact: false })).toBeVisible();
  await small.getByRole("textbox", { name: "Je antwoord" }).fill("Tijd om na te denken");
  await small.getByRole("button", { name: "Verstuur mijn antwoord" }).click();
  await expect(small.getByText("Je antwoord is opgeslagen.", { exact: false })).toBeVisible();
  // Every answer moves the stream: the typing page has had both updates, and kept what was typed.
  await live.waitForFunction((before) => (window.liveUpdates ?? 0) >= before + 2, updatesBefore);
  await expect(box).toHaveValue("Een leidinggevende die");
  await box.fill("Een leidinggevende die luistert");
  await live.getByRole("button", { name: "Verstuur mijn antwoord" }).click();
  await expect(live.getByText("Je antwoord is opgeslagen.", { exact: false })).toBeVisible();

  // The facilitator lets one answer through and reveals: the phones show it, without a name.
  const control = (await leader.call("get", `/gesprekken/${session.id}`)) as {
    current: { toModerate: { answerId: string; text: string }[] };
  };
  const chosen = control.current.toModerate.find((item) => item.text === "Dat fouten mogen");
  expect(chosen).toBeDefined();
  await leader.call("post", `/gesprekken/${session.id}/moderatie`, {
    questionId: open,
    answerId: chosen?.answerId,
    decision: "goed",
  });
  await act("onthul", open);
  await expect(live.getByText("3 mensen gaven een antwoord.")).toBeVisible();
  await expect(live.getByRole("listitem").filter({ hasText: "Dat fouten mogen" })).toBeVisible();
  await expect(live.getByText("Tijd om na te denken")).toHaveCount(0);
  await expectNoViolations(live);

  // The end: a thank-you, live and after loading.
  await act("beeindig");
  await expect(live.getByText("Het gesprek is afgelopen. Bedankt voor het meedoen!")).toBeVisible();
  await loadCurrentQuestion(plain);
  await expect(plain.getByText("Het gesprek is afgelopen. Bedankt voor het meedoen!")).toBeVisible();
});

test("a code that names no conversation says so and offers to type it again", async ({ page }) => {
  const response = await page.goto("/doe-mee/XXX999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen gesprek gevonden");
  await page.getByRole("link", { name: "Vul de code opnieuw in" }).click();
  await expect(page).toHaveURL("/doe-mee");
});
