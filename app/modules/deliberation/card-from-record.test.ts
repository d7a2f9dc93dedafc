import { describe, expect, it } from "vitest";
import { DilemmaCardInput } from "../dilemmas/dilemmas.validation.ts";
import { cardDraftIn } from "./card-draft.server.ts";
import { possibleNamesIn, SCRUBBED, scrubText, shorten } from "./card-from-record.ts";
import { DeliberationContent } from "./deliberation.validation.ts";

const record = DeliberationContent.parse({
  situation:
    "Een burger vraagt om uitstel van betaling. Volgens de regels kan dat niet. Zij belt elke week en is wanhopig. Mail haar op anna.jansen@example.nl of bel 06-12345678.",
  moment: "Vandaag moet ik de brief met het besluit versturen.",
  optionA: "Ik volg de regels en wijs het verzoek af.",
  riskA: "De burger komt in grote geldproblemen.",
  optionB: "Ik geef toch uitstel.",
  riskB: "Andere burgers krijgen dat uitstel niet. Dat is niet eerlijk.",
  perspectives: { burger: "Zij heeft rust en tijd nodig.", minister: "", ik: "Ik wil eerlijk zijn." },
  others: [{ who: "Mijn teamleider", need: "Duidelijkheid" }],
  principles: ["menselijke-maat", "vertrouwen-in-burgers", "wat-mensen-nodig-hebben", "de-opgave-centraal"],
  values: ["rechtvaardigheid", "rechtmatigheid"],
  alternatives: "Een betalingsregeling voorstellen.",
  choice: "Ik geef uitstel voor drie maanden.",
  because: "De nood is groot.",
  evenThough: "Het tegen de regel ingaat.",
  limitDamage: "Ik leg het besluit vast en bespreek het in het team.",
  accountability: "Mijn teamleider, morgen.",
});

describe("a card drafted from a record", () => {
  const draft = cardDraftIn(record, "nl");

  it("takes over the dilemma, with a title made of the two choices", () => {
    expect(draft.values).toMatchObject({
      title: "Ik volg de regels en wijs het verzoek af of ik geef toch uitstel",
      optionA: record.optionA,
      riskA: record.riskA,
      optionB: record.optionB,
      riskB: record.riskB,
      perspectives: { burger: "Zij heeft rust en tijd nodig.", ik: "Ik wil eerlijk zijn." },
      principles: ["menselijke-maat", "vertrouwen-in-burgers", "wat-mensen-nodig-hebben"],
      values: ["rechtvaardigheid", "rechtmatigheid"],
      workKinds: [],
      themes: [],
    });
    expect(draft.values.case).toBe(
      `Een burger vraagt om uitstel van betaling. Volgens de regels kan dat niet. Zij belt elke week en is wanhopig. Mail haar op ${SCRUBBED} of bel ${SCRUBBED}.\n\n${record.moment}`,
    );
    expect(draft.values.questions?.[0]).toBe("Wat zou jij kiezen, en waarom?");
    expect(draft.values.questions?.length).toBeLessThanOrEqual(6);
    expect(draft.scrubbed).toBe(2);
  });

  it("suggests its questions, and joins the title's choices, in the reader's language", () => {
    const english = cardDraftIn(record, "en");
    expect(english.values.title).toBe("Ik volg de regels en wijs het verzoek af or ik geef toch uitstel");
    expect(english.values.questions?.[0]).toBe("What would you choose, and why?");
    expect(english.values.questions).toHaveLength(draft.values.questions?.length ?? 0);
  });

  it("leaves the person's own choice and reasons out of the card", () => {
    const everything = JSON.stringify(draft.values);
    for (const own of [record.choice, record.because, record.evenThough, record.limitDamage]) {
      expect(everything).not.toContain(own);
    }
    expect(everything).not.toContain("teamleider");
  });

  it("passes the card's validation once the person has chosen a kind of work and a theme", () => {
    const card = DilemmaCardInput.safeParse({
      ...draft.values,
      workKinds: ["uitvoering"],
      themes: ["regels-en-maatwerk"],
    });
    expect(card.success).toBe(true);
    // Those two are the person's to choose: without them the card says so.
    const unchosen = DilemmaCardInput.safeParse(draft.values);
    expect(unchosen.error?.issues.map((issue) => issue.path[0]).sort()).toEqual(["themes", "workKinds"]);
  });

  it("stays within the card's limits when the record's texts are long", () => {
    const long = cardDraftIn(
      {
        ...record,
        situation: "Een lange zin over wat er gebeurde. ".repeat(150),
        optionA: "keuze ".repeat(100),
        perspectives: { burger: "veel ".repeat(200) },
      },
      "nl",
    );
    const card = DilemmaCardInput.safeParse({ ...long.values, workKinds: ["beleid"], themes: ["politiek"] });
    expect(card.success).toBe(true);
    expect(long.values.case?.endsWith("…")).toBe(true);
    expect(long.values.title?.length).toBeLessThanOrEqual(100);
  });

  it("takes the first sentence of the situation as the title when a choice is missing", () => {
    const partial = cardDraftIn({ ...record, optionB: "" }, "nl");
    expect(partial.values.title).toBe("Een burger vraagt om uitstel van betaling");
  });
});

describe("scrubbing", () => {
  it.each([
    ["an e-mail address", "Mail naar p.de.vries+werk@gemeente.example.nl.", `Mail naar ${SCRUBBED}.`],
    ["a mobile number", "Bel 06-12345678 even.", `Bel ${SCRUBBED} even.`],
    ["a mobile number with spaces", "Bel 06 1234 5678.", `Bel ${SCRUBBED}.`],
    [
      "an international number",
      "Bel +31 6 12345678 of +31 (0)70 123 4567.",
      `Bel ${SCRUBBED} of ${SCRUBBED}.`,
    ],
    ["a landline number", "Tel. 070-1234567 of 020 123 45 67.", `Tel. ${SCRUBBED} of ${SCRUBBED}.`],
    ["an IBAN", "Op NL91 ABNA 0417 1643 00 of NL91ABNA0417164300.", `Op ${SCRUBBED} of ${SCRUBBED}.`],
    ["a BSN", "Zijn BSN is 123456789, het oude 12345678.", `Zijn BSN is ${SCRUBBED}, het oude ${SCRUBBED}.`],
    ["a BSN with dots", "BSN 1234.56.789 klopt niet.", `BSN ${SCRUBBED} klopt niet.`],
    [
      "a postcode",
      "Zij woont in 1234 AB en hij in 2511CV.",
      `Zij woont in ${SCRUBBED} en hij in ${SCRUBBED}.`,
    ],
    ["a URL", "Zie https://example.nl/dossier?id=12 en www.example.org.", `Zie ${SCRUBBED} en ${SCRUBBED}.`],
  ])("replaces %s", (_what, text, expected) => {
    const result = scrubText(text);
    expect(result.text).toBe(expected);
    expect(result.count).toBe(expected.split(SCRUBBED).length - 1);
  });

  it("leaves years, amounts, short numbers and ordinary words alone", () => {
    const text =
      "In 2024 kregen 350 mensen € 1.250,00 terug, in 12 weken. Het ging 2 keer mis en 3 SA-leden.";
    expect(scrubText(text)).toEqual({ text, count: 0 });
  });
});

describe("possible names", () => {
  it("lists capitalised words inside sentences, once each, but not sentence starts or common words", () => {
    const names = possibleNamesIn([
      "De Tweede Kamer vraagt de Minister om uitleg. Mijn collega Pieter belde met het UWV.",
      "Ik sprak Pieter en mevrouw De Boer uit Zwolle.\nZwolle is ver weg. Keuze A is lastig.",
    ]);
    expect(names).toEqual(["Pieter", "UWV", "De", "Boer", "Zwolle"]);
  });

  it("counts the start of a line and a quotation after a full stop as a sentence start", () => {
    expect(possibleNamesIn(['Hij zei het. "Morgen kom ik."\n- Nogmaals bedankt.'])).toEqual([]);
  });
});

describe("shortening", () => {
  it("cuts after a whole word and marks the cut", () => {
    expect(shorten("een twee drie vier", 12)).toBe("een twee…");
    expect(shorten("  kort  ", 12)).toBe("kort");
  });

  it("counts a line break as the two characters a browser sends", () => {
    expect(shorten("een\ntwee", 9)).toBe("een\ntwee");
    expect(shorten("een\ntwee", 8)).toBe("een\ntw…");
    expect(shorten("een\ntwee drie", 12)).toBe("een\ntwee…");
    const paragraphs = shorten("Een alinea over wat er gebeurde.\n\n".repeat(60), 1500);
    expect(paragraphs.replace(/\n/g, "\r\n").length).toBeLessThanOrEqual(1500);
  });
});
