import { describe, expect, it } from "vitest";
import { DeliberationContent, DeliberationPatch, stepPatchSchema } from "./deliberation.validation.ts";
import { escapeMarkdown, recordMarkdown, recordSections } from "./deliberation-record.ts";
import {
  applySuggestionDecision,
  describedDilemma,
  filledSteps,
  STEPS,
  stepOf,
} from "./deliberation-steps.ts";
import { readStepForm } from "./step-form.ts";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("the steps of the Dilemma-wijzer", () => {
  it("cover every field of a record exactly once", () => {
    const fields = STEPS.flatMap((step) => step.fields as readonly string[]).sort();
    expect(fields).toEqual(Object.keys(DeliberationContent.parse({})).sort());
  });

  it("a patch holds only the fields it names, so saving one step never empties another", () => {
    expect(DeliberationPatch.parse({ situation: "Wat er gebeurde" })).toEqual({
      situation: "Wat er gebeurde",
    });
    expect(DeliberationPatch.parse({})).toEqual({});
  });

  it("knows a step by its number only", () => {
    expect(stepOf("4")?.key).toBe("op-het-spel");
    for (const wrong of ["0", "8", "1.5", "", "abc", undefined]) expect(stepOf(wrong)).toBeUndefined();
  });

  it("reads one step's fields from a form: texts, perspectives, others, choices", () => {
    const [, , three, four] = STEPS;
    const involved = readStepForm(
      three,
      form([
        ["perspectief-burger", "Duidelijkheid"],
        ["perspectief-minister", "  "],
        ["ander-0-wie", "De gemeente"],
        ["ander-0-nodig", "Tijd"],
        ["ander-1-wie", ""],
        ["ander-2-nodig", "Alleen een behoefte"],
        ["situation", "hoort bij stap 1 en wordt genegeerd"],
      ]),
    );
    expect(involved).toEqual({
      perspectives: { burger: "Duidelijkheid" },
      others: [
        { who: "De gemeente", need: "Tijd" },
        { who: "", need: "Alleen een behoefte" },
      ],
    });
    const atStake = readStepForm(
      four,
      form([
        ["principe", "loyale-tegenspraak"],
        ["principe", "loyale-tegenspraak"],
        ["waarde", "rechtmatigheid"],
        ["afgewezen", "menselijke-maat"],
      ]),
    );
    expect(atStake).toEqual({
      principles: ["loyale-tegenspraak"],
      dismissed: ["menselijke-maat"],
      values: ["rechtmatigheid"],
    });
  });

  it("a step's API body takes that step's fields only", () => {
    const [first] = STEPS;
    expect(stepPatchSchema(first).safeParse({ situation: "x" }).success).toBe(true);
    expect(stepPatchSchema(first).safeParse({ choice: "x" }).success).toBe(false);
  });

  it("accepting, dismissing and bringing back a suggestion", () => {
    const accepted = applySuggestionDecision(
      { principles: [], dismissed: ["menselijke-maat"] },
      "neem:menselijke-maat",
    );
    expect(accepted).toEqual({ principles: ["menselijke-maat"], dismissed: [] });
    const dismissed = applySuggestionDecision(accepted, "wijs-af:menselijke-maat");
    expect(dismissed).toEqual({ principles: [], dismissed: ["menselijke-maat"] });
    expect(applySuggestionDecision(dismissed, "terug:menselijke-maat")).toEqual({
      principles: [],
      dismissed: [],
    });
    expect(applySuggestionDecision(dismissed, "neem:bestaat-niet")).toEqual(dismissed);
  });

  it("tells which steps have something in them, and what the suggestions read", () => {
    const content = DeliberationContent.parse({
      situation: "Een burger belt",
      perspectives: { ik: "Rust" },
      dismissed: ["menselijke-maat"],
    });
    expect(filledSteps(content)).toEqual([1, 3]);
    expect(describedDilemma(content)).toBe("Een burger belt\nRust");
  });
});

describe("the record", () => {
  const t = (key: string) => `[${key}]`;
  const labels = { t, principleTitle: (slug: string) => `Titel van ${slug}` };

  it("shows every step, leaving out what is empty", () => {
    const sections = recordSections(
      DeliberationContent.parse({ optionA: "Zeggen", principles: ["loyale-tegenspraak"] }),
      labels,
    );
    expect(sections.map((section) => section.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(sections[0]?.items).toEqual([]);
    expect(sections[1]?.items).toEqual([{ label: "[deliberation.fields.optionA]", text: "Zeggen" }]);
    expect(sections[3]?.items).toEqual([
      { label: "[deliberation.record.principles]", text: ["Titel van loyale-tegenspraak"] },
    ]);
  });

  it("as Markdown, nothing a person wrote becomes markup, a link or a heading", () => {
    expect(escapeMarkdown("<script>alert(1)</script>")).toBe("\\<script\\>alert(1)\\</script\\>");
    expect(escapeMarkdown("[klik](javascript:alert(1))")).toBe("\\[klik\\](javascript:alert(1))");
    expect(escapeMarkdown("# kop\n1. lijst\n- punt")).toBe("\\# kop\n1\\. lijst\n\\- punt");
    const markdown = recordMarkdown({
      title: "A of B",
      sections: recordSections(DeliberationContent.parse({ situation: "**vet**\n\n\n\nnieuw" }), labels),
      emptyText: "Leeg",
      dates: "Vandaag",
    });
    expect(markdown).toContain("\\*\\*vet\\*\\*\n\nnieuw");
    expect(markdown.startsWith("# A of B\n\nVandaag\n")).toBe(true);
    expect(markdown).toContain("_Leeg_");
  });
});
