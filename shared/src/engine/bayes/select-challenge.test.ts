import { describe, expect, it } from 'vitest';
import type { CompetenceState } from './assessment-state';
import { bayesConfigOf } from './bayes-config';
import { isOpen, levelVariance } from './select-challenge';
import type { Settlement } from './settlement';

const config = bayesConfigOf({ noises: [], exactLevelConfidence: 0.8, withinOneLevelConfidence: 0.95, continueGain: 0.05, unsettledGain: 0.08, minimumQuestionsPerCompetence: 1, maximumQuestionsPerCompetence: 10 });
const frame = { easiestDifficulty: -2, skills: [{ difficulty: -2, skill: { id: 'easy' } }, { difficulty: 1, skill: { id: 'hard' } }] };
const competence = (answeredCount: number, hasSuccess = true, decisions: [string, boolean][] = []) =>
  ({ answeredCount, hasSuccess, decisions: new Map(decisions), frame }) as unknown as CompetenceState;
const settlement = (exactProbability: number, withinOneProbability: number): Settlement => ({ level: 2, exactProbability, withinOneProbability, value: 0 });

describe('isOpen (stopping rule of a competence)', () => {
  it.each([
    { name: 'no answer yet', answered: 0, exact: 0.99, withinOne: 0.99, gain: 0, open: true },
    { name: 'question cap reached', answered: 10, exact: 0.1, withinOne: 0.5, gain: 1, open: false },
    { name: 'not settled, an answer can still help', answered: 3, exact: 0.6, withinOne: 0.9, gain: 0.09, open: true },
    { name: 'not settled, nothing left to learn', answered: 3, exact: 0.6, withinOne: 0.9, gain: 0.07, open: false },
    { name: 'settled, small gains', answered: 3, exact: 0.85, withinOne: 0.96, gain: 0.04, open: false },
    { name: 'settled, one answer still raises the value', answered: 3, exact: 0.85, withinOne: 0.96, gain: 0.06, open: true },
  ])('$name → open: $open', ({ answered, exact, withinOne, gain, open }) => {
    expect(isOpen(competence(answered), settlement(exact, withinOne), gain, config)).toBe(open);
  });

  it('keeps a competence without any success open until one of its easiest skills failed', () => {
    const sure = settlement(0.9, 0.99);
    expect(isOpen(competence(3, false, [['hard', false]]), sure, 0, config)).toBe(true);
    expect(isOpen(competence(3, false, [['hard', false], ['easy', false]]), sure, 0, config)).toBe(false);
    // …unless no easiest skill can be asked any more
    expect(isOpen(competence(3, false, [['hard', false]]), sure, 0, config, false)).toBe(false);
    // a success elsewhere: the ordinary rule
    expect(isOpen(competence(3, true, [['hard', false]]), sure, 0, config)).toBe(false);
  });
});

describe('levelVariance', () => {
  it.each([
    { distribution: [1, 0, 0], variance: 0 },
    { distribution: [0.5, 0, 0.5], variance: 1 },
    { distribution: [0.25, 0.5, 0.25], variance: 0.5 },
  ])('$distribution → $variance', ({ distribution, variance }) => {
    expect(levelVariance(Float64Array.from(distribution))).toBeCloseTo(variance, 12);
  });
});

describe('a competence without any success', () => {
  const sure = settlement(0.5, 0.9);
  it.each([
    { name: 'two failures, none at the easiest level', answered: 2, decisions: [['hard', false]] as [string, boolean][], open: true },
    { name: 'three failures, one at the easiest level', answered: 3, decisions: [['hard', false], ['easy', false]] as [string, boolean][], open: false },
    { name: 'three failures, none at the easiest level yet', answered: 3, decisions: [['hard', false]] as [string, boolean][], open: true },
  ])('$name → open: $open (even when an answer could still gain)', ({ answered, decisions, open }) => {
    expect(isOpen(competence(answered, false, decisions), sure, 1, config)).toBe(open);
  });
});
