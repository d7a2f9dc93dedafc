// The translation function, on the server and in the browser alike. It does what the locale files use
// (nested keys, `{{name}}`, `{{name, number}}` and `{{name, capital}}`, messages made by `message`, `_one`/`_other` plurals by `count`, a defaultValue)
// and no more, so no translation library goes to the browser (see decision 020).

export type Texts = { [key: string]: string | Texts };
export type TranslateValues = Record<string, unknown> & { count?: number; defaultValue?: string };
export type TFunction = (key: string, values?: TranslateValues) => string;

/** A value of a message that is itself a text of the locale files ("the title"), translated with it. */
export type TextRef = { key: string; values?: TranslateValues };
export type MessageValues = Record<string, string | number | TextRef>;

/**
 * A message for a person, said as its key in the locale files and the values it names, in one string
 * that can travel where only a string fits: an AppError's message, a zod issue. A translator reads it
 * back (`t(message("problems.fields.tooLong", { max: 120 }))`), in the reader's language, where the
 * message becomes a page or a problem. Without values the message is the key itself.
 */
export function message(key: string, values?: MessageValues): string {
  return values === undefined ? key : `${key}${JSON.stringify(values)}`;
}

const KEY = /^[\w.-]+$/;

function lookUp(texts: Texts, key: string): string | undefined {
  let node: string | Texts | undefined = texts;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string" || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** A `t` over one language's texts. A key without a text gives its defaultValue, or the key itself. */
export function createTranslator(options: { language: string; texts: Texts }): TFunction {
  const { language, texts } = options;
  const plurals = new Intl.PluralRules(language);
  const numbers = new Intl.NumberFormat(language);
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
  const t: TFunction = (key, values = {}) => {
    const open = key.indexOf("{");
    const said = open > 0 && KEY.test(key.slice(0, open)) ? readValues(key.slice(open)) : undefined;
    if (said) return t(key.slice(0, open), { ...said, ...values });
    const plural =
      typeof values.count === "number" ? lookUp(texts, `${key}_${plurals.select(values.count)}`) : undefined;
    const template = plural ?? lookUp(texts, key) ?? values.defaultValue ?? key;
    return fill(template, values);
  };
  // The values of a message, with the texts they name translated first.
  const readValues = (json: string): TranslateValues | undefined => {
    let parsed: MessageValues;
    try {
      parsed = JSON.parse(json) as MessageValues;
    } catch {
      return undefined; // a text that only looks like a message: said as it is
    }
    const values: TranslateValues = {};
    for (const [name, value] of Object.entries(parsed)) {
      values[name] = typeof value === "object" && value !== null ? t(value.key, value.values) : value;
    }
    return values;
  };
  return t;
}
