import { describe, expect, it } from 'vitest';
import { formatTable, metricsOf } from './report';

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
