// Both languages' interface texts, kept on the server. A page gets only its reader's language and only
// the namespaces its routes declare in `handle.texts` (see route-texts.ts); code on the server
// translates with everything.
import en from "./en.json";
import type { Language } from "./i18n.ts";
import nl from "./nl.json";
import "../zod-messages.server.ts";
import {
  createTranslator,
  type MessageValues,
  type Texts,
  type TFunction,
  type TranslateValues,
} from "./translate.ts";

/** English falls back to Dutch per key, as a page must never show a bare key. */
function withFallback(texts: Texts, fallback: Texts): Texts {
  const merged: Texts = { ...fallback };
  for (const [key, value] of Object.entries(texts)) {
    const under = fallback[key];
    merged[key] = typeof value === "object" && typeof under === "object" ? withFallback(value, under) : value;
  }
  return merged;
}

/**
 * Namespaces only the server says, in the reader's language: messages of errors and validation
 * (`problems`) and e-mails (`mails`). No page declares them, so they never go to the browser.
 */
export const SERVER_TEXTS = ["problems", "mails"] as const;

const ALL: Record<Language, Texts> = { nl, en: withFallback(en, nl) };
const translators = new Map<Language, TFunction>();

export function translatorFor(language: Language): TFunction {
  let t = translators.get(language);
  if (!t) {
    t = withMessages(createTranslator({ language, texts: ALL[language] }));
    translators.set(language, t);
  }
  return t;
}

/**
 * A message in Dutch with the English in brackets, for an operator in a terminal (a broken content file,
 * a command that failed), where no reader's language is known.
 */
export function inBothLanguages(said: string): string {
  return `${translatorFor("nl")(said)} (${translatorFor("en")(said)})`;
}

/**
 * The part of one language's texts under the given namespaces: a top-level key ("dilemmas") or a
 * deeper one ("kriskras.beheer"). A namespace without texts is a mistake in a route's handle.
 */
export function textsFor(options: { language: Language; namespaces: readonly string[] }): Texts {
  const picked: Texts = {};
  for (const namespace of options.namespaces) {
    const path = namespace.split(".");
    let from: Texts | string | undefined = ALL[options.language];
    let into = picked;
    for (const [index, part] of path.entries()) {
      if (typeof from !== "object" || !Object.hasOwn(from, part)) {
        throw new Error(`No interface texts under "${namespace}"`);
      }
      from = from[part];
      if (index === path.length - 1 || typeof from !== "object") {
        into[part] = from as Texts | string;
      } else {
        // A copy: the picked texts share their leaves with ALL, which must stay whole.
        const next: Texts | string | undefined = into[part];
        into = into[part] = typeof next === "object" ? { ...next } : {};
      }
    }
  }
  return picked;
}

const KEY = /^[\w.-]+$/;

/**
 * A translator that also says messages made by `message` (a key with its values in one string), with
 * the texts they name translated first. Only the server gets messages, so only its translator reads them.
 */
export function withMessages(t: TFunction): TFunction {
  const say: TFunction = (key, values = {}) => {
    const open = key.indexOf("{");
    const carried = open > 0 && KEY.test(key.slice(0, open)) ? valuesOf(key.slice(open)) : undefined;
    return carried ? t(key.slice(0, open), { ...carried, ...values }) : t(key, values);
  };
  const valuesOf = (json: string): TranslateValues | undefined => {
    let parsed: MessageValues;
    try {
      parsed = JSON.parse(json) as MessageValues;
    } catch {
      return undefined; // a text that only looks like a message: said as it is
    }
    const values: TranslateValues = {};
    for (const [name, value] of Object.entries(parsed)) {
      values[name] = typeof value === "object" && value !== null ? say(value.key, value.values) : value;
    }
    return values;
  };
  return say;
}
