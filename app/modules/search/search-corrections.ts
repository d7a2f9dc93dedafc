// Typo corrections: the words of the texts closest to a word they do not have (`findCorrections`), by
// an edit distance that allows swapped letters (`editDistance`), and "did you mean", the query with its
// mistyped words corrected (`suggestCorrections`). Pure: no I/O.
import {
  codePointLength,
  contentWordsOf,
  isUnderstood,
  LETTERS_ONLY,
  MIN_PREFIX_LENGTH,
  SAFE_LEXEME,
  type SearchLexicon,
  tokenizeSearchInput,
} from "./search-words.ts";

const MAX_CORRECTIONS = 3;
const MAX_SUGGESTIONS = 3;
const MIN_CORRECTABLE_LENGTH = 4;
const LONG_WORD_LENGTH = 8;
const collator = new Intl.Collator("nl");

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
    if (!searched.has(word) || isUnderstood(word, stems.get(word), lexicon)) return [{ word, distance: 0 }];
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
export function findCorrections(options: {
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

function compareRanks(a: number[], b: number[]): number {
  for (let index = 0; index < a.length; index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
