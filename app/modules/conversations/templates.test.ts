import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../infra/i18n/texts.server.ts";
import { PRINCIPLES } from "../dilemmas/dilemma-tags.ts";
import { ConversationTemplateSchema, QuestionDraftSchema } from "./conversation-draft.validation.ts";
import { TEMPLATES, templateFor, templatesForPrinciple } from "./templates.ts";

const nl = translatorFor("nl");
const CONTENT = path.resolve(import.meta.dirname, "../../../content");

/** The principles as the guide's pages in this repository define them (front matter `kind: principe`). */
function guidePrinciples(): string[] {
  const folder = path.join(CONTENT, "gids");
  return readdirSync(folder)
    .filter((file) => file.endsWith(".md"))
    .map((file) => matter(readFileSync(path.join(folder, file), "utf8")).data)
    .filter((data) => data.kind === "principe")
    .map((data) => String(data.slug));
}

const sentencesOf = (text: string) =>
  text
    .split(/[.?!:]+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);

/** Words too common to tell two options apart. */
const STOP = new Set([
  "zoals",
  "maar",
  "naar",
  "voor",
  "daarna",
  "zodat",
  "omdat",
  "ook",
  "dan",
  "niet",
  "mijn",
]);

const wordCount = (sentence: string) => sentence.split(/\s+/).filter(Boolean).length;

describe("the conversation templates", () => {
  it("are a team meeting of 45 minutes, an introduction, a kris-kras-gesprek of 90 minutes, a trainee meeting and a P&O day", () => {
    expect(TEMPLATES.map((template) => template.key)).toEqual([
      "teamoverleg",
      "introductie",
      "kriskras",
      "rijkstrainees",
      "p-en-o-dag",
    ]);
    expect(templateFor("teamoverleg")?.minutes).toBe(45);
    expect(templateFor("kriskras")?.minutes).toBe(90);
    expect(templateFor("rijkstrainees")?.title).toBe("Bijeenkomst van rijkstrainees");
    expect(templateFor("p-en-o-dag")?.title).toBe("Werksessie op een P&O-dag");
  });

  it.each(TEMPLATES.map((template) => [template.key, template] as const))(
    "%s passes the schema an edited copy must pass",
    (_key, template) => {
      const result = ConversationTemplateSchema.safeParse(template);
      expect(result.error?.issues ?? []).toEqual([]);
      expect(result.data).toEqual(template);
    },
  );

  it.each(TEMPLATES.map((template) => [template.key, template] as const))(
    "%s has rounds that add up to its length",
    (_key, template) => {
      expect(template.rounds.reduce((sum, round) => sum + round.minutes, 0)).toBe(template.minutes);
    },
  );

  it.each(TEMPLATES.map((template) => [template.key, template] as const))(
    "%s asks every question in one round, and each round has time for the questions it asks",
    (_key, template) => {
      const asked = template.rounds.flatMap((round) => round.asks ?? []);
      expect([...asked].sort((x, y) => x - y)).toEqual(template.questions.map((_question, index) => index));
      for (const round of template.rounds) {
        const needed = (round.asks ?? []).reduce(
          (sum, index) => sum + (template.questions[index]?.minutes ?? 0),
          0,
        );
        expect(needed, round.title).toBeLessThanOrEqual(round.minutes);
      }
      const questionMinutes = template.questions.reduce((sum, question) => sum + (question.minutes ?? 0), 0);
      expect(questionMinutes).toBeLessThanOrEqual(template.minutes);
    },
  );

  it("give twelve kris-kras participants about one and a half minutes each to introduce themselves", () => {
    const introductions = templateFor("kriskras")?.rounds.find((round) => round.title === "Voorstellen");
    expect(introductions?.asks ?? []).toEqual([]);
    expect(introductions?.minutes).toBeGreaterThanOrEqual(12 * 1.5);
  });

  it("never ask who chose what, never call it a score, and word moderation as showing", () => {
    for (const template of TEMPLATES) {
      const script = template.rounds.map((round) => round.guidance).join(" ");
      expect(script, template.key).not.toMatch(
        /score|goedgekeurd|goedkeur|die [AB] koos|van mening veranderde|verschoven/i,
      );
    }
  });

  it("say in every script with a second round that the aim is to hear each other, not to agree", () => {
    for (const template of TEMPLATES) {
      const script = template.rounds.map((round) => round.guidance).join(" ");
      if (!/nog een keer/.test(script)) continue;
      expect(script, template.key).toContain("Het gaat erom dat jullie elkaars afwegingen horen.");
    }
  });

  it("use all three kinds of question, and every template has a dilemma card", () => {
    const kinds = new Set(
      TEMPLATES.flatMap((template) => template.questions.map((question) => question.kind)),
    );
    expect([...kinds].sort()).toEqual(["dilemma", "open", "schaal"]);
    for (const template of TEMPLATES) {
      expect(template.questions.some((question) => question.cardSlug !== undefined)).toBe(true);
    }
  });

  it("only point to dilemma cards that exist, with the card's own principles", () => {
    for (const question of TEMPLATES.flatMap((template) => template.questions)) {
      if (!question.cardSlug) continue;
      const file = path.join(CONTENT, "dilemmas", `${question.cardSlug}.md`);
      expect(existsSync(file), question.cardSlug).toBe(true);
      const card = matter(readFileSync(file, "utf8")).data;
      expect(card.slug).toBe(question.cardSlug);
      for (const principle of question.principles) expect(card.principles).toContain(principle);
    }
  });

  it("give a card's two options in the card's order, about equally long", () => {
    const words = (text: string) =>
      new Set(
        text
          .toLowerCase()
          .match(/[a-zà-ÿ0-9.-]{4,}/g)
          ?.filter((word) => !STOP.has(word)) ?? [],
      );
    const shared = (one: string, other: string) => {
      const theirs = words(other);
      return [...words(one)].filter((word) => theirs.has(word)).length;
    };
    for (const question of TEMPLATES.flatMap((template) => template.questions)) {
      if (!question.cardSlug || !question.optionA || !question.optionB) continue;
      const file = path.join(CONTENT, "dilemmas", `${question.cardSlug}.md`);
      const card = matter(readFileSync(file, "utf8")).data as { optionA: string; optionB: string };
      const label = question.cardSlug;
      expect(shared(question.optionA, card.optionA), label).toBeGreaterThan(
        shared(question.optionA, card.optionB),
      );
      expect(shared(question.optionB, card.optionB), label).toBeGreaterThan(
        shared(question.optionB, card.optionA),
      );
      const [shorter, longer] = [question.optionA.length, question.optionB.length].sort((x, y) => x - y);
      expect((longer ?? 0) / (shorter ?? 1), label).toBeLessThanOrEqual(1.25);
    }
  });

  it("only name principles the guide has", () => {
    const known = guidePrinciples();
    expect([...known].sort()).toEqual([...PRINCIPLES].sort());
    for (const question of TEMPLATES.flatMap((template) => template.questions)) {
      for (const principle of question.principles) expect(known).toContain(principle);
    }
  });

  it("guide the facilitator in short sentences (at most 15 words on average)", () => {
    for (const template of TEMPLATES) {
      const sentences = template.rounds.flatMap((round) => sentencesOf(round.guidance));
      const average = sentences.reduce((sum, sentence) => sum + wordCount(sentence), 0) / sentences.length;
      expect(average, template.key).toBeLessThanOrEqual(15);
      for (const sentence of sentences) expect(wordCount(sentence), sentence).toBeLessThanOrEqual(22);
    }
  });

  it("give a copy that can be edited without changing the template", () => {
    const copy = templateFor("teamoverleg");
    if (!copy) throw new Error("teamoverleg is missing");
    copy.title = "Ons eigen overleg";
    copy.rounds.pop();
    expect(templateFor("teamoverleg")?.title).toBe("Teamoverleg: hoe werken we?");
    expect(templateFor("teamoverleg")?.rounds).toHaveLength(5);
  });

  it("know no template with another key", () => {
    expect(templateFor("onbekend")).toBeUndefined();
  });
});

describe("QuestionDraftSchema", () => {
  const dilemma = {
    kind: "dilemma",
    text: "Wat doe je?",
    optionA: "Ik volg de regel.",
    optionB: "Ik wijk af.",
    principles: ["menselijke-maat"],
  };

  it("needs both choices for a dilemma", () => {
    const result = QuestionDraftSchema.safeParse({ ...dilemma, optionB: " " });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), nl(issue.message)])).toEqual([
      ["optionB", "Vul keuze B in."],
    ]);
  });

  it("drops choices from a question that is no longer a dilemma", () => {
    const question = QuestionDraftSchema.parse({ ...dilemma, kind: "schaal", allowOther: true });
    expect(question).toEqual({ kind: "schaal", text: "Wat doe je?", principles: ["menselijke-maat"] });
  });

  it("keeps the limits of text, choices, principles and minutes", () => {
    const problems = (input: object) =>
      QuestionDraftSchema.safeParse({ ...dilemma, ...input }).error?.issues.map((issue) => nl(issue.message));
    expect(problems({ text: "x".repeat(301) })).toEqual(["De vraag mag hoogstens 300 tekens hebben."]);
    expect(problems({ optionA: "x".repeat(121) })).toEqual(["Keuze A mag hoogstens 120 tekens hebben."]);
    expect(problems({ principles: ["moed"] })).toEqual(["Kies een principe uit de lijst."]);
    expect(problems({ minutes: 31 })).toEqual(["Reken hoogstens 30 minuten."]);
    expect(problems({ minutes: 0 })).toEqual(["Reken minstens 1 minuut."]);
    expect(problems({ minutes: 2.5 })).toEqual(["Vul een aantal minuten in."]);
    expect(problems({ cardSlug: "Geen Slug" })).toHaveLength(1);
    expect(problems({ text: "  " })).toEqual(["Vul de vraag in."]);
  });

  it("refuses a template whose rounds do not fill its time", () => {
    const template = templateFor("kriskras");
    if (!template) throw new Error("kriskras is missing");
    template.minutes = 100;
    const result = ConversationTemplateSchema.safeParse(template);
    expect(result.error?.issues.map((issue) => nl(issue.message))).toEqual([
      "De rondes duren samen niet even lang als het hele gesprek.",
    ]);
  });
});

describe("the templates about a principle", () => {
  it("are those with at least one question about it, for the principle's page in the guide", () => {
    for (const principle of PRINCIPLES) {
      const keys = templatesForPrinciple(principle).map((template) => template.key);
      const expected = TEMPLATES.filter((template) =>
        template.questions.some((question) => question.principles.includes(principle)),
      ).map((template) => template.key);
      expect(keys, principle).toEqual(expected);
    }
    expect(templatesForPrinciple("bestaat-niet")).toEqual([]);
  });
});
