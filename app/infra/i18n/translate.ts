// The translation function, on the server and in the browser alike. It does what the locale files use
// (nested keys, `{{name}}`, `{{name, number}}` and `{{name, capital}}`, `_one`/`_other` plurals by
// `count`, a defaultValue) and no more, so no translation library goes to the browser (decision 020).
// The server's translator also reads `message` strings (texts.server.ts).

export type Texts = { [key: string]: string | Texts };
export type TranslateValues = Record<string, unknown> & { count?: number; defaultValue?: string };
export type TFunction = (key: string, values?: TranslateValues) => string;

/** A value of a message that is itself a text of the locale files ("the title"), translated with it. */
export type TextRef = { key: string; values?: TranslateValues };
export type MessageValues = Record<string, string | number | TextRef>;

/**
 * A message for a person, said as its key in the locale files and the values it names, in one string
 * that can travel where only a string fits: an AppError's message, a zod issue. The server's translator
 * (texts.server.ts) reads it back (`t(message("problems.fields.tooLong", { max: 120 }))`), in the
 * reader's language, where the message becomes a page or a problem. Without values the message is the
 * key itself.
 */
export function message(key: string, values?: MessageValues): string {
  return values === undefined ? key : `${key}${JSON.stringify(values)}`;
}

function lookUp(texts: Texts, key: string): string | undefined {
  let node: string | Texts | undefined = texts;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string" || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** One set of rules per language for the whole process: every page makes translators, and Intl objects are costly to make. */
const languageRules = new Map<string, { plurals: Intl.PluralRules; numbers: Intl.NumberFormat }>();

function rulesOf(language: string) {
  let rules = languageRules.get(language);
  if (!rules) {
    rules = { plurals: new Intl.PluralRules(language), numbers: new Intl.NumberFormat(language) };
    languageRules.set(language, rules);
  }
  return rules;
}

/** A `t` over one language's texts. A key without a text gives its defaultValue, or the key itself. */
export function createTranslator(options: { language: string; texts: Texts }): TFunction {
  const { language, texts } = options;
  const { plurals, numbers } = rulesOf(language);
  const fill = (template: string, values: TranslateValues) =>
    template.replace(/\{\{(.+?)\}\}/g, (whole, inner: string) => {
      const [name = "", format] = inner.split(",").map((part) => part.trim());
      // A value not passed at all stays visible, as a mistake should; one passed as null is left out.
      if (!Object.hasOwn(values, name)) return whole;
      const value = values[name];
      if (value === undefined || value === null) return "";
      if (format === "number" && typeof value === "number") return numbers.format(value);
      const text = String(value);
      return format === "capital" ? `${text.charAt(0).toLocaleUpperCase(language)}${text.slice(1)}` : text;
    });
  return (key, values = {}) => {
    const plural =
      typeof values.count === "number" ? lookUp(texts, `${key}_${plurals.select(values.count)}`) : undefined;
    const template = plural ?? lookUp(texts, key) ?? values.defaultValue ?? key;
    return fill(template, values);
  };
}
