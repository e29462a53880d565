/**
 * QROC validator (§1.5): accepted answers are the solution lines. With format `nombre`, when the
 * answer and every solution read as numbers, compare numbers ("3,5" ≡ "3.5", spaces are thousand
 * separators: "1 000" ≡ "1000"). Otherwise string comparison with the enabled treatments, none for a
 * select block.
 */
import type { Challenge } from '../model/types';
import { enabledTreatments, matchesOneOf, preTreat } from './treatments';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** "1 000,5" → 1000.5; null when the text is not a plain decimal number. */
export function parseLooseNumber(text: string): number | null {
  const cleaned = preTreat(text).replace(/\s/g, '').replace(',', '.');
  return NUMBER.test(cleaned) ? Number.parseFloat(cleaned) : null;
}

export function qrocSolutions(solutionValue: string): string[] {
  return solutionValue
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export function matchQroc(challenge: Pick<Challenge, 'solution' | 'format'>, answer: string): boolean {
  const solutions = qrocSolutions(challenge.solution.value);
  if (challenge.format === 'nombre') {
    const value = parseLooseNumber(answer);
    const numbers = solutions.map(parseLooseNumber);
    if (value !== null && numbers.every((n) => n !== null)) return numbers.includes(value);
  }
  const blockTypes = Object.values(challenge.solution.qrocBlocksTypes ?? {});
  const isSelect = blockTypes[0] === 'select';
  if (isSelect) return solutions.includes(answer);
  return matchesOneOf(answer, solutions, enabledTreatments(challenge.solution.deactivations));
}
