// A record's first draft of a dilemma card in the reader's language: the questions it suggests and the
// "or" of its title come from the locale files.
import type { Language } from "../../infra/i18n/i18n.ts";
import { translatorFor } from "../../infra/i18n/texts.server.ts";
import { type CardDraft, cardDraftFrom } from "./card-from-record.ts";
import type { DeliberationContent } from "./deliberation.validation.ts";

export function cardDraftIn(content: DeliberationContent, language: Language): CardDraft {
  const t = translatorFor(language);
  return cardDraftFrom(content, {
    question: (kind) => t(`deliberation.card.questions.${kind}`),
    either: (a, b) => t("deliberation.card.titleChoice", { a, b }),
  });
}
