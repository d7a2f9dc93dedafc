// Reads one step of the Dilemma-wijzer from its posted form, and names the field a validation problem
// belongs to. Pure: the step page's action and the autosave in the browser share it.
import { textOf, textsOf } from "../../infra/form-data.ts";
import { PERSPECTIVES } from "../dilemmas/dilemma-tags.ts";
import { MAX_OTHERS, type Step } from "./deliberation-steps.ts";

/**
 * One step's fields from a submitted form, as a patch. Field names: the content keys for text,
 * `perspectief-<who>` for step 3's perspectives, `ander-<n>-wie` / `ander-<n>-nodig` for others,
 * `principe`, `afgewezen` and `waarde` (repeated) for step 4. Unknown values are kept, so that
 * validation can name them instead of them being dropped silently.
 */
export function readStepForm(step: Step, form: FormData): Record<string, unknown> {
  // Browsers send line breaks as CRLF; the record keeps them as LF.
  const text = (name: string) => textOf(form, name).replace(/\r\n/g, "\n");
  const patch: Record<string, unknown> = {};
  for (const field of step.fields) {
    if (field === "perspectives") {
      const perspectives: Record<string, string> = {};
      for (const who of PERSPECTIVES) {
        const value = text(`perspectief-${who}`);
        if (value.trim()) perspectives[who] = value;
      }
      patch.perspectives = perspectives;
    } else if (field === "others") {
      const others: { who: string; need: string }[] = [];
      for (let row = 0; row < MAX_OTHERS + 5; row++) {
        const who = text(`ander-${row}-wie`);
        const need = text(`ander-${row}-nodig`);
        if (who.trim() || need.trim()) others.push({ who, need });
      }
      patch.others = others;
    } else if (field === "principles") {
      patch.principles = unique(textsOf(form, "principe"));
    } else if (field === "dismissed") {
      patch.dismissed = unique(textsOf(form, "afgewezen"));
    } else if (field === "values") {
      patch.values = unique(textsOf(form, "waarde"));
    } else {
      patch[field] = text(field);
    }
  }
  return patch;
}

const unique = (values: string[]) => [...new Set(values)];

/** The id of the field a validation problem belongs to, as the step's fields name them. */
export function stepFieldOf(path: readonly PropertyKey[]): string {
  const [field, key, part] = path.map(String);
  if (field === "perspectives" && key) return `perspectief-${key}`;
  if (field === "others" && key !== undefined) return `ander-${key}-${part === "who" ? "wie" : "nodig"}`;
  if (field === "principles") return "principe";
  if (field === "values") return "waarde";
  return field ?? "form";
}
