import { describe, expect, it } from 'vitest';
import type { AnswerEvent, Challenge } from '../../model/types';
import { createRng } from '../../random/seeded-rng';
import { buildAnswer, buildIndex } from '../../testing/builders';
import type { EngineContext } from '../types';
import { binaryTreePick } from './binary-tree-pick';
import { nextFlashChallenge, flashCapacity, flashPickSeed, rankFlashCandidates } from './flash';
import { DEFAULT_FLASH_CONFIG, flashConfigOf } from './flash-config';
import { fisherInformation } from './irt';

const tubes = (prefix: string) => [1, 2, 3, 4].map((t) => ({ name: `@${prefix}${t}`, levels: [1, 2, 3, 4, 5, 6] }));
const index = buildIndex({ competences: [{ index: '1.1', tubes: tubes('a') }, { index: '1.2', tubes: tubes('b') }, { index: '2.1', tubes: tubes('c') }] });
const targetSkillIds = index.pack.skills.map((s) => s.id);

function contextOf(overrides: Partial<EngineContext> = {}): EngineContext {
  return { assessmentId: 'flash-1', userId: 'user-1', targetSkillIds, previousKnowledgeElements: [], method: 'FLASH', ...overrides };
}

function play(context: EngineContext, succeeds: (c: Challenge) => boolean): { asked: Challenge[]; answers: AnswerEvent[] } {
  const asked: Challenge[] = [];
  const answers: AnswerEvent[] = [];
  for (let n = 0; n < 200; n++) {
    const step = nextFlashChallenge(index, context, answers);
    if (step.done) break;
    asked.push(step.challenge);
    const createdAt = new Date(Date.UTC(2025, 0, 1, 10, 0, n)).toISOString();
    answers.push(buildAnswer({ id: `answer-${String(n).padStart(3, '0')}`, challengeId: step.challenge.id, createdAt, result: succeeds(step.challenge) ? 'ok' : 'ko' }));
  }
  return { asked, answers };
}

const tubeOf = (c: Challenge): string => index.skillsById.get(c.skillId)?.tubeId ?? '?';

describe('flash engine', () => {
  it('first question: the capacity is the start capacity and the pick is among the 5 most informative', () => {
    for (const startCapacity of [0, -3]) {
      const context = contextOf({ flash: { startCapacity } });
      const step = nextFlashChallenge(index, context, []);
      expect(step.done).toBe(false);
      if (step.done) return;
      expect(step.estimatedLevel).toBe(startCapacity);
      const ranked = rankFlashCandidates(index, context, [], startCapacity, flashConfigOf({ startCapacity }));
      const topInfo = fisherInformation(startCapacity, ranked[4].discriminant, ranked[4].difficulty);
      expect(fisherInformation(startCapacity, step.challenge.discriminant, step.challenge.difficulty)).toBeGreaterThanOrEqual(topInfo);
    }
  });

  it('picks the top-5 entry chosen by the generator seeded with the assessment id and answer count', () => {
    const context = contextOf();
    const ranked = rankFlashCandidates(index, context, [], 0, DEFAULT_FLASH_CONFIG);
    const position = binaryTreePick(5, 51, createRng(flashPickSeed('flash-1', 0)));
    const step = nextFlashChallenge(index, context, []);
    expect(!step.done && step.challenge.id).toBe(ranked[position].id);
  });

  it('different assessments start on different challenges, the same one always on the same', () => {
    const firsts = Array.from({ length: 60 }, (_, i) => {
      const step = nextFlashChallenge(index, contextOf({ assessmentId: `flash-${i}` }), []);
      return step.done ? '' : step.challenge.id;
    });
    expect(new Set(firsts).size).toBeGreaterThanOrEqual(3);
    expect(nextFlashChallenge(index, contextOf({ assessmentId: 'flash-7' }), [])).toEqual(nextFlashChallenge(index, contextOf({ assessmentId: 'flash-7' }), []));
  });

  it('stops at 32 answers with the default configuration, and at the configured length', () => {
    // 3 competences × 4 tubes = 12 tubes: one question per tube would stop at 12, so lift that rule.
    const long = contextOf({ flash: { limitToOneQuestionPerTube: false } });
    expect(play(long, (c) => c.difficulty < 0.5).asked).toHaveLength(32);
    expect(play(contextOf({ flash: { limitToOneQuestionPerTube: false, maximumAssessmentLength: 10 } }), () => true).asked).toHaveLength(10);
  });

  it('stops when nothing is left: one question per tube', () => {
    const { asked, answers } = play(contextOf(), (c) => c.difficulty < 0);
    expect(asked).toHaveLength(12);
    expect(new Set(asked.map(tubeOf)).size).toBe(12);
    expect(nextFlashChallenge(index, contextOf(), answers)).toEqual({ done: true, answeredCount: 12 });
  });

  it('visits every competence first and never repeats a skill', () => {
    const { asked } = play(contextOf({ flash: { limitToOneQuestionPerTube: false } }), (c) => c.difficulty < 1);
    expect(new Set(asked.slice(0, 3).map((c) => c.competenceId)).size).toBe(3);
    expect(new Set(asked.map((c) => c.skillId)).size).toBe(asked.length);
    // with 3 competences and "2 between", consecutive questions never share a competence
    for (let i = 1; i < asked.length; i++) expect(asked[i].competenceId).not.toBe(asked[i - 1].competenceId);
  });

  it('the capacity follows the answers: a strong learner ends higher than a weak one', () => {
    const config = flashConfigOf({ limitToOneQuestionPerTube: false });
    const strong = play(contextOf({ flash: config }), (c) => c.difficulty < 1.5).answers;
    const weak = play(contextOf({ flash: config }), (c) => c.difficulty < -1.5).answers;
    const strongTheta = flashCapacity(index, strong, config).capacity;
    const weakTheta = flashCapacity(index, weak, config).capacity;
    expect(strongTheta).toBeGreaterThan(0.8);
    expect(weakTheta).toBeLessThan(-0.8);
  });

  it('resumes from shuffled answers', () => {
    const { answers } = play(contextOf(), (c) => c.difficulty < 0);
    const partial = answers.slice(0, 5);
    const shuffled = [partial[4], partial[1], partial[3], partial[0], partial[2]];
    expect(nextFlashChallenge(index, contextOf(), shuffled)).toEqual(nextFlashChallenge(index, contextOf(), partial));
  });
});
