// The Dutch content stays at language level B1, and a few facts that an editor of the official guide
// would flag cannot come back. Per file, the sentences are at most 15 words on average and none is
// longer than 25 words (unless it is on the short allow-list below, with a reason). No sentence puts
// the Ambtenarenwet next to "kernwaarden" (the law names none), and the word "HR-dag" is gone: the Rijk
// says "P&O-dag".
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";

const CONTENT = path.resolve("content");
const LOCALES = path.resolve("app/infra/i18n");
const MAX_AVERAGE = 15;
const MAX_SENTENCE = 25;

/**
 * Sentences over 25 words that may stay, by file and the start of the sentence. Keep this list short:
 * every entry needs a reason why splitting the sentence would make it harder to read.
 */
const LONG_SENTENCES_ALLOWED: { file: string; startsWith: string; reason: string }[] = [];

interface DutchText {
  /** Path relative to the repository, for messages. */
  file: string;
  /** Units that end a sentence by themselves: paragraphs, list items, front matter values. */
  segments: string[];
}

const relative = (file: string) => path.relative(process.cwd(), file);
const markdownFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".md") && name !== "README.md")
    .map((name) => path.join(dir, name));

/** Paragraphs and list items of a Markdown body, without headings, anchors and Markdown syntax. */
function segmentsOf(markdown: string): string[] {
  const segments: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) segments.push(current.join(" "));
    current = [];
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.replace(/\{#[a-z0-9-]+\}/g, "").trim();
    if (line === "" || /^#{1,6}\s/.test(line) || /^(-{3,}|\|)/.test(line)) {
      flush();
      continue;
    }
    const item = /^([-*+]|\d+\.)\s+(.*)$/.exec(line);
    if (item) {
      flush();
      current.push(item[2] ?? "");
      continue;
    }
    current.push(line.replace(/^>\s?/, ""));
  }
  flush();
  return segments.map(plain).filter((segment) => segment.length > 0);
}

/** Markdown inline syntax out: links keep their text, emphasis and code marks go. */
function plain(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/(\*\*|__|\*)/g, "")
    .replace(/(^|[\s(])_([^_]+)_(?=[\s.,;:!?)]|$)/g, "$1$2")
    .replace(/\s+/g, " ")
    .trim();
}

/** Sentences end at . ? or ! (perhaps followed by a quote or bracket) and then a space or the end. */
function sentencesOf(segment: string): string[] {
  return segment
    .split(/(?<=[.?!]["”'’)\]]*)\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => wordsOf(sentence) > 0);
}

function wordsOf(sentence: string): number {
  return sentence.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

const text = (value: unknown): string[] => (typeof value === "string" ? segmentsOf(value) : []);

function guideParts(): DutchText[] {
  return markdownFiles(path.join(CONTENT, "gids")).map((file) => {
    const parsed = matter(fs.readFileSync(file, "utf8"));
    // A part's title is a heading and a version's label is a name; the summary is a sentence.
    return { file: relative(file), segments: [...text(parsed.data.summary), ...segmentsOf(parsed.content)] };
  });
}

function exampleDraft(): DutchText {
  const file = path.join(CONTENT, "voorbeeldconcept.md");
  const parsed = matter(fs.readFileSync(file, "utf8"));
  const changes = Array.isArray(parsed.data.changes) ? (parsed.data.changes as { text?: unknown }[]) : [];
  return {
    file: relative(file),
    segments: [...changes.flatMap((change) => text(change.text)), ...segmentsOf(parsed.content)],
  };
}

function sitePages(): DutchText[] {
  return markdownFiles(path.join(CONTENT, "paginas"))
    .filter((file) => file.endsWith(".nl.md"))
    .map((file) => ({
      file: relative(file),
      segments: segmentsOf(matter(fs.readFileSync(file, "utf8")).content),
    }));
}

function dilemmaCards(): DutchText[] {
  return markdownFiles(path.join(CONTENT, "dilemmas")).map((file) => {
    const { data } = matter(fs.readFileSync(file, "utf8"));
    return {
      file: relative(file),
      segments: ["case", "optionA", "riskA", "optionB", "riskB"].flatMap((key) => text(data[key])),
    };
  });
}

const dutchTexts = [...guideParts(), exampleDraft(), ...sitePages(), ...dilemmaCards()];

/** Every string in a locale file, with its key, so that a failure says where it is. */
function localeStrings(file: string): { file: string; segments: string[] }[] {
  const found: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === "string") found.push(value);
    else if (value && typeof value === "object") for (const child of Object.values(value)) walk(child);
  };
  walk(JSON.parse(fs.readFileSync(file, "utf8")));
  return [{ file: relative(file), segments: found }];
}

const localeFiles = fs
  .readdirSync(LOCALES)
  .filter((name) => name.endsWith(".json"))
  .map((name) => path.join(LOCALES, name));

/**
 * Every Markdown file a reader can see, in both languages. Notes for the team in capitals (README.md,
 * GLOSSARY.md) are left out: they may name a word in order to forbid it.
 */
function allContentFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return allContentFiles(full);
    return entry.name.endsWith(".md") && !/^[A-Z]+\.md$/.test(entry.name) ? [full] : [];
  });
}

describe("the Dutch content at language level B1", () => {
  it("reads every kind of Dutch content file", () => {
    const files = dutchTexts.map((t) => t.file);
    expect(files).toContain("content/gids/over-deze-gids.md");
    expect(files).toContain("content/gids/_versie.md");
    expect(files).toContain("content/voorbeeldconcept.md");
    expect(files).toContain("content/paginas/privacy.nl.md");
    expect(files.filter((file) => file.startsWith("content/dilemmas/")).length).toBeGreaterThanOrEqual(24);
    for (const { file, segments } of dutchTexts) expect(segments.length, file).toBeGreaterThan(0);
  });

  it("splits Markdown into sentences sensibly", () => {
    const segments = segmentsOf(
      "## Kop {#kop}\n\nEen _korte_ zin. Nog een [zin](gids:waarden)!\n{#een-korte-zin}\n\n- Punt een\n- Punt twee?\n  {#punt}\n",
    );
    expect(segments).toEqual(["Een korte zin. Nog een zin!", "Punt een", "Punt twee?"]);
    expect(segments.flatMap(sentencesOf)).toEqual([
      "Een korte zin.",
      "Nog een zin!",
      "Punt een",
      "Punt twee?",
    ]);
    expect(sentencesOf("Het kost 4.000 euro. Klaar.")).toEqual(["Het kost 4.000 euro.", "Klaar."]);
  });

  it(`keeps the average sentence at most ${MAX_AVERAGE} words in every file`, () => {
    const tooLong: string[] = [];
    for (const { file, segments } of dutchTexts) {
      const sentences = segments.flatMap(sentencesOf);
      const average = sentences.reduce((sum, sentence) => sum + wordsOf(sentence), 0) / sentences.length;
      if (average > MAX_AVERAGE) tooLong.push(`${file}: ${average.toFixed(1)} words on average`);
    }
    expect(tooLong).toEqual([]);
  });

  it(`has no sentence over ${MAX_SENTENCE} words, except the few allowed with a reason`, () => {
    const tooLong: string[] = [];
    const used = new Set<(typeof LONG_SENTENCES_ALLOWED)[number]>();
    for (const { file, segments } of dutchTexts) {
      for (const sentence of segments.flatMap(sentencesOf)) {
        if (wordsOf(sentence) <= MAX_SENTENCE) continue;
        const allowed = LONG_SENTENCES_ALLOWED.find(
          (entry) => entry.file === file && sentence.startsWith(entry.startsWith),
        );
        if (allowed) used.add(allowed);
        else tooLong.push(`${file} (${wordsOf(sentence)} words): ${sentence}`);
      }
    }
    expect(tooLong).toEqual([]);
    // An entry that no longer matches anything should go, so the list stays short and true.
    expect(LONG_SENTENCES_ALLOWED.filter((entry) => !used.has(entry))).toEqual([]);
  });

  it(`keeps every Dutch interface text under ${MAX_SENTENCE + 1} words a sentence`, () => {
    const [dutch] = localeStrings(path.join(LOCALES, "nl.json"));
    const sentences = (dutch?.segments ?? [])
      .map((segment) => segment.replace(/\{\{[^}]+\}\}/g, "X"))
      .flatMap(sentencesOf);
    expect(sentences.length).toBeGreaterThan(1000);
    expect(sentences.filter((sentence) => wordsOf(sentence) > MAX_SENTENCE)).toEqual([]);
  });
});

describe("facts and words that must not come back", () => {
  const contentFiles = allContentFiles(CONTENT).map((file) => {
    const parsed = matter(fs.readFileSync(file, "utf8"));
    return {
      file: relative(file),
      segments: [
        ...Object.values(parsed.data).flatMap((value) =>
          typeof value === "string" ? segmentsOf(value) : JSON.stringify(value ?? "").split(/","|":"/),
        ),
        ...segmentsOf(parsed.content),
      ],
    };
  });
  const everything = [...contentFiles, ...localeFiles.flatMap(localeStrings)];

  it('never says in one sentence that the Ambtenarenwet names "kernwaarden" (it names none)', () => {
    const found = everything.flatMap(({ file, segments }) =>
      segments
        .flatMap(sentencesOf)
        .filter((sentence) => /ambtenarenwet/i.test(sentence) && /kernwaarde/i.test(sentence))
        .map((sentence) => `${file}: ${sentence}`),
    );
    expect(found).toEqual([]);
  });

  it('says "P&O-dag", never "HR-dag", in content and interface texts', () => {
    const files = [...allContentFiles(CONTENT), ...localeFiles];
    const found = files.filter((file) => /HR-dag/i.test(fs.readFileSync(file, "utf8"))).map(relative);
    expect(found).toEqual([]);
  });
});
