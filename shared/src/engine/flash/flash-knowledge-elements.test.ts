import { describe, expect, it } from 'vitest';
import { buildAnswer, buildChallenge, buildIndex, challengeIdOf, skillIdOf } from '../../testing/builders';
import { flashKnowledgeElements, skillMinimumCapability } from './flash-knowledge-elements';
import { minimumCapability } from './irt';

describe('skillMinimumCapability', () => {
  it.each([
    { label: 'lowest of the validé challenges', challenges: [
      buildChallenge({ difficulty: 1, discriminant: 1.6 }), buildChallenge({ difficulty: 0.5, discriminant: 1.4 }),
    ], expected: Math.min(minimumCapability(1, 1.6), minimumCapability(0.5, 1.4)) },
    { label: 'validé preferred over an easier archivé', challenges: [
      buildChallenge({ difficulty: 1, discriminant: 1.6 }), buildChallenge({ difficulty: -2, discriminant: 1.6, status: 'archivé' }),
    ], expected: minimumCapability(1, 1.6) },
    { label: 'archivé when no validé', challenges: [
      buildChallenge({ difficulty: -2, discriminant: 1.6, status: 'archivé' }), buildChallenge({ difficulty: -3, discriminant: 1.6, status: 'périmé' }),
    ], expected: minimumCapability(-2, 1.6) },
    { label: 'none', challenges: [], expected: undefined },
  ])('$label', ({ challenges, expected }) => {
    expect(skillMinimumCapability(challenges)).toBe(expected);
  });
});

describe('flashKnowledgeElements', () => {
  // levels 1..4 → difficulty (level − 3.5)·0.9 = −2.25, −1.35, −0.45, 0.45; discriminant 1.4 (builders)
  const index = buildIndex({ competences: [{ tubes: [{ name: '@web', levels: [1, 2, 3, 4] }] }] });
  const targetSkillIds = index.pack.skills.map((s) => s.id);
  const answers = [
    buildAnswer({ id: 'a1', challengeId: challengeIdOf('@web', 3), result: 'ok', createdAt: '2025-01-01T10:00:00.000Z' }),
    buildAnswer({ id: 'a2', challengeId: challengeIdOf('@web', 4), result: 'ko', createdAt: '2025-01-01T10:01:00.000Z' }),
  ];
  const threshold2 = minimumCapability(-1.35, 1.4);
  const threshold1 = minimumCapability(-2.25, 1.4);

  it.each([
    // answered: @web3 ok (validated), @web4 ko (invalidated); unanswered @web1/@web2 by capability
    { capacity: threshold2, validated: ['@web1', '@web2', '@web3'] },
    { capacity: threshold2 - 0.01, validated: ['@web1', '@web3'] },
    { capacity: threshold1 - 0.01, validated: ['@web3'] },
  ])('capacity $capacity → validated $validated', ({ capacity, validated }) => {
    const kes = flashKnowledgeElements({ index, assessmentId: 'as-1', userId: 'u-1', targetSkillIds, answers, capacity });
    const names = (status: string) => kes.filter((ke) => ke.status === status).map((ke) => index.skillsById.get(ke.skillId)?.name);
    expect(names('validated')).toEqual(validated);
    expect(names('invalidated')).toEqual(['@web4']);
    const direct = kes.filter((ke) => ke.source === 'direct').map((ke) => ke.skillId).sort();
    expect(direct).toEqual([skillIdOf('@web', 3), skillIdOf('@web', 4)]);
    for (const ke of kes) {
      const skill = index.skillsById.get(ke.skillId);
      expect(ke.earnedPix).toBe(ke.status === 'validated' ? skill?.pixValue : 0);
    }
  });
});
