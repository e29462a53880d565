/**
 * QROC validator (§1.5): accepted answers are the solution lines. With format `nombre`, when every
 * solution reads as a number, compare numbers ("3,5" ≡ "3.5", spaces are thousand separators:
 * "1 000" ≡ "1000"); the number may be followed by one of the field's units (« 23 Go », see
 * numbers.ts), another word or unit is wrong. Otherwise string comparison with the enabled
 * treatments, none for a select block. Spec: docs/correction-des-reponses.md.
 */
import type { Challenge } from '../model/types';
import { readNumberAnswer, readNumberWithUnit, unitsOfField, type FieldContext } from './numbers';
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

export function matchQroc(challenge: Pick<Challenge, 'solution' | 'format'> & FieldContext, answer: string): boolean {
  const solutions = qrocSolutions(challenge.solution.value);
  if (challenge.format === 'nombre') {
    const numbers = solutions.map(parseLooseNumber);
    if (numbers.length > 0 && numbers.every((n) => n !== null)) {
      const value = parseLooseNumber(answer) ?? readNumberAnswer(answer, unitsOfField(challenge));
      if (value !== null) return numbers.includes(value);
      // a number followed by another unit or word (« 23 Mo » for Go) is wrong, not a typo of « 23 »
      if (readNumberWithUnit(answer) !== null) return false;
    }
  }
  const blockTypes = Object.values(challenge.solution.qrocBlocksTypes ?? {});
  const isSelect = blockTypes[0] === 'select';
  if (isSelect) return solutions.includes(answer);
  return matchesOneOf(answer, solutions, enabledTreatments(challenge.solution.deactivations));
}
