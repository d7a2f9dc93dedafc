import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { guidanceFor, STEP_GUIDANCE } from "./step-guidance.ts";

const STEP_NUMBERS = [1, 2, 3, 4, 5, 6, 7] as const;
const LANGUAGES = ["nl", "en"] as const;
const GUIDE_DIR = path.resolve(import.meta.dirname, "../../../content/gids");

/** The guide's own pages in this repository, with their front matter. */
function guidePages() {
  return readdirSync(GUIDE_DIR)
    .filter((file) => file.endsWith(".md"))
    .map((file) => matter(readFileSync(path.join(GUIDE_DIR, file), "utf8")));
}

function principleTitles(): string[] {
  return guidePages()
    .filter((page) => page.data.kind === "principe")
    .map((page) => String(page.data.title));
}

/** The values as the guide names them: the section headings of the values page, minus the framing ones. */
function valueNames(): string[] {
  const page = guidePages().find((candidate) => candidate.data.kind === "waarden");
  const headings = [...(page?.content ?? "").matchAll(/^## (.+?)(?: \{#[^}]*\})?$/gm)].map((match) =>
    String(match[1]),
  );
  return headings.filter((heading) => !/^(waarom|waarden uit|het goede|als waarden|vragen)/i.test(heading));
}

const sentencesOf = (text: string) =>
  text
    .split(/[.?!]+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);

const wordCount = (sentence: string) => sentence.split(/\s+/).filter(Boolean).length;

describe("guidance for the seven steps of the Dilemma-wijzer", () => {
  it("explains every step in Dutch and English, with two or three tips and a worked example", () => {
    for (const language of LANGUAGES) {
      for (const step of STEP_NUMBERS) {
        const guidance = guidanceFor(language, step);
        expect(guidance, `${language} step ${step}`).toBeDefined();
        expect(guidance?.intro.trim().length, `${language} step ${step} intro`).toBeGreaterThan(0);
        expect(guidance?.tips.length, `${language} step ${step} tips`).toBeGreaterThanOrEqual(2);
        expect(guidance?.tips.length, `${language} step ${step} tips`).toBeLessThanOrEqual(3);
        expect(guidance?.tips.every((tip) => tip.trim().length > 0)).toBe(true);
        expect(guidance?.example.length, `${language} step ${step} example`).toBeGreaterThan(0);
        expect(guidance?.example.every((paragraph) => paragraph.trim().length > 0)).toBe(true);
      }
    }
  });

  it("gives nothing for a number that is not a step", () => {
    for (const language of LANGUAGES) {
      expect(guidanceFor(language, 0)).toBeUndefined();
      expect(guidanceFor(language, 8)).toBeUndefined();
      expect(guidanceFor(language, 1.5)).toBeUndefined();
      expect(guidanceFor(language, Number.NaN)).toBeUndefined();
    }
  });

  it("keeps the English in step with the Dutch: as many tips and example paragraphs", () => {
    for (const step of STEP_NUMBERS) {
      const dutch = STEP_GUIDANCE.nl[step];
      const english = STEP_GUIDANCE.en[step];
      expect(english.tips.length, `step ${step} tips`).toBe(dutch.tips.length);
      expect(english.example.length, `step ${step} example`).toBe(dutch.example.length);
      expect(sentencesOf(english.intro).length, `step ${step} intro`).toBe(sentencesOf(dutch.intro).length);
    }
  });

  it("writes the Dutch intros and tips in short sentences (B1: at most 15 words on average)", () => {
    for (const step of STEP_NUMBERS) {
      const { intro, tips } = STEP_GUIDANCE.nl[step];
      const introSentences = sentencesOf(intro);
      expect(introSentences.length, `step ${step} intro sentences`).toBeGreaterThanOrEqual(2);
      expect(introSentences.length, `step ${step} intro sentences`).toBeLessThanOrEqual(4);

      const sentences = [intro, ...tips].flatMap(sentencesOf);
      const average = sentences.reduce((sum, sentence) => sum + wordCount(sentence), 0) / sentences.length;
      expect(average, `step ${step}: ${average.toFixed(1)} words per sentence`).toBeLessThanOrEqual(15);
    }
  });

  it("names, in the worked example of step 4, principles and values as the guide calls them", () => {
    const titles = principleTitles();
    expect(titles).toHaveLength(7);
    const dutchExample = STEP_GUIDANCE.nl[4].example.join("\n");
    const englishExample = STEP_GUIDANCE.en[4].example.join("\n");
    const namedPrinciples = titles.filter((title) => dutchExample.includes(title));
    expect(namedPrinciples.length).toBeGreaterThan(0);
    // The guide's pages are Dutch only, so the English example keeps the Dutch titles too.
    for (const title of namedPrinciples) expect(englishExample).toContain(title);

    const values = valueNames();
    expect(values).toEqual(expect.arrayContaining(["Rechtmatigheid", "Eigen verantwoordelijkheid"]));
    const lowerExample = dutchExample.toLowerCase();
    expect(values.some((value) => lowerExample.includes(value.toLowerCase()))).toBe(true);
  });
});
