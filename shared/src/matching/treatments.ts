/**
 * Answer normalisation (§1.5, Pix validation-treatments): a pre-treatment on the learner's answer
 * (NFC, non-breaking spaces → spaces), then treatments t1 and t2 in that order; t3 switches the
 * comparison from equality to the Levenshtein ratio test. A solution may deactivate any of them.
 */
import type { Solution, Treatment } from '../model/types';
import { levenshteinRatio } from './levenshtein';

export const ALL_TREATMENTS: readonly Treatment[] = ['t1', 't2', 't3'];
export const LEVENSHTEIN_DISTANCE_MAX_RATE = 0.25;

/** NFC, and U+00A0 / U+202F (narrow, French typography) non-breaking spaces → plain space. */
export function preTreat(answer: string): string {
  return answer.normalize('NFC').replace(/[\u00A0\u202F]/g, ' ');
}

/** t1: trim, lower-case, strip diacritics, remove every whitespace. */
export function t1(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s/g, '');
}

/** t2: keep only [a-zA-Z0-9 ], collapse runs of spaces. */
export function t2(value: string): string {
  return value.replace(/[^a-zA-Z0-9 ]/g, '').replace(/ +/g, ' ');
}

export function enabledTreatments(deactivations: Solution['deactivations'] = {}): Treatment[] {
  return ALL_TREATMENTS.filter((t) => deactivations[t] !== true);
}

export function applyTreatments(value: string, treatments: readonly Treatment[]): string {
  let result = value;
  if (treatments.includes('t1')) result = t1(result);
  if (treatments.includes('t2')) result = t2(result);
  return result;
}

/**
 * The accepted variant (treated) the (raw) answer matches under these treatments, null if none.
 * With t3: the variant of smallest ratio, if ≤ 0.25; otherwise exact equality of the treated strings.
 */
export function matchingVariant(answer: string, variants: readonly string[], treatments: readonly Treatment[]): string | null {
  const treatedAnswer = applyTreatments(preTreat(answer), treatments);
  const treatedVariants = variants.map((v) => applyTreatments(v, treatments));
  if (!treatments.includes('t3')) return treatedVariants.includes(treatedAnswer) ? treatedAnswer : null;
  let best: string | null = null;
  let bestRatio = Number.POSITIVE_INFINITY;
  for (const variant of treatedVariants) {
    const ratio = levenshteinRatio(treatedAnswer, variant);
    if (ratio < bestRatio) [best, bestRatio] = [variant, ratio];
  }
  return bestRatio <= LEVENSHTEIN_DISTANCE_MAX_RATE ? best : null;
}

/** Does the (raw) answer match one of the (raw) accepted variants under these treatments? */
export function matchesOneOf(answer: string, variants: readonly string[], treatments: readonly Treatment[]): boolean {
  return matchingVariant(answer, variants, treatments) !== null;
}
