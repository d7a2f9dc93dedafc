// The address of the comparison of two guide versions, as the compare form sends it (compare-form.tsx).

export function compareHref(from: number, to: number): string {
  const query = new URLSearchParams({ van: String(from), naar: String(to) });
  return `/gids/vergelijk?${query}`;
}
