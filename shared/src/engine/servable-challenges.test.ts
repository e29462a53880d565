import { describe, expect, it } from 'vitest';
import { buildChallenge, buildIndex, skillIdOf } from '../testing/builders';
import { isTimed, matchesLocale, servableChallenges } from './servable-challenges';

describe('matchesLocale', () => {
  it.each([
    { locales: ['fr'], locale: 'fr-fr', expected: true },
    { locales: ['fr-fr'], locale: 'fr', expected: true },
    { locales: ['FR-fr'], locale: 'fr-FR', expected: true },
    { locales: ['en'], locale: 'fr-fr', expected: false },
    { locales: ['nl', 'en'], locale: 'en', expected: true },
    { locales: ['en'], locale: undefined, expected: true },
  ])('$locales with $locale → $expected', ({ locales, locale, expected }) => {
    expect(matchesLocale(buildChallenge({ locales }), locale)).toBe(expected);
  });
});

describe('servableChallenges', () => {
  it('keeps validé and archivé challenges in the locale, in pack order', () => {
    const index = buildIndex({ competences: [{ tubes: [{ name: '@web', levels: [1], challengesPerSkill: 4 }] }] });
    const [a, b, c, d] = index.challengesBySkillId.get(skillIdOf('@web', 1)) ?? [];
    b.status = 'périmé';
    c.status = 'archivé';
    d.locales = ['en'];
    expect(servableChallenges(index, skillIdOf('@web', 1), 'fr-fr').map((ch) => ch.id)).toEqual([a.id, c.id]);
    expect(servableChallenges(index, skillIdOf('@web', 1)).map((ch) => ch.id)).toEqual([a.id, c.id, d.id]);
    expect(servableChallenges(index, 'unknown', 'fr')).toEqual([]);
  });
});

describe('isTimed', () => {
  it.each([
    { timer: 60, expected: true },
    { timer: 0, expected: true },
    { timer: undefined, expected: false },
    { timer: Number.NaN, expected: false },
  ])('timer $timer → $expected', ({ timer, expected }) => {
    expect(isTimed(buildChallenge({ timer }))).toBe(expected);
  });
});
