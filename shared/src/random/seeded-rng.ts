/**
 * Seeded pseudo-random source for pure code (shared/ never calls Math.random).
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state), seeded by
 * a cyrb128-style mix of the seed string. Fast, good statistical quality, and fully reproducible:
 * the same seed always yields the same sequence on every JavaScript engine.
 *
 * `fork(label)` derives an independent generator from the ORIGINAL seed and a label, not from the
 * current state, so a fork does not depend on how many numbers were drawn before it.
 */

export interface Rng {
  /** uniform in [0, 1) */
  nextFloat(): number;
  /** uniform integer in [0, n); n must be a positive integer */
  nextInt(n: number): number;
  /** standard normal N(0, 1) (Box–Muller) */
  normal(): number;
  /** independent generator derived from this generator's seed and `label` */
  fork(label: string): Rng;
  /** the seed this generator was created from */
  readonly seed: string;
}

/** Four 32-bit words mixed from a string (cyrb128). */
function seedWords(seed: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export function createRng(seed: string | number): Rng {
  const seedKey = String(seed);
  let [a, b, c, d] = seedWords(seedKey);

  const nextUint32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };

  // Warm up: the first outputs of sfc32 are weakly mixed.
  for (let i = 0; i < 12; i++) nextUint32();

  const nextFloat = (): number => nextUint32() / 4294967296;

  return {
    seed: seedKey,
    nextFloat,
    nextInt(n: number): number {
      if (!Number.isInteger(n) || n <= 0) throw new RangeError(`nextInt: n must be a positive integer, got ${n}`);
      return Math.floor(nextFloat() * n);
    },
    normal(): number {
      // 1 − u keeps the logarithm's argument in (0, 1].
      const u = 1 - nextFloat();
      const v = nextFloat();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    fork(label: string): Rng {
      return createRng(`${seedKey}/${label}`);
    },
  };
}
