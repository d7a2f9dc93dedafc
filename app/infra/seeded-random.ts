// A small seeded random source, so a computation that draws at random (the kris-kras optimiser, the
// starts of k-means in a consultation's analysis) gives the same result for the same seed on every machine.

export type Random = {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [0, bound). */
  below(bound: number): number;
};

// sfc32 (Doty-Humphrey's small fast counter) seeded through splitmix32: 32-bit integer arithmetic only,
// so the sequence does not depend on the engine.
export function createRandom(seed: number): Random {
  let mix = seed >>> 0;
  const splitmix = () => {
    mix = (mix + 0x9e3779b9) | 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = 1;
  const nextUint = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs: they are still close to the seed.
  for (let i = 0; i < 12; i++) nextUint();
  return {
    next: () => nextUint() / 4294967296,
    below: (bound) => Math.floor((nextUint() / 4294967296) * bound),
  };
}
