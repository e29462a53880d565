import { describe, expect, it } from 'vitest';
import { buildKnowledgeElement } from '../testing/builders';
import { competenceScore, type CompetenceScore } from './competence-score';

const kesWorth = (...pix: number[]) =>
  pix.map((earnedPix, i) => buildKnowledgeElement({ id: `k${i}`, skillId: `s${i}`, earnedPix, competenceId: 'c1' }));

describe('competenceScore (§2.2)', () => {
  const cases: { name: string; pix: number[]; max?: number; expected: Omit<CompetenceScore, 'isMaxLevel'> }[] = [
    { name: 'nothing', pix: [], expected: { pix: 0, level: 0, pixAheadForNextLevel: 0, pixToNextLevel: 8, progressPercent: 0 } },
    { name: 'floor of the sum', pix: [8 / 3, 8 / 3, 2], expected: { pix: 7, level: 0, pixAheadForNextLevel: 7, pixToNextLevel: 1, progressPercent: 87.5 } },
    { name: 'exactly one level', pix: [4, 4], expected: { pix: 8, level: 1, pixAheadForNextLevel: 0, pixToNextLevel: 8, progressPercent: 0 } },
    { name: 'between levels', pix: [4, 4, 4, 2], expected: { pix: 14, level: 1, pixAheadForNextLevel: 6, pixToNextLevel: 2, progressPercent: 75 } },
    { name: 'capped at level 6 by default', pix: Array(15).fill(4), expected: { pix: 48, level: 6, pixAheadForNextLevel: 0, pixToNextLevel: 8, progressPercent: 0 } },
    { name: 'cap configurable (5)', pix: Array(13).fill(4), max: 5, expected: { pix: 40, level: 5, pixAheadForNextLevel: 0, pixToNextLevel: 8, progressPercent: 0 } },
    { name: 'cap 8 leaves 52 pix', pix: Array(13).fill(4), max: 8, expected: { pix: 52, level: 6, pixAheadForNextLevel: 4, pixToNextLevel: 4, progressPercent: 50 } },
  ];
  it.each(cases)('$name', ({ pix, max, expected }) => {
    const { isMaxLevel: _ignored, ...score } = competenceScore(kesWorth(...pix), 'c1', { maxReachableLevel: max });
    expect(score).toEqual(expected);
  });

  it('only counts the given competence', () => {
    const kes = [...kesWorth(4, 4), buildKnowledgeElement({ id: 'x', earnedPix: 4, competenceId: 'c2' })];
    expect(competenceScore(kes, 'c1').pix).toBe(8);
    expect(competenceScore(kes, 'c2').pix).toBe(4);
  });

  it('flags the maximum level', () => {
    expect(competenceScore(kesWorth(...Array(12).fill(4)), 'c1').isMaxLevel).toBe(true);
    expect(competenceScore(kesWorth(...Array(11).fill(4)), 'c1').isMaxLevel).toBe(false);
  });
});

describe('competenceScore and floating point', () => {
  it('three skills worth 8/3 each make exactly one level, in any order', () => {
    const third = 8 / 3;
    const kes = ['a', 'b', 'c'].map((skill) => ({
      id: skill, createdAt: '2026-01-01T00:00:00.000Z', source: 'direct' as const, status: 'validated' as const,
      earnedPix: third, answerId: skill, assessmentId: 'x', skillId: skill, userId: 'u', competenceId: 'c1',
    }));
    // 8/3 + 8/3 + 8/3 + 8/3 + 8/3 + 8/3 (two levels) summed naively is 15.999999999999998
    const six = [...kes, ...kes.map((ke) => ({ ...ke, id: `${ke.id}2`, skillId: `${ke.skillId}2` }))];
    expect(six.reduce((s, ke) => s + ke.earnedPix, 0)).toBeLessThan(16);
    expect(competenceScore(six, 'c1')).toMatchObject({ pix: 16, level: 2 });
    expect(competenceScore(kes, 'c1')).toMatchObject({ pix: 8, level: 1 });
  });
});
