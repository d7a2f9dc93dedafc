// What the search page and the API offer to narrow a search by, and where each result lives. Pure.

export const DOCUMENT_KINDS = ["part", "paragraph", "card", "template", "contribution"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The kinds a person can choose, as the address names them (`?soort=dilemmas`). */
export const SEARCH_FILTERS = {
  gids: ["part", "paragraph"],
  dilemmas: ["card"],
  gesprekken: ["template"],
  meedenken: ["contribution"],
} as const satisfies Record<string, readonly DocumentKind[]>;
export type SearchFilter = keyof typeof SEARCH_FILTERS;
export const SEARCH_FILTER_NAMES = Object.keys(SEARCH_FILTERS) as SearchFilter[];

export function isSearchFilter(value: unknown): value is SearchFilter {
  return typeof value === "string" && Object.hasOwn(SEARCH_FILTERS, value);
}

/** The filter a result belongs to, for grouping the results. */
export function filterOf(kind: DocumentKind): SearchFilter {
  return (
    SEARCH_FILTER_NAMES.find((name) => (SEARCH_FILTERS[name] as readonly string[]).includes(kind)) ?? "gids"
  );
}

/**
 * The page a result leads to: a paragraph in its part, a part, a card, a template to start a
 * conversation from, a contribution. `versionPath` is where the searched version's parts live
 * (`/gids` for the current one, `/gids/versie/3` for an older one).
 */
export function addressOf(
  hit: { kind: DocumentKind; slug: string; anchor: string },
  versionPath: string,
): string {
  switch (hit.kind) {
    case "paragraph":
      return `${versionPath}/${hit.slug}#${hit.anchor}`;
    case "part":
      return `${versionPath}/${hit.slug}`;
    case "card":
      return `/dilemmas/${hit.slug}`;
    case "template":
      return `/gesprekken/nieuw?sjabloon=${encodeURIComponent(hit.slug)}`;
    case "contribution":
      return `/meedenken/${hit.slug}`;
  }
}
