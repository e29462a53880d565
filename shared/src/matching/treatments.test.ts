import { describe, expect, it } from 'vitest';
import type { Treatment } from '../model/types';
import { levenshtein, levenshteinRatio } from './levenshtein';
import { applyTreatments, enabledTreatments, matchesOneOf, preTreat, t1, t2 } from './treatments';

describe('pre-treatment and t1/t2', () => {
  const cases: [string, (s: string) => string, string, string][] = [
    ['NBSP → space', preTreat, 'a\u00A0b', 'a b'],
    ['narrow NBSP → space', preTreat, 'oui\u202F!', 'oui !'],
    ['NFC', preTreat, 'e\u0301', 'é'],
    ['t1 trims, lowercases', t1, '  Brest ', 'brest'],
    ['t1 strips accents', t1, 'Élève à Noël', 'eleveanoel'],
    ['t1 removes inner spaces', t1, 'mot de passe', 'motdepasse'],
    ['t2 drops punctuation', t2, "l'été, déjà!", 'lt dj'],
    ['t2 collapses spaces', t2, 'a  -  b', 'a b'],
  ];
  it.each(cases)('%s', (_name, fn, input, expected) => {
    expect(fn(input)).toBe(expected);
  });

  it('applies t1 then t2', () => {
    expect(applyTreatments("  L'Été ", ['t1', 't2'])).toBe('lete');
  });

  const deactivations: [Partial<Record<Treatment, boolean>>, Treatment[]][] = [
    [{}, ['t1', 't2', 't3']],
    [{ t3: true }, ['t1', 't2']],
    [{ t1: true, t2: true }, ['t3']],
    [{ t2: false }, ['t1', 't2', 't3']],
  ];
  it.each(deactivations)('deactivations %o → %o', (input, expected) => {
    expect(enabledTreatments(input)).toEqual(expected);
  });
});

describe('Levenshtein ratio (t3: distance / answer length ≤ 0.25)', () => {
  const cases: { answer: string; solution: string; ratio: number; accepted: boolean }[] = [
    { answer: 'abcd', solution: 'abcd', ratio: 0, accepted: true },
    { answer: 'abcx', solution: 'abcd', ratio: 0.25, accepted: true },
    { answer: 'abxx', solution: 'abcd', ratio: 0.5, accepted: false },
    { answer: 'abcdefgh', solution: 'abcdefxx', ratio: 0.25, accepted: true },
    { answer: 'abcdefg', solution: 'abcdexx', ratio: 2 / 7, accepted: false },
    { answer: '', solution: '', ratio: 0, accepted: true },
    { answer: '', solution: 'a', ratio: Number.POSITIVE_INFINITY, accepted: false },
  ];
  it.each(cases)('$answer vs $solution → $ratio', ({ answer, solution, ratio, accepted }) => {
    expect(levenshteinRatio(answer, solution)).toBeCloseTo(ratio);
    expect(matchesOneOf(answer, [solution], ['t3'])).toBe(accepted);
  });

  it('computes the edit distance', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
  });

  it('takes the smallest ratio over the accepted solutions', () => {
    expect(matchesOneOf('navigateur', ['moteur', 'navigatuer'], ['t1', 't2', 't3'])).toBe(true);
  });
});
