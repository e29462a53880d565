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

  describe('second chance (a skill asked twice)', () => {
    const strong: [string, number, boolean, number?][] = [['@mail', 4, true], ['@web', 2, false], ['@mail', 5, true], ['@web', 4, true], ['@mail', 6, true]];
    const kesAfter = (second: boolean) => bayesKnowledgeElements(index, context, answers([...strong, ['@web', 2, second, 1]]));

    it('two answers that agree keep the first answer\'s direct KE', () => {
      const web2 = kesAfter(false).filter((ke) => ke.skillId === skillIdOf('@web', 2));
      expect(web2).toEqual([expect.objectContaining({ id: `answer-1:${skillIdOf('@web', 2)}`, source: 'direct', status: 'invalidated' })]);
    });

    it('two answers that disagree give a direct KE with the ability estimate\'s status, on the second answer', () => {
      const web2 = kesAfter(true).filter((ke) => ke.skillId === skillIdOf('@web', 2));
      expect(web2).toEqual([expect.objectContaining({ id: `answer-5:${skillIdOf('@web', 2)}`, source: 'direct', status: 'validated', earnedPix: index.skillsById.get(skillIdOf('@web', 2))?.pixValue })]);
    });

    it('a contested skill of a weak learner is invalidated', () => {
      const weak = answers([['@mail', 2, false], ['@web', 4, true], ['@mail', 3, false], ['@web', 3, false], ['@web', 4, false, 1]]);
      const web4 = bayesKnowledgeElements(index, context, weak).filter((ke) => ke.skillId === skillIdOf('@web', 4));
      expect(web4).toEqual([expect.objectContaining({ id: `answer-4:${skillIdOf('@web', 4)}`, source: 'direct', status: 'invalidated', earnedPix: 0 })]);
    });
  });

  it('infers nothing without answers', () => {
    expect(bayesKnowledgeElements(index, context, [])).toEqual([]);
  });
});
