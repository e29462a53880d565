import { describe, expect, it } from 'vitest';
import { buildIndex, buildKnowledgeElement } from '../testing/builders';
import type { Assessment } from '../model/types';
import { certifiableCompetencesCount, isCertifiable, scorecards, totalPix } from './scorecards';

const index = buildIndex({ competences: [{ index: '1.1', tubes: [{ name: '@web', levels: [1, 2] }] }] });
const ke = (id: string, competenceId: string, earnedPix: number, createdAt = '2025-01-01T00:00:00.000Z', status: 'validated' | 'reset' = 'validated') =>
  buildKnowledgeElement({ id, skillId: `${competenceId}-${id}`, competenceId, earnedPix, createdAt, status });
const evaluation = (competenceId: string, state: Assessment['state'], createdAt = '2025-01-01T00:00:00.000Z'): Assessment => ({
  id: `a-${competenceId}-${createdAt}`, userId: 'u', type: 'COMPETENCE_EVALUATION', state, method: 'SMART_RANDOM', competenceId, createdAt, updatedAt: createdAt,
});

describe('scorecards', () => {
  it('has one card per competence, in referential order', () => {
    const cards = scorecards(index, []);
    expect(cards).toHaveLength(16);
    expect(cards.map((c) => c.index).slice(0, 4)).toEqual(['1.1', '1.2', '1.3', '2.1']);
    expect(cards.every((c) => c.status === 'NOT_STARTED' && c.pix === 0)).toBe(true);
  });

  const statusCases: { name: string; kes: ReturnType<typeof ke>[]; assessments: Assessment[]; expected: string }[] = [
    { name: 'no KE, no evaluation', kes: [], assessments: [], expected: 'NOT_STARTED' },
    { name: 'KEs from a campaign', kes: [ke('a', 'competence-1-1', 4)], assessments: [], expected: 'STARTED' },
    { name: 'evaluation in progress', kes: [], assessments: [evaluation('competence-1-1', 'started')], expected: 'STARTED' },
    { name: 'evaluation completed', kes: [ke('a', 'competence-1-1', 4)], assessments: [evaluation('competence-1-1', 'completed')], expected: 'COMPLETED' },
    { name: 'completed then reset', kes: [ke('a', 'competence-1-1', 4), { ...ke('r', 'competence-1-1', 0, '2025-02-01T00:00:00.000Z', 'reset'), skillId: 'competence-1-1-a' }], assessments: [evaluation('competence-1-1', 'completed')], expected: 'NOT_STARTED' },
    { name: 'other competence evaluation', kes: [], assessments: [evaluation('competence-2-1', 'completed')], expected: 'NOT_STARTED' },
  ];
  it.each(statusCases)('status: $name → $expected', ({ kes, assessments, expected }) => {
    expect(scorecards(index, kes, { assessments })[0].status).toBe(expected);
  });

  it('scores from current KEs, with delays when now is given', () => {
    const kes = [ke('a', 'competence-1-1', 4), ke('b', 'competence-1-1', 4), ke('c', 'competence-2-1', 4, '2025-01-03T00:00:00.000Z')];
    const cards = scorecards(index, kes, { now: '2025-01-06T00:00:00.000Z' });
    const first = cards.find((c) => c.index === '1.1')!;
    expect([first.pix, first.level, first.remainingDaysBeforeReset, first.remainingDaysBeforeImproving]).toEqual([8, 1, 2, 0]);
    expect(cards.find((c) => c.index === '2.1')!.remainingDaysBeforeImproving).toBe(1);
    expect(cards.find((c) => c.index === '5.2')!.remainingDaysBeforeReset).toBeNull();
    expect(totalPix(cards)).toBe(12);
  });

  // §2.4: a reset restarts neither delay; with nothing answered since, both are null
  const day = (d: number) => new Date(Date.parse('2025-01-01T00:00:00.000Z') + d * 86_400_000).toISOString();
  const answered = (id: string, d: number) => ke(id, 'competence-1-1', 4, day(d));
  const resetOf = (id: string, d: number) => ({ ...ke(`reset-${id}`, 'competence-1-1', 0, day(d), 'reset'), skillId: `competence-1-1-${id}` });
  const delayCases: {
    name: string; kes: ReturnType<typeof ke>[]; now: number | undefined;
    expected: { last: string | null; reset: number | null; improving: number | null };
  }[] = [
    { name: 'never answered', kes: [], now: 1, expected: { last: null, reset: null, improving: null } },
    { name: 'answered 2 days ago', kes: [answered('a', 0)], now: 2, expected: { last: day(0), reset: 5, improving: 2 } },
    { name: 'answered 10 days ago', kes: [answered('a', 0)], now: 10, expected: { last: day(0), reset: 0, improving: 0 } },
    { name: 'no clock given', kes: [answered('a', 0)], now: undefined, expected: { last: day(0), reset: null, improving: null } },
    { name: 'reset just now, nothing answered since', kes: [answered('a', 0), answered('b', 0), resetOf('a', 10), resetOf('b', 10)], now: 10, expected: { last: null, reset: null, improving: null } },
    { name: 'reset 1 day ago, nothing answered since', kes: [answered('a', 0), resetOf('a', 10)], now: 11, expected: { last: null, reset: null, improving: null } },
    { name: 'reset 30 days ago, nothing answered since', kes: [answered('a', 0), resetOf('a', 10)], now: 40, expected: { last: null, reset: null, improving: null } },
    { name: 'reset, then answered 1 day ago', kes: [answered('a', 0), resetOf('a', 10), answered('c', 12)], now: 13, expected: { last: day(12), reset: 6, improving: 3 } },
    { name: 'reset, then the same skill answered again', kes: [answered('a', 0), resetOf('a', 10), { ...answered('again', 11), skillId: 'competence-1-1-a' }], now: 12, expected: { last: day(11), reset: 6, improving: 3 } },
  ];
  it.each(delayCases)('delays: $name', ({ kes, now, expected }) => {
    const card = scorecards(index, kes, { now: now === undefined ? undefined : day(now) })[0];
    expect({ last: card.lastKnowledgeElementAt, reset: card.remainingDaysBeforeReset, improving: card.remainingDaysBeforeImproving }).toEqual(expected);
  });
});

describe('certifiability: ≥ 5 competences at level ≥ 1', () => {
  it.each([
    [[1, 1, 1, 1, 1], true], [[1, 1, 1, 1, 0], false], [[3, 2, 0, 0, 0, 1, 1, 1], true], [[0, 0, 0, 0, 0, 0], false],
  ] as const)('levels %j → %s', (levels, expected) => {
    const cards = levels.map((level) => ({ level }));
    expect(isCertifiable(cards)).toBe(expected);
    expect(certifiableCompetencesCount(cards)).toBe(levels.filter((l) => l >= 1).length);
  });
});
