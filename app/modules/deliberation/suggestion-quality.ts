// How well a ranking of principles matches what people meant: top-1, top-3 and the mean reciprocal
// rank over described dilemmas, and what a random ranking would give. Shared by the relevance test
// and `npm run bench:suggest`.
import type { PrincipleSuggester } from "./principle-suggester.ts";

export interface DescribedDilemma {
  id: string;
  expected: string;
  situation: string;
  dilemma: string;
  involved: string;
}

export interface Quality {
  cases: number;
  top1: number;
  top3: number;
  meanReciprocalRank: number;
  misses: { id: string; expected: string; top3: string[] }[];
}

/** The text the suggester sees: steps 1–3 of the Dilemma-wijzer. */
export function textOf(dilemma: DescribedDilemma): string {
  return [dilemma.situation, dilemma.dilemma, dilemma.involved].join("\n");
}

export function measureQuality(suggester: PrincipleSuggester, dilemmas: DescribedDilemma[]): Quality {
  let top1 = 0;
  let top3 = 0;
  let reciprocal = 0;
  const misses: Quality["misses"] = [];
  for (const dilemma of dilemmas) {
    const ranked = suggester.suggest(textOf(dilemma)).map((suggestion) => suggestion.slug);
    const rank = ranked.indexOf(dilemma.expected) + 1 || ranked.length + 1;
    if (rank === 1) top1++;
    if (rank <= 3) top3++;
    else misses.push({ id: dilemma.id, expected: dilemma.expected, top3: ranked.slice(0, 3) });
    reciprocal += 1 / rank;
  }
  const n = Math.max(1, dilemmas.length);
  return {
    cases: dilemmas.length,
    top1: top1 / n,
    top3: top3 / n,
    meanReciprocalRank: reciprocal / n,
    misses,
  };
}

/** What a random order of `k` principles gives on average. */
export function chanceQuality(k: number): Omit<Quality, "cases" | "misses"> {
  let harmonic = 0;
  for (let rank = 1; rank <= k; rank++) harmonic += 1 / rank;
  return { top1: 1 / k, top3: Math.min(3, k) / k, meanReciprocalRank: harmonic / k };
}
