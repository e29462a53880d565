import { describe, expect, it } from 'vitest';
import { knowledgeElementsForAnswers } from '../../scoring/knowledge-elements';
import type { AnswerEvent } from '../../model/types';
import { buildAnswer, buildIndex, buildKnowledgeElement, challengeIdOf, skillIdOf } from '../../testing/builders';
import type { EngineContext } from '../types';
import { bayesKnowledgeElements } from './bayes-knowledge-elements';

const index = buildIndex({ competences: [{ index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3, 4, 5, 6] }, { name: '@mail', levels: [1, 2, 3, 4, 5, 6] }] }] });
const targetSkillIds = index.pack.skills.map((s) => s.id);
const context: EngineContext = { assessmentId: 'assessment-1', userId: 'user-1', targetSkillIds, previousKnowledgeElements: [] };

/** [tube, level, ok, challenge variant (default 0)] */
function answers(results: [string, number, boolean, number?][]): AnswerEvent[] {
  return results.map(([tube, level, ok, variant], n) => buildAnswer({
    id: `answer-${n}`, challengeId: challengeIdOf(tube, level, variant), result: ok ? 'ok' : 'ko', createdAt: new Date(Date.UTC(2025, 0, 1, 10, n)).toISOString(),
  }));
}

describe('bayesKnowledgeElements', () => {
  // Only @web is asked: its tube KEs follow §2.1, @mail is left to the ability posterior.
  const played = answers([['@web', 3, true], ['@web', 5, false], ['@web', 4, true]]);
  const kes = bayesKnowledgeElements(index, context, played);
  const bySkill = new Map(kes.map((ke) => [ke.skillId, ke]));

  it('writes one direct KE per answered skill, validated iff the answer is OK, with the answer id', () => {
    const direct = kes.filter((ke) => ke.source === 'direct');
    expect(direct.map((ke) => [ke.id, ke.status])).toEqual([
      [`answer-0:${skillIdOf('@web', 3)}`, 'validated'],
      [`answer-1:${skillIdOf('@web', 5)}`, 'invalidated'],
      [`answer-2:${skillIdOf('@web', 4)}`, 'validated'],
    ]);
  });

  it('does not invalidate a whole tube after one slip when the other answers say the learner is above it', () => {
    const slip = answers([['@mail', 4, true], ['@web', 2, false], ['@mail', 5, true], ['@web', 4, true], ['@mail', 3, true]]);
    const after = new Map(bayesKnowledgeElements(index, context, slip).map((ke) => [ke.skillId, ke]));
    expect(after.get(skillIdOf('@web', 2))).toMatchObject({ source: 'direct', status: 'invalidated' });
    expect(after.get(skillIdOf('@web', 3))).toMatchObject({ source: 'inferred', status: 'validated' });
    expect(after.get(skillIdOf('@web', 4))).toMatchObject({ source: 'direct', status: 'validated' });
    // §2.1 alone invalidates @web3…6 from the failure on @web2.
    const smartRandom = knowledgeElementsForAnswers(index, new Set(targetSkillIds), [], slip);
    expect(smartRandom.find((ke) => ke.skillId === skillIdOf('@web', 3))).toMatchObject({ source: 'inferred', status: 'invalidated' });
  });

  it.each([
    { skill: skillIdOf('@web', 3), source: 'direct', status: 'validated' },
    { skill: skillIdOf('@web', 5), source: 'direct', status: 'invalidated' },
    { skill: skillIdOf('@web', 1), source: 'inferred', status: 'validated' },
    { skill: skillIdOf('@web', 6), source: 'inferred', status: 'invalidated' },
    { skill: skillIdOf('@mail', 1), source: 'inferred', status: 'validated' },
    { skill: skillIdOf('@mail', 6), source: 'inferred', status: 'invalidated' },
  ])('$skill is $source $status', ({ skill, source, status }) => {
    expect(bySkill.get(skill)).toMatchObject({ source, status });
  });

  it('model-inferred KEs are `inferred`, carry the last answer and their pix', () => {
    const modelInferred = kes.filter((ke) => ke.skillId.startsWith('skill-mail'));
    expect(modelInferred.length).toBeGreaterThan(1);
    for (const ke of modelInferred) {
      expect(ke).toMatchObject({ id: `answer-2:${ke.skillId}`, answerId: 'answer-2', source: 'inferred' });
      expect(ke.earnedPix).toBe(ke.status === 'validated' ? index.skillsById.get(ke.skillId)?.pixValue : 0);
    }
  });

  it('gives one KE per skill at most', () => {
    expect(new Set(kes.map((ke) => ke.skillId)).size).toBe(kes.length);
  });

  it('keeps previous KEs and never overrides them', () => {
    const previous = [buildKnowledgeElement({ id: 'old', skillId: skillIdOf('@mail', 1), status: 'invalidated', earnedPix: 0, assessmentId: 'other' })];
    const withHistory = bayesKnowledgeElements(index, { ...context, previousKnowledgeElements: previous }, played);
    expect(withHistory.filter((ke) => ke.skillId === skillIdOf('@mail', 1))).toEqual(previous);
  });

  describe('tubes are separate ladders', () => {
    // @web mastered up to 5, @mail only up to 1: each tube's untested skills follow its own answers.
    const split = bayesKnowledgeElements(index, context, answers([['@web', 3, true], ['@web', 5, true], ['@mail', 3, false], ['@mail', 2, false], ['@mail', 1, true]]));
    const status = (tube: string, level: number) => split.find((ke) => ke.skillId === skillIdOf(tube, level))?.status;

    it('infers the skills below a success of a tube validated, above its failures invalidated', () => {
      expect([status('@web', 1), status('@web', 2), status('@web', 4)]).toEqual(['validated', 'validated', 'validated']);
      expect([status('@mail', 4), status('@mail', 5), status('@mail', 6)]).toEqual(['invalidated', 'invalidated', 'invalidated']);
    });

    it('a second answer on a skill keeps the first answer\'s direct KE', () => {
      const twice = bayesKnowledgeElements(index, context, answers([['@web', 2, false], ['@web', 2, true, 1]]));
      expect(twice.filter((ke) => ke.skillId === skillIdOf('@web', 2))).toEqual([expect.objectContaining({ id: `answer-0:${skillIdOf('@web', 2)}`, source: 'direct', status: 'invalidated' })]);
    });
  });

  describe('no level without a success', () => {
    it.each([1, 2, 3, 5])('a learner who fails (or skips) %i questions gets no validated KE at all', (count) => {
      const failed = answers(Array.from({ length: count }, (_, n) => [n % 2 === 0 ? '@web' : '@mail', 1 + Math.floor(n / 2), false] as [string, number, boolean]));
      const kes = bayesKnowledgeElements(index, context, failed);
      expect(kes.length).toBe(targetSkillIds.length);
      expect(kes.filter((ke) => ke.status === 'validated')).toEqual([]);
    });
  });

  it('infers nothing without answers', () => {
    expect(bayesKnowledgeElements(index, context, [])).toEqual([]);
  });
});
