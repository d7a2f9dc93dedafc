// The memory soak's figures (`bench/soak.ts`): whether the server's resident memory kept growing after
// the warm-up, and a chart of it for the terminal. Pure: no I/O.

export interface MemorySample {
  seconds: number;
  rssMb: number;
  /** From the server's /metrics, when they could be read: the V8 heap in use and memory outside it. */
  heapMb?: number;
  externalMb?: number;
}

/**
 * How much the resident memory grew after `warmUpSeconds`, as a fraction: the highest sample after the
 * mark against the highest of the samples in the `windowSeconds` up to and including it. The issue's
 * measure compares with the single sample at the mark; a single sample can land in a trough of the garbage
 * collector's sawtooth, and then an ordinary peak afterwards looks like growth. Peak against peak takes
 * the sawtooth's phase out. Undefined when there are no samples on either side.
 */
export function growthAfterWarmUp(
  samples: readonly MemorySample[],
  options: { warmUpSeconds: number; windowSeconds: number },
): { referenceMb: number; highestMb: number; growth: number } | undefined {
  const { warmUpSeconds, windowSeconds } = options;
  const reference = samples.filter(
    (sample) => sample.seconds <= warmUpSeconds && sample.seconds >= warmUpSeconds - windowSeconds,
  );
  const after = samples.filter((sample) => sample.seconds > warmUpSeconds);
  if (reference.length === 0 || after.length === 0) return undefined;
  const referenceMb = Math.max(...reference.map((sample) => sample.rssMb));
  const highestMb = Math.max(...after.map((sample) => sample.rssMb));
  return { referenceMb, highestMb, growth: highestMb / referenceMb - 1 };
}

/**
 * Resident memory over time as rows of text, `width` columns wide: a `*` per column (the highest sample
 * it covers when there are more samples than columns), the bar as a line of dashes and the end of the
 * warm-up marked on the time axis.
 */
export function memoryChart(
  samples: readonly MemorySample[],
  options: { limitMb?: number; markSeconds?: number; height?: number; width?: number },
): string[] {
  const { limitMb, markSeconds, height = 12, width = 72 } = options;
  if (samples.length === 0) return [];
  // Few samples are stretched over the width, many are folded into it.
  const columns = samples.length <= width ? samples.length * Math.floor(width / samples.length) : width;
  const buckets = Array.from({ length: columns }, (_, column) => {
    const from = Math.floor((column * samples.length) / columns);
    return samples.slice(from, Math.max(from + 1, Math.floor(((column + 1) * samples.length) / columns)));
  });
  const values = buckets.map((bucket) => Math.max(...bucket.map((sample) => sample.rssMb)));
  const shown = limitMb === undefined ? values : [...values, limitMb];
  const low = Math.min(...shown);
  const high = Math.max(Math.max(...shown), low + 1);
  const rowOf = (mb: number) => Math.round(((mb - low) / (high - low)) * (height - 1));
  const grid = Array.from({ length: height }, () => Array.from({ length: columns }, () => " "));
  if (limitMb !== undefined) grid[rowOf(limitMb)]?.fill("-");
  values.forEach((mb, column) => {
    const cells = grid[rowOf(mb)];
    if (cells) cells[column] = "*";
  });

  const rows = grid.map(
    (cells, row) =>
      `${(low + ((high - low) * row) / (height - 1)).toFixed(0).padStart(6)} |${cells.join("")}`,
  );
  const markColumn =
    markSeconds === undefined
      ? -1
      : buckets.findIndex((bucket) => (bucket.at(-1)?.seconds ?? 0) >= markSeconds);
  const axis = [...Array(columns)].map((_, column) => (column === markColumn ? "+" : "-")).join("");
  // Labels under the axis: the start, the mark and the end, later ones written over earlier ones.
  const times = [...Array(columns + 8)].map(() => " ");
  const place = (at: number, text: string) => times.splice(at, text.length, ...text);
  place(0, "0 s");
  if (markColumn >= 0) place(markColumn, `${markSeconds} s`);
  const end = `${samples.at(-1)?.seconds.toFixed(0)} s`;
  place(columns - end.length, end);
  return [
    "    MB",
    ...rows.reverse(),
    `${" ".repeat(6)} +${axis}`,
    `${" ".repeat(8)}${times.join("").trimEnd()}`,
  ];
}
