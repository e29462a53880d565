import { describe, expect, it } from 'vitest';
import { emptySamples, familyMetricsOf, formatFamilyTable, formatTable, metricsOf, recordEvaluation, stepsMetricsOf, type EngineSamples } from './report';

describe('metricsOf', () => {
  it('computes rates, errors and percentiles', () => {
    const metrics = metricsOf({
      questions: [10, 20, 30, 40],
      levelErrors: [0, 1, 2, 0],
      pixErrors: [0, 4, 10, 2],
      pickMs: Array.from({ length: 100 }, (_, i) => (i + 1) / 100),
    });
    expect(metrics).toEqual({
      questionsMean: 25, questionsP95: 40, exactLevelRate: 0.5, withinOneLevelRate: 0.75, pixMae: 4,
      pickP50Ms: 0.5, pickP95Ms: 0.95, pickP99Ms: 0.99,
    });
  });
});

describe('formatTable', () => {
  it('prints one aligned line per engine under a French header', () => {
    const m = metricsOf({ questions: [12], levelErrors: [0], pixErrors: [1], pickMs: [0.2] });
    const lines = formatTable([{ label: 'Smart random', metrics: m }, { label: 'Flash', metrics: m }]).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('Niveau exact');
    expect(lines[2]).toContain('100.0 %');
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});

describe('family metrics', () => {
  // (engine level, true level, L): exact, +1, −2, exact, exact
  const outcomes = [[0, 0, 0], [2, 1, 1], [0, 2, 2], [2, 2, 2], [6, 6, 7]];
  const samples: EngineSamples = emptySamples();
  outcomes.forEach(([level, trueLevel, stepLevel], i) => {
    recordEvaluation(samples, { questions: i + 1, level, pix: level * 8, pickMs: [0.1, 0.2] }, { level: trueLevel, pix: trueLevel * 8 + 1 }, { competenceId: 'competence-1-1', seed: 3, stepLevel });
  });

  it('adds level MAE, bias and the exact rate by true level to the engine metrics', () => {
    const m = familyMetricsOf(samples);
    expect(m).toMatchObject({
      questionsMean: 3, exactLevelRate: 0.6, withinOneLevelRate: 0.8, levelMae: 0.6, levelBias: -0.2, pixMae: round2((1 + 7 + 17 + 1 + 1) / 5),
      exactRateByTrueLevel: { 0: { rate: 1, count: 1 }, 1: { rate: 0, count: 1 }, 2: { rate: 0.5, count: 2 }, 6: { rate: 1, count: 1 } },
    });
    expect(Object.keys(m.exactRateByTrueLevel)).toEqual(['0', '1', '2', '6']);
  });

  it('steps: the exact rate by L and every miss', () => {
    const m = stepsMetricsOf(samples, (id) => (id === 'competence-1-1' ? '1.1' : id));
    expect(m.exactRateByStep).toEqual({ 0: { rate: 1, count: 1 }, 1: { rate: 0, count: 1 }, 2: { rate: 0.5, count: 2 }, 7: { rate: 1, count: 1 } });
    expect(m.misses).toEqual([
      { seed: 3, competence: '1.1', L: 1, engineLevel: 2, trueLevel: 1 },
      { seed: 3, competence: '1.1', L: 2, engineLevel: 0, trueLevel: 2 },
    ]);
  });

  it('prints the family table, the exact rate by true level and (steps) by L', () => {
    const text = formatFamilyTable([{ label: 'Smart random', metrics: stepsMetricsOf(samples) }, { label: 'Bayésien', metrics: familyMetricsOf(samples) }]);
    const [main, byLevel, byStep] = text.split('\n\n').map((t) => t.split('\n'));
    expect(main).toHaveLength(4);
    expect(main[0]).toContain('Biais');
    expect(main[2]).toContain('-0.20');
    expect(byLevel[0]).toContain('niv. 2 (2)');
    expect(byStep[0]).toContain('L = 7 (1)');
    expect(byStep[3]).toContain('—');
  });
});

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
