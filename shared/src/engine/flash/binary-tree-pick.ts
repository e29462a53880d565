/**
 * "Binary tree" random pick of the flash engine (§3.2, Pix `binaryTreeRandom`): among candidates
 * sorted by reward, take the 1st with probability p, else the 2nd with probability p of what is
 * left, and so on; the last one takes the remainder. With p = 51 % and 5 candidates:
 * 51 %, 24.99 %, 12.25 %, 6.00 %, 5.76 %.
 */
import type { Rng } from '../../random/seeded-rng';

/** Probabilities of each position, for `count` candidates and a probability in percent. */
export function binaryTreeProbabilities(count: number, probabilityPercent: number): number[] {
  const p = probabilityPercent / 100;
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? (1 - p) ** i : p * (1 - p) ** i));
}

/** Index in [0, count) drawn with the binary tree probabilities; −1 when count is 0. */
export function binaryTreePick(count: number, probabilityPercent: number, rng: Rng): number {
  if (count <= 0) return -1;
  const draw = rng.nextFloat();
  let cumulative = 0;
  const probabilities = binaryTreeProbabilities(count, probabilityPercent);
  for (let i = 0; i < count - 1; i++) {
    cumulative += probabilities[i];
    if (draw < cumulative) return i;
  }
  return count - 1;
}
