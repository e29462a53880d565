import { describe, expect, it } from 'vitest';
import { hashInt } from '../../random/hash-int';
import { buildChallenge } from '../../testing/builders';
import { pickChallenge } from './pick-challenge';
import { candidate } from './test-candidates';

function withChallenges(tube: string, level: number, statuses: ('validé' | 'archivé')[]) {
  const c = candidate(tube, level);
  c.remainingChallenges = statuses.map((status, i) => buildChallenge({ id: `${c.skill.id}-${i}`, skillId: c.skill.id, status }));
  return c;
}

describe('pickChallenge', () => {
  const skills = [withChallenges('@a', 1, ['validé', 'validé', 'validé']), withChallenges('@b', 2, ['validé']), withChallenges('@c', 3, ['archivé', 'validé'])];

  it.each(['assessment-1', 'assessment-2', 'b7a3c1d0-0f4e-4c57-9d7f-2b8e5a1c6e90', ''])(
    'skill = |hashInt(id)| mod n, challenge = |hashInt(id + 1)| mod m (id %j)',
    (assessmentId) => {
      const picked = pickChallenge(skills, assessmentId);
      const skill = skills[Math.abs(hashInt(assessmentId)) % 3];
      const validated = skill.remainingChallenges.filter((c) => c.status === 'validé');
      expect(picked?.skill).toBe(skill);
      expect(picked?.challenge).toBe(validated[Math.abs(hashInt(`${assessmentId}1`)) % validated.length]);
    },
  );

  it('prefers validé challenges and falls back to archivé ones', () => {
    const mixed = [withChallenges('@c', 3, ['archivé', 'validé', 'archivé'])];
    const onlyArchived = [withChallenges('@d', 3, ['archivé', 'archivé'])];
    for (let i = 0; i < 30; i++) {
      expect(pickChallenge(mixed, `id-${i}`)?.challenge.status).toBe('validé');
      expect(pickChallenge(onlyArchived, `id-${i}`)?.challenge.status).toBe('archivé');
    }
  });

  it('is deterministic and spreads different assessments over the skills', () => {
    const many = Array.from({ length: 6 }, (_, i) => withChallenges(`@t${i}`, 2, ['validé', 'validé']));
    expect(pickChallenge(many, 'same-id')).toEqual(pickChallenge(many, 'same-id'));
    const counts = new Map<string, number>();
    for (let i = 0; i < 600; i++) {
      const id = `7d1e${i.toString(16).padStart(4, '0')}-5b2c-4a8e-9f31-${(i * 7919).toString(16).padStart(12, '0')}`;
      const name = pickChallenge(many, id)?.skill.skill.name ?? '';
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(count).toBeGreaterThan(50);
  });

  it('returns null when there is nothing to pick', () => {
    expect(pickChallenge([], 'x')).toBeNull();
    expect(pickChallenge([withChallenges('@a', 1, [])], 'x')).toBeNull();
  });
});
