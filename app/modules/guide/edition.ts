// The official guide's edition ("derde versie") as the interface says it. Editors write it in Dutch;
// in English a Dutch ordinal becomes "third edition", and anything else is quoted as written.
import type { Language } from "~/infra/i18n/i18n.ts";

const ORDINALS: Record<string, string> = {
  eerste: "first",
  tweede: "second",
  derde: "third",
  vierde: "fourth",
  vijfde: "fifth",
  zesde: "sixth",
  zevende: "seventh",
  achtste: "eighth",
  negende: "ninth",
  tiende: "tenth",
};

export function editionText(edition: string, language: Language): string {
  if (language === "nl") return edition;
  const match = /^\s*(\p{L}+)\s+(?:versie|editie|uitgave)\s*$/u.exec(edition);
  const ordinal = match ? ORDINALS[match[1]?.toLowerCase() ?? ""] : undefined;
  return ordinal ? `${ordinal} edition` : `edition “${edition.trim()}”`;
}
