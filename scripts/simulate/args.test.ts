import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, parseArgs } from './args';

describe('parseArgs', () => {
  it.each([
    { argv: [], expected: DEFAULT_OPTIONS },
    { argv: ['--seed', '42', '--learners', '100'], expected: { ...DEFAULT_OPTIONS, seed: 42, seeds: [42], learners: 100 } },
    { argv: ['--seeds', '1,2,3'], expected: { ...DEFAULT_OPTIONS, seed: 1, seeds: [1, 2, 3] } },
    { argv: ['--seeds=7', '--no-campaigns'], expected: { ...DEFAULT_OPTIONS, seed: 7, seeds: [7], campaigns: false } },
    { argv: ['--guess=0.2', '--slip=0', '--json'], expected: { ...DEFAULT_OPTIONS, guess: 0.2, slip: 0, json: true } },
    { argv: ['--synthetic'], expected: { ...DEFAULT_OPTIONS, synthetic: true } },
    { argv: ['--families', 'skippers,today'], expected: { ...DEFAULT_OPTIONS, families: ['today', 'skippers'] } },
    { argv: ['--families=steps', '--engines=smartRandom,bayes'], expected: { ...DEFAULT_OPTIONS, families: ['steps'], engines: ['smartRandom', 'bayes'] } },
    { argv: ['--bayes', 'slip=0.1,priorShape=gaussian,answersPerSkill=2', '--bayes=useTubes=true,x=false'], expected: { ...DEFAULT_OPTIONS, bayes: { slip: 0.1, priorShape: 'gaussian', answersPerSkill: 2, useTubes: true, x: false } } },
    { argv: ['--bayes=gridStep=-1e-1'], expected: { ...DEFAULT_OPTIONS, bayes: { gridStep: -0.1 } } },
    { argv: ['--bayes=tubeSpreadWeights=0.4/0.6,noises=0.02:0.02:4/0.1:0.05:1,label=a/b'], expected: { ...DEFAULT_OPTIONS, bayes: { tubeSpreadWeights: [0.4, 0.6], noises: [[0.02, 0.02, 4], [0.1, 0.05, 1]], label: 'a/b' } } },
    { argv: ['--default-engine', 'flash'], expected: { ...DEFAULT_OPTIONS, defaultEngine: 'flash' } },
    { argv: ['--workers', '1'], expected: { ...DEFAULT_OPTIONS, workers: 1 } },
  ])('$argv', ({ argv, expected }) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  it.each([
    ['--learners', '0'], ['--learners', 'abc'], ['--seed', '1.5'], ['--seeds', '1,,2'], ['--seeds', '1,x'], ['--seeds'], ['--guess', '1'], ['--slip'], ['--nope'], ['--guess', '0.6', '--slip', '0.5'],
    ['--families', 'nope'], ['--families', 'today,'], ['--families'], ['--engines'], ['--engines', ','], ['--bayes', 'slip'], ['--bayes', '=1'], ['--bayes', 'a='], ['--bayes'], ['--default-engine'], ['--workers', '0'], ['--workers', '1.5'],
  ])('rejects %j', (...argv) => {
    expect(() => parseArgs(argv)).toThrow();
  });
});
