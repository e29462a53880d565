/**
 * QROCM validators (§1.5). Answer and solution are YAML maps (see yaml-map.ts).
 * - independent (QROCM-ind): each answer key against the variants of the same key; OK iff every key
 *   matches; per-key booleans in `details`.
 * - dependent (QROCM-dep): order-free; each answer is tried against every still-unmatched solution key,
 *   a solution key is consumed once; OK iff every answer key matched. A duplicate answer never counts
 *   twice, whatever the content says (keys with identical variant lists): an answer that is the same,
 *   once normalised, as an answer already counted — or that hits the same accepted variant, or the
 *   same number — is wrong.
 * Select blocks (solution.qrocBlocksTypes) are compared exactly, without treatment.
 * A key whose variants are all numbers also accepts the number followed by the box's unit
 * (« 23 Go », numbers.ts), a composite variant « 1280 x 720 » also « 1280 × 720 pixels ».
 * A malformed answer, or an answer key absent from the solution, is wrong (never throws).
 * Spec: docs/correction-des-reponses.md.
 */
import type { Solution, Treatment } from '../model/types';
import { parseLooseNumber } from './match-qroc';
import { readComposite, readNumberAnswer, unitsOfField, type FieldContext } from './numbers';
import { applyTreatments, enabledTreatments, matchingVariant, preTreat } from './treatments';
import { asScalar, asVariants, parseYamlMap } from './yaml-map';

export interface QrocmMatch {
  ok: boolean;
  /** per answer key */
  details: Record<string, boolean>;
  /** QROCM-dep: answer key → solution key it consumed */
  consumed: Record<string, string>;
  /** parsed solution (key → variants), for the correction */
  solution: [string, string[]][];
  /** parsed answer (key → value) */
  answer: [string, string][];
}

function parseSolution(solution: Solution): [string, string[]][] {
  const parsed = parseYamlMap(solution.value);
  return parsed.ok ? parsed.entries.map(([k, v]) => [k, asVariants(v)]) : [];
}

function parseAnswer(answer: string): [string, string][] | null {
  const parsed = parseYamlMap(answer);
  return parsed.ok ? parsed.entries.map(([k, v]) => [k, asScalar(v)]) : null;
}

/**
 * Does the value match one of the variants? Returns what it counted as (normalised answer and the
 * accepted variant it hit, or the number), for duplicate detection; null if it does not match.
 */
export function matchBlock(
  value: string,
  variants: string[],
  isSelect: boolean,
  treatments: Treatment[],
  units: ReadonlySet<string> = new Set(),
): string[] | null {
  if (isSelect) return variants.includes(value) ? [`=${value}`] : null;
  const variant = matchingVariant(value, variants, treatments);
  const loose = parseLooseNumber(value);
  const asNumber = loose === null ? [] : [`n:${loose}`];
  if (variant !== null) return [`t:${applyTreatments(preTreat(value), treatments)}`, `v:${variant}`, ...asNumber];
  const numbers = variants.map(parseLooseNumber);
  if (numbers.length > 0 && numbers.every((n) => n !== null)) {
    const number = readNumberAnswer(value, units);
    if (number !== null && numbers.includes(number)) return [`n:${number}`];
  }
  const composite = readComposite(value, units);
  if (composite) {
    const hit = variants.map((v) => readComposite(v)).find((c) => c !== null && c.join(',') === composite.join(','));
    if (hit) return [`c:${composite.join(',')}`];
  }
  return null;
}

export function matchQrocmInd(solution: Solution, answerValue: string, context: FieldContext = {}): QrocmMatch {
  const solutionEntries = parseSolution(solution);
  const answer = parseAnswer(answerValue);
  const variantsByKey = new Map(solutionEntries);
  const treatments = enabledTreatments(solution.deactivations);
  const details: Record<string, boolean> = {};
  if (!answer) {
    for (const [key] of solutionEntries) details[key] = false;
    return { ok: false, details, consumed: {}, solution: solutionEntries, answer: [] };
  }
  const answered = new Map(answer);
  // every solution key must be answered; a missing key reads as an empty answer
  for (const [key, variants] of solutionEntries) {
    const isSelect = solution.qrocBlocksTypes?.[key] === 'select';
    details[key] = matchBlock(answered.get(key) ?? '', variants, isSelect, treatments, unitsOfField(context, key)) !== null;
  }
  for (const [key] of answer) if (!variantsByKey.has(key)) details[key] = false;
  const ok = solutionEntries.length > 0 && Object.values(details).every(Boolean);
  return { ok, details, consumed: {}, solution: solutionEntries, answer };
}

export function matchQrocmDep(solution: Solution, answerValue: string, context: FieldContext = {}): QrocmMatch {
  const solutionEntries = parseSolution(solution);
  const answer = parseAnswer(answerValue) ?? [];
  const treatments = enabledTreatments(solution.deactivations);
  const unmatched = new Set(solutionEntries.map(([key]) => key));
  const counted = new Set<string>();
  const details: Record<string, boolean> = {};
  const consumed: Record<string, string> = {};
  for (const [answerKey, value] of answer) {
    const isSelect = solution.qrocBlocksTypes?.[answerKey] === 'select';
    const units = unitsOfField(context, answerKey);
    let hit: { key: string; tokens: string[] } | undefined;
    for (const [key, variants] of solutionEntries) {
      if (!unmatched.has(key)) continue;
      const tokens = matchBlock(value, variants, isSelect, treatments, units);
      if (tokens) {
        hit = { key, tokens };
        break;
      }
    }
    // the same answer typed in two boxes counts once
    const duplicate = hit !== undefined && hit.tokens.some((token) => counted.has(token));
    details[answerKey] = hit !== undefined && !duplicate;
    if (hit && !duplicate) {
      unmatched.delete(hit.key);
      consumed[answerKey] = hit.key;
      for (const token of hit.tokens) counted.add(token);
    }
  }
  const matchedCount = Object.values(details).filter(Boolean).length;
  const ok = answer.length > 0 && matchedCount === answer.length;
  return { ok, details, consumed, solution: solutionEntries, answer };
}
