// The words and figures of one result, as a page, the screen and the summary files show them. Pure, and
// kept apart from the files so a phone that shows a result does not load what writes them.
import type { Translate } from "../deliberation/deliberation-record.ts";

/** The words for one answer value: "A: <the option>", "Iets anders", "4 – eens". */
export function optionLabel(
  t: Translate,
  question: { kind: string; optionA: string; optionB: string },
  value: string,
): string {
  if (question.kind === "dilemma") {
    if (value === "a") return t("conversations.options.a", { text: question.optionA });
    if (value === "b") return t("conversations.options.b", { text: question.optionB });
    return t("conversations.options.other");
  }
  return t(`conversations.options.scale.${value}`);
}

/** A change in percentage points with its sign: "+12", "−5", "0"; "–" when it cannot be compared. */
export function formatChange(change: number | null): string {
  if (change === null) return "–";
  if (change > 0) return `+${change}`;
  // A real minus sign: screen readers say "min", and it does not start a list in Markdown.
  if (change < 0) return `\u2212${Math.abs(change)}`;
  return "0";
}
