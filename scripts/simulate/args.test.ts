import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, parseArgs } from './args';

describe('parseArgs', () => {
  it.each([
    { argv: [], expected: DEFAULT_OPTIONS },
    { argv: ['--seed', '42', '--learners', '100'], expected: { ...DEFAULT_OPTIONS, seed: 42, learners: 100 } },
    { argv: ['--guess=0.2', '--slip=0', '--json'], expected: { ...DEFAULT_OPTIONS, guess: 0.2, slip: 0, json: true } },
    { argv: ['--synthetic'], expected: { ...DEFAULT_OPTIONS, synthetic: true } },
  ])('$argv', ({ argv, expected }) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  it.each([
    ['--learners', '0'], ['--learners', 'abc'], ['--seed', '1.5'], ['--guess', '1'], ['--slip'], ['--nope'], ['--guess', '0.6', '--slip', '0.5'],
  ])('rejects %j', (...argv) => {
    expect(() => parseArgs(argv)).toThrow();
  });
});
