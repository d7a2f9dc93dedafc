// Words people use interchangeably when they look something up in the guide. One form per word is
// enough: the database's `dutch` configuration stems both the query and the text. Pure: no I/O.

export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["tegenspraak", "kritiek", "tegengeluid"],
  ["bewindspersoon", "minister", "staatssecretaris"],
  ["burger", "inwoner"],
  ["ambtenaar", "medewerker", "rijksambtenaar"],
  ["integriteit", "eerlijkheid"],
  ["transparant", "transparantie", "open", "openheid"],
  ["dilemma", "afweging", "keuze"],
  ["loyaal", "loyaliteit", "trouw"],
  ["politiek", "politici"],
  ["uitvoering", "uitvoeringsorganisatie"],
  ["samenleving", "maatschappij"],
  ["menselijk", "menselijkheid", "humaan"],
  ["vakmanschap", "deskundigheid", "professionaliteit"],
  ["verantwoording", "rekenschap"],
  ["ambtseed", "eed", "belofte"],
];

const groupsByWord = new Map<string, (readonly string[])[]>();
for (const group of SYNONYM_GROUPS) {
  for (const word of group) groupsByWord.set(word, [...(groupsByWord.get(word) ?? []), group]);
}

/** The other members of every group the word belongs to, in list order; [] for a word in no group. */
export function synonymsOf(word: string): string[] {
  const key = word.toLowerCase();
  const synonyms = new Set<string>();
  for (const group of groupsByWord.get(key) ?? []) {
    for (const member of group) if (member !== key) synonyms.add(member);
  }
  return [...synonyms];
}
