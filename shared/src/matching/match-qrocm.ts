/**
 * QROCM validators (§1.5). Answer and solution are YAML maps (see yaml-map.ts).
 * - independent (QROCM-ind): each answer key against the variants of the same key; OK iff every key
 *   matches; per-key booleans in `details`.
 * - dependent (QROCM-dep): order-free; each answer is tried against every still-unmatched solution key,
 *   a solution key is consumed once; OK iff every answer key matched.
 * Select blocks (solution.qrocBlocksTypes) are compared exactly, without treatment.
 * A malformed answer, or an answer key absent from the solution, is wrong (never throws).
 */
import type { Solution, Treatment } from '../model/types';
import { enabledTreatments, matchesOneOf } from './treatments';
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

function matchBlock(value: string, variants: string[], isSelect: boolean, treatments: Treatment[]): boolean {
  return isSelect ? variants.includes(value) : matchesOneOf(value, variants, treatments);
}

export function matchQrocmInd(solution: Solution, answerValue: string): QrocmMatch {
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
    details[key] = matchBlock(answered.get(key) ?? '', variants, isSelect, treatments);
  }
  for (const [key] of answer) if (!variantsByKey.has(key)) details[key] = false;
  const ok = solutionEntries.length > 0 && Object.values(details).every(Boolean);
  return { ok, details, consumed: {}, solution: solutionEntries, answer };
}

export function matchQrocmDep(solution: Solution, answerValue: string): QrocmMatch {
  const solutionEntries = parseSolution(solution);
  const answer = parseAnswer(answerValue) ?? [];
  const treatments = enabledTreatments(solution.deactivations);
  const unmatched = new Set(solutionEntries.map(([key]) => key));
  const details: Record<string, boolean> = {};
  const consumed: Record<string, string> = {};
  for (const [answerKey, value] of answer) {
    const isSelect = solution.qrocBlocksTypes?.[answerKey] === 'select';
    const hit = solutionEntries.find(
      ([key, variants]) => unmatched.has(key) && matchBlock(value, variants, isSelect, treatments),
    );
    details[answerKey] = hit !== undefined;
    if (hit) {
      unmatched.delete(hit[0]);
      consumed[answerKey] = hit[0];
    }
  }
  const matchedCount = Object.values(details).filter(Boolean).length;
  const ok = answer.length > 0 && matchedCount === answer.length;
  return { ok, details, consumed, solution: solutionEntries, answer };
}
