// Suggests which principles of the guide are at stake in a dilemma, from the person's own words. Pure:
// it is built once from texts about each principle (the guide's part, the dilemma cards about it, and
// a short list of signal words) and then answers in well under a millisecond per suggestion.
//
// Scoring: every principle gets a weight per word form, higher when the form is frequent in texts
// about that principle and rare in texts about the others (a tf-idf over the seven principles). A
// dilemma's score for a principle is the sum of the weights of the distinct word forms it uses. The
// reason given is the person's own words that weighed most.
import { wordsOf } from "./dutch-words.ts";

export interface PrincipleSource {
  slug: string;
  title: string;
  summary: string;
  /** Texts about this principle, with how much each counts (the guide's part 1, a card 1, signal words 3…). */
  texts: { text: string; weight: number }[];
}

export interface Suggestion {
  slug: string;
  title: string;
  summary: string;
  score: number;
  /** The person's words that led to this suggestion, most telling first. */
  because: string[];
}

export interface PrincipleSuggester {
  suggest(text: string, options?: { limit?: number }): Suggestion[];
}

export function buildSuggester(sources: PrincipleSource[]): PrincipleSuggester {
  // Weighted counts of each word form per principle.
  const counts = sources.map(() => new Map<string, number>());
  const totals = sources.map(() => 0);
  sources.forEach((source, index) => {
    const own = counts[index] as Map<string, number>;
    for (const { text, weight } of source.texts) {
      for (const word of wordsOf(text)) {
        own.set(word.stem, (own.get(word.stem) ?? 0) + weight);
        totals[index] = (totals[index] ?? 0) + weight;
      }
    }
  });
  const spread = new Map<string, number>();
  for (const own of counts) for (const form of own.keys()) spread.set(form, (spread.get(form) ?? 0) + 1);
  const n = sources.length;
  const weights = counts.map((own, index) => {
    const total = Math.max(1, totals[index] ?? 1);
    const weighted = new Map<string, number>();
    for (const [form, count] of own) {
      const idf = Math.log(1 + n / (spread.get(form) ?? n));
      // Damped frequency: a word used often about a principle counts more, but not without bound.
      weighted.set(form, Math.sqrt(count / total) * idf * idf);
    }
    return weighted;
  });

  return {
    suggest(text, options) {
      const seen = new Map<string, string>();
      for (const word of wordsOf(text)) if (!seen.has(word.stem)) seen.set(word.stem, word.surface);
      const ranked = sources.map((source, index) => {
        const own = weights[index] as Map<string, number>;
        const contributions: [string, number][] = [];
        for (const [form, surface] of seen) {
          const weight = own.get(form);
          if (weight) contributions.push([surface, weight]);
        }
        contributions.sort((a, b) => b[1] - a[1]);
        return {
          slug: source.slug,
          title: source.title,
          summary: source.summary,
          score: contributions.reduce((sum, [, weight]) => sum + weight, 0),
          because: contributions.slice(0, 4).map(([surface]) => surface),
        };
      });
      ranked.sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
      return ranked.slice(0, options?.limit ?? ranked.length);
    },
  };
}
