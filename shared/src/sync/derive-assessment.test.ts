import { describe, expect, it } from 'vitest';
import { competenceIdOf } from '../model/referential';
import { buildAnswer, buildIndex, buildKnowledgeElement, buildTargetProfile, challengeIdOf, skillIdOf, tubeIdOf } from '../testing/builders';
import { deriveAssessment, previousKnowledgeElementsFor, targetSkillIdsOf } from './derive-assessment';

const index = buildIndex({
  competences: [
    { index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3] }, { name: '@old', levels: [1], skill: { status: 'archivé' } }] },
    { index: '1.2', tubes: [{ name: '@data', levels: [1, 2] }] },
  ],
});

describe('targetSkillIdsOf', () => {
  it.each([
    ['competence evaluation: active skills of the competence', { type: 'COMPETENCE_EVALUATION' as const, competenceId: competenceIdOf('1.1') }, undefined, ['skill-web1', 'skill-web2', 'skill-web3']],
    ['campaign: skills of the target profile up to the cap', { type: 'CAMPAIGN' as const }, buildTargetProfile({ cappedTubes: [{ tubeId: tubeIdOf('@web'), level: 2 }, { tubeId: tubeIdOf('@data'), level: 1 }] }), ['skill-web1', 'skill-web2', 'skill-data1']],
    ['campaign without its target profile: unknown', { type: 'CAMPAIGN' as const }, undefined, null],
    ['certification: not adaptive', { type: 'CERTIFICATION' as const }, undefined, null],
  ])('%s', (_label, assessment, profile, expected) => {
    expect(targetSkillIdsOf(index, assessment, profile)).toEqual(expected);
  });
});

describe('previousKnowledgeElementsFor', () => {
  it('keeps KEs of other assessments created no later than this one', () => {
    const createdAt: Record<string, string> = { before: '2026-01-01T00:00:00Z', same: '2026-02-01T00:00:00Z', after: '2026-03-01T00:00:00Z' };
    const kes = ['before', 'same', 'after', 'self', 'unknown'].map((assessmentId) => buildKnowledgeElement({ id: assessmentId, assessmentId }));
    const kept = previousKnowledgeElementsFor({ id: 'self', createdAt: '2026-02-01T00:00:00Z' }, kes, (id) => createdAt[id] ?? (id === 'self' ? '2026-02-01T00:00:00Z' : undefined));
    expect(kept.map((ke) => ke.id)).toEqual(['before', 'same']);
  });
});

describe('deriveAssessment', () => {
  const assessment = { id: 'as-1', userId: 'u', method: 'SMART_RANDOM' as const };
  const targets = targetSkillIdsOf(index, { type: 'COMPETENCE_EVALUATION', competenceId: competenceIdOf('1.1') });

  it('flags the second answer to a challenge, derives KEs from the first ones only', () => {
    const answers = [
      buildAnswer({ id: 'late', challengeId: challengeIdOf('@web', 2), result: 'ko', createdAt: '2026-01-01T10:05:00Z' }),
      buildAnswer({ id: 'first', challengeId: challengeIdOf('@web', 2), result: 'ok', createdAt: '2026-01-01T10:00:00Z' }),
    ];
    const derived = deriveAssessment(index, { assessment, targetSkillIds: targets, previousKnowledgeElements: [], answers });
    expect([...derived.superseded]).toEqual(['late']);
    expect(derived.knowledgeElements.map((ke) => [ke.skillId, ke.status, ke.answerId])).toEqual([
      [skillIdOf('@web', 2), 'validated', 'first'],
      [skillIdOf('@web', 1), 'validated', 'first'],
    ]);
    expect(derived.done).toBe(false);
    expect(derived.completedAt).toBeNull();
  });

  it('is done when the engine has nothing left; completedAt is the last effective answer', () => {
    const answers = [1, 2, 3].map((level, i) =>
      buildAnswer({ id: `a${level}`, challengeId: challengeIdOf('@web', level), result: 'ok', createdAt: `2026-01-01T10:0${i}:00Z` }),
    );
    const derived = deriveAssessment(index, { assessment, targetSkillIds: targets, previousKnowledgeElements: [], answers });
    expect(derived.done).toBe(true);
    expect(derived.completedAt).toBe('2026-01-01T10:02:00Z');
  });

  it('precedence by the node: a back-dated right answer received after the wrong one is superseded, the wrong one counts', () => {
    const wrong = buildAnswer({ id: 'wrong', challengeId: challengeIdOf('@web', 2), result: 'ko', createdAt: '2026-01-01T10:05:00Z', receivedAt: '2026-01-01T10:05:01Z' });
    const forged = buildAnswer({ id: 'forged', challengeId: challengeIdOf('@web', 2), result: 'ok', createdAt: '2026-01-01T09:00:00Z', receivedAt: '2026-01-01T10:09:00Z' });
    for (const answers of [[wrong, forged], [forged, wrong]]) {
      const derived = deriveAssessment(index, { assessment, targetSkillIds: targets, previousKnowledgeElements: [], answers });
      expect([...derived.superseded]).toEqual(['forged']);
      expect(derived.knowledgeElements.find((ke) => ke.skillId === skillIdOf('@web', 2))).toMatchObject({ status: 'invalidated', answerId: 'wrong' });
    }
  });

  it('answers received after the end are ignored (flagged), whatever their device date or arrival order; completedAt is the node time', () => {
    const stamp = (i: number) => `2026-01-01T10:0${i}:00Z`;
    const ending = [1, 2, 3].map((level, i) => buildAnswer({ id: `a${level}`, challengeId: challengeIdOf('@web', level), result: 'ok', createdAt: '2026-01-01T08:00:00Z', receivedAt: stamp(i) }));
    const after = buildAnswer({ id: 'after', challengeId: challengeIdOf('@old', 1), result: 'ok', createdAt: '2025-01-01T00:00:00Z', receivedAt: stamp(5) });
    for (const answers of [[...ending, after], [after, ...ending.reverse()]]) {
      const derived = deriveAssessment(index, { assessment, targetSkillIds: targets, previousKnowledgeElements: [], answers });
      expect(derived.done).toBe(true);
      expect(derived.completedAt).toBe(stamp(2));
      expect(derived.effective.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
      expect([...derived.superseded]).toEqual(['after']);
    }
  });

  it('not adaptive (certification): no KE, never done by the engine', () => {
    const derived = deriveAssessment(index, { assessment, targetSkillIds: null, previousKnowledgeElements: [], answers: [buildAnswer({ challengeId: challengeIdOf('@web', 1) })] });
    expect(derived).toMatchObject({ knowledgeElements: [], done: false, completedAt: null });
  });
});
