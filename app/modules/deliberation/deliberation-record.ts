// A record of the Dilemma-wijzer as readable sections, and its downloads (Markdown and JSON). Pure:
// the record page, the shared page, the downloads and the API all show the same sections.
import { PERSPECTIVES } from "../dilemmas/dilemma-tags.ts";
import type { DeliberationContent } from "./deliberation.validation.ts";
import { STEPS, type StepNumber } from "./deliberation-steps.ts";

/** The interface translator, or any function that gives a label for a key. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface RecordItem {
  label: string;
  /** The person's own text; a list for principles and values. */
  text: string | string[];
}

export interface RecordSection {
  step: StepNumber;
  heading: string;
  items: RecordItem[];
}

/** Every step with what the person filled in; empty fields are left out, an empty step has no items. */
export function recordSections(
  content: DeliberationContent,
  labels: { t: Translate; principleTitle: (slug: string) => string },
): RecordSection[] {
  const { t } = labels;
  const field = (name: string, text: string): RecordItem[] =>
    text.trim() ? [{ label: t(`deliberation.fields.${name}`), text }] : [];
  const itemsOf: Record<StepNumber, () => RecordItem[]> = {
    1: () => [...field("situation", content.situation), ...field("moment", content.moment)],
    2: () => [
      ...field("optionA", content.optionA),
      ...field("riskA", content.riskA),
      ...field("optionB", content.optionB),
      ...field("riskB", content.riskB),
    ],
    3: () => [
      ...PERSPECTIVES.flatMap((who) => {
        const text = content.perspectives[who] ?? "";
        return text.trim() ? [{ label: t(`dilemmas.perspectives.${who}`), text }] : [];
      }),
      ...content.others
        .filter((other) => other.who.trim() || other.need.trim())
        .map((other) => ({ label: other.who.trim() || "?", text: other.need })),
    ],
    4: () => [
      ...(content.principles.length > 0
        ? [
            {
              label: t("deliberation.record.principles"),
              text: content.principles.map(labels.principleTitle),
            },
          ]
        : []),
      ...(content.values.length > 0
        ? [
            {
              label: t("deliberation.record.values"),
              text: content.values.map((value) => t(`dilemmas.values.${value}`)),
            },
          ]
        : []),
    ],
    5: () => field("alternatives", content.alternatives),
    6: () => [
      ...field("choice", content.choice),
      ...field("because", content.because),
      ...field("evenThough", content.evenThough),
      ...field("limitDamage", content.limitDamage),
    ],
    7: () => field("accountability", content.accountability),
  };
  return STEPS.map((step) => ({
    step: step.number,
    heading: `${step.number}. ${t(`deliberation.steps.${step.number}`)}`,
    items: itemsOf[step.number](),
  }));
}

/**
 * Text that shows as itself in any Markdown reader: characters with a meaning in Markdown or HTML are
 * escaped, so nothing a person wrote becomes a link, a heading or markup.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>&|~]/g, (character) => `\\${character}`)
    .replace(/^(\s*)([#+=-])/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/gm, "$1\\$2")
    .replace(/\n{3,}/g, "\n\n");
}

/** The record as a Markdown document, headed by its title and dates. */
export function recordMarkdown(options: {
  title: string;
  sections: RecordSection[];
  emptyText: string;
  dates: string;
}): string {
  const lines = [`# ${escapeMarkdown(options.title)}`, "", escapeMarkdown(options.dates), ""];
  for (const section of options.sections) {
    lines.push(`## ${escapeMarkdown(section.heading)}`, "");
    if (section.items.length === 0) lines.push(`_${escapeMarkdown(options.emptyText)}_`, "");
    for (const item of section.items) {
      lines.push(`**${escapeMarkdown(item.label)}**`, "");
      if (Array.isArray(item.text)) lines.push(...item.text.map((entry) => `- ${escapeMarkdown(entry)}`));
      else
        lines.push(
          ...escapeMarkdown(item.text.trim())
            .split("\n")
            .map((line) => line.trimEnd()),
        );
      lines.push("");
    }
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** The record as data: the fields as stored, plus titles for the chosen principles. */
export function recordJson(options: {
  id: string;
  title: string;
  createdAt: Date;
  updatedAt: Date;
  content: DeliberationContent;
  principleTitle: (slug: string) => string;
}) {
  return {
    id: options.id,
    title: options.title,
    createdAt: options.createdAt.toISOString(),
    updatedAt: options.updatedAt.toISOString(),
    content: options.content,
    principleTitles: Object.fromEntries(
      options.content.principles.map((slug) => [slug, options.principleTitle(slug)]),
    ),
  };
}
