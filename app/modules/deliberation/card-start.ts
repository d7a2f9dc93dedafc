// Starting the Dilemma-wijzer from a dilemma card: the card's situation and its two choices fill
// steps 1 and 2, so the person begins from a case they recognise and writes the rest themselves. The
// principles are left open on purpose: step 4 is where the person weighs them, with the suggestions.
import type { DeliberationPatch } from "./deliberation.validation.ts";

/** What a record takes from a published dilemma card. */
export interface CardForRecord {
  case: string;
  optionA: string;
  riskA: string;
  optionB: string;
  riskB: string;
}

// A card's fields are shorter than a record's (1500 against 4000 characters, and so on), so nothing
// is cut here; the record's own schema checks it again when it is made.
export function recordStartFromCard(card: CardForRecord): DeliberationPatch {
  return {
    situation: card.case.trim(),
    optionA: card.optionA.trim(),
    riskA: card.riskA.trim(),
    optionB: card.optionB.trim(),
    riskB: card.riskB.trim(),
  };
}
