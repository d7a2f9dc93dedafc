// A private record of the Dilemma-wijzer as a first draft of a dilemma card. Pure: only the dilemma
// goes over (situation, choices, risks, perspectives, principles, values), never the person's own
// choice or reasoning. Obvious contact details and numbers are replaced; words that may be names are
// only listed, because the person decides what identifies someone.
import type { CardFormValues } from "../dilemmas/read-card-form.ts";
import type { DeliberationContent } from "./deliberation.validation.ts";

export interface CardDraft {
  values: CardFormValues;
  /** How many e-mail addresses, phone numbers, URLs and other numbers were replaced. */
  scrubbed: number;
  /** Capitalised words inside sentences, for the person to check; nothing is removed. */
  possibleNames: string[];
}

/** The questions a draft may suggest for a conversation about the card. */
export type DraftQuestion = "choose" | "weigh" | "involved" | "otherWay" | "limitDamage" | "explain";

/** What a draft says itself, in the reader's language (card-draft.server.ts gives them). */
export interface DraftTexts {
  question: (kind: DraftQuestion) => string;
  /** The title made of the two choices: "A of B". */
  either: (a: string, b: string) => string;
}

export const SCRUBBED = "[…]";

// The card's limits (DilemmaCardInput); a longer text is cut at a word, so the draft stays valid.
const LIMITS = { title: 100, case: 1500, option: 300, risk: 400, perspective: 400 } as const;
const MAX_PRINCIPLES = 3;
const MAX_VALUES = 3;

// Order matters: an e-mail address or URL may hold digits that would otherwise read as a phone number.
const PATTERNS: { pattern: RegExp; keep?: (match: string) => boolean }[] = [
  // E-mail addresses.
  { pattern: /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/gu },
  // URLs, without the punctuation that ends the sentence around them.
  { pattern: /\b(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)']/gi },
  // IBANs: country, check digits and groups of four (NL91 ABNA 0417 1643 00).
  { pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z\d]{4}){2,7}(?: ?[A-Z\d]{1,3})?\b/gi },
  // International phone numbers: +31 6 12345678, +31 (0)70 123 4567, 0031 20 1234567.
  { pattern: /(?:\+|\b00)[1-9]\d{0,2}[ -]?(?:\(0\)[ -]?)?\d(?:[ -]?\d){6,11}(?!\d)/g },
  // Dutch phone numbers: ten digits from the leading 0 (06-12345678, 070-1234567, 020 123 45 67).
  {
    pattern: /(?<![\w+])0\d{1,3}(?:[ -]?\d{2,4}){1,4}(?!\w)/g,
    keep: (match) => match.replace(/\D/g, "").length !== 10,
  },
  // Numbers like a BSN: eight or nine digits on their own, also written 1234.56.789.
  { pattern: /(?<![\w.,-])(?:\d{8,9}|\d{4}\.\d{2}\.\d{3})(?![\w]|[.,]\d)/g },
  // Postcodes: 1234 AB or 1234AB (never SA, SD or SS).
  { pattern: /\b[1-9]\d{3}(?: ?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})\b/g },
];

/** The text with contact details and identifying numbers replaced by "[…]", and how many. */
export function scrubText(text: string): { text: string; count: number } {
  let count = 0;
  let result = text;
  for (const { pattern, keep } of PATTERNS) {
    result = result.replace(pattern, (match) => {
      if (keep?.(match)) return match;
      count += 1;
      return SCRUBBED;
    });
  }
  return { text: result, count };
}

// Capitalised in Dutch government text whatever they refer to; listing them would only add noise.
const COMMON_CAPITALISED = new Set([
  "Kamer",
  "Tweede",
  "Eerste",
  "Kamerleden",
  "Minister",
  "Staatssecretaris",
  "Kabinet",
  "Rijk",
  "Rijksoverheid",
  "Nederland",
  "Nederlandse",
  "Nederlanders",
  "Europese",
  "Unie",
  "EU",
  "AVG",
  "Woo",
  "Grondwet",
  "Koning",
]);

/** Words with a capital that do not start a sentence or a line, in order of first appearance. */
export function possibleNamesIn(texts: string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(/\p{L}[\p{L}\p{M}'’-]*/gu)) {
      const word = match[0].replace(/['’-]+$/u, "");
      if (word.length < 2 || !/^\p{Lu}/u.test(word) || COMMON_CAPITALISED.has(word)) continue;
      if (!startsSentence(text, match.index)) found.add(word);
    }
  }
  return [...found];
}

function startsSentence(text: string, index: number): boolean {
  const before = text.slice(0, index);
  const gap = /[\s"'“‘(«[-]*$/u.exec(before)?.[0] ?? "";
  const previous = before.at(-gap.length - 1);
  return previous === undefined || /[.!?…]/.test(previous) || gap.includes("\n");
}

/**
 * At most `max` characters as a browser sends them back, cut after a whole word with "…" when longer.
 * A form sends each line break as two characters (CR LF), and the card's limits count what arrives.
 */
export function shorten(text: string, max: number): string {
  const trimmed = text.trim();
  const breaks = (value: string) => value.match(/\n/g)?.length ?? 0;
  if (trimmed.length + breaks(trimmed) <= max) return trimmed;
  const cut = trimmed.slice(0, max - 1 - breaks(trimmed.slice(0, max)));
  const lastSpace = cut.search(/\s\S*$/);
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

// Sentence starts that read better in lower case after "of" in "A of B".
const LOWER_AFTER_OF = new Set(["Ik", "Je", "Jij", "We", "Wij", "De", "Het", "Een", "Niet", "Wel", "Eerst"]);

function titleFrom(
  parts: { optionA: string; optionB: string; situation: string; moment: string },
  texts: DraftTexts,
): string {
  const bare = (text: string) =>
    text
      .replace(/\s+/g, " ")
      .trim()
      .replace(/[.!?…]+$/, "");
  if (bare(parts.optionA) && bare(parts.optionB)) {
    const b = bare(parts.optionB);
    const firstWord = b.split(" ")[0] ?? "";
    const second = LOWER_AFTER_OF.has(firstWord) ? `${b[0]?.toLowerCase()}${b.slice(1)}` : b;
    return shorten(texts.either(bare(parts.optionA), second), LIMITS.title);
  }
  const source = bare(parts.situation) ? parts.situation : parts.moment;
  const firstSentence = /^[\s\S]*?[.!?](?=\s|$)/.exec(source.trim())?.[0] ?? source;
  return shorten(bare(firstSentence), LIMITS.title);
}

/** Questions for a conversation about the card; general, so they say nothing about the person. */
function questionsFor(content: DeliberationContent, texts: DraftTexts): string[] {
  const filled = (text: string) => text.trim().length > 0;
  const kinds: DraftQuestion[] = ["choose"];
  if (filled(content.riskA) && filled(content.riskB)) kinds.push("weigh");
  if (Object.values(content.perspectives).some((text) => text && filled(text)) || content.others.length > 0) {
    kinds.push("involved");
  }
  if (filled(content.alternatives)) kinds.push("otherWay");
  if (filled(content.limitDamage)) kinds.push("limitDamage");
  if (filled(content.accountability)) kinds.push("explain");
  return kinds.map(texts.question);
}

/**
 * The card form's values from a record: the person reviews and completes them before sending. The
 * questions and the "or" of the title are said in the reader's language (`said`).
 */
export function cardDraftFrom(content: DeliberationContent, said: DraftTexts): CardDraft {
  let scrubbed = 0;
  const clean = (text: string | undefined, max: number) => {
    const result = scrubText(text ?? "");
    scrubbed += result.count;
    return shorten(result.text, max);
  };
  const situation = [content.situation, content.moment].filter((text) => text.trim()).join("\n\n");
  const perspectives = Object.fromEntries(
    Object.entries(content.perspectives)
      .map(([key, text]) => [key, clean(text, LIMITS.perspective)])
      .filter(([, text]) => text),
  ) as Record<string, string>;
  const texts = {
    case: clean(situation, LIMITS.case),
    optionA: clean(content.optionA, LIMITS.option),
    riskA: clean(content.riskA, LIMITS.risk),
    optionB: clean(content.optionB, LIMITS.option),
    riskB: clean(content.riskB, LIMITS.risk),
  };
  // The title is made from texts already scrubbed, so nothing is counted twice.
  const title = titleFrom(
    {
      optionA: texts.optionA,
      optionB: texts.optionB,
      situation: scrubText(content.situation).text,
      moment: scrubText(content.moment).text,
    },
    said,
  );
  return {
    values: {
      title,
      ...texts,
      perspectives,
      principles: content.principles.slice(0, MAX_PRINCIPLES),
      values: content.values.slice(0, MAX_VALUES),
      workKinds: [],
      themes: [],
      questions: questionsFor(content, said),
    },
    scrubbed,
    possibleNames: possibleNamesIn([...Object.values(texts), ...Object.values(perspectives)]),
  };
}
