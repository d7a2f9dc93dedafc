// Turns whatever a person typed into search terms, each a tsquery for `to_tsquery('dutch', $1)` with
// its synonyms, compound parts, typo corrections and prefix matching. Stop words and question words
// are left out: a question need not match "hoe" or "mag ik". Every lexeme is a run of letters and
// digits, so nothing typed can add tsquery syntax. Stemming is left to the database. Pure: no I/O.
import { findCorrections } from "./search-corrections.ts";
import {
  codePointLength,
  contentWordsOf,
  isUnderstood,
  LETTERS_ONLY,
  MIN_COMPOUND_PART,
  MIN_PREFIX_LENGTH,
  SAFE_LEXEME,
  type SearchLexicon,
  splitCompound,
  tokenizeSearchInput,
} from "./search-words.ts";
import type { Synonyms } from "./synonyms.ts";

const MAX_ALTERNATIVES = 8;

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
    const parts = splitCompound(word, lexicon.words);
    const understood = isUnderstood(word, options.stems.get(word), lexicon);
    const corrections = understood
      ? []
      : findCorrections({ word, lexicon, prefix }).map((found) => found.word);
    const alternatives = [
      ...new Set([
        ...(joined.get(word) ?? []),
        ...(understood ? [] : knownEnds(word, lexicon)),
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

function formatTerm(term: Pick<SearchTerm, "word" | "prefix" | "alternatives" | "parts">): string {
  // Only the typed word is a prefix: "burg:*" helps someone still typing, a prefix synonym would not.
  const lexemes = [term.prefix ? `${term.word}:*` : term.word, ...term.alternatives];
  if (term.parts) lexemes.push(`(${term.parts[0]} & ${term.parts[1]})`);
  return `(${lexemes.join(" | ")})`;
}
