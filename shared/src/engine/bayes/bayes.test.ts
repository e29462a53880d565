import { describe, expect, it } from 'vitest';
import type { PackIndex } from '../../model/pack-index';
import type { AnswerEvent, Challenge } from '../../model/types';
import { buildAnswer, buildIndex, buildKnowledgeElement, skillIdOf } from '../../testing/builders';
import { nextChallenge } from '../next-challenge';
import type { EngineContext } from '../types';
import { competenceScore } from '../../scoring/competence-score';
import { currentKnowledgeElements } from '../../scoring/knowledge-elements';
import { nextBayesChallenge } from './bayes';
import { bayesKnowledgeElements } from './bayes-knowledge-elements';

const index = buildIndex({
  competences: [{ index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3, 4, 5] }, { name: '@mail', levels: [1, 2, 3, 4] }, { name: '@data', levels: [2, 4, 6] }] }],
});
const timedIndex = buildIndex({
  competences: [{ index: '1.1', tubes: [{ name: '@chrono', levels: [1, 2, 3, 4], challenge: { timer: 60 } }, { name: '@web', levels: [1, 2, 3, 4] }] }],
});
const targetsOf = (idx: PackIndex) => idx.pack.skills.map((s) => s.id);

function contextOf(idx: PackIndex, overrides: Partial<EngineContext> = {}): EngineContext {
  return { assessmentId: 'assessment-1', userId: 'user-1', targetSkillIds: targetsOf(idx), previousKnowledgeElements: [], method: 'BAYES', ...overrides };
}

function answer(challenge: Challenge, n: number, ok: boolean): AnswerEvent {
  return buildAnswer({
    id: `answer-${String(n).padStart(3, '0')}`, challengeId: challenge.id, result: ok ? 'ok' : 'ko',
    timeout: challenge.timer === undefined ? null : 10, createdAt: new Date(Date.UTC(2025, 0, 1, 10, n)).toISOString(),
  });
}

/**
 * Plays a whole assessment: the learner masters exactly the skills of level ≤ `masteredLevel`, except
 * that the first answer on each skill of `slipsOn` goes the other way.
 */
function play(idx: PackIndex, context: EngineContext, masteredLevel: number, slipsOn: ReadonlySet<string> = new Set(), overrides = {}) {
  const asked: Challenge[] = [];
  const answers: AnswerEvent[] = [];
  const steps = [];
  for (let n = 0; n < 60; n++) {
    const step = nextBayesChallenge(idx, context, answers, overrides);
    steps.push(step);
    if (step.done) break;
    const mastered = (idx.skillsById.get(step.challenge.skillId)?.level ?? 99) <= masteredLevel;
    const slips = slipsOn.has(step.challenge.skillId) && !asked.some((c) => c.skillId === step.challenge.skillId);
    asked.push(step.challenge);
    answers.push(answer(step.challenge, n, slips ? !mastered : mastered));
  }
  return { asked, answers, steps };
}

describe('Bayesian engine', () => {
  const timesPerSkill = (asked: Challenge[]) => {
    const counts = new Map<string, number>();
    for (const c of asked) counts.set(c.skillId, (counts.get(c.skillId) ?? 0) + 1);
    return [...counts.values()];
  };

  it.each([0, 1, 3, 5, 6])('a learner of level %i: ends, never asks a challenge twice nor a skill three times', (level) => {
    const { asked, steps } = play(index, contextOf(index), level);
    expect(steps[steps.length - 1].done).toBe(true);
    expect(asked.length).toBeGreaterThan(1);
    expect(new Set(asked.map((c) => c.id)).size).toBe(asked.length);
    expect(Math.max(...timesPerSkill(asked))).toBeLessThanOrEqual(2);
  });

  it.each([1, 3, 5])('with answersPerSkill 1, a learner of level %i is asked each skill once at most', (level) => {
    const { asked } = play(index, contextOf(index), level, new Set([skillIdOf('@web', 1), skillIdOf('@mail', 2)]), { answersPerSkill: 1 });
    expect(Math.max(...timesPerSkill(asked))).toBe(1);
  });

  it('asks each tube of a learner whose tubes disagree, and gives the level of what they master', () => {
    // @web mastered to 5, @mail to 1, @data not at all: the truth is what §2.2 gives on those skills.
    const masters = (skillId: string) => {
      const skill = index.skillsById.get(skillId);
      if (!skill) return false;
      return skill.tubeId.includes('web') ? skill.level <= 5 : skill.tubeId.includes('mail') ? skill.level <= 1 : false;
    };
    const asked: Challenge[] = [];
    const answers: AnswerEvent[] = [];
    for (let n = 0; n < 40; n++) {
      const step = nextBayesChallenge(index, contextOf(index), answers);
      if (step.done) break;
      asked.push(step.challenge);
      answers.push(answer(step.challenge, n, masters(step.challenge.skillId)));
    }
    const tubesAsked = new Set(asked.map((c) => index.skillsById.get(c.skillId)?.tubeId));
    expect(tubesAsked.size).toBe(3);
    const kes = bayesKnowledgeElements(index, contextOf(index), answers);
    const truth = competenceScore(index.pack.skills.filter((s) => masters(s.id)).map((s, i) => buildKnowledgeElement({ id: `t-${i}`, skillId: s.id, earnedPix: s.pixValue })), index.pack.skills[0].competenceId);
    expect(competenceScore(currentKnowledgeElements(kes), index.pack.skills[0].competenceId).level).toBe(truth.level);
  });

  it('reports its progress: 0 before the first answer, then how sure it is, below 0.9 while it asks', () => {
    const { steps } = play(index, contextOf(index), 3);
    const progress = steps.flatMap((step) => (step.done ? [] : [step.progress ?? Number.NaN]));
    expect(progress[0]).toBe(0);
    expect(progress.slice(1).every((p) => p > 0 && p <= 0.9)).toBe(true);
    expect(progress[progress.length - 1]).toBeGreaterThan(0.5);
  });

  it('counts a closed competence as done in a two-competence assessment', () => {
    const two = buildIndex({
      competences: [{ index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3, 4, 5] }] }, { index: '2.1', tubes: [{ name: '@mail', levels: [1, 2, 3, 4, 5] }] }],
    });
    // Everything on 1.1 is known from elsewhere: it is closed from the start, 2.1 not asked yet.
    const known = two.pack.skills.filter((s) => s.id.startsWith('skill-web')).map((s, i) => buildKnowledgeElement({ id: `ke-${i}`, skillId: s.id, assessmentId: 'other' }));
    const step = nextBayesChallenge(two, contextOf(two, { previousKnowledgeElements: known }), []);
    expect(step.done ? Number.NaN : step.progress).toBe(0.5);
  });

  it('flags a checkpoint after every 5th answer', () => {
    const { steps } = play(index, contextOf(index), 2);
    const flags = steps.flatMap((step) => (step.done ? [] : [step.isCheckpointNext]));
    expect(flags.length).toBeGreaterThanOrEqual(5);
    expect(flags).toEqual(flags.map((_, n) => (n + 1) % 5 === 0));
  });

  it('is deterministic: same answers, same next challenge; another assessment id may differ', () => {
    const first = play(index, contextOf(index), 3);
    const again = play(index, contextOf(index), 3);
    expect(again.asked.map((c) => c.id)).toEqual(first.asked.map((c) => c.id));
  });

  it('is the engine behind the BAYES method of the dispatcher', () => {
    const context = contextOf(index);
    expect(nextChallenge(index, context, [])).toEqual(nextBayesChallenge(index, context, []));
  });

  it('reuses knowledge: skills assessed elsewhere are never asked', () => {
    const previous = [1, 2, 3, 4, 5].map((level) =>
      buildKnowledgeElement({ id: `ke-${level}`, skillId: skillIdOf('@web', level), assessmentId: 'other', status: level <= 3 ? 'validated' : 'invalidated' }));
    const { asked } = play(index, contextOf(index, { previousKnowledgeElements: previous }), 3);
    expect(asked.filter((c) => c.skillId.startsWith('skill-web'))).toEqual([]);
  });

  it('never asks a timed challenge right after a timed one while an untimed one is possible', () => {
    for (const level of [0, 2, 4]) {
      const { asked } = play(timedIndex, contextOf(timedIndex), level);
      for (let i = 1; i < asked.length; i++) {
        expect(asked[i - 1].timer !== undefined && asked[i].timer !== undefined).toBe(false);
      }
    }
  });

  it('asks fewer questions than there are skills and ends at once when everything is known', () => {
    const { asked } = play(index, contextOf(index), 3);
    expect(asked.length).toBeLessThan(targetsOf(index).length);
    const allKnown = targetsOf(index).map((skillId, i) => buildKnowledgeElement({ id: `ke-${i}`, skillId, assessmentId: 'other' }));
    expect(nextBayesChallenge(index, contextOf(index, { previousKnowledgeElements: allKnown }), [])).toEqual({ done: true, answeredCount: 0 });
  });

  it('estimates a higher ability for a stronger learner', () => {
    const estimate = (level: number) => {
      const { answers } = play(index, contextOf(index), level);
      const step = nextBayesChallenge(index, contextOf(index, { assessmentId: 'probe' }), answers.slice(0, 3), { exactLevelConfidence: 2, unsettledGain: -1 });
      return step.done ? Number.NaN : step.estimatedLevel;
    };
    expect(estimate(5)).toBeGreaterThan(estimate(1));
  });
});
