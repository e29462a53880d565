import { describe, expect, it } from 'vitest';
import { competenceIdOf } from '../model/referential';
import type { AnswerEvent, KnowledgeElement } from '../model/types';
import { buildAnswer, buildIndex, buildKnowledgeElement, challengeIdOf, skillIdOf } from '../testing/builders';
import { levelUpAfterAnswer, shownLevel, type KnowledgeSnapshot } from './level-up';
import { scorecards } from './scorecards';

// 4 pix per skill: two skills make a level in 1.1 and in 1.2.
const index = buildIndex({
  competences: [
    { index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3, 4] }, { name: '@doc', levels: [1, 2, 3, 4] }] },
    { index: '1.2', tubes: [{ name: '@mail', levels: [1, 2] }, { name: '@agenda', levels: [1, 2] }] },
  ],
});
const C11 = competenceIdOf('1.1');
const C12 = competenceIdOf('1.2');
const at = (minute: number) => `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

const skillOf = (skill: string) => index.skillsById.get(skillIdOf(skill.slice(0, -1), Number(skill.slice(-1))))!;
function ke(skill: string, status: 'validated' | 'invalidated', source: KnowledgeElement['source'], answerId: string, minute: number): KnowledgeElement {
  const { id: skillId, competenceId } = skillOf(skill);
  return buildKnowledgeElement({ id: `${answerId}:${skillId}`, createdAt: at(minute), source, status, earnedPix: status === 'validated' ? 4 : 0, answerId, skillId, competenceId });
}
const validatedInferred = (skills: string[], answerId: string, minute: number) => skills.map((s) => ke(s, 'validated', 'inferred', answerId, minute));
const answer = (id: string, challenge: string, result: AnswerEvent['result'], minute: number) =>
  buildAnswer({ id, challengeId: challengeIdOf(challenge.slice(0, -1), Number(challenge.slice(-1))), result, createdAt: at(minute) });

interface Case {
  name: string;
  before: KnowledgeSnapshot;
  answer: AnswerEvent;
  /** the KEs the engine wrote for the answer */
  written: KnowledgeElement[];
  expected: { competenceId: string; level: number } | null;
}

const empty: KnowledgeSnapshot = { knowledgeElements: [], answers: [] };
const skip1 = answer('skip-1', '@web2', 'aband', 1);
/** a skipper's record after one skip, on which the engine inferred level 1 of 1.1 */
const afterOneSkip: KnowledgeSnapshot = { knowledgeElements: [ke('@web2', 'invalidated', 'direct', 'skip-1', 1), ...validatedInferred(['@web1', '@doc1'], 'skip-1', 1)], answers: [skip1] };
/** a record with level 1 of 1.1 earned by a correct answer */
const earnedLevel1: KnowledgeSnapshot = { knowledgeElements: [ke('@web1', 'validated', 'direct', 'ok-1', 1), ke('@doc1', 'validated', 'inferred', 'ok-1', 1)], answers: [answer('ok-1', '@web1', 'ok', 1)] };

const cases: Case[] = [
  { name: 'a skip after which the engine infers level 1', before: empty, answer: skip1, written: afterOneSkip.knowledgeElements, expected: null },
  {
    name: 'a second skip, the engine infers level 2',
    before: afterOneSkip, answer: answer('skip-2', '@doc3', 'aband', 2),
    written: [ke('@doc3', 'invalidated', 'direct', 'skip-2', 2), ...validatedInferred(['@web2', '@doc2'], 'skip-2', 2)], expected: null,
  },
  {
    name: 'a wrong answer, the engine infers level 1',
    before: empty, answer: answer('ko-1', '@web3', 'ko', 1), written: [ke('@web3', 'invalidated', 'direct', 'ko-1', 1), ...validatedInferred(['@web1', '@doc1'], 'ko-1', 1)], expected: null,
  },
  {
    name: 'a correct answer reaching level 1',
    before: empty, answer: answer('ok-1', '@web1', 'ok', 1), written: earnedLevel1.knowledgeElements, expected: { competenceId: C11, level: 1 },
  },
  {
    name: 'a correct answer: the level announced is the one reached (3), not one more',
    before: empty, answer: answer('ok-1', '@web3', 'ok', 1),
    written: [ke('@web3', 'validated', 'direct', 'ok-1', 1), ...validatedInferred(['@web1', '@web2', '@doc1', '@doc2', '@doc3'], 'ok-1', 1)],
    expected: { competenceId: C11, level: 3 },
  },
  {
    name: 'a correct answer after skips: the inferred level shows from now on',
    before: afterOneSkip, answer: answer('ok-2', '@doc2', 'ok', 2), written: [ke('@doc2', 'validated', 'direct', 'ok-2', 2)], expected: { competenceId: C11, level: 1 },
  },
  {
    name: 'a correct answer that keeps the level',
    before: earnedLevel1, answer: answer('ok-2', '@web2', 'ok', 2), written: [ke('@web2', 'validated', 'direct', 'ok-2', 2)], expected: null,
  },
  {
    name: 'a correct answer after which the engine lowers the level',
    before: earnedLevel1, answer: answer('ok-2', '@web2', 'ok', 2), written: [ke('@web2', 'validated', 'direct', 'ok-2', 2), { ...ke('@doc1', 'invalidated', 'inferred', 'ok-2', 2) }], expected: null,
  },
  {
    name: 'a correct answer in 1.2 announces 1.2 only, though 1.1 rose with it',
    before: earnedLevel1, answer: answer('ok-2', '@mail1', 'ok', 2),
    written: [ke('@mail1', 'validated', 'direct', 'ok-2', 2), ke('@agenda1', 'validated', 'inferred', 'ok-2', 2), ...validatedInferred(['@web2', '@doc2'], 'ok-2', 2)],
    expected: { competenceId: C12, level: 1 },
  },
  {
    name: 'a correct answer in 1.2 that leaves 1.2 at 0 announces nothing, though 1.1 rose',
    before: earnedLevel1, answer: answer('ok-2', '@mail1', 'ok', 2),
    written: [ke('@mail1', 'validated', 'direct', 'ok-2', 2), ...validatedInferred(['@web2', '@doc2'], 'ok-2', 2)], expected: null,
  },
  {
    name: 'a correct answer whose engine wrote no direct KE still counts as one',
    before: afterOneSkip, answer: answer('ok-2', '@web1', 'ok', 2), written: [], expected: { competenceId: C11, level: 1 },
  },
  { name: 'an answer on a challenge no longer in the pack', before: empty, answer: buildAnswer({ id: 'x', challengeId: 'gone', result: 'ok' }), written: earnedLevel1.knowledgeElements, expected: null },
];

describe('level-up after an answer', () => {
  it.each(cases)('$name', ({ before, answer: submitted, written, expected }) => {
    const after: KnowledgeSnapshot = { knowledgeElements: [...before.knowledgeElements, ...written], answers: [...before.answers, submitted] };
    expect(levelUpAfterAnswer(index, { answer: submitted, before, after })).toEqual(expected);
    // the record may not list the answer yet when its KEs are read: same announcement
    expect(levelUpAfterAnswer(index, { answer: submitted, before, after: { ...after, answers: before.answers } })).toEqual(expected);
  });

  it('the level shown is the scorecards level', () => {
    for (const { before, answer: submitted, written } of cases) {
      const after: KnowledgeSnapshot = { knowledgeElements: [...before.knowledgeElements, ...written], answers: [...before.answers, submitted] };
      for (const card of scorecards(index, after.knowledgeElements, { answers: after.answers })) {
        expect(shownLevel(index, after, card.competenceId)).toBe(card.level);
      }
    }
  });

  it('caps the announced level at the reachable level', () => {
    const submitted = answer('ok-1', '@web4', 'ok', 1);
    const written = [ke('@web4', 'validated', 'direct', 'ok-1', 1), ...validatedInferred(['@web1', '@web2', '@web3', '@doc1', '@doc2', '@doc3', '@doc4'], 'ok-1', 1)];
    const after = { knowledgeElements: written, answers: [submitted] };
    expect(levelUpAfterAnswer(index, { answer: submitted, before: empty, after, maxReachableLevel: 2 })).toEqual({ competenceId: C11, level: 2 });
  });
});
