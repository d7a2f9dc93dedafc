import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "../../app/infra/i18n/en.json";
import nl from "../../app/infra/i18n/nl.json";
import { SERVER_TEXTS } from "../../app/infra/i18n/texts.server.ts";
import type { Texts } from "../../app/infra/i18n/translate.ts";
import { looksDutch } from "./dutch-text.ts";

// Every text a person reads comes from the locale files, in their language. This reads the code of the
// application and the server (not the tests) and fails on a Dutch sentence written in it, outside the
// few files that hold the guide's own content; and on a message key that one of the languages lacks.

const SOURCES = ["app", "server"];

/**
 * Dutch that may stay in the code: content that is the same for every reader (shown marked
 * `lang="nl"`), documentation, or messages only an operator reads in a terminal, written in both
 * languages at once. Without `startsWith` the whole file. Keep this short; each needs its reason.
 */
const ALLOWED: { file: string; startsWith?: string; reason: string }[] = [
  {
    file: "app/modules/kriskras/kriskras-kinds.ts",
    startsWith: "als-het-moet",
    reason: "a stored answer of a kris-kras sign-up (a code), not a text a person reads",
  },
  {
    file: "app/modules/kriskras/kriskras-options.ts",
    reason: "the seed lists of kris-kras: names of government organisations, answers in both languages",
  },
  {
    file: "app/modules/kriskras/grouping/mdgp-instance.ts",
    reason: "benchmark files read for an operator in a terminal: messages in Dutch and English at once",
  },
  {
    file: "app/modules/deliberation/dutch-words.ts",
    reason: "Dutch words the search and the cues recognise",
  },
  {
    file: "app/modules/deliberation/step-guidance.ts",
    reason: "the Dilemma-wijzer's step guidance: content kept per language, each reader gets their own",
  },
  {
    file: "app/modules/deliberation/deliberation-steps.ts",
    startsWith: "op-het-spel",
    reason: "the name of step 4 in code, not a text a person reads",
  },
  {
    file: "app/modules/dilemmas/dilemma-card.tsx",
    startsWith: "op-het-spel",
    reason: "the id of a card's section, for links to it, not a text a person reads",
  },
  {
    file: "app/modules/conversations/templates.ts",
    reason: 'the conversation templates\' scripts and questions: content, shown marked lang="nl"',
  },
  {
    file: "app/modules/conversations/conversation-form.ts",
    startsWith: "Wat doe je?",
    reason: "ends a question made from a Dutch dilemma card's case: content in the card's language",
  },
  { file: "server/api/openapi.ts", reason: "the API's documentation, in Dutch, not an interface text" },
  { file: "server/api/conversations-openapi.ts", reason: "the API's documentation, in Dutch" },
  { file: "server/api/cocreation-openapi.ts", reason: "the API's documentation, in Dutch" },
  { file: "server/api/consultations-openapi.ts", reason: "the API's documentation, in Dutch" },
  { file: "server/api/insights-openapi.ts", reason: "the API's documentation, in Dutch" },
  {
    file: "app/modules/insights/insights-output.ts",
    reason: "the API's documentation of the insights' tables, in Dutch",
  },
  {
    file: "app/modules/consultation/consultation-output.ts",
    reason: "the API's documentation of Peilingen's answers, in Dutch",
  },
  {
    file: "app/modules/guide/guide-output.ts",
    reason: "the API's documentation of the guide's answers, in Dutch",
  },
  {
    file: "app/modules/cocreation/cocreation-output.ts",
    reason: "the API's documentation of Meedenken's answers, in Dutch",
  },
  {
    file: "app/modules/search/search-output.ts",
    reason: "the API's documentation of the search's answer, in Dutch",
  },
  {
    file: "app/modules/guide/guide-content.server.ts",
    reason: "problems of the content folder, for the operator in a terminal, in Dutch and English at once",
  },
  {
    file: "app/modules/guide/guide-markdown.ts",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the start of a template literal in that file
    startsWith: "${options.file}: ",
    reason: "a problem of a content file, for the operator in a terminal, in Dutch and English at once",
  },
  {
    file: "app/infra/backup.server.ts",
    reason: "backup and restore run only on the command line: the operator reads Dutch and English at once",
  },
  {
    file: "app/infra/db.server.ts",
    startsWith: "De map ",
    reason: "the data folder's lock, said to the operator at start-up in Dutch and English at once",
  },
  {
    file: "app/infra/db.server.ts",
    startsWith: "proces tegelijk draaien",
    reason: "the rest of the lock's message, in Dutch and English at once",
  },
];

const allowed = (file: string, text: string) =>
  ALLOWED.some(
    (entry) => entry.file === file && (entry.startsWith === undefined || text.startsWith(entry.startsWith)),
  );

// A whole key written in the code, under a namespace the server says: `"problems.fields.fillIn"`.
const KEY_LITERAL = new RegExp(
  `["'\`]((?:${[...SERVER_TEXTS, "quota"].join("|")})\\.[A-Za-z0-9_.]+)["'\`]`,
  "g",
);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !/\.d\.ts$/.test(entry.name)
      ? [full]
      : [];
  });
}

const files = SOURCES.flatMap((dir) => sourceFiles(dir)).map((file) => ({
  file,
  source: fs.readFileSync(file, "utf8"),
}));

/** The string literals of a source (quoted and template), without comments. */
function literalsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
  return [...code.matchAll(/(["'`])((?:\\.|(?!\1)[^\\])*?)\1/g)].map((match) => match[2] ?? "");
}

/** Whether a key has a text, or plural forms (`_one`, `_other`). */
function has(texts: Texts, key: string): boolean {
  const at = (name: string) => {
    let node: Texts | string | undefined = texts;
    for (const part of name.split(".")) node = typeof node === "object" ? node[part] : undefined;
    return typeof node === "string";
  };
  return at(key) || at(`${key}_other`);
}

describe("texts in the code", () => {
  it("reads the code and recognises Dutch", () => {
    expect(files.length).toBeGreaterThan(200);
    expect(looksDutch("Dit gesprek bestaat niet (meer).")).toBe(true);
    expect(looksDutch("This conversation does not exist.")).toBe(false);
    const source = 'const a = "Vul de titel in."; // niet dit\nconst b = `en $' + "{c} dit`;";
    expect(literalsOf(source)).toEqual(["Vul de titel in.", "en $" + "{c} dit"]);
  });

  it("has no Dutch sentence outside the locale files and the content files", () => {
    const found = files.flatMap(({ file, source }) =>
      literalsOf(source)
        .filter((text) => looksDutch(text) && !allowed(file, text))
        .map((text) => `${file}: ${text.slice(0, 80)}`),
    );
    expect(found).toEqual([]);
  });

  it("uses only message keys both languages have", () => {
    const keys = new Set(
      files.flatMap(({ source }) => [...source.matchAll(KEY_LITERAL)].map((match) => match[1] ?? "")),
    );
    expect(keys.size).toBeGreaterThan(10);
    const missing = [...keys].filter((key) => !has(nl as Texts, key) || !has(en as Texts, key));
    expect(missing).toEqual([]);
  });

  it("has every Dutch text in English too, so an English page never falls back to Dutch", () => {
    const keysOf = (texts: Texts, prefix = ""): string[] =>
      Object.entries(texts).flatMap(([key, value]) =>
        typeof value === "string" ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
      );
    const english = new Set(keysOf(en as Texts));
    expect(keysOf(nl as Texts).filter((key) => !english.has(key))).toEqual([]);
  });
});
