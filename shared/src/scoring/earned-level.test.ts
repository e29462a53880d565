import { describe, expect, it } from 'vitest';
import { competenceIdOf } from '../model/referential';
import type { AnswerEvent, KnowledgeElement } from '../model/types';
import { buildAnswer, buildIndex, buildKnowledgeElement, challengeIdOf, skillIdOf } from '../testing/builders';
import { competencesWithCorrectAnswer, shownCompetenceScore } from './earned-level';
import { currentKnowledgeElements } from './knowledge-elements';
import { scorecards } from './scorecards';

// Two skills per level in 1.1 (4 pix each: 8 pix, one level, per difficulty), one tube in 1.2.
const index = buildIndex({
  competences: [
    { index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3] }, { name: '@doc', levels: [1, 2, 3] }] },
    { index: '1.2', tubes: [{ name: '@mail', levels: [1, 2] }] },
  ],
});
const C11 = competenceIdOf('1.1');
const C12 = competenceIdOf('1.2');
const at = (minute: number) => `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

/** A KE of 1.1 on `@<tube><level>`, worth 4 pix when validated. */
function ke(
  skill: string,
  status: KnowledgeElement['status'],
  source: KnowledgeElement['source'],
  answerId: string,
  minute = 1,
): KnowledgeElement {
  const [tube, level] = [skill.slice(0, -1), Number(skill.slice(-1))];
  const competenceId = index.skillsById.get(skillIdOf(tube, level))!.competenceId;
  return buildKnowledgeElement({
    id: `${answerId}:${skill}:${status}`, createdAt: at(minute), source, status, earnedPix: status === 'validated' ? 4 : 0,
    answerId, skillId: skillIdOf(tube, level), competenceId,
  });
}
const reset = (skill: string, minute: number) => ({ ...ke(skill, 'reset', 'direct', `reset-${skill}`, minute), earnedPix: 0 });
const answer = (id: string, challenge: string, result: AnswerEvent['result'], minute = 1) =>
  buildAnswer({ id, challengeId: challengeIdOf(challenge.slice(0, -1), Number(challenge.slice(-1))), result, createdAt: at(minute) });

/** Inferred validated KEs worth level 2 in 1.1 (16 pix), hung on answer `a-skip`. */
const inferredLevel2 = ['@web1', '@doc1', '@web2', '@doc2'].map((s) => ke(s, 'validated', 'inferred', 'a-skip'));

function shown(kes: KnowledgeElement[], answers: AnswerEvent[], competenceId = C11) {
  const current = currentKnowledgeElements(kes).filter((k) => k.competenceId === competenceId);
  const score = shownCompetenceScore(current, competenceId, competencesWithCorrectAnswer(index, kes, answers));
  return { level: score.level, pix: score.pix };
}

describe('no level without a correct answer', () => {
  const cases: { name: string; kes: KnowledgeElement[]; answers: AnswerEvent[]; competenceId?: string; expected: { level: number; pix: number } }[] = [
    { name: 'nothing answered', kes: [], answers: [], expected: { level: 0, pix: 0 } },
    { name: 'only skips, the engine inferred level 2', kes: inferredLevel2, answers: [answer('a-skip', '@web2', 'aband')], expected: { level: 0, pix: 0 } },
    { name: 'inferred KEs, no answer known here', kes: inferredLevel2, answers: [], expected: { level: 0, pix: 0 } },
    { name: 'wrong answers only (direct invalidated), inferred validated', kes: [...inferredLevel2, ke('@web3', 'invalidated', 'direct', 'a-ko')], answers: [answer('a-ko', '@web3', 'ko')], expected: { level: 0, pix: 0 } },
    {
      name: 'one correct answer (direct validated KE): the inferred KEs count too',
      kes: [...inferredLevel2, ke('@web3', 'validated', 'direct', 'a-ok')], answers: [answer('a-ok', '@web3', 'ok')], expected: { level: 2, pix: 20 },
    },
    {
      name: 'a direct validated KE from another context (its answer not known here)',
      kes: [...inferredLevel2, ke('@web3', 'validated', 'direct', 'campaign-answer')], answers: [], expected: { level: 2, pix: 20 },
    },
    {
      name: 'a direct validated KE whose answer is known and was a skip (engine error)',
      kes: [...inferredLevel2, ke('@web3', 'validated', 'direct', 'a-skip')], answers: [answer('a-skip', '@web3', 'aband')], expected: { level: 0, pix: 0 },
    },
    {
      name: 'a correct answer that wrote no direct KE (skill assessed elsewhere)',
      kes: inferredLevel2, answers: [answer('a-ok', '@web1', 'ok')], expected: { level: 2, pix: 16 },
    },
    {
      name: 'a correct answer in another competence does not count',
      kes: inferredLevel2, answers: [answer('a-ok', '@mail1', 'ok')], expected: { level: 0, pix: 0 },
    },
    {
      name: 'the other competence earns with it',
      kes: [ke('@mail1', 'validated', 'direct', 'a-ok'), ke('@mail2', 'validated', 'inferred', 'a-ok')], answers: [answer('a-ok', '@mail1', 'ok')],
      competenceId: C12, expected: { level: 1, pix: 8 },
    },
    {
      name: 'correct before a reset, only inferred since',
      kes: [ke('@web1', 'validated', 'direct', 'old', 1), reset('@web1', 2), ...inferredLevel2.map((k) => ({ ...k, createdAt: at(3) }))],
      answers: [answer('old', '@web1', 'ok', 1)], expected: { level: 0, pix: 0 },
    },
    {
      name: 'correct again after the reset',
      kes: [ke('@web1', 'validated', 'direct', 'old', 1), reset('@web1', 2), ke('@web1', 'validated', 'direct', 'new', 3), ke('@doc1', 'validated', 'inferred', 'new', 3)],
      answers: [answer('old', '@web1', 'ok', 1), answer('new', '@web1', 'ok', 3)], expected: { level: 1, pix: 8 },
    },
  ];
  it.each(cases)('$name → level $expected.level', ({ kes, answers, competenceId, expected }) => {
    expect(shown(kes, answers, competenceId)).toEqual(expected);
  });

  it('the scorecards apply it (dashboard, profile, results read them)', () => {
    const skipper = scorecards(index, inferredLevel2, { answers: [answer('a-skip', '@web2', 'aband')] }).find((c) => c.competenceId === C11)!;
    expect([skipper.level, skipper.pix, skipper.pixToNextLevel, skipper.status]).toEqual([0, 0, 8, 'STARTED']);
    const kes = [...inferredLevel2, ke('@web3', 'validated', 'direct', 'a-ok')];
    const earned = scorecards(index, kes, { answers: [answer('a-ok', '@web3', 'ok')] }).find((c) => c.competenceId === C11)!;
    expect([earned.level, earned.pix]).toEqual([2, 20]);
    // the node, without the answers, reads the direct KE
    expect(scorecards(index, kes).find((c) => c.competenceId === C11)!.level).toBe(2);
  });
});
