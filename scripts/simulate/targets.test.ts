import { describe, expect, it } from 'vitest';
import type { FamilyMetrics } from './report';
import { checkTargets, formatTargets, type TargetCheck } from './targets';

function metrics(overrides: Partial<FamilyMetrics> = {}): FamilyMetrics {
  return {
    questionsMean: 10, questionsP95: 14, exactLevelRate: 0.5, withinOneLevelRate: 0.9, levelMae: 0.6, levelBias: 0,
    exactRateByTrueLevel: { 0: { rate: 0.8, count: 10 }, 1: { rate: 0.4, count: 10 } }, pixMae: 4,
    pickP50Ms: 0.1, pickP95Ms: 0.5, pickP99Ms: 1, ...overrides,
  };
}

const verdicts = (checks: TargetCheck[]) => Object.fromEntries(checks.map((c) => [`${c.family}/${c.name}`, c.ok]));

describe('checkTargets', () => {
  const smartRandom = metrics();

  it('passes an engine that meets every target, with the value and target of each check', () => {
    const bayes = metrics({ questionsMean: 7.5, exactLevelRate: 0.49, withinOneLevelRate: 0.9, pickP95Ms: 2 });
    const checks = checkTargets({ today: { smartRandom, bayes } }, 'bayes');
    expect(checks).toEqual([
      { name: 'exactLevelRate', family: 'today', value: 0.49, target: 0.49, ok: true },
      { name: 'withinOneLevelRate', family: 'today', value: 0.9, target: 0.9, ok: true },
      { name: 'questionsMean', family: 'today', value: 7.5, target: 7.5, ok: true },
      { name: 'exactRateAtLevel0', family: 'today', value: 0.8, target: 0.8, ok: true },
      { name: 'pickP95Ms', family: 'today', value: 2, target: 2, ok: true },
    ]);
  });

  it('fails each target just past its bound; the question ratio is 0.75 on today and 0.85 elsewhere', () => {
    const bayes = metrics({
      questionsMean: 8, exactLevelRate: 0.4899, withinOneLevelRate: 0.8999, pickP95Ms: 2.01,
      exactRateByTrueLevel: { 0: { rate: 0.79, count: 10 } },
    });
    expect(verdicts(checkTargets({ today: { smartRandom, bayes }, college: { smartRandom, bayes } }, 'bayes'))).toEqual({
      'today/exactLevelRate': false, 'today/withinOneLevelRate': false, 'today/questionsMean': false, 'today/exactRateAtLevel0': false, 'today/pickP95Ms': false,
      'college/exactLevelRate': false, 'college/withinOneLevelRate': false, 'college/questionsMean': true, 'college/exactRateAtLevel0': false, 'college/pickP95Ms': false,
    });
    const college = checkTargets({ college: { smartRandom, bayes } }, 'bayes').find((c) => c.name === 'questionsMean');
    expect(college).toMatchObject({ value: 8, target: 8.5 });
  });

  it('steps must be exact everywhere', () => {
    const perfect = checkTargets({ steps: { smartRandom, bayes: metrics({ exactLevelRate: 1, questionsMean: 5 }) } }, 'bayes');
    const almost = checkTargets({ steps: { smartRandom, bayes: metrics({ exactLevelRate: 0.99, questionsMean: 5 }) } }, 'bayes');
    expect(perfect.find((c) => c.name === 'stepsExactLevelRate')).toMatchObject({ value: 1, target: 1, ok: true });
    expect(almost.find((c) => c.name === 'stepsExactLevelRate')).toMatchObject({ ok: false });
  });

  it('skips the question ratio where smart random asks nothing, and level 0 where either has no level-0 learner', () => {
    const none = metrics({ questionsMean: 0, exactRateByTrueLevel: { 3: { rate: 1, count: 4 } } });
    const names = checkTargets({ experts: { smartRandom: none, bayes: metrics() } }, 'bayes').map((c) => c.name);
    expect(names).toEqual(['exactLevelRate', 'withinOneLevelRate', 'pickP95Ms']);
  });

  it('compares nothing without smart random (or against itself), and ignores families the engine did not run', () => {
    expect(checkTargets({ today: { bayes: metrics() } }, 'bayes').map((c) => c.name)).toEqual(['pickP95Ms']);
    expect(checkTargets({ today: { smartRandom } }, 'smartRandom').map((c) => c.name)).toEqual(['pickP95Ms']);
    expect(checkTargets({ today: { smartRandom } }, 'bayes')).toEqual([]);
  });

  it('any engine can be the one checked', () => {
    const checks = checkTargets({ today: { smartRandom, flash: metrics({ questionsMean: 5 }) } }, 'flash');
    expect(checks.every((c) => c.ok)).toBe(true);
  });

  it('prints one French line per check with its verdict', () => {
    const checks = checkTargets({ today: { smartRandom, bayes: metrics({ questionsMean: 9 }) } }, 'bayes');
    const lines = formatTargets(checks, 'Bayésien').split('\n');
    expect(lines[0]).toBe('Objectifs de Bayésien face à smart random : 4/5 atteints');
    expect(lines).toHaveLength(6);
    expect(lines.find((l) => l.includes('questions'))).toMatch(/✗ today .* 9\.00 \(objectif ≤ 7\.50\)/);
  });
});
