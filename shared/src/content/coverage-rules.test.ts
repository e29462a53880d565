import { describe, expect, it } from 'vitest';
import { buildPack } from '../testing/builders';
import type { CompetenceSpec } from '../testing/builders';
import { COVERAGE_RULES, coverageIssues, type CoverageRules } from './coverage-rules';

const LOOSE: CoverageRules = {
  ...COVERAGE_RULES,
  minChallenges: 0, minTypeShare: 0, minTimed: 0, minFocused: 0, minWithAttachment: 0, minWithSimulator: 0, minSimulators: 0,
};

/** a competence that satisfies the per-competence rules: 4 tubes, 16 skills, levels 1..6 */
const fullCompetence = (index: string): CompetenceSpec => ({
  index,
  tubes: [
    { name: `@a${index.replace('.', 'x')}x`, levels: [1, 2, 3, 4] },
    { name: `@b${index.replace('.', 'x')}x`, levels: [2, 3, 4, 5] },
    { name: `@c${index.replace('.', 'x')}x`, levels: [3, 4, 5, 6] },
    { name: `@d${index.replace('.', 'x')}x`, levels: [1, 4, 5, 6] },
  ],
});
const ALL = ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '3.4', '4.1', '4.2', '4.3', '5.1', '5.2'];

describe('coverageIssues per competence', () => {
  it('accepts 16 complete competences', () => {
    expect(coverageIssues(buildPack({ competences: ALL.map(fullCompetence) }), LOOSE)).toEqual([]);
  });

  const cases: { name: string; competences: CompetenceSpec[]; expected: string }[] = [
    { name: 'a missing competence', competences: ALL.slice(1).map(fullCompetence), expected: 'compétence 1.1 : aucun contenu' },
    {
      name: 'too few tubes and skills',
      competences: [{ index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3, 4, 5, 6] }] }, ...ALL.slice(1).map(fullCompetence)],
      expected: 'compétence 1.1 : 1 sujets, au moins 4 attendus',
    },
    {
      name: 'too few skills',
      competences: [{ index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3, 4, 5, 6] }] }, ...ALL.slice(1).map(fullCompetence)],
      expected: 'compétence 1.1 : 6 acquis, au moins 15 attendus',
    },
    {
      name: 'a missing level',
      competences: [{ ...fullCompetence('1.1'), tubes: fullCompetence('1.1').tubes.map((t) => ({ ...t, levels: t.levels.filter((l) => l !== 5) })) }, ...ALL.slice(1).map(fullCompetence)],
      expected: 'compétence 1.1 : aucun acquis de niveau 5',
    },
  ];
  it.each(cases)('reports $name', ({ competences, expected }) => {
    const messages = coverageIssues(buildPack({ competences }), LOOSE).map((i) => i.message);
    expect(messages).toContain(expected);
  });
});

describe('coverageIssues on the whole pack', () => {
  const pack = buildPack({
    competences: [
      { index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3], challengesPerSkill: 3, challenge: { type: 'QCU', timer: 60, focused: true } }] },
      { index: '1.2', tubes: [{ name: '@mail', levels: [1], challenge: { type: 'QCM', attachments: ['/a.csv'], embedUrl: '/simulators/x/' } }] },
    ],
  });
  const rules: CoverageRules = { ...LOOSE, requiredLevels: [], minTubesPerCompetence: 0, minSkillsPerCompetence: 0 };
  const table: { rule: Partial<CoverageRules>; expected: string | string[] | undefined }[] = [
    { rule: { minChallenges: 12 }, expected: 'épreuves : 11, au moins 12 attendus' },
    { rule: { minChallenges: 11 }, expected: undefined },
    { rule: { minTypeShare: 0.08 }, expected: ['QROC', 'QROCM-ind', 'QROCM-dep'].map((t) => `épreuves ${t} : 0 (0 %), au moins 8 % attendus (1)`) },
    { rule: { minTypeShare: 0.2 }, expected: ['QCM', 'QROC', 'QROCM-ind', 'QROCM-dep'].map((t) => `épreuves ${t} : ${t === 'QCM' ? '2 (18.2 %)' : '0 (0 %)'}, au moins 20 % attendus (3)`) },
    { rule: { minTimed: 10 }, expected: 'épreuves chronométrées : 9, au moins 10 attendus' },
    { rule: { minFocused: 9 }, expected: undefined },
    { rule: { minWithAttachment: 3 }, expected: 'épreuves avec pièce jointe : 2, au moins 3 attendus' },
    { rule: { minWithSimulator: 3 }, expected: 'épreuves avec simulateur : 2, au moins 3 attendus' },
    { rule: { minSimulators: 2 }, expected: 'simulateurs distincts : 1, au moins 2 attendus' },
  ];
  it.each(table)('$rule → $expected', ({ rule, expected }) => {
    const messages = coverageIssues(pack, { ...rules, ...rule }).map((i) => i.message);
    expect(messages.filter((m) => !m.startsWith('compétence'))).toEqual(expected === undefined ? [] : [expected].flat());
  });
});
