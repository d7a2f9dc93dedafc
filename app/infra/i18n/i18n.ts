// Interface languages and the translation hook. The texts themselves stay on the server
// (texts.server.ts): the root loader sends the reader's language, and only the namespaces the page's
// routes declare, so the browser translates from loader data and never loads a locale file.
import { useRouteLoaderData } from "react-router";
import { createTranslator, type Texts, type TFunction } from "./translate.ts";

export type { TFunction } from "./translate.ts";

export const LANGUAGES = ["nl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_COOKIE = "taal";

/** The interface language of a request: the `taal` cookie, Dutch otherwise. */
export function languageOf(request: Request): Language {
  return languageOfCookies(request.headers.get("Cookie"));
}

/** The interface language a `Cookie` header chose: English only when `taal=en`. */
export function languageOfCookies(cookies: string | null | undefined): Language {
  return /(?:^|;\s*)taal=en(?:;|$)/.test(cookies ?? "") ? "en" : "nl";
}

/**
 * The language an API client asked for in `Accept-Language`: the first of ours it names by weight,
 * Dutch when it names neither.
 */
export function languageOfAcceptLanguage(header: string | null | undefined): Language {
  const asked = (header ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(
        params
          .find((param) => param.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { language: tag.trim().toLowerCase().split("-")[0], q: Number.isNaN(q) ? 0 : q, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (
    asked.find((entry): entry is typeof entry & { language: Language } =>
      (LANGUAGES as readonly string[]).includes(entry.language ?? ""),
    )?.language ?? "nl"
  );
}

/** What the root loader hands every page: its language and the texts its routes need. */
export type PageTexts = { language: Language; texts: Texts };

// One translator per texts object: the root loader's data changes only when a navigation reloads it.
const translators = new WeakMap<Texts, TFunction>();
const EMPTY: Texts = {};

/** The translator for texts the root loader sent (or for none: then every key shows as itself). */
export function translatorFrom(page: Partial<PageTexts> | undefined): TFunction {
  const texts = page?.texts ?? EMPTY;
  let t = translators.get(texts);
  if (!t) {
    t = createTranslator({ language: page?.language ?? "nl", texts });
    translators.set(texts, t);
  }
  return t;
}

export function useLanguage(): Language {
  const data = useRouteLoaderData("root") as Partial<PageTexts> | undefined;
  return data?.language ?? "nl";
}

export function useT(): TFunction {
  return translatorFrom(useRouteLoaderData("root") as Partial<PageTexts> | undefined);
}
