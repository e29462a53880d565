import { describe, expect, it } from 'vitest';
import { buildChallenge, buildPack } from '../testing/builders';
import { computePixValues } from './pix-values';
import { indexPack } from './pack-index';
import type { Skill } from './types';

function skill(id: string, level: number, overrides: Partial<Skill> = {}): Skill {
  return {
    id, name: `@t${id}${level}`, level, tubeId: `tube-${id}`, competenceId: 'c1', pixValue: 99, status: 'actif',
    tutorialIds: [], learningMoreTutorialIds: [], hint: '', ...overrides,
  };
}

describe('computePixValues (§1.2: 8 / count of skills of same competence and level, cap 4)', () => {
  const cases: { name: string; skills: Skill[]; statuses: Record<string, ('validé' | 'archivé' | 'périmé')[]>; expected: Record<string, number> }[] = [
    { name: 'one skill alone is capped at 4', skills: [skill('a', 1)], statuses: { a: ['validé'] }, expected: { a: 4 } },
    { name: 'two skills share 8', skills: [skill('a', 2), skill('b', 2)], statuses: { a: ['validé'], b: ['validé'] }, expected: { a: 4, b: 4 } },
    { name: 'three skills share 8', skills: [skill('a', 2), skill('b', 2), skill('c', 2)], statuses: { a: ['validé'], b: ['validé'], c: ['validé'] }, expected: { a: 8 / 3, b: 8 / 3, c: 8 / 3 } },
    { name: 'four skills: 2 each', skills: ['a', 'b', 'c', 'd'].map((id) => skill(id, 3)), statuses: { a: ['validé'], b: ['validé'], c: ['archivé'], d: ['validé'] }, expected: { a: 2, b: 2, c: 2, d: 2 } },
    { name: 'skill without challenge excluded and worth 0', skills: [skill('a', 2), skill('b', 2), skill('c', 2)], statuses: { a: ['validé'], b: ['validé'] }, expected: { a: 4, b: 4, c: 0 } },
    { name: 'skill with only périmé challenges excluded', skills: [skill('a', 2), skill('b', 2), skill('c', 2)], statuses: { a: ['validé'], b: ['validé'], c: ['périmé'] }, expected: { a: 4, b: 4, c: 0 } },
    { name: 'archived skill excluded', skills: [skill('a', 2), skill('b', 2, { status: 'archivé' })], statuses: { a: ['validé'], b: ['validé'] }, expected: { a: 4, b: 0 } },
    { name: 'levels counted separately', skills: [skill('a', 1), skill('b', 2), skill('c', 2)], statuses: { a: ['validé'], b: ['validé'], c: ['validé'] }, expected: { a: 4, b: 4, c: 4 } },
    { name: 'competences counted separately', skills: [skill('a', 1), skill('b', 1, { competenceId: 'c2' }), skill('c', 1, { competenceId: 'c2' })], statuses: { a: ['validé'], b: ['validé'], c: ['validé'] }, expected: { a: 4, b: 4, c: 4 } },
  ];
  it.each(cases)('$name', ({ skills, statuses, expected }) => {
    const challenges = Object.entries(statuses).flatMap(([id, list]) =>
      list.map((status, i) => buildChallenge({ id: `ch-${id}-${i}`, skillId: id, status })),
    );
    const values = computePixValues(skills, challenges);
    expect(Object.fromEntries(values)).toEqual(expected);
  });

  it('gives 8 pix per level and competence when a level has several skills', () => {
    const pack = buildPack({ competences: [{ tubes: [{ name: '@a', levels: [1, 2] }, { name: '@b', levels: [2] }, { name: '@c', levels: [2] }] }] });
    const level2 = pack.skills.filter((s) => s.level === 2);
    expect(level2.reduce((sum, s) => sum + s.pixValue, 0)).toBeCloseTo(8);
  });
});

describe('indexPack', () => {
  it('indexes tubes, skills sorted by level, challenges and names', () => {
    const pack = buildPack({ competences: [{ index: '2.1', tubes: [{ name: '@mail', levels: [3, 1, 2] }] }] });
    const index = indexPack(pack);
    expect(index.skillsByTubeId.get('tube-mail')?.map((s) => s.level)).toEqual([1, 2, 3]);
    expect(index.skillsByName.get('@mail2')?.id).toBe('skill-mail2');
    expect(index.challengesBySkillId.get('skill-mail1')?.map((c) => c.id)).toEqual(['ch-mail1-a', 'ch-mail1-b']);
    expect(index.tubesByCompetenceId.get('competence-2-1')?.map((t) => t.id)).toEqual(['tube-mail']);
    expect(index.skillsByCompetenceId.get('competence-2-1')).toHaveLength(3);
    expect(index.competencesById.size).toBe(16);
    expect(index.areasById.get('area-2')?.title).toBe('Communication et collaboration');
  });
});
