import { describe, expect, it } from "vitest";
import { fieldErrorsOf, translateFields } from "../../infra/form-errors.ts";
import { translatorFor } from "../../infra/i18n/texts.server.ts";
import {
  type CardForQuestion,
  conversationFieldOf,
  conversationInputOf,
  emptyQuestion,
  formValuesFrom,
  MAX_QUESTIONS,
  questionField,
  questionFromCard,
  readConversationForm,
  withCardQuestion,
  withCardTaken,
  withQuestionAdded,
  withQuestionRemoved,
} from "./conversation-form.ts";
import { ConversationInput } from "./conversations.validation.ts";
import { templateFor } from "./templates.ts";

function formOf(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

const CARD: CardForQuestion = {
  slug: "eerst-de-minister-of-de-samenleving",
  title: "Eerst voor de minister of eerst voor de samenleving?",
  case:
    "Je werkt op een ministerie aan het tegengaan van eenzaamheid bij ouderen. De minister wil snel een zichtbare\n" +
    "actie: een proef in vijf steden, met een groot moment voor de pers. Uit onderzoek weet je dat een rustiger\n" +
    "aanpak via bestaande buurtteams meer ouderen bereikt. Maar die aanpak levert geen mooie foto op en komt pas na\n" +
    "de verkiezingen goed op gang. Jij schrijft de nota voor de minister.",
  optionA: "Ik werk de proef van de minister goed uit en noem het onderzoek kort in een voetnoot.",
  optionB:
    "Ik werk de proef uit en zet de aanpak via de buurtteams er net zo duidelijk naast, met de voor- en nadelen van allebei en nog meer woorden.",
  principles: ["loyale-tegenspraak", "de-opgave-centraal", "laat-zien-hoe-je-kiest", "menselijke-maat"],
};

describe("the form for a new conversation", () => {
  it("reads the questions as typed, in the order of their numbers, and closes gaps", () => {
    const { values, intent } = readConversationForm(
      formOf([
        ["titel", "Ons teamoverleg"],
        ["beschrijving", ""],
        ["minimum", "4"],
        ["sjabloon", "teamoverleg"],
        ["vraag-2-soort", "open"],
        ["vraag-2-tekst", "Wat nemen we mee?"],
        ["vraag-0-soort", "dilemma"],
        ["vraag-0-tekst", "Wat doe je?"],
        ["vraag-0-keuze-a", "Dit"],
        ["vraag-0-keuze-b", "Dat"],
        ["vraag-0-anders", "ja"],
        ["vraag-0-principes", "menselijke-maat"],
        ["vraag-0-principes", "loyale-tegenspraak"],
        ["vraag-0-minuten", "10"],
        ["vraag-0-kaart", "een-kaart"],
      ]),
    );
    expect(intent).toEqual({ kind: "create" });
    expect(values.title).toBe("Ons teamoverleg");
    expect(values.template).toBe("teamoverleg");
    expect(values.minAnswers).toBe("4");
    expect(values.questions).toEqual([
      {
        kind: "dilemma",
        text: "Wat doe je?",
        optionA: "Dit",
        optionB: "Dat",
        allowOther: true,
        principles: ["menselijke-maat", "loyale-tegenspraak"],
        minutes: "10",
        cardSlug: "een-kaart",
      },
      { ...emptyQuestion(), kind: "open", text: "Wat nemen we mee?" },
    ]);
  });

  it("knows which button was pressed, naming a question by the number the form had", () => {
    const base: [string, string][] = [
      ["vraag-0-soort", "open"],
      ["vraag-3-soort", "open"],
      ["vraag-3-kaartkeuze", " een-kaart "],
    ];
    const intent = (value: string) => readConversationForm(formOf([...base, ["intent", value]])).intent;
    expect(intent("toevoegen")).toEqual({ kind: "add" });
    expect(intent("verwijder-3")).toEqual({ kind: "remove", position: 1 });
    expect(intent("kaart-3")).toEqual({ kind: "card", position: 1, slug: "een-kaart" });
    expect(intent("kaart-0")).toEqual({ kind: "card", position: 0, slug: "" });
    // A button for a question that is not there, or nothing known: just make the conversation.
    expect(intent("verwijder-7")).toEqual({ kind: "create" });
    expect(intent("maken")).toEqual({ kind: "create" });
    expect(intent("iets")).toEqual({ kind: "create" });
  });

  it("reads one question more than allowed, so the check can refuse too many", () => {
    const entries: [string, string][] = Array.from({ length: 40 }, (_, index) => [
      `vraag-${index}-soort`,
      "open",
    ]);
    const { values } = readConversationForm(formOf(entries));
    expect(values.questions).toHaveLength(MAX_QUESTIONS + 1);
    const checked = ConversationInput.safeParse(conversationInputOf(values));
    expect(checked.success).toBe(false);
  });

  it("passes a filled-in template through the check as the template's questions", () => {
    const template = templateFor("teamoverleg");
    if (!template) throw new Error("no template teamoverleg");
    const checked = ConversationInput.parse(conversationInputOf(formValuesFrom(template)));
    expect(checked.title).toBe(template.title);
    expect(checked.minAnswers).toBeUndefined();
    expect(checked.questions).toEqual(template.questions);
  });

  it("turns empty numbers and an empty card into nothing, and typed numbers into numbers", () => {
    const input = conversationInputOf({
      template: "",
      title: "T",
      description: "",
      minAnswers: " 5 ",
      questions: [
        { ...emptyQuestion(), minutes: "", cardSlug: " " },
        { ...emptyQuestion(), minutes: "7" },
      ],
    });
    expect(input.minAnswers).toBe(5);
    expect(input.questions[0]?.minutes).toBeUndefined();
    expect(input.questions[0]?.cardSlug).toBeUndefined();
    expect(input.questions[1]?.minutes).toBe(7);
  });

  it("puts each Dutch message on the field it is about, the first one per field", () => {
    const values = formValuesFrom();
    values.title = "";
    values.minAnswers = "twee";
    values.questions = [
      { ...emptyQuestion(), text: "Wat doe je?", optionA: "", optionB: "B", minutes: "99" },
      { ...emptyQuestion(), kind: "vraag", text: "" },
      { ...emptyQuestion(), kind: "open", text: "Open?", principles: ["geen-principe"] },
    ];
    const checked = ConversationInput.safeParse(conversationInputOf(values));
    if (checked.success) throw new Error("expected errors");
    const errors = translateFields(
      translatorFor("nl"),
      fieldErrorsOf(checked.error, { nameOf: conversationFieldOf }),
    );
    expect(errors).toMatchObject({
      titel: "Geef het gesprek een titel.",
      minimum: "Het minimum aantal antwoorden is een heel getal.",
      "vraag-0-keuze-a": "Vul keuze A in.",
      "vraag-0-minuten": "Reken hoogstens 30 minuten.",
      "vraag-1-soort": "Kies het soort vraag: dilemma, schaal of open.",
      "vraag-1-tekst": "Vul de vraag in.",
      "vraag-2-principes": "Kies een principe uit de lijst.",
    });
    expect(errors["vraag-0-keuze-b"]).toBeUndefined();
  });

  it("says so when there is no question at all", () => {
    const checked = ConversationInput.safeParse(conversationInputOf({ ...formValuesFrom(), questions: [] }));
    if (checked.success) throw new Error("expected errors");
    const errors = fieldErrorsOf(checked.error, { nameOf: conversationFieldOf });
    expect(translateFields(translatorFor("nl"), errors)).toEqual({
      titel: "Geef het gesprek een titel.",
      vragen: "Zet minstens één vraag in het gesprek.",
    });
  });

  it("names fields as the form does", () => {
    expect(questionField(0, "text")).toBe("vraag-0-tekst");
    expect(questionField(12, "optionB")).toBe("vraag-12-keuze-b");
    expect(questionField(1, "cardChoice")).toBe("vraag-1-kaartkeuze");
  });

  it("adds an empty question at the end, up to the maximum, and removes one by its position", () => {
    const start = formValuesFrom(templateFor("teamoverleg"));
    const added = withQuestionAdded(start);
    expect(added.questions).toHaveLength(start.questions.length + 1);
    expect(added.questions.at(-1)).toEqual(emptyQuestion());
    const full = { ...start, questions: Array.from({ length: MAX_QUESTIONS }, emptyQuestion) };
    expect(withQuestionAdded(full).questions).toHaveLength(MAX_QUESTIONS);
    const removed = withQuestionRemoved(start, 0);
    expect(removed.questions).toEqual(start.questions.slice(1));
    expect(start.questions).toHaveLength(3);
  });

  it("fills a question from a dilemma card so that it passes the check", () => {
    const question = questionFromCard(CARD, { ...emptyQuestion(), kind: "open", minutes: "15" });
    expect(question.kind).toBe("dilemma");
    expect(question.cardSlug).toBe(CARD.slug);
    expect(question.minutes).toBe("15");
    expect(question.allowOther).toBe(true);
    expect(question.text.length).toBeLessThanOrEqual(300);
    expect(question.text.startsWith("Je werkt op een ministerie")).toBe(true);
    expect(question.text.endsWith(" Wat doe je?")).toBe(true);
    expect(question.text).not.toContain("\n");
    expect(question.optionA).toBe(CARD.optionA);
    expect(question.optionB.length).toBeLessThanOrEqual(120);
    expect(question.optionB.endsWith("…")).toBe(true);
    expect(question.principles).toEqual([
      "loyale-tegenspraak",
      "de-opgave-centraal",
      "laat-zien-hoe-je-kiest",
    ]);
    const values = withCardTaken({ ...formValuesFrom(), title: "Met een kaart" }, 0, CARD);
    expect(ConversationInput.safeParse(conversationInputOf(values)).success).toBe(true);
  });

  it("uses the card's title when not even one sentence of its case fits", () => {
    const long = { ...CARD, case: `${"heel ".repeat(80)}lang.` };
    expect(questionFromCard(long, emptyQuestion()).text).toBe(CARD.title);
  });
});

describe("a new conversation opened from a card's page", () => {
  it("puts the card's question in the empty start, with the card's title", () => {
    const { values, position } = withCardQuestion(formValuesFrom(), CARD);
    expect(position).toBe(0);
    expect(values.title).toBe(CARD.title);
    expect(values.questions).toHaveLength(1);
    expect(values.questions[0]).toMatchObject({ kind: "dilemma", cardSlug: CARD.slug });
  });

  it("adds the card's question after a template's own, keeping the template's title", () => {
    const template = templateFor("teamoverleg");
    const start = formValuesFrom(template);
    const { values, position } = withCardQuestion(start, CARD);
    expect(position).toBe(start.questions.length);
    expect(values.title).toBe(start.title);
    expect(values.questions.slice(0, -1)).toEqual(start.questions);
    expect(values.questions.at(-1)?.cardSlug).toBe(CARD.slug);
    expect(ConversationInput.safeParse(conversationInputOf(values)).success).toBe(true);
  });

  it("leaves a full form as it is", () => {
    const full = {
      ...formValuesFrom(),
      questions: Array.from({ length: MAX_QUESTIONS }, () => emptyQuestion()),
    };
    full.questions[0] = { ...emptyQuestion(), text: "Al ingevuld" };
    expect(withCardQuestion(full, CARD)).toEqual({ values: full, position: -1 });
  });
});
