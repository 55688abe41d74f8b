import { createHash } from 'node:crypto';

/** A deterministic random number generator in [0, 1) from a seed (xorshift128+ seeded by SHA-256). */
export function seededRandom(seed: string): () => number {
  const digest = createHash('sha256').update(seed).digest();
  let s0 = digest.readBigUInt64LE(0) | 1n;
  let s1 = digest.readBigUInt64LE(8) | 2n;
  const mask = (1n << 64n) - 1n;
  return () => {
    let x = s0;
    const y = s1;
    s0 = y;
    x = (x ^ (x << 23n)) & mask;
    x = x ^ (x >> 17n) ^ y ^ (y >> 26n);
    s1 = x;
    return Number((s0 + s1) & ((1n << 53n) - 1n)) / 2 ** 53;
  };
}

export interface ReliabilityDataShape {
  coders: number;
  units: number;
  /** Values are 1..categories. */
  categories: number;
  /** Chance that a coder gives a unit no value. */
  missing: number;
}

/**
 * Random reliability data with some agreement in it: each unit has a "true"
 * value that each coder gives with probability 0.6, else a random one.
 * Every unit has at least two values and the data at least two categories.
 */
export function randomReliabilityData(seed: string, shape: ReliabilityDataShape): (number | undefined)[][] {
  const random = seededRandom(seed);
  const pick = () => 1 + Math.floor(random() * shape.categories);
  const units: (number | undefined)[][] = [];
  for (let u = 0; u < shape.units; u++) {
    const truth = pick();
    const unit = Array.from({ length: shape.coders }, () => (random() < shape.missing ? undefined : random() < 0.6 ? truth : pick()));
    // At least two values, so every unit is pairable and the first two coders are in it.
    unit[0] ??= truth;
    unit[1] ??= pick();
    units.push(unit);
  }
  units[0][0] = 1;
  units[0][1] = 2;
  return units;
}
