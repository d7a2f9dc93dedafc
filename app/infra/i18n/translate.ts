// The translation function, on the server and in the browser alike. It does what the locale files use
// (nested keys, `{{name}}` and `{{name, number}}`, `_one`/`_other` plurals by `count`, a defaultValue)
// and no more, so no translation library goes to the browser (see decision 020).

export type Texts = { [key: string]: string | Texts };
export type TranslateValues = Record<string, unknown> & { count?: number; defaultValue?: string };
export type TFunction = (key: string, values?: TranslateValues) => string;

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
      return format === "number" && typeof value === "number" ? numbers.format(value) : String(value);
    });
  return (key, values = {}) => {
    const plural =
      typeof values.count === "number" ? lookUp(texts, `${key}_${plurals.select(values.count)}`) : undefined;
    const template = plural ?? lookUp(texts, key) ?? values.defaultValue ?? key;
    return fill(template, values);
  };
}
