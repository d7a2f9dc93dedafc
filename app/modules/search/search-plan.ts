// Turns whatever a person typed into search terms, each a tsquery for `to_tsquery('dutch', $1)` with
// its synonyms, compound parts, typo corrections and prefix matching. Stop words and question words
// are left out: a question need not match "hoe" or "mag ik". Every lexeme is a run of letters and
// digits, so nothing typed can add tsquery syntax. Stemming is left to the database. Pure: no I/O.
import type { Synonyms } from "./synonyms.ts";

export const MAX_QUERY_LENGTH = 200;
/** Words read from what was typed; of those, at most MAX_TERMS that are not stop words are searched. */
const MAX_WORDS = 16;
const MAX_TERMS = 8;
const MAX_WORD_LENGTH = 40;
const MAX_ALTERNATIVES = 8;
const MAX_COMPOUNDS = 4;
/** The shortest part of a compound that counts: shorter ones ("eer", "ten") match too much by chance. */
const MIN_COMPOUND_PART = 4;
const MAX_CORRECTIONS = 3;
const MAX_SUGGESTIONS = 3;
const MIN_PREFIX_LENGTH = 3;
const MIN_CORRECTABLE_LENGTH = 4;
const LONG_WORD_LENGTH = 8;

const SAFE_LEXEME = /^[\p{L}\p{N}]+$/u;
const WORD = /[\p{L}\p{N}]+/gu;
const LETTERS_ONLY = /^\p{L}+$/u;
// \u0085 (next line) is a control character that still separates words.
const WHITESPACE = /[\s\u0085]/gu;
// Controls, invisible format characters (soft hyphens, zero-width spaces, direction overrides) and
// lone surrogate halves.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
const collator = new Intl.Collator("nl");

export interface SearchTerm {
  word: string;
  /** Synonyms, then words the compound holds or is part of, then typo corrections; never the word itself. */
  alternatives: string[];
  /** The two parts of the word when it is a compound of words in the lexicon ("rechts" + "staat"). */
  parts: readonly [string, string] | null;
  /** The typo corrections among the alternatives, for "also searched for". */
  corrections: string[];
  prefix: boolean;
  /** This term alone, for `to_tsquery('dutch', …)`. */
  tsquery: string;
  /** The word as typed (and its compound parts), without synonyms or corrections. */
  exactTsquery: string;
}

export interface SearchPlan {
  terms: SearchTerm[];
  /** Any of the terms: what a result must match at least. */
  anyTsquery: string;
  /** Every term as typed, without corrections: what a full match of the typed words must match. */
  typedTsquery: string;
}

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

/**
 * Plans a search: each word that is not a stop word (`stems` maps a word to null when the database
 * drops it) with its alternatives. The last word also matches as a prefix, for people who are still
 * typing. Null when no word is left to search for.
 */
export function buildSearchPlan(options: {
  input: string;
  lexicon: SearchLexicon;
  synonyms: Synonyms;
  /** The database's stem of each typed word; null for its stop words. */
  stems: ReadonlyMap<string, string | null>;
  prefixLast?: boolean;
}): SearchPlan | null {
  const { lexicon, prefixLast = true } = options;
  const typed = tokenizeSearchInput(options.input);
  const words = contentWordsOf(typed, options.stems);
  if (words.length === 0) return null;
  const joined = joinedWords(typed, lexicon);
  const terms = words.map((word, index): SearchTerm => {
    const last = index === words.length - 1 && word === typed.at(-1);
    const prefix = prefixLast && last && codePointLength(word) >= MIN_PREFIX_LENGTH;
    const known = lexicon.words.has(word) || lexicon.stems.has(options.stems.get(word) ?? "");
    const parts = splitCompound(word, lexicon.words);
    // A compound of two words the texts have is understood as it is: no typo to correct.
    const corrections =
      known || parts ? [] : findCorrections({ word, lexicon, prefix }).map((found) => found.word);
    const alternatives = [
      ...new Set([
        ...(joined.get(word) ?? []),
        ...(known || parts ? [] : knownEnds(word, lexicon)),
        ...(options.synonyms.get(word) ?? []),
        ...(lexicon.compoundsWith.get(word) ?? []),
        ...corrections.flatMap((correction) => [correction, ...(options.synonyms.get(correction) ?? [])]),
      ]),
    ]
      .filter((alternative) => alternative !== word && SAFE_LEXEME.test(alternative))
      .slice(0, MAX_ALTERNATIVES);
    const term = {
      word,
      alternatives,
      parts,
      corrections: corrections.filter((correction) => alternatives.includes(correction)),
      prefix,
    };
    return { ...term, tsquery: formatTerm(term), exactTsquery: formatTerm({ ...term, alternatives: [] }) };
  });
  const typedTerms = terms.map((term) =>
    formatTerm({
      ...term,
      alternatives: term.alternatives.filter((word) => !term.corrections.includes(word)),
    }),
  );
  return {
    terms,
    anyTsquery: terms.map((term) => term.tsquery).join(" | "),
    typedTsquery: typedTerms.join(" & "),
  };
}

/**
 * Two typed words next to each other that the texts write as one word, in either order: a compound
 * typed apart ("uitvoerings organisatie") or a separable verb as a sentence splits it ("loopt vast",
 * "vastloopt"). Each of the two words maps to the joined word.
 */
function joinedWords(typed: readonly string[], lexicon: SearchLexicon): Map<string, string[]> {
  const joined = new Map<string, string[]>();
  for (let index = 1; index < typed.length; index++) {
    const first = typed[index - 1] as string;
    const second = typed[index] as string;
    for (const word of [first + second, second + first]) {
      if (!lexicon.words.has(word)) continue;
      for (const part of [first, second]) joined.set(part, [...(joined.get(part) ?? []), word]);
    }
  }
  return joined;
}

/**
 * For a word the texts do not have: the longest word of the texts it ends with and the longest it
 * begins with, at least four letters each. Dutch makes new compounds at will, and the last part says
 * what it is about ("webformulier" is a form); the first part is most often the word a longer form
 * was made from ("fraudeert", "belangenverstrengeling").
 */
function knownEnds(word: string, lexicon: SearchLexicon): string[] {
  const letters = Array.from(word);
  if (!LETTERS_ONLY.test(word)) return [];
  const ends: string[] = [];
  for (let cut = 1; cut <= letters.length - MIN_COMPOUND_PART; cut++) {
    const tail = letters.slice(cut).join("");
    if (lexicon.words.has(tail)) {
      ends.push(tail);
      break;
    }
  }
  for (let cut = letters.length - 1; cut >= MIN_COMPOUND_PART; cut--) {
    const head = letters.slice(0, cut).join("");
    if (lexicon.words.has(head)) {
      ends.push(head);
      break;
    }
  }
  return ends;
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

/**
 * "Did you mean": the query with its mistyped words corrected, best first (smallest total edit
 * distance), at most 3. Only a word the lexicon does not know is corrected, never a stop word or a
 * question word, and every other word stays as it was typed. [] when no word looks mistyped.
 */
export function suggestCorrections(options: {
  input: string;
  lexicon: SearchLexicon;
  stems: ReadonlyMap<string, string | null>;
}): string[] {
  const { lexicon, stems } = options;
  const words = tokenizeSearchInput(options.input);
  const searched = new Set(contentWordsOf(words, stems));
  let anyCorrected = false;
  const choices = words.map((word, index) => {
    const known =
      lexicon.words.has(word) ||
      lexicon.stems.has(stems.get(word) ?? "") ||
      splitCompound(word, lexicon.words) !== null;
    if (!searched.has(word) || known) return [{ word, distance: 0 }];
    const prefix = index === words.length - 1 && codePointLength(word) >= MIN_PREFIX_LENGTH;
    const corrections = findCorrections({ word, lexicon, prefix });
    if (corrections.length > 0) anyCorrected = true;
    return corrections.length > 0 ? corrections : [{ word, distance: 0 }];
  });
  if (!anyCorrected) return [];

  // Costs add up word by word, so keeping the best few partial queries at each step is exact.
  type Partial = { words: string[]; distance: number; ranks: number[] };
  let best: Partial[] = [{ words: [], distance: 0, ranks: [] }];
  for (const wordChoices of choices) {
    best = best
      .flatMap((partial) =>
        wordChoices.map((choice, rank) => ({
          words: [...partial.words, choice.word],
          distance: partial.distance + choice.distance,
          ranks: [...partial.ranks, rank],
        })),
      )
      .sort((a, b) => a.distance - b.distance || compareRanks(a.ranks, b.ranks))
      .slice(0, MAX_SUGGESTIONS);
  }
  return best.map((suggestion) => suggestion.words.join(" "));
}

/**
 * Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring), by
 * code point. Gives up as soon as the distance must exceed `max` and then returns max + 1.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const source = codePoints(a);
  const target = codePoints(b);
  if (Math.abs(source.length - target.length) > max) return max + 1;
  // Three rows suffice: a transposition looks two rows back. The rows are reused from call to call,
  // as a correction compares a word with hundreds of others.
  const width = target.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(6 * width);
  let twoBack = 0;
  let previous = width;
  let current = 2 * width;
  for (let column = 0; column < width; column++) rows[previous + column] = column;
  for (let row = 1; row <= source.length; row++) {
    rows[current] = row;
    let rowMinimum = row;
    for (let column = 1; column < width; column++) {
      const cost = source[row - 1] === target[column - 1] ? 0 : 1;
      let distance = Math.min(
        (rows[previous + column] as number) + 1,
        (rows[current + column - 1] as number) + 1,
        (rows[previous + column - 1] as number) + cost,
      );
      const transposed =
        row > 1 &&
        column > 1 &&
        source[row - 1] === target[column - 2] &&
        source[row - 2] === target[column - 1];
      if (transposed) distance = Math.min(distance, (rows[twoBack + column - 2] as number) + 1);
      rows[current + column] = distance;
      if (distance < rowMinimum) rowMinimum = distance;
    }
    // Row minima never decrease, so once a whole row is over the limit the answer is too.
    if (rowMinimum > max) return max + 1;
    const oldest = twoBack;
    twoBack = previous;
    previous = current;
    current = oldest;
  }
  const distance = rows[previous + width - 1] as number;
  return distance > max ? max + 1 : distance;
}

/** The rows `editDistance` works in. */
let rows = new Int32Array(3 * 64);

/** A word's characters as numbers: its UTF-16 units, or its code points when it holds a surrogate pair. */
function codePoints(word: string): ArrayLike<number> {
  if (!/[\uD800-\uDFFF]/.test(word)) {
    const units = new Array<number>(word.length);
    for (let index = 0; index < word.length; index++) units[index] = word.charCodeAt(index);
    return units;
  }
  return Array.from(word, (character) => character.codePointAt(0) as number);
}

/**
 * Up to 3 lexicon words closest to a word that is not in the guide: closest first, ties alphabetical.
 * A prefix term that starts a word of the guide is not a typo but unfinished typing.
 */
function findCorrections(options: {
  word: string;
  lexicon: SearchLexicon;
  prefix: boolean;
}): { word: string; distance: number }[] {
  const { word, lexicon } = options;
  const length = codePointLength(word);
  // Numbers and short words have too many near neighbours for a correction to be a good guess.
  if (length < MIN_CORRECTABLE_LENGTH || !LETTERS_ONLY.test(word) || lexicon.words.has(word)) return [];
  if (options.prefix && beginsAWord(lexicon.sorted, word)) return [];
  const max = length >= LONG_WORD_LENGTH ? 2 : 1;
  const found: { word: string; distance: number }[] = [];
  // Only words of about the same length can be this close: the rest are never compared.
  for (let other = length - max; other <= length + max; other++) {
    for (const candidate of lexicon.byLength.get(other) ?? []) {
      // People rarely mistype the first letter, and a word with another first letter is most often
      // another word ("melden" is no typo of "gelden").
      if (candidate.codePointAt(0) !== word.codePointAt(0)) continue;
      const distance = editDistance(word, candidate, max);
      // The lexicon ends up in the tsquery too, so it gets the same check as what people type.
      if (distance <= max && SAFE_LEXEME.test(candidate)) found.push({ word: candidate, distance });
    }
  }
  return found
    .sort((a, b) => a.distance - b.distance || collator.compare(a.word, b.word) || (a.word < b.word ? -1 : 1))
    .slice(0, MAX_CORRECTIONS);
}

/** Whether a word of `sorted` (in code-unit order) begins with `prefix`. */
function beginsAWord(sorted: readonly string[], prefix: string): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as string) < prefix) low = middle + 1;
    else high = middle;
  }
  return sorted[low]?.startsWith(prefix) ?? false;
}

function formatTerm(term: Pick<SearchTerm, "word" | "prefix" | "alternatives" | "parts">): string {
  // Only the typed word is a prefix: "burg:*" helps someone still typing, a prefix synonym would not.
  const lexemes = [term.prefix ? `${term.word}:*` : term.word, ...term.alternatives];
  if (term.parts) lexemes.push(`(${term.parts[0]} & ${term.parts[1]})`);
  return `(${lexemes.join(" | ")})`;
}

function compareRanks(a: number[], b: number[]): number {
  for (let index = 0; index < a.length; index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function codePointLength(text: string): number {
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
