// The principle suggester as the platform runs it: built from the current guide's principles, the
// published dilemma cards and the signal words, and rebuilt when any of those change.
import type { Db } from "../../infra/db.server.ts";
import { PRINCIPLES, type Principle } from "../dilemmas/dilemma-tags.ts";
import { getPublishedCardsStamp, listPublishedCards } from "../dilemmas/dilemmas.server.ts";
import { getCurrentVersion, getVersionContent } from "../guide/guide.server.ts";
import { PRINCIPLE_CUES } from "./principle-cues.ts";
import { buildSuggester, type PrincipleSource, type PrincipleSuggester } from "./principle-suggester.ts";

/** How much each kind of text counts towards a principle's words. */
const WEIGHTS = { guide: 1, mainCard: 1, otherCard: 0.4, cues: 3 } as const;

let built: { key: string; suggester: Promise<PrincipleSuggester> } | undefined;

async function sourcesOf(db: Db): Promise<PrincipleSource[]> {
  const version = await getCurrentVersion({ db });
  const parts = version ? await getVersionContent({ db, version }) : [];
  const cards = await listPublishedCards({ db });
  return PRINCIPLES.map((slug: Principle) => {
    const part = parts.find((candidate) => candidate.slug === slug);
    const texts: PrincipleSource["texts"] = [];
    if (part) {
      texts.push({
        text: [part.title, part.summary, ...part.blocks.map((block) => block.text)].join(" "),
        weight: WEIGHTS.guide,
      });
    }
    for (const card of cards) {
      const position = card.principles.indexOf(slug);
      if (position < 0) continue;
      texts.push({
        text: [
          card.title,
          card.case,
          card.optionA,
          card.riskA,
          card.optionB,
          card.riskB,
          ...Object.values(card.perspectives),
        ].join(" "),
        weight: position === 0 ? WEIGHTS.mainCard : WEIGHTS.otherCard,
      });
    }
    texts.push({ text: PRINCIPLE_CUES[slug], weight: WEIGHTS.cues });
    return { slug, title: part?.title ?? slug, summary: part?.summary ?? "", texts };
  });
}

/** The suggester for the database's current content; one cheap query decides whether to rebuild. */
export async function getSuggester(options: { db: Db }): Promise<PrincipleSuggester> {
  const { db } = options;
  const [version, cards] = await Promise.all([getCurrentVersion({ db }), getPublishedCardsStamp({ db })]);
  const key = `${version?.id}:${cards}`;
  if (built?.key !== key) {
    const suggester = sourcesOf(db).then(buildSuggester);
    built = { key, suggester };
    suggester.catch(() => {
      if (built?.key === key) built = undefined;
    });
  }
  return built.suggester;
}

/** At most this many principles are suggested, the best first. */
export const MAX_SUGGESTIONS = 4;

/**
 * The principles to suggest for a described dilemma, for the page and the API alike: only those whose
 * words the text shares (a score above 0), at most `MAX_SUGGESTIONS`, the best first.
 */
export async function suggestPrinciples(options: { db: Db; text: string }) {
  if (!options.text.trim()) return [];
  const suggester = await getSuggester({ db: options.db });
  return suggester
    .suggest(options.text, { limit: MAX_SUGGESTIONS })
    .filter((suggestion) => suggestion.score > 0);
}
