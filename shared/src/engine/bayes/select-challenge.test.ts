import { describe, expect, it } from 'vitest';
import type { CompetenceState } from './assessment-state';
import { bayesConfigOf } from './bayes-config';
import { isOpen } from './select-challenge';
import type { Settlement } from './settlement';

const config = bayesConfigOf({ withinOneLevelConfidence: 0.9, continueGain: 0.05, exactContinueGain: 0.02, minimumQuestionsPerCompetence: 1,
  minimumQuestionsWhenUncertain: 2, uncertainBelow: 0.7, maximumQuestionsPerCompetence: 10 });
const competence = (answeredCount: number) => ({ answeredCount }) as CompetenceState;
const settlement = (withinOneProbability: number, exactProbability = 0.6): Settlement => ({ validateUpTo: 0, level: 2, exactProbability, withinOneProbability });

describe('isOpen (stopping rule of a competence)', () => {
  it.each([
    { name: 'no answer yet', answered: 0, withinOne: 0.99, gain: 0, exactGain: 0, open: true },
    { name: 'question cap reached', answered: 10, withinOne: 0.5, gain: 1, exactGain: 1, open: false },
    { name: 'not settled (P(±1) < 0.9)', answered: 3, withinOne: 0.85, gain: 0, exactGain: 0, open: true },
    { name: 'settled, small gains', answered: 3, withinOne: 0.95, gain: 0.04, exactGain: 0.01, open: false },
    { name: 'settled, one answer raises the value by more than continueGain', answered: 3, withinOne: 0.95, gain: 0.06, exactGain: 0.01, open: true },
    { name: 'settled, one answer raises P(exact) by more than exactContinueGain', answered: 3, withinOne: 0.95, gain: 0.04, exactGain: 0.03, open: true },
    { name: 'one answer, level uncertain (P(exact) 0.6 < 0.7)', answered: 1, withinOne: 0.99, gain: 0, exactGain: 0, open: true },
    { name: 'one answer, level likely enough (P(exact) 0.8)', answered: 1, withinOne: 0.99, gain: 0, exactGain: 0, exact: 0.8, open: false },
  ])('$name → open: $open', ({ answered, withinOne, gain, exactGain, exact, open }) => {
    expect(isOpen(competence(answered), settlement(withinOne, exact), { gain, exactGain }, config)).toBe(open);
  });
});
