/**
 * Levenshtein distance and the Pix similarity ratio (§1.5 t3): distance / length of the answer.
 * An empty answer only matches an empty solution (ratio 0), any other solution gives Infinity.
 */

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}

export function levenshteinRatio(answer: string, solution: string): number {
  if (answer.length === 0) return solution.length === 0 ? 0 : Number.POSITIVE_INFINITY;
  return levenshtein(answer, solution) / answer.length;
}
