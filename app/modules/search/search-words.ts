// The words of a search: what was typed, cleaned and cut into words (`normaliseSearchInput`,
// `tokenizeSearchInput`), which of them are searched for (no question words, `contentWordsOf`), and the
// lexicon of the texts' words they are planned against, with its compounds (`lexiconFrom`,
// `splitCompound`). Pure: no I/O.

export const MAX_QUERY_LENGTH = 200;
/** Words read from what was typed; of those, at most MAX_TERMS that are not stop words are searched. */
const MAX_WORDS = 16;
const MAX_TERMS = 8;
const MAX_WORD_LENGTH = 40;
const MAX_COMPOUNDS = 4;
/** The shortest part of a compound that counts: shorter ones ("eer", "ten") match too much by chance. */
export const MIN_COMPOUND_PART = 4;
/** The last word matches as a prefix from this length on. */
export const MIN_PREFIX_LENGTH = 3;

/** One run of letters and digits: all a tsquery lexeme may be, so nothing typed adds tsquery syntax. */
export const SAFE_LEXEME = /^[\p{L}\p{N}]+$/u;
export const LETTERS_ONLY = /^\p{L}+$/u;
const WORD = /[\p{L}\p{N}]+/gu;
// \u0085 (next line) is a control character that still separates words.
const WHITESPACE = /[\s\u0085]/gu;
// Controls, invisible format characters (soft hyphens, zero-width spaces, direction overrides) and
// lone surrogate halves.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;

/** The words of what can be searched, as the search plans against them. */
export interface SearchLexicon {
  /** Every word of three letters or more, lowercase. */
  words: ReadonlySet<string>;
  /** The stems of those words, as the database's `dutch` configuration makes them. */
  stems: ReadonlySet<string>;
  /**
   * A word with the longer words of the lexicon that end in it: the compounds that are a kind of it
   * ("uitvoeringsorganisatie" is an organisation, so "organisatie" finds it; "ministerraad" is no minister).
   */
  compoundsWith: ReadonlyMap<string, readonly string[]>;
  /** The words by their length in characters: a correction is looked for among words of about its length. */
  byLength: ReadonlyMap<number, readonly string[]>;
  /** The words in code-unit order, to find the words a prefix begins by halving. */
  sorted: readonly string[];
}

/**
 * Question words and the small words of a question that are not stop words to the database: people
 * type them, the texts rarely mean anything by them.
 */
const QUESTION_WORDS = new Set([
  "hoe",
  "wat",
  "waarom",
  "wanneer",
  "waar",
  "wie",
  "welk",
  "welke",
  "mag",
  "mogen",
  "moet",
  "moeten",
  "kan",
  "kun",
  "kunnen",
  "zal",
  "zou",
  "ga",
  "gaan",
  "doe",
  "doen",
  "jij",
  "jouw",
  "wij",
  "we",
  "onze",
  "iemand",
  "iets",
  "eigenlijk",
]);

/** Whether a word is asked about rather than searched for (before the database's own stop words). */
export function isQuestionWord(word: string): boolean {
  return QUESTION_WORDS.has(word);
}

/**
 * The lexicon of a set of texts' words: each word with its stem (from the database), and which longer
 * words are compounds of two of them ("uitvoeringsorganisatie": "uitvoering" + "s" + "organisatie").
 */
export function lexiconFrom(stemmed: ReadonlyMap<string, string | null>): SearchLexicon {
  const words = new Set([...stemmed.keys()].filter((word) => codePointLength(word) >= 3));
  const stems = new Set([...stemmed.values()].filter((stem): stem is string => Boolean(stem)));
  const compoundsWith = new Map<string, string[]>();
  for (const word of words) {
    const head = splitCompound(word, words)?.[1];
    if (!head) continue;
    const holders = compoundsWith.get(head) ?? [];
    if (holders.length < MAX_COMPOUNDS) holders.push(word);
    compoundsWith.set(head, holders);
  }
  const byLength = new Map<number, string[]>();
  for (const word of words) {
    const length = codePointLength(word);
    const same = byLength.get(length) ?? [];
    same.push(word);
    byLength.set(length, same);
  }
  return { words, stems, compoundsWith, byLength, sorted: [...words].sort() };
}

/**
 * The two words a Dutch compound is made of, both in `words` and at least four letters long, allowing
 * the joining "s", "e" or "en" between them ("bewinds-persoon", "rechts-staat"). The split with the
 * longest second part wins; null when there is none.
 */
export function splitCompound(word: string, words: ReadonlySet<string>): readonly [string, string] | null {
  const letters = Array.from(word);
  if (!LETTERS_ONLY.test(word) || letters.length < 2 * MIN_COMPOUND_PART) return null;
  for (let cut = MIN_COMPOUND_PART; cut <= letters.length - MIN_COMPOUND_PART; cut++) {
    const tail = letters.slice(cut).join("");
    if (!words.has(tail)) continue;
    const head = letters.slice(0, cut).join("");
    for (const joint of ["", "s", "e", "en"]) {
      if (!head.endsWith(joint)) continue;
      const stem = head.slice(0, head.length - joint.length);
      if (codePointLength(stem) >= MIN_COMPOUND_PART && words.has(stem)) return [stem, tail];
    }
  }
  return null;
}

/**
 * Whether the texts understand a word as it is: they have it, or a word with its stem (`stem`, from
 * the database), or it is a compound of two of their words. Such a word is never corrected.
 */
export function isUnderstood(word: string, stem: string | null | undefined, lexicon: SearchLexicon): boolean {
  return (
    lexicon.words.has(word) || lexicon.stems.has(stem ?? "") || splitCompound(word, lexicon.words) !== null
  );
}

/** Drops control characters, normalises Unicode (NFC), collapses whitespace, trims, caps at MAX_QUERY_LENGTH. */
export function normaliseSearchInput(raw: string): string {
  const cleaned = raw
    // Whitespace first, so a tab or newline still separates words once controls are gone.
    .replace(WHITESPACE, " ")
    .replace(INVISIBLE, "")
    .normalize("NFC")
    .replace(/ {2,}/g, " ")
    .trim();
  return truncateCodePoints(cleaned, MAX_QUERY_LENGTH).trimEnd();
}

/**
 * Words are maximal runs of letters and digits, lowercased: at most 16, each cut to 40 characters,
 * without duplicates. Everything else (quotes, tsquery operators, emoji, punctuation) separates words.
 */
export function tokenizeSearchInput(input: string): string[] {
  // Lowercasing can add combining marks (İ becomes i + U+0307), so words are found after it.
  const lowered = normaliseSearchInput(input).toLowerCase().normalize("NFC");
  const words = new Set<string>();
  for (const match of lowered.matchAll(WORD)) {
    words.add(truncateCodePoints(match[0], MAX_WORD_LENGTH));
    if (words.size === MAX_WORDS) break;
  }
  return [...words];
}

/** The typed words that are searched for: no stop words or question words, at most MAX_TERMS. */
export function contentWordsOf(
  words: readonly string[],
  stems: ReadonlyMap<string, string | null>,
): string[] {
  return words
    .filter((word) => !isQuestionWord(word) && stems.get(word) !== null && SAFE_LEXEME.test(word))
    .slice(0, MAX_TERMS);
}

export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

/** Cuts by code point, so a surrogate pair is never split into an unsafe half. */
function truncateCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  let count = 0;
  for (const character of text) {
    if (count === max) break;
    end += character.length;
    count += 1;
  }
  return text.slice(0, end);
}
