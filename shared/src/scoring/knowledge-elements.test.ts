import { describe, expect, it } from 'vitest';
import { buildAnswer, buildIndex, buildKnowledgeElement, challengeIdOf, skillIdOf } from '../testing/builders';
import type { AnswerStatus, KnowledgeElement } from '../model/types';
import {
  createKnowledgeElements,
  currentKnowledgeElements,
  knowledgeElementsForAnswers,
  resetKnowledgeElements,
} from './knowledge-elements';

const index = buildIndex({ competences: [{ index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3, 4, 5] }, { name: '@mail', levels: [1, 2] }] }] });
const allSkills = new Set(index.pack.skills.map((s) => s.id));
const web = (level: number): string => skillIdOf('@web', level);

function summary(kes: KnowledgeElement[]): string[] {
  return kes.map((ke) => `${ke.skillId}:${ke.source}:${ke.status}`);
}

describe('currentKnowledgeElements', () => {
  const cases: { name: string; kes: KnowledgeElement[]; expected: string[] }[] = [
    {
      name: 'latest per skill wins',
      kes: [
        buildKnowledgeElement({ id: 'a', skillId: 's1', createdAt: '2025-01-02T00:00:00Z', status: 'invalidated' }),
        buildKnowledgeElement({ id: 'b', skillId: 's1', createdAt: '2025-01-01T00:00:00Z', status: 'validated' }),
      ],
      expected: ['a'],
    },
    {
      name: 'same date: greater id wins',
      kes: [
        buildKnowledgeElement({ id: 'b', skillId: 's1', createdAt: '2025-01-01T00:00:00Z' }),
        buildKnowledgeElement({ id: 'a', skillId: 's1', createdAt: '2025-01-01T00:00:00Z' }),
      ],
      expected: ['b'],
    },
    {
      name: 'reset dropped',
      kes: [
        buildKnowledgeElement({ id: 'a', skillId: 's1', createdAt: '2025-01-01T00:00:00Z' }),
        buildKnowledgeElement({ id: 'r', skillId: 's1', createdAt: '2025-01-09T00:00:00Z', status: 'reset' }),
        buildKnowledgeElement({ id: 'c', skillId: 's2', createdAt: '2025-01-01T00:00:00Z' }),
      ],
      expected: ['c'],
    },
    {
      name: 'validated again after a reset',
      kes: [
        buildKnowledgeElement({ id: 'r', skillId: 's1', createdAt: '2025-01-09T00:00:00Z', status: 'reset' }),
        buildKnowledgeElement({ id: 'n', skillId: 's1', createdAt: '2025-01-10T00:00:00Z' }),
      ],
      expected: ['n'],
    },
  ];
  it.each(cases)('$name', ({ kes, expected }) => {
    expect(currentKnowledgeElements(kes).map((ke) => ke.id)).toEqual(expected);
  });
});

describe('createKnowledgeElements (§2.1)', () => {
  const cases: { name: string; level: number; result: AnswerStatus; targets?: string[]; previous?: string[]; expected: string[] }[] = [
    { name: 'OK infers every strictly easier skill validated', level: 3, result: 'ok', expected: [`${web(3)}:direct:validated`, `${web(1)}:inferred:validated`, `${web(2)}:inferred:validated`] },
    { name: 'KO infers every strictly harder skill invalidated', level: 3, result: 'ko', expected: [`${web(3)}:direct:invalidated`, `${web(4)}:inferred:invalidated`, `${web(5)}:inferred:invalidated`] },
    { name: 'skipped (aband) invalidates', level: 4, result: 'aband', expected: [`${web(4)}:direct:invalidated`, `${web(5)}:inferred:invalidated`] },
    { name: 'timed out invalidates', level: 5, result: 'timedout', expected: [`${web(5)}:direct:invalidated`] },
    { name: 'OK on level 1 infers nothing', level: 1, result: 'ok', expected: [`${web(1)}:direct:validated`] },
    { name: 'already assessed skill: no KE at all', level: 3, result: 'ok', previous: [web(3)], expected: [] },
    { name: 'inference skips already assessed skills', level: 3, result: 'ok', previous: [web(1)], expected: [`${web(3)}:direct:validated`, `${web(2)}:inferred:validated`] },
    { name: 'not a target skill: no KE', level: 3, result: 'ok', targets: [web(1), web(2)], expected: [] },
    { name: 'inference only on target skills', level: 3, result: 'ko', targets: [web(3), web(4)], expected: [`${web(3)}:direct:invalidated`, `${web(4)}:inferred:invalidated`] },
  ];
  it.each(cases)('$name', ({ level, result, targets, previous, expected }) => {
    const answer = buildAnswer({ id: 'ans', challengeId: challengeIdOf('@web', level), result });
    const knowledgeElements = (previous ?? []).map((skillId, i) => buildKnowledgeElement({ id: `old-${i}`, skillId }));
    const kes = createKnowledgeElements({
      answer, challenge: index.challengesById.get(answer.challengeId)!, index,
      targetSkillIds: new Set(targets ?? allSkills), knowledgeElements,
    });
    expect(summary(kes).sort()).toEqual([...expected].sort());
  });

  it('fills ids, pix, dates and user deterministically', () => {
    const answer = buildAnswer({ id: 'ans-9', userId: 'u-7', assessmentId: 'as-3', createdAt: '2025-03-01T08:00:00.000Z', challengeId: challengeIdOf('@web', 2), result: 'ok' });
    const kes = createKnowledgeElements({ answer, challenge: index.challengesById.get(answer.challengeId)!, index, targetSkillIds: allSkills, knowledgeElements: [] });
    expect(kes).toEqual([
      { id: `ans-9:${web(2)}`, createdAt: answer.createdAt, source: 'direct', status: 'validated', earnedPix: 4, answerId: 'ans-9', assessmentId: 'as-3', skillId: web(2), userId: 'u-7', competenceId: 'competence-1-1' },
      { id: `ans-9:${web(1)}`, createdAt: answer.createdAt, source: 'inferred', status: 'validated', earnedPix: 4, answerId: 'ans-9', assessmentId: 'as-3', skillId: web(1), userId: 'u-7', competenceId: 'competence-1-1' },
    ]);
  });

  it('a reset skill can be assessed again', () => {
    const answer = buildAnswer({ challengeId: challengeIdOf('@web', 1), result: 'ok' });
    const knowledgeElements = [
      buildKnowledgeElement({ id: 'k', skillId: web(1), createdAt: '2025-01-01T00:00:00Z' }),
      buildKnowledgeElement({ id: 'r', skillId: web(1), createdAt: '2025-01-02T00:00:00Z', status: 'reset' }),
    ];
    const kes = createKnowledgeElements({ answer, challenge: index.challengesById.get(answer.challengeId)!, index, targetSkillIds: allSkills, knowledgeElements });
    expect(summary(kes)).toEqual([`${web(1)}:direct:validated`]);
  });
});

describe('knowledgeElementsForAnswers', () => {
  it('folds answers in createdAt then id order, a skill being assessed only once', () => {
    const answers = [
      buildAnswer({ id: 'b', challengeId: challengeIdOf('@web', 2), result: 'ok', createdAt: '2025-01-01T10:01:00Z' }),
      buildAnswer({ id: 'a', challengeId: challengeIdOf('@web', 3), result: 'ko', createdAt: '2025-01-01T10:01:00Z' }),
      buildAnswer({ id: 'c', challengeId: challengeIdOf('@web', 4), result: 'ok', createdAt: '2025-01-01T10:00:00Z' }),
      buildAnswer({ id: 'd', challengeId: 'unknown', result: 'ok', createdAt: '2025-01-01T10:02:00Z' }),
    ];
    const kes = knowledgeElementsForAnswers(index, allSkills, [], answers);
    // c (web4 ok → web1..3 validated) first; then a (web3 already assessed) and b (web2 already) create nothing
    expect(kes.map((ke) => ke.id)).toEqual([`c:${web(4)}`, `c:${web(1)}`, `c:${web(2)}`, `c:${web(3)}`]);
  });

  it('does not re-create KEs for skills assessed before', () => {
    const previous = [buildKnowledgeElement({ id: 'p', skillId: web(2), status: 'invalidated', earnedPix: 0 })];
    const kes = knowledgeElementsForAnswers(index, allSkills, previous, [buildAnswer({ id: 'x', challengeId: challengeIdOf('@web', 3), result: 'ok' })]);
    expect(kes.map((ke) => ke.skillId)).toEqual([web(3), web(1)]);
  });
});

describe('resetKnowledgeElements', () => {
  it('writes a reset KE for every current skill of the competence only', () => {
    const kes = [
      buildKnowledgeElement({ id: 'a', skillId: web(1), competenceId: 'competence-1-1' }),
      buildKnowledgeElement({ id: 'b', skillId: web(2), competenceId: 'competence-1-1', status: 'invalidated', earnedPix: 0 }),
      buildKnowledgeElement({ id: 'c', skillId: 'other', competenceId: 'competence-2-1' }),
    ];
    const resets = resetKnowledgeElements(kes, 'competence-1-1', '2025-02-01T00:00:00.000Z');
    expect(resets.map((ke) => [ke.id, ke.skillId, ke.status, ke.earnedPix, ke.createdAt])).toEqual([
      ['reset:a', web(1), 'reset', 0, '2025-02-01T00:00:00.000Z'],
      ['reset:b', web(2), 'reset', 0, '2025-02-01T00:00:00.000Z'],
    ]);
    expect(currentKnowledgeElements([...kes, ...resets]).map((ke) => ke.id)).toEqual(['c']);
  });
});
