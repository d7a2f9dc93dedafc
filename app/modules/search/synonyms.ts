// Words people use interchangeably when they look something up, from `content/synoniemen.md`, which
// editors keep: under the heading "## Groepen", one group per line starting with a dash, words
// separated by commas. One form per word is enough: the database's `dutch` configuration stems both
// the query and the text. Pure: no I/O.

export type Synonyms = ReadonlyMap<string, readonly string[]>;

const WORD = /^[\p{L}\p{N}]+$/u;

/**
 * The groups of the file: every line under "## Groepen" that starts with "- ". A word that is not one
 * run of letters and digits is left out and named in `problems`, so a slip never breaks the search.
 */
export function parseSynonyms(markdown: string): { groups: string[][]; problems: string[] } {
  const groups: string[][] = [];
  const problems: string[] = [];
  let inGroups = false;
  for (const line of markdown.split("\n")) {
    if (/^#+\s/.test(line)) inGroups = /^##\s+Groepen\s*$/i.test(line.trim());
    const item = inGroups ? /^\s*-\s+(.*)$/.exec(line)?.[1] : undefined;
    if (item === undefined) continue;
    const words = item
      .split(",")
      .map((word) => word.trim().toLowerCase().normalize("NFC"))
      .filter((word) => word.length > 0);
    const good = words.filter((word) => WORD.test(word));
    for (const word of words) if (!WORD.test(word)) problems.push(word);
    if (good.length >= 2) groups.push([...new Set(good)]);
  }
  return { groups, problems };
}

/** Each word with the other members of every group it is in, in list order. */
export function synonymsFrom(groups: readonly (readonly string[])[]): Synonyms {
  const byWord = new Map<string, string[]>();
  for (const group of groups) {
    for (const word of group) {
      const others = byWord.get(word) ?? [];
      for (const member of group) if (member !== word && !others.includes(member)) others.push(member);
      byWord.set(word, others);
    }
  }
  return byWord;
}
