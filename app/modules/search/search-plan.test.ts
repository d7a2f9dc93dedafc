import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance, suggestCorrections as suggestWith } from "./search-corrections.ts";
import { buildSearchPlan as planWith } from "./search-plan.ts";
import {
  lexiconFrom,
  MAX_QUERY_LENGTH,
  normaliseSearchInput,
  splitCompound,
  tokenizeSearchInput,
} from "./search-words.ts";
import { parseSynonyms, synonymsFrom } from "./synonyms.ts";

const SHIPPED = parseSynonyms(fs.readFileSync("content/synoniemen.md", "utf8"));
const SYNONYMS = synonymsFrom(SHIPPED.groups);
const synonymsOf = (word: string) => [...(SYNONYMS.get(word.toLowerCase()) ?? [])];

/** A lexicon whose words are their own stems, as the tests need no database. */
const lexiconOf = (words: ReadonlySet<string>) =>
  lexiconFrom(new Map([...words].map((word) => [word, word])));
/** The typed words with themselves as stems: none a stop word, unless named. */
const stemsOf = (input: string, stopWords: readonly string[] = []) =>
  new Map(tokenizeSearchInput(input).map((word) => [word, stopWords.includes(word) ? null : word]));

/** The plan, with `tsquery` all terms together as the database asks for a full match. */
function buildSearchPlan(options: { input: string; lexicon: ReadonlySet<string>; prefixLast?: boolean }) {
  const plan = planWith({
    input: options.input,
    lexicon: lexiconOf(options.lexicon),
    synonyms: SYNONYMS,
    stems: stemsOf(options.input),
    prefixLast: options.prefixLast,
  });
  return plan && { ...plan, tsquery: plan.terms.map((term) => term.tsquery).join(" & ") };
}

function suggestCorrections(options: { input: string; lexicon: ReadonlySet<string> }) {
  return suggestWith({
    input: options.input,
    lexicon: lexiconOf(options.lexicon),
    stems: stemsOf(options.input),
  });
}

const SAFE_LEXEME = /^[\p{L}\p{N}]+$/u;
const LEXEME = "[\\p{L}\\p{N}]+";
// A compound's parts come as one alternative: "(rechts & staat)".
const TERM = `\\(${LEXEME}(?::\\*)?(?: \\| ${LEXEME})*(?: \\| \\(${LEXEME} & ${LEXEME}\\))?\\)`;
const TSQUERY_SHAPE = new RegExp(`^${TERM}(?: & ${TERM})*$`, "u");

/** The lexemes of a plan's tsquery, after checking it has exactly the shape the plan promises. */
function lexemesOf(tsquery: string): string[] {
  expect(tsquery).toMatch(TSQUERY_SHAPE);
  return tsquery
    .replace(/[()]/g, "")
    .split(/ & | \| /)
    .map((lexeme) => lexeme.replace(/:\*$/, ""));
}

function expectSafe(input: string, lexicon: ReadonlySet<string> = guideWords): void {
  const plan = buildSearchPlan({ input, lexicon });
  if (plan === null) return;
  for (const lexeme of lexemesOf(plan.tsquery)) expect(lexeme).toMatch(SAFE_LEXEME);
  expect(plan.terms.length).toBeLessThanOrEqual(8);
  for (const term of plan.terms) expect(term.alternatives.length).toBeLessThanOrEqual(6);
}

const guideWords = new Set([
  "burgers",
  "burger",
  "burgemeester",
  "integriteit",
  "ambtenaren",
  "ambtenaar",
  "tegenspraak",
  "minister",
  "dilemma",
  "dilemmas",
  "openbaar",
  "vertrouwen",
  "verantwoording",
  "politiek",
  "kaart",
  "kaarten",
  "taart",
]);

describe("a person's typing is cleaned up before searching", () => {
  it("loses control characters and extra whitespace but keeps the words apart", () => {
    expect(normaliseSearchInput("  burger\u0000s\tin\nde \r\n  stad\u200b ")).toBe("burgers in de stad");
    expect(normaliseSearchInput("\u0007\u001b[31m")).toBe("[31m");
  });

  it("gets composed accents whichever way they were typed", () => {
    const decomposed = "e\u0301e\u0301n";
    expect(normaliseSearchInput(decomposed)).toBe("één");
  });

  it("is cut off at the maximum length without splitting a character", () => {
    expect(normaliseSearchInput("a".repeat(10_000))).toHaveLength(MAX_QUERY_LENGTH);
    const emoji = normaliseSearchInput("😀".repeat(300));
    expect(Array.from(emoji)).toHaveLength(MAX_QUERY_LENGTH);
    expect(emoji).toMatch(/^(?:😀)+$/u);
  });

  it("splits into lowercase words at anything that is not a letter or digit", () => {
    expect(tokenizeSearchInput(`"Burger" & (inwoner | !politiek):* 2024's 😀tegen-spraak`)).toEqual([
      "burger",
      "inwoner",
      "politiek",
      "2024",
      "s",
      "tegen",
      "spraak",
    ]);
  });

  it("keeps at most sixteen distinct words of at most forty characters, and searches eight", () => {
    const letters = "abcdefghijklmnopqrst".split("");
    expect(tokenizeSearchInput(["a", ...letters].join(" "))).toEqual(letters.slice(0, 16));
    expect(buildSearchPlan({ input: letters.join(" "), lexicon: guideWords })?.terms).toHaveLength(8);
    expect(tokenizeSearchInput("x".repeat(50))).toEqual(["x".repeat(40)]);
    expect(tokenizeSearchInput(`${"y".repeat(45)} ${"y".repeat(41)}`)).toEqual(["y".repeat(40)]);
  });

  it("finds no words in punctuation, operators and emoji", () => {
    expect(tokenizeSearchInput(`'"\\&|!:*()<->😀👍🏽 `)).toEqual([]);
    expect(buildSearchPlan({ input: `'"\\&|!:*()<->😀`, lexicon: guideWords })).toBeNull();
    expect(buildSearchPlan({ input: "   ", lexicon: guideWords })).toBeNull();
  });
});

describe("a person's search cannot break or steer the query", () => {
  it("gets a well-formed query from quotes, operators, backslashes, emoji and control characters", () => {
    const attempts = [
      "burger' & 'x",
      "'; drop table guide_blocks; --",
      "burger:* | !integriteit",
      "a:A & b:*B <-> c <2> d",
      "back\\slash \\' \\\\",
      "(((burger",
      "burger))) | (",
      "😀 integriteit 👍🏽 🇳🇱",
      "burger\u0000\u0001\u007f\u200e\u202eintegriteit",
      "\ud800 lone \udc00 surrogates",
      "İstanbul ǅ ß ﬁ",
      "x".repeat(10_000),
      "burger ".repeat(10_000),
      "&|!:*()'\"\\".repeat(1_000),
    ];
    for (const input of attempts) expectSafe(input);
  });

  it("keeps unsafe words in the lexicon out of the query", () => {
    const lexicon = new Set(["burgr):*", "burger's", "burgers"]);
    const plan = buildSearchPlan({ input: "burgrs", lexicon });

    expect(plan?.terms[0]?.alternatives).toEqual(["burgers"]);
    expectSafe("burgrs", lexicon);
  });

  it("gets null or a safe query from any string at all", () => {
    const anyText = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }),
      fc
        .array(fc.constantFrom("burgr", "'", "\\", "&", "|", "!", ":*", "(", ")", " ", "😀", "\u0000", "ß"))
        .map((parts) => parts.join("")),
    );
    const anyLexicon = fc
      .array(fc.string({ maxLength: 10 }), { maxLength: 20 })
      .map((words) => new Set(words));

    fc.assert(
      fc.property(anyText, anyLexicon, fc.boolean(), (input, lexicon, prefixLast) => {
        const plan = buildSearchPlan({ input, lexicon, prefixLast });
        if (plan === null) return;
        for (const lexeme of lexemesOf(plan.tsquery)) expect(lexeme).toMatch(SAFE_LEXEME);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("a person finds what they mean with other words", () => {
  it("finds a synonym whichever member of the group was typed", () => {
    expect(synonymsOf("burger")).toEqual(["inwoner", "mensen"]);
    expect(synonymsOf("inwoner")).toEqual(["burger", "mensen"]);
    expect(synonymsOf("kritiek")).toEqual(["tegenspraak", "tegenspreken", "bezwaar", "tegengeluid"]);
    expect(synonymsOf("Minister")).toEqual(["bewindspersoon", "staatssecretaris"]);
    expect(synonymsOf("fiets")).toEqual([]);
  });

  it("searches for the synonyms too", () => {
    const plan = buildSearchPlan({ input: "kritiek op de minister", lexicon: guideWords, prefixLast: false });

    expect(plan?.tsquery).toBe(
      "(kritiek | tegenspraak | tegenspreken | bezwaar | tegengeluid) & (op) & (de) & (minister | bewindspersoon | staatssecretaris)",
    );
  });

  it("is offered a synonym list of single lowercase words, which editors keep in content/", () => {
    expect(SHIPPED.problems).toEqual([]);
    expect(SHIPPED.groups.length).toBeGreaterThanOrEqual(10);
    for (const group of SHIPPED.groups) {
      expect(group.length).toBeGreaterThanOrEqual(2);
      for (const word of group) expect(word).toMatch(/^\p{Ll}+$/u);
    }
  });
});

describe("a person who makes a typo still finds the guide's words", () => {
  it("finds 'burgers' after typing 'burgrs'", () => {
    const plan = buildSearchPlan({ input: "burgrs", lexicon: guideWords });

    expect(plan?.terms).toMatchObject([
      { word: "burgrs", alternatives: ["burgers"], corrections: ["burgers"], prefix: true },
    ]);
    expect(plan?.tsquery).toBe("(burgrs:* | burgers)");
  });

  it("gets synonyms before corrections, closest corrections first", () => {
    const closest = buildSearchPlan({ input: "dilemmaas", lexicon: guideWords, prefixLast: false });
    expect(closest?.terms[0]?.corrections).toEqual(["dilemmas", "dilemma"]);

    // "inwoner" has a synonym but does not occur in this guide; its near neighbours tie, alphabetically.
    const lexicon = new Set(["inwoners", "inwonen", "wonen"]);
    const withSynonyms = buildSearchPlan({ input: "inwoner", lexicon, prefixLast: false });
    expect(withSynonyms?.terms[0]).toMatchObject({
      word: "inwoner",
      alternatives: ["burger", "mensen", "inwonen", "inwoners"],
      corrections: ["inwonen", "inwoners"],
      prefix: false,
    });
  });

  it("searches synonyms and up to three corrections together", () => {
    const lexicon = new Set(["opent", "opens", "opene", "opena"]);
    const plan = buildSearchPlan({ input: "open", lexicon, prefixLast: false });

    expect(plan?.terms[0]?.alternatives).toEqual([
      "transparant",
      "transparantie",
      "openheid",
      "opena",
      "opene",
      "opens",
    ]);
    expect(plan?.terms[0]?.corrections).toEqual(["opena", "opene", "opens"]);
  });

  it("is not corrected for words the guide contains, short words or numbers", () => {
    const plan = buildSearchPlan({ input: "burger taa 20244", lexicon: guideWords, prefixLast: false });

    expect(plan?.terms.map((term) => term.corrections)).toEqual([[], [], []]);
  });

  it("allows one typo in a short word and two in a long one", () => {
    const lexicon = new Set(["integriteit", "kaart"]);

    const long = buildSearchPlan({ input: "integritiet", lexicon, prefixLast: false });
    expect(long?.terms[0]?.corrections).toEqual(["integriteit"]);
    const twoOff = buildSearchPlan({ input: "intgritet", lexicon, prefixLast: false });
    expect(twoOff?.terms[0]?.corrections).toEqual(["integriteit"]);
    const shortTwoOff = buildSearchPlan({ input: "kiart", lexicon: new Set(["koert"]), prefixLast: false });
    expect(shortTwoOff?.terms[0]?.corrections).toEqual([]);
  });

  it("gets at most three corrections", () => {
    const lexicon = new Set(["kaas", "kaat", "kaal", "kaap", "kaak"]);
    const plan = buildSearchPlan({ input: "kaaz", lexicon, prefixLast: false });

    expect(plan?.terms[0]?.corrections).toEqual(["kaak", "kaal", "kaap"]);
  });

  it("is not corrected while still typing the start of a word in the guide", () => {
    const plan = buildSearchPlan({ input: "burgem", lexicon: guideWords });

    expect(plan?.terms[0]).toMatchObject({ word: "burgem", alternatives: [], corrections: [], prefix: true });
  });

  it("finds a correction among thousands of similar words", () => {
    const lexicon = new Set(Array.from({ length: 5_000 }, (_, index) => `woord${index.toString(36)}`));
    lexicon.add("verantwoordelijkheid");

    const plan = buildSearchPlan({
      input: "verantwoordelijkhied woordaa woordbb woordcc woordzz1 woordzz2 woordzz3 woordzz4",
      lexicon,
    });

    expect(plan?.terms[0]?.corrections).toEqual(["verantwoordelijkheid"]);
  });
});

describe("a person who is still typing finds words that start with it", () => {
  it("matches the last word as a prefix, and only the word itself", () => {
    const plan = buildSearchPlan({ input: "integriteit burg", lexicon: guideWords });

    expect(plan?.terms.map((term) => term.prefix)).toEqual([false, true]);
    expect(plan?.tsquery).toBe("(integriteit | eerlijkheid) & (burg:*)");

    const withSynonym = buildSearchPlan({ input: "burger", lexicon: guideWords });
    expect(withSynonym?.tsquery).toBe("(burger:* | inwoner | mensen)");
  });

  it("does not match words of fewer than three letters as a prefix", () => {
    expect(buildSearchPlan({ input: "burger de", lexicon: guideWords })?.tsquery).toBe(
      "(burger | inwoner | mensen) & (de)",
    );
  });

  it("can switch prefix matching off", () => {
    const plan = buildSearchPlan({ input: "integriteit burg", lexicon: guideWords, prefixLast: false });

    expect(plan?.tsquery).toBe("(integriteit | eerlijkheid) & (burg)");
  });
});

describe("a person whose search found nothing is offered a corrected search", () => {
  it("is offered the query with every mistyped word corrected, best first", () => {
    expect(suggestCorrections({ input: "Integritiet van ambtenraen", lexicon: guideWords })).toEqual([
      "integriteit van ambtenaren",
    ]);
    expect(suggestCorrections({ input: "kaarr", lexicon: guideWords })).toEqual(["kaart"]);
  });

  it("is offered at most three suggestions, the closest combinations first", () => {
    const lexicon = new Set(["kaas", "kaal", "kaap", "kaak", "ambtenaren", "ambtenaar"]);

    expect(suggestCorrections({ input: "kaaz ambtenaran", lexicon })).toEqual([
      "kaak ambtenaren",
      "kaal ambtenaren",
      "kaap ambtenaren",
    ]);
    // One edit for "ambtenaren", two for "ambtenaar": every closer combination comes first.
    expect(
      suggestCorrections({ input: "kaaz ambtenaran", lexicon: new Set(["kaas", "ambtenaren", "ambtenaar"]) }),
    ).toEqual(["kaas ambtenaren", "kaas ambtenaar"]);
  });

  it("is offered nothing when no word looks mistyped", () => {
    expect(suggestCorrections({ input: "burger integriteit", lexicon: guideWords })).toEqual([]);
    expect(suggestCorrections({ input: "xyzzyqq", lexicon: guideWords })).toEqual([]);
    expect(suggestCorrections({ input: "😀 ' &", lexicon: guideWords })).toEqual([]);
  });
});

describe("typos are measured as edits", () => {
  it("counts insertions, deletions, substitutions and swapped neighbours as one edit each", () => {
    expect(editDistance("burger", "burger", 2)).toBe(0);
    expect(editDistance("burgers", "burger", 2)).toBe(1);
    expect(editDistance("burger", "burgers", 2)).toBe(1);
    expect(editDistance("burger", "burgar", 2)).toBe(1);
    expect(editDistance("burger", "bugrer", 2)).toBe(1);
    expect(editDistance("", "abc", 5)).toBe(3);
    // Optimal string alignment does not edit a swapped pair again.
    expect(editDistance("ca", "abc", 5)).toBe(3);
  });

  it("compares characters, not UTF-16 halves", () => {
    expect(editDistance("😀a", "😁a", 2)).toBe(1);
    expect(editDistance("één", "een", 2)).toBe(2);
  });

  it("stops at one more than the limit", () => {
    expect(editDistance("integriteit", "kaart", 2)).toBe(3);
    expect(editDistance("abcdef", "uvwxyz", 1)).toBe(2);
    expect(editDistance("abc", "abd", 0)).toBe(1);
  });

  it("agrees with the textbook full-table computation, for any characters", () => {
    // Optimal string alignment over code points, one whole table, no shortcuts.
    const reference = (a: string, b: string) => {
      const s = Array.from(a);
      const t = Array.from(b);
      const d = Array.from({ length: s.length + 1 }, (_, i) =>
        Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
      );
      for (let i = 1; i <= s.length; i++) {
        for (let j = 1; j <= t.length; j++) {
          const row = d[i] as number[];
          const up = d[i - 1] as number[];
          row[j] = Math.min(
            (up[j] as number) + 1,
            (row[j - 1] as number) + 1,
            (up[j - 1] as number) + (s[i - 1] === t[j - 1] ? 0 : 1),
          );
          if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
            row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
          }
        }
      }
      return (d[s.length] as number[])[t.length] as number;
    };
    const word = fc.string({ unit: fc.constantFrom("a", "b", "é", "😀", "ĳ"), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        expect(editDistance(a, b, max)).toBe(Math.min(reference(a, b), max + 1));
      }),
    );
  });

  it("gives the same answer with and without a limit, up to the limit", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "é"), maxLength: 8 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const exact = editDistance(a, b, Number.POSITIVE_INFINITY);
        expect(editDistance(a, b, max)).toBe(Math.min(exact, max + 1));
        expect(editDistance(b, a, Number.POSITIVE_INFINITY)).toBe(exact);
      }),
    );
  });
});

describe("a person who asks a question finds what it is about", () => {
  it("does not need the question words and stop words to match", () => {
    const input = "hoe mag ik mijn minister tegenspreken";
    const plan = planWith({
      input,
      lexicon: lexiconOf(guideWords),
      synonyms: SYNONYMS,
      stems: stemsOf(input, ["ik", "mijn"]),
      prefixLast: false,
    });
    expect(plan?.terms.map((term) => term.word)).toEqual(["minister", "tegenspreken"]);
    expect(plan?.anyTsquery).toContain(" | ");
  });

  it("finds a compound's parts, and the compounds that hold a word", () => {
    const words = new Set(["uitvoering", "organisatie", "uitvoeringsorganisatie", "recht", "staat"]);
    expect(splitCompound("uitvoeringsorganisatie", words)).toEqual(["uitvoering", "organisatie"]);
    expect(splitCompound("rechtsstaat", words)).toEqual(["recht", "staat"]);
    expect(splitCompound("rechtsstaat", new Set(["rechtsst", "aat"]))).toBeNull();
    expect(splitCompound("bewindspersoon", new Set(["bewind", "persoon"]))).toEqual(["bewind", "persoon"]);
    expect(splitCompound("eerlijk", words)).toBeNull();
    const plan = buildSearchPlan({ input: "organisatie", lexicon: words, prefixLast: false });
    expect(plan?.terms[0]?.alternatives).toContain("uitvoeringsorganisatie");
    const parts = buildSearchPlan({ input: "bewindspersoon", lexicon: new Set(["bewind", "persoon"]) });
    expect(parts?.tsquery).toBe("(bewindspersoon:* | minister | staatssecretaris | (bewind & persoon))");
  });

  it("finds the compounds that are a kind of a word, not those that only begin with it", () => {
    const words = new Set([
      "minister",
      "raad",
      "ministerraad",
      "organisatie",
      "uitvoering",
      "uitvoeringsorganisatie",
    ]);
    const organisatie = buildSearchPlan({ input: "organisatie", lexicon: words, prefixLast: false });
    expect(organisatie?.terms[0]?.alternatives).toContain("uitvoeringsorganisatie");
    const minister = buildSearchPlan({ input: "minister", lexicon: words, prefixLast: false });
    expect(minister?.terms[0]?.alternatives).not.toContain("ministerraad");
    expect(minister?.terms[0]?.alternatives).toEqual(synonymsOf("minister"));
  });

  it("finds a word the texts write as one when it is typed as two, in either order", () => {
    const words = new Set(["uitvoeringsorganisatie", "vastloopt", "project"]);
    const apart = buildSearchPlan({ input: "uitvoerings organisatie", lexicon: words, prefixLast: false });
    expect(apart?.terms.map((term) => term.alternatives[0])).toEqual([
      "uitvoeringsorganisatie",
      "uitvoeringsorganisatie",
    ]);
    const split = buildSearchPlan({ input: "project loopt vast", lexicon: words, prefixLast: false });
    expect(split?.terms.map((term) => term.alternatives)).toEqual([[], ["vastloopt"], ["vastloopt"]]);
    // Only neighbours are joined.
    const far = buildSearchPlan({ input: "vast project loopt", lexicon: words, prefixLast: false });
    expect(far?.terms.flatMap((term) => term.alternatives)).toEqual([]);
  });

  it("finds a new compound by its last part and a longer form by the word it begins with", () => {
    const words = new Set(["formulier", "fraude", "belangen", "web"]);
    const compound = buildSearchPlan({ input: "webformulier", lexicon: words, prefixLast: false });
    expect(compound?.terms[0]?.alternatives).toEqual(["formulier"]);
    const longer = buildSearchPlan({ input: "fraudeert", lexicon: words, prefixLast: false });
    expect(longer?.terms[0]?.alternatives).toEqual(["fraude"]);
    const both = buildSearchPlan({
      input: "belangenverstrengeling",
      lexicon: new Set([...words, "strengeling"]),
      prefixLast: false,
    });
    expect(both?.terms[0]?.alternatives).toEqual(["strengeling", "belangen"]);
    // A word the texts have, or a compound of two of their words, is searched as it is.
    expect(buildSearchPlan({ input: "fraude", lexicon: words })?.terms[0]?.alternatives).toEqual([]);
    // Parts under four letters say too little: "web" alone is not searched for.
    expect(
      buildSearchPlan({ input: "webzine", lexicon: words, prefixLast: false })?.terms[0]?.alternatives,
    ).toEqual([]);
  });

  it("does not correct a compound of two words the texts have", () => {
    const lexicon = new Set(["terug", "bellen", "terugbetalen"]);
    const plan = buildSearchPlan({ input: "terugbellen", lexicon, prefixLast: false });
    expect(plan?.terms[0]).toMatchObject({ parts: ["terug", "bellen"], corrections: [], alternatives: [] });
    expect(suggestCorrections({ input: "terugbellen", lexicon })).toEqual([]);
  });

  it("corrects a typo only to a word with the same first letter", () => {
    const lexicon = new Set(["gelden", "melding"]);
    const plan = buildSearchPlan({ input: "melden", lexicon, prefixLast: false });
    expect(plan?.terms[0]?.corrections).toEqual([]);
    const typo = buildSearchPlan({ input: "geldne", lexicon, prefixLast: false });
    expect(typo?.terms[0]?.corrections).toEqual(["gelden"]);
  });

  it("corrects only words the texts do not know, and never a stop word", () => {
    const input = "mijn minster";
    const lexicon = lexiconOf(new Set(["minister", "zijn"]));
    expect(suggestWith({ input, lexicon, stems: stemsOf(input, ["mijn"]) })).toEqual(["mijn minister"]);
  });
});

describe("the synonym list", () => {
  it("reads only the groups under their heading, and names words it leaves out", () => {
    const parsed = parseSynonyms(
      "# Uitleg\n\n- dit, is, uitleg\n\n## Groepen\n\n- Minister, bewindspersoon\n- een woord, fout!, goed\n",
    );
    expect(parsed.groups).toEqual([["minister", "bewindspersoon"]]);
    expect(parsed.problems).toEqual(["een woord", "fout!"]);
  });
});
