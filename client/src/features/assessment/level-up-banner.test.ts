import { describe, expect, it } from 'vitest';
import { competenceIdOf } from '../../../../shared/src/model/referential';
import type { AnswerEvent, Assessment } from '../../../../shared/src/model/types';
import { competenceSkillIds, replayKnowledge } from '../../../../shared/src/scoring/user-knowledge';
import { buildAnswer, buildIndex, challengeIdOf } from '../../../../shared/src/testing/builders';
import { INITIAL_LEVEL_UP, levelUpReducer, visibleBanner, type LevelUpEvent, type LevelUpState } from './level-up-banner';

// 1.1: two tubes, so that a correct answer at level 2 validates 4 skills (16 pix, level 2) by inference.
const index = buildIndex({
  competences: [
    { index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3] }, { name: '@doc', levels: [1, 2, 3] }] },
    { index: '1.2', tubes: [{ name: '@mail', levels: [1, 2, 3] }] },
  ],
});
const C11 = competenceIdOf('1.1');
const at = (minute: number) => `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const evaluation: Assessment = {
  id: 'eval-1', userId: 'user-1', type: 'COMPETENCE_EVALUATION', state: 'started', method: 'SMART_RANDOM', competenceId: C11, createdAt: at(0), updatedAt: at(0),
};
const answer = (id: string, challenge: string, result: AnswerEvent['result'], minute: number) =>
  buildAnswer({ id, assessmentId: evaluation.id, challengeId: challengeIdOf(challenge.slice(0, -1), Number(challenge.slice(-1))), result, createdAt: at(minute) });

/** The record the page renders for these answers (the client's replay). */
function record(answers: AnswerEvent[], screen: string): LevelUpEvent {
  const { history } = replayKnowledge(index, [evaluation], answers, () => competenceSkillIds(index, C11));
  return { type: 'record', index, answers, knowledgeElements: history, screen };
}
function submitted(answers: AnswerEvent[], challenge: string): LevelUpEvent {
  const { history } = replayKnowledge(index, [evaluation], answers, () => competenceSkillIds(index, C11));
  return {
    type: 'submitted',
    submission: {
      assessmentId: evaluation.id, challengeId: challengeIdOf(challenge.slice(0, -1), Number(challenge.slice(-1))),
      knownAnswerIds: new Set(answers.map((a) => a.id)), before: { knowledgeElements: history, answers },
    },
  };
}
const run = (events: LevelUpEvent[], from: LevelUpState = INITIAL_LEVEL_UP) => events.reduce(levelUpReducer, from);

const web1Ok = answer('a1', '@web1', 'ok', 1);
const web2Ok = answer('a2', '@web2', 'ok', 2);
const doc2Ok = answer('a3', '@doc2', 'ok', 3);

describe('level-up banner of the test page', () => {
  it('loading a record with levels already earned announces nothing (reload, hydration)', () => {
    const state = run([record([], 'challenge:x'), record([web1Ok, web2Ok, doc2Ok], 'challenge:y'), record([web1Ok, web2Ok, doc2Ok], 'checkpoint:3')]);
    expect(state.banner).toBeNull();
  });

  it('a correct answer submitted on the page that reaches level 2 shows it on the next screen', () => {
    const state = run([record([web1Ok, web2Ok], 'challenge:doc2'), submitted([web1Ok, web2Ok], '@doc2'), record([web1Ok, web2Ok, doc2Ok], 'challenge:next')]);
    expect(state.banner).toEqual({ competenceId: C11, level: 2, screen: 'challenge:next' });
    expect(visibleBanner(state, 'challenge:next')).toEqual(state.banner);
    expect(state.submission).toBeNull();
  });

  it('closes when the next challenge shows, and when the pupil closes it', () => {
    const shown = run([submitted([web1Ok, web2Ok], '@doc2'), record([web1Ok, web2Ok, doc2Ok], 'challenge:next')]);
    expect(visibleBanner(shown, 'challenge:after-next')).toBeNull();
    expect(visibleBanner(run([{ type: 'closed' }], shown), 'challenge:next')).toBeNull();
    // on a checkpoint, it closes when « Continuer » shows the next challenge
    const onCheckpoint = run([submitted([web1Ok, web2Ok], '@doc2'), record([web1Ok, web2Ok, doc2Ok], 'checkpoint:3')]);
    expect(visibleBanner(onCheckpoint, 'checkpoint:3')?.level).toBe(2);
    expect(visibleBanner(run([record([web1Ok, web2Ok, doc2Ok], 'challenge:next')], onCheckpoint), 'challenge:next')).toBeNull();
  });

  it('waits for the submitted answer: other records (sync, another challenge) announce nothing', () => {
    const other = buildAnswer({ ...answer('other-device', '@mail1', 'ok', 2), assessmentId: 'other-assessment' });
    const pending = run([submitted([web1Ok, web2Ok], '@doc2'), record([web1Ok, web2Ok, other], 'challenge:doc2')]);
    expect(pending.banner).toBeNull();
    expect(pending.submission).not.toBeNull();
    expect(run([record([web1Ok, web2Ok, other, doc2Ok], 'challenge:next')], pending).banner?.level).toBe(2);
  });

  it('a skip or a wrong answer announces nothing, and takes down the previous banner', () => {
    const shown = run([submitted([web1Ok, web2Ok], '@doc2'), record([web1Ok, web2Ok, doc2Ok], 'challenge:web3')]);
    for (const result of ['aband', 'ko'] as const) {
      const next = answer('a4', '@web3', result, 4);
      const state = run([submitted([web1Ok, web2Ok, doc2Ok], '@web3'), record([web1Ok, web2Ok, doc2Ok, next], 'challenge:doc3')], shown);
      expect(state.banner, result).toBeNull();
    }
  });

  it('a correct answer that keeps the level announces nothing', () => {
    const state = run([submitted([web1Ok, web2Ok, doc2Ok], '@doc1'), record([web1Ok, web2Ok, doc2Ok, answer('a4', '@doc1', 'ok', 4)], 'challenge:next')]);
    expect(state.banner).toBeNull();
  });
});
