// Interface translations (content stays Dutch). Both languages are small, so both ship to the browser
// and one i18next instance per language is made once.
import i18next, { type TFunction } from "i18next";
import { useRouteLoaderData } from "react-router";
import en from "./en.json";
import nl from "./nl.json";

export const LANGUAGES = ["nl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_COOKIE = "taal";

const instances = new Map<Language, TFunction>();

export function translatorFor(language: Language): TFunction {
  let t = instances.get(language);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({
      lng: language,
      fallbackLng: "nl",
      resources: { nl: { translation: nl }, en: { translation: en } },
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    t = instance.t.bind(instance) as TFunction;
    instances.set(language, t);
  }
  return t;
}

/** The interface language of a request: the `taal` cookie, Dutch otherwise. */
export function languageOf(request: Request): Language {
  const cookie = request.headers.get("Cookie") ?? "";
  return /(?:^|;\s*)taal=en(?:;|$)/.test(cookie) ? "en" : "nl";
}

export function useLanguage(): Language {
  const data = useRouteLoaderData("root") as { language?: Language } | undefined;
  return data?.language ?? "nl";
}

export function useT(): TFunction {
  return translatorFor(useLanguage());
}
