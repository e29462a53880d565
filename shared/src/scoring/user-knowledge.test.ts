import { describe, expect, it } from 'vitest';
import { buildAnswer, buildIndex, challengeIdOf, skillIdOf } from '../testing/builders';
import type { Assessment } from '../model/types';
import { currentKnowledgeElements } from './knowledge-elements';
import { competenceSkillIds, replayKnowledge } from './user-knowledge';

const index = buildIndex({ competences: [{ tubes: [{ name: '@web', levels: [1, 2, 3, 4] }] }] });
const competenceId = index.pack.competences[0].id;

function evaluation(id: string, createdAt: string, extra: Partial<Assessment> = {}): Assessment {
  return { id, userId: 'u1', type: 'COMPETENCE_EVALUATION', state: 'started', method: 'SMART_RANDOM', competenceId, createdAt, updatedAt: createdAt, ...extra };
}

const targets = (a: Assessment) => (a.competenceId ? competenceSkillIds(index, a.competenceId) : []);

describe('replayKnowledge', () => {
  it('an OK answer validates its skill and infers the easier ones', () => {
    const a = evaluation('a1', '2026-01-01T10:00:00.000Z');
    const answers = [buildAnswer({ id: 'x1', assessmentId: 'a1', challengeId: challengeIdOf('web', 3), result: 'ok', createdAt: '2026-01-01T10:01:00.000Z' })];
    const { history } = replayKnowledge(index, [a], answers, targets);
    expect(history.map((ke) => [ke.skillId, ke.source, ke.status])).toEqual([
      [skillIdOf('web', 3), 'direct', 'validated'],
      [skillIdOf('web', 1), 'inferred', 'validated'],
      [skillIdOf('web', 2), 'inferred', 'validated'],
    ]);
  });

  it('a later assessment does not re-assess skills known from an earlier one (knowledge reuse)', () => {
    const first = evaluation('a1', '2026-01-01T10:00:00.000Z');
    const second = evaluation('a2', '2026-01-02T10:00:00.000Z');
    const answers = [
      buildAnswer({ id: 'x1', assessmentId: 'a1', challengeId: challengeIdOf('web', 2), result: 'ko', createdAt: '2026-01-01T10:01:00.000Z' }),
      buildAnswer({ id: 'x2', assessmentId: 'a2', challengeId: challengeIdOf('web', 3), result: 'ok', createdAt: '2026-01-02T10:01:00.000Z' }),
    ];
    const { byAssessment } = replayKnowledge(index, [second, first], answers, targets);
    expect(byAssessment.get('a2')).toEqual([]);
  });

  it('an improving assessment may ask again a failure older than 4 days', () => {
    const first = evaluation('a1', '2026-01-01T10:00:00.000Z');
    const retry = evaluation('a2', '2026-01-06T10:00:00.000Z', { isImproving: true });
    const answers = [
      buildAnswer({ id: 'x1', assessmentId: 'a1', challengeId: challengeIdOf('web', 2), result: 'ko', createdAt: '2026-01-01T10:01:00.000Z' }),
      buildAnswer({ id: 'x2', assessmentId: 'a2', challengeId: challengeIdOf('web', 2), result: 'ok', createdAt: '2026-01-06T10:01:00.000Z' }),
    ];
    const { history } = replayKnowledge(index, [first, retry], answers, targets);
    const current = currentKnowledgeElements(history);
    expect(current.find((ke) => ke.skillId === skillIdOf('web', 2))?.status).toBe('validated');
  });

  it('a reset drops every KE of the competence from the current state', () => {
    const first = evaluation('a1', '2026-01-01T10:00:00.000Z', { resetAt: '2026-01-09T10:00:00.000Z' });
    const answers = [buildAnswer({ id: 'x1', assessmentId: 'a1', challengeId: challengeIdOf('web', 4), result: 'ok', createdAt: '2026-01-01T10:01:00.000Z' })];
    const { history } = replayKnowledge(index, [first], answers, targets);
    expect(history.filter((ke) => ke.status === 'reset')).toHaveLength(4);
    expect(currentKnowledgeElements(history)).toEqual([]);
  });

  it('gives the same history whatever the order of the answers and duplicates from a second device', () => {
    const a = evaluation('a1', '2026-01-01T10:00:00.000Z');
    const answers = [
      buildAnswer({ id: 'x1', assessmentId: 'a1', challengeId: challengeIdOf('web', 2), result: 'ok', createdAt: '2026-01-01T10:01:00.000Z' }),
      buildAnswer({ id: 'x2', assessmentId: 'a1', challengeId: challengeIdOf('web', 4), result: 'ko', createdAt: '2026-01-01T10:02:00.000Z' }),
      buildAnswer({ id: 'x3', assessmentId: 'a1', challengeId: challengeIdOf('web', 2), result: 'ko', createdAt: '2026-01-01T10:03:00.000Z' }),
    ];
    const forward = replayKnowledge(index, [a], answers, targets).history;
    const backward = replayKnowledge(index, [a], [...answers].reverse(), targets).history;
    expect(backward).toEqual(forward);
    expect(forward.find((ke) => ke.skillId === skillIdOf('web', 2))?.status).toBe('validated');
  });
});
