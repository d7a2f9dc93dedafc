// How much two ways of putting the same people into groups agree, whatever the groups are called: the
// adjusted Rand index (Hubert and Arabie), 1 for the same grouping, about 0 for one no better than chance.

const pairs = (n: number) => (n * (n - 1)) / 2;

export function adjustedRandIndex(first: readonly unknown[], second: readonly unknown[]): number {
  if (first.length !== second.length) throw new Error("both groupings must cover the same people");
  const together = new Map<string, number>();
  const firstSizes = new Map<unknown, number>();
  const secondSizes = new Map<unknown, number>();
  first.forEach((a, person) => {
    const b = second[person];
    const key = JSON.stringify([a, b]);
    together.set(key, (together.get(key) ?? 0) + 1);
    firstSizes.set(a, (firstSizes.get(a) ?? 0) + 1);
    secondSizes.set(b, (secondSizes.get(b) ?? 0) + 1);
  });
  let index = 0;
  for (const count of together.values()) index += pairs(count);
  let firstPairs = 0;
  for (const count of firstSizes.values()) firstPairs += pairs(count);
  let secondPairs = 0;
  for (const count of secondSizes.values()) secondPairs += pairs(count);
  const expected = (firstPairs * secondPairs) / pairs(first.length);
  const most = (firstPairs + secondPairs) / 2;
  return most === expected ? 1 : (index - expected) / (most - expected);
}
