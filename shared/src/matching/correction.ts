/**
 * Correction shown at a checkpoint (§1.6): a readable solution and, for QROCM, one line per block
 * with the learner's answer, whether it was right and an expected value. For QROCM-dep the expected
 * values of wrong blocks are examples taken from the solution keys no answer consumed (Pix lists one
 * example per unmatched solution key).
 */
import { parseProposals } from '../model/proposals';
import type { Challenge } from '../model/types';
import { matchQrocmDep, matchQrocmInd } from './match-qrocm';
import { qrocSolutions } from './match-qroc';

export interface CorrectionBlock {
  key: string;
  answer: string;
  ok: boolean;
  expected: string;
}

export interface Correction {
  solutionToDisplay: string;
  blocks?: CorrectionBlock[];
}

function optionText(challenge: Challenge, number: string): string {
  const options = parseProposals(challenge.proposals).options;
  const option = options[Number.parseInt(number, 10) - 1];
  return option ?? number;
}

function defaultSolutionToDisplay(challenge: Challenge): string {
  const value = challenge.solution.value;
  switch (challenge.type) {
    case 'QCU':
      return optionText(challenge, value.trim());
    case 'QCM':
      return value
        .split(',')
        .map((n) => optionText(challenge, n.trim()))
        .join(' ; ');
    case 'QROC':
      return qrocSolutions(value)[0] ?? '';
    case 'QROCM-ind':
    case 'QROCM-dep':
      return matchQrocmInd(challenge.solution, '')
        .solution.map(([key, variants]) => `${key} : ${variants[0] ?? ''}`)
        .join('\n');
  }
}

export function correctionFor(challenge: Challenge, value: string): Correction {
  const solutionToDisplay = challenge.solutionToDisplay ?? defaultSolutionToDisplay(challenge);
  if (challenge.type === 'QROCM-ind') {
    const match = matchQrocmInd(challenge.solution, value, challenge);
    const answers = new Map(match.answer);
    const blocks = match.solution.map(([key, variants]) => ({
      key, answer: answers.get(key) ?? '', ok: match.details[key] === true, expected: variants[0] ?? '',
    }));
    return { solutionToDisplay, blocks };
  }
  if (challenge.type === 'QROCM-dep') {
    const match = matchQrocmDep(challenge.solution, value, challenge);
    const firstVariant = new Map(match.solution.map(([key, variants]) => [key, variants[0] ?? '']));
    const used = new Set(Object.values(match.consumed));
    const examples = match.solution.map(([key]) => key).filter((key) => !used.has(key));
    // a skipped or unreadable answer still lists every block of the solution
    const answerEntries: [string, string][] = match.answer.length > 0 ? match.answer : match.solution.map(([key]) => [key, '']);
    const blocks = answerEntries.map(([key, answer]) => {
      const consumedKey = match.consumed[key];
      if (consumedKey) return { key, answer, ok: true, expected: firstVariant.get(consumedKey) ?? '' };
      const example = examples.shift();
      return { key, answer, ok: false, expected: example ? (firstVariant.get(example) ?? '') : '' };
    });
    return { solutionToDisplay, blocks };
  }
  return { solutionToDisplay };
}
