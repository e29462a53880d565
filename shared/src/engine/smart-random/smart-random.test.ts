import { describe, expect, it } from 'vitest';
import type { PackIndex } from '../../model/pack-index';
import type { AnswerEvent, Challenge } from '../../model/types';
import { buildAnswer, buildIndex, buildKnowledgeElement, challengeIdOf, skillIdOf } from '../../testing/builders';
import type { EngineContext } from '../types';
import { nextSmartRandomChallenge } from './smart-random';

const index = buildIndex({
  competences: [{ index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3] }, { name: '@mail', levels: [1, 2, 3, 4, 5] }, { name: '@data', levels: [2, 4, 6] }] }],
});
const targetSkillIds = index.pack.skills.map((s) => s.id);

function contextOf(overrides: Partial<EngineContext> = {}): EngineContext {
  return { assessmentId: 'assessment-1', userId: 'user-1', targetSkillIds, previousKnowledgeElements: [], locale: 'fr-fr', ...overrides };
}

function answer(challengeId: string, n: number, overrides: Partial<AnswerEvent> = {}): AnswerEvent {
  const createdAt = new Date(Date.UTC(2025, 0, 1, 10, n)).toISOString();
  return buildAnswer({ id: `answer-${n}`, challengeId, createdAt, ...overrides });
}

const skillOf = (challenge: Challenge): string => index.skillsById.get(challenge.skillId)?.name ?? '?';

/** Plays a whole assessment; `succeeds` decides each answer. */
function play(idx: PackIndex, context: EngineContext, succeeds: (c: Challenge) => boolean): { asked: Challenge[]; answers: AnswerEvent[] } {
  const asked: Challenge[] = [];
  const answers: AnswerEvent[] = [];
  for (let n = 0; n < 100; n++) {
    const step = nextSmartRandomChallenge(idx, context, answers);
    if (step.done) break;
    asked.push(step.challenge);
    answers.push(answer(step.challenge.id, n, { result: succeeds(step.challenge) ? 'ok' : 'ko' }));
  }
  return { asked, answers };
}

describe('smart random: first question', () => {
  it('asks a level-2 skill of an easy tube and reports level 2', () => {
    const step = nextSmartRandomChallenge(index, contextOf(), []);
    expect(step.done).toBe(false);
    if (step.done) return;
    expect(skillOf(step.challenge)).toBe('@web2');
    expect(step).toMatchObject({ estimatedLevel: 2, answeredCount: 0, isCheckpointNext: false });
  });

  it('reuses knowledge: a skill assessed elsewhere is not asked', () => {
    const previous = [buildKnowledgeElement({ skillId: skillIdOf('@web', 2), assessmentId: 'other-campaign' })];
    const step = nextSmartRandomChallenge(index, contextOf({ previousKnowledgeElements: previous }), []);
    // @web2 known → the easy tube offers @web1 and @web3, no level 2 left → lowest group.
    expect(!step.done && skillOf(step.challenge)).toBe('@web1');
  });

  it('a reset KE makes the skill askable again', () => {
    const previous = [
      buildKnowledgeElement({ id: 'ke-1', skillId: skillIdOf('@web', 2), createdAt: '2025-01-01T00:00:00.000Z' }),
      buildKnowledgeElement({ id: 'ke-2', skillId: skillIdOf('@web', 2), status: 'reset', createdAt: '2025-01-09T00:00:00.000Z' }),
    ];
    const step = nextSmartRandomChallenge(index, contextOf({ previousKnowledgeElements: previous }), []);
    expect(!step.done && skillOf(step.challenge)).toBe('@web2');
  });

  it('ends at once when every target skill is already known', () => {
    const previous = targetSkillIds.map((skillId, i) => buildKnowledgeElement({ id: `ke-${i}`, skillId }));
    expect(nextSmartRandomChallenge(index, contextOf({ previousKnowledgeElements: previous }), [])).toEqual({ done: true, answeredCount: 0 });
  });

  it('ends at once when no challenge exists in the locale', () => {
    expect(nextSmartRandomChallenge(index, contextOf({ locale: 'nl' }), []).done).toBe(true);
  });
});

describe('smart random: next questions', () => {
  it.each([
    // success on @web2 ⇒ @web1 inferred, θ = 4.5 (see estimate-level tests); easy tube first ⇒ @web3
    { result: 'ok' as const, level: 4.5, next: '@web3' },
    // failure on @web2 ⇒ @web3 inferred invalidated, θ = 1 ⇒ @web1
    { result: 'ko' as const, level: 1, next: '@web1' },
    // "Je passe" counts as a failure
    { result: 'aband' as const, level: 1, next: '@web1' },
  ])('after $result on @web2: θ = $level, next $next', ({ result, level, next }) => {
    const step = nextSmartRandomChallenge(index, contextOf(), [answer(challengeIdOf('@web', 2), 0, { result })]);
    expect(step.done).toBe(false);
    if (step.done) return;
    expect(step.estimatedLevel).toBe(level);
    expect(skillOf(step.challenge)).toBe(next);
    expect(step.answeredCount).toBe(1);
  });

  it('never asks a skill more than 2 levels above θ', () => {
    for (const rule of [() => false, () => true, (c: Challenge) => c.difficulty < 0]) {
      const answers: AnswerEvent[] = [];
      for (let n = 0; n < 30; n++) {
        const step = nextSmartRandomChallenge(index, contextOf(), answers);
        if (step.done) break;
        expect((index.skillsById.get(step.challenge.skillId)?.level ?? 0) - step.estimatedLevel).toBeLessThanOrEqual(2);
        answers.push(answer(step.challenge.id, n, { result: rule(step.challenge) ? 'ok' : 'ko' }));
      }
    }
  });

  it('a learner failing everything stops early: hard skills are filtered out, not asked', () => {
    const { asked } = play(index, contextOf(), () => false);
    const levels = asked.map((c) => index.skillsById.get(c.skillId)?.level ?? 0);
    expect(Math.max(...levels)).toBeLessThanOrEqual(2);
    expect(asked.length).toBeLessThan(targetSkillIds.length);
  });

  it('a learner succeeding everything settles every skill and then stops', () => {
    const { asked, answers } = play(index, contextOf(), () => true);
    expect(asked.length).toBeGreaterThan(0);
    expect(nextSmartRandomChallenge(index, contextOf(), answers)).toEqual({ done: true, answeredCount: answers.length });
    // every tube's hardest skill was asked directly (nothing harder can infer it)
    expect(asked.map(skillOf)).toEqual(expect.arrayContaining(['@web3', '@mail5', '@data6']));
  });

  it('never asks the same challenge twice', () => {
    for (const id of ['a', 'b', 'c', 'd']) {
      const { asked } = play(index, contextOf({ assessmentId: id }), (c) => c.id.endsWith('a'));
      expect(new Set(asked.map((c) => c.id)).size).toBe(asked.length);
    }
  });

  it('flags the checkpoint after every 5th answer', () => {
    const { answers } = play(index, contextOf(), (c) => c.difficulty < 1);
    expect(answers.length).toBeGreaterThanOrEqual(5);
    const flags = [0, 1, 2, 3, 4].map((n) => {
      const step = nextSmartRandomChallenge(index, contextOf(), answers.slice(0, n));
      return !step.done && step.isCheckpointNext;
    });
    expect(flags).toEqual([false, false, false, false, true]);
  });
});

describe('smart random: timed challenges', () => {
  const timedIndex = buildIndex({
    competences: [{ tubes: [{ name: '@chrono', levels: [1, 2, 3], challenge: { timer: 60 } }, { name: '@web', levels: [1] }] }],
  });
  const ctx = (assessmentId: string): EngineContext => contextOf({ assessmentId, targetSkillIds: timedIndex.pack.skills.map((s) => s.id) });

  it('the first question is never timed when an untimed one exists', () => {
    for (let i = 0; i < 20; i++) {
      const step = nextSmartRandomChallenge(timedIndex, ctx(`id-${i}`), []);
      expect(!step.done && step.challenge.timer).toBeUndefined();
    }
  });

  it('after a timed answer the next question is untimed when possible', () => {
    const pickedAfter = (timeout: number | null) => new Set(Array.from({ length: 40 }, (_, i) => {
      const step = nextSmartRandomChallenge(timedIndex, ctx(`id-${i}`), [answer(challengeIdOf('@chrono', 2), 0, { timeout })]);
      return step.done ? 'done' : step.challenge.skillId;
    }));
    expect([...pickedAfter(12)]).toEqual([skillIdOf('@web', 1)]);
    // Without the timed answer @chrono3 ties with @web1 and some assessments get it.
    expect(pickedAfter(null).has(skillIdOf('@chrono', 3))).toBe(true);
  });
});

describe('smart random: determinism and resume', () => {
  it('same inputs give the same step', () => {
    const answers = [answer(challengeIdOf('@web', 2), 0), answer(challengeIdOf('@web', 3), 1, { result: 'ko' })];
    expect(nextSmartRandomChallenge(index, contextOf(), answers)).toEqual(nextSmartRandomChallenge(index, contextOf(), [...answers]));
  });

  it('different assessment ids spread the first question over the equivalent skills', () => {
    const spread = buildIndex({ competences: [{ tubes: ['@a', '@b', '@c', '@d'].map((name) => ({ name, levels: [1, 2, 3] })) }] });
    const ids = spread.pack.skills.map((s) => s.id);
    const firsts = new Set(Array.from({ length: 80 }, (_, i) => {
      const step = nextSmartRandomChallenge(spread, contextOf({ assessmentId: `assessment-${i * 37}`, targetSkillIds: ids }), []);
      return step.done ? 'done' : step.challenge.skillId;
    }));
    expect(firsts).toEqual(new Set([skillIdOf('@a', 2), skillIdOf('@b', 2), skillIdOf('@c', 2), skillIdOf('@d', 2)]));
  });

  it('resumes on another device: shuffled and duplicated answers give the same next challenge', () => {
    const { answers } = play(index, contextOf({ assessmentId: 'resume' }), (c) => c.difficulty < 0.5);
    const partial = answers.slice(0, 6);
    const expected = nextSmartRandomChallenge(index, contextOf({ assessmentId: 'resume' }), partial);
    const shuffled = [partial[3], partial[0], partial[5], partial[1], partial[4], partial[2]];
    const duplicate = { ...partial[2], id: 'answer-from-laptop', createdAt: '2025-01-02T00:00:00.000Z', result: 'ok' as const };
    expect(nextSmartRandomChallenge(index, contextOf({ assessmentId: 'resume' }), [...shuffled, duplicate])).toEqual(expected);
  });

  it('ignores answers to challenges missing from the pack', () => {
    const answers = [answer(challengeIdOf('@web', 2), 0)];
    const withUnknown = [...answers, answer('ch-removed', 1, { result: 'ko' })];
    const a = nextSmartRandomChallenge(index, contextOf(), answers);
    const b = nextSmartRandomChallenge(index, contextOf(), withUnknown);
    expect(!a.done && !b.done && b.challenge.id === a.challenge.id).toBe(true);
  });
});
