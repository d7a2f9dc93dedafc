import { describe, expect, it } from "vitest";
import { CSV_SEPARATOR } from "../../infra/csv.ts";
import { translatorFor } from "../../infra/i18n/texts.server.ts";
import type { Summary } from "./conversation-views.server.ts";
import { formatChange } from "./result-labels.ts";
import { summaryCsv, summaryFile, summaryMarkdown } from "./summary-files.ts";
import { tallyOf } from "./tallies.ts";

const nl = translatorFor("nl");
const t = (key: string, values?: Record<string, unknown>) => nl(key, values);

type SummaryQuestion = Summary["questions"][number];
const answers = (...values: string[]) => values.map((value) => ({ value }));

function question(overrides: Partial<SummaryQuestion>): SummaryQuestion {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    position: 0,
    kind: "dilemma",
    text: "Wat doe je?",
    optionA: "Ik wacht",
    optionB: "Ik publiceer nu",
    allowOther: false,
    cardSlug: null,
    principles: [],
    minutes: null,
    state: "gesloten",
    round: 1,
    revealedRound: 1,
    closesAt: null,
    answered: 0,
    round1: null,
    round2: null,
    approved: [],
    ...overrides,
  };
}

/** A conversation as getConversationSummary gives it: a re-voted dilemma, a scale, an open question, one with too few. */
function createSummary(overrides: Partial<Summary> = {}): Summary {
  return {
    title: "Teamoverleg | juni",
    endedAt: "2025-06-03T12:05:00.000Z",
    participants: 4,
    principles: ["loyale-tegenspraak", "menselijke-maat"],
    questions: [
      question({
        position: 0,
        round: 2,
        revealedRound: 2,
        answered: 4,
        principles: ["loyale-tegenspraak"],
        round1: tallyOf("dilemma", answers("a", "a", "a", "b")),
        round2: tallyOf("dilemma", answers("a", "b", "b", "b")),
      }),
      question({
        id: "00000000-0000-4000-8000-000000000002",
        position: 1,
        kind: "schaal",
        text: '=HYPERLINK("http://evil.example"); ik durf tegen te spreken',
        optionA: "",
        optionB: "",
        answered: 3,
        round1: tallyOf("schaal", answers("2", "4", "5")),
      }),
      question({
        id: "00000000-0000-4000-8000-000000000003",
        position: 2,
        kind: "open",
        text: "Wat nemen we mee?",
        optionA: "",
        optionB: "",
        answered: 3,
        approved: ["Vaker *samen* lunchen", "-1 vergadering per week", "Zeg het\ngewoon"],
      }),
      question({
        id: "00000000-0000-4000-8000-000000000004",
        position: 3,
        text: "Nog een dilemma",
        state: "wacht",
        revealedRound: 0,
        answered: 1,
      }),
    ],
    ...overrides,
  };
}

const files = {
  t,
  principleTitle: (slug: string) =>
    slug === "loyale-tegenspraak" ? "Spreek loyaal tegen" : "Menselijke maat",
  dates: "Afgelopen op 3 jun 2025 14:05",
  origin: "https://vakmanschap.example.nl",
};

describe("the summary as Markdown", () => {
  const markdown = summaryMarkdown({ summary: createSummary(), ...files });

  it("heads it with the title, the date and the number of participants, escaped", () => {
    expect(markdown.startsWith("# Samenvatting: Teamoverleg \\| juni\n")).toBe(true);
    expect(markdown).toContain("Afgelopen op 3 jun 2025 14:05. 4 deelnemers.");
  });

  it("links the principles the conversation touched to the guide", () => {
    expect(markdown).toContain(
      "- [Spreek loyaal tegen](https://vakmanschap.example.nl/gids/loyale-tegenspraak)",
    );
    expect(markdown).toContain("- [Menselijke maat](https://vakmanschap.example.nl/gids/menselijke-maat)");
  });

  it("shows both rounds of a re-vote and the difference in percentage points, not as a goal", () => {
    expect(markdown).toContain("## Vraag 1: Wat doe je?");
    expect(markdown).toContain(
      "| Keuze | Eerste ronde | Tweede ronde | Verschil tussen ronde 1 en 2 (procentpunten) |",
    );
    expect(markdown).toContain("Het verschil tussen de rondes is geen doel.");
    const oneRound = createSummary();
    oneRound.questions = oneRound.questions.slice(1);
    expect(summaryMarkdown({ summary: oneRound, ...files })).not.toContain("geen doel");
    expect(markdown).toContain("| A: Ik wacht | 3 (75%) | 1 (25%) | \u221250 |");
    expect(markdown).toContain("| B: Ik publiceer nu | 1 (25%) | 3 (75%) | +50 |");
  });

  it("shows one round with counts, shares and, for a scale, the mean", () => {
    expect(markdown).toContain("| 4 – eens | 1 | 33% |");
    expect(markdown).toContain("Gemiddelde: 3,7. Middelste antwoord: 4.");
  });

  it("lists approved open answers as text that stays text", () => {
    expect(markdown).toContain("- Vaker \\*samen\\* lunchen");
    expect(markdown).toContain("- \\-1 vergadering per week");
    expect(markdown).toContain("- Zeg het gewoon");
  });

  it("says so when there were too few answers, instead of showing anything", () => {
    expect(markdown).toContain("## Vraag 4: Nog een dilemma");
    expect(markdown).toContain("_Te weinig antwoorden voor een uitslag. Zo blijft ieders antwoord anoniem._");
  });

  it("names no participant", () => {
    expect(markdown).not.toMatch(/participant|deelnemer-?id|[0-9a-f]{8}-[0-9a-f]{4}-/i);
  });
});

describe("the summary as CSV", () => {
  const csv = summaryCsv({ summary: createSummary(), t });
  const lines = csv.replace(/^\uFEFF/, "").split("\r\n");

  it("starts with a byte order mark, so Excel reads UTF-8, and ends each line with CRLF", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(lines.at(-1)).toBe("");
  });

  it("has a header and one row per option and round, with the difference in the second round", () => {
    expect(lines[0]).toBe(
      [
        "Vraag",
        "Vraagtekst",
        "Soort",
        "Ronde",
        "Keuze",
        "Aantal",
        "Procent",
        "Verschil tussen ronde 1 en 2 in procentpunten",
        "Antwoord",
      ].join(CSV_SEPARATOR),
    );
    expect(lines).toContain("1;Wat doe je?;Dilemma (A of B);1;A: Ik wacht;3;75;;");
    expect(lines).toContain("1;Wat doe je?;Dilemma (A of B);2;A: Ik wacht;1;25;-50;");
    expect(lines).toContain("1;Wat doe je?;Dilemma (A of B);2;B: Ik publiceer nu;3;75;50;");
  });

  it("keeps formulas from running and quotes what needs quoting", () => {
    expect(lines).toContain(
      `2;"'=HYPERLINK(""http://evil.example""); ik durf tegen te spreken";Stelling (1 tot 5);1;1 – helemaal oneens;0;0;;`,
    );
    expect(lines).toContain("3;Wat nemen we mee?;Open vraag;1;;;;;'-1 vergadering per week");
    expect(csv).toContain('3;Wat nemen we mee?;Open vraag;1;;;;;"Zeg het\ngewoon"');
  });

  it("leaves out a question with too few answers", () => {
    expect(csv).not.toContain("Nog een dilemma");
  });
});

describe("a change in percentage points", () => {
  it("carries its sign, with a real minus", () => {
    expect(formatChange(12)).toBe("+12");
    expect(formatChange(-5)).toBe("\u22125");
    expect(formatChange(0)).toBe("0");
    expect(formatChange(null)).toBe("–");
  });
});

describe("the download", () => {
  it("names and types each format", () => {
    const summary = createSummary();
    const options = { summary, ...files, id: "12345678-aaaa-4bbb-8ccc-123456789abc" };
    const markdown = summaryFile({ ...options, format: "markdown" });
    expect(markdown.filename).toBe("gesprek-12345678.md");
    expect(markdown.contentType).toBe("text/markdown; charset=utf-8");
    const csv = summaryFile({ ...options, format: "csv" });
    expect(csv.filename).toBe("gesprek-12345678.csv");
    expect(csv.contentType).toBe("text/csv; charset=utf-8");
    expect(csv.body.startsWith("\uFEFF")).toBe(true);
  });
});
