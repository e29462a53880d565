import { describe, expect, it } from 'vitest';
import type { Challenge } from '../../model/types';
import { buildChallenge } from '../../testing/builders';
import { DEFAULT_FLASH_CONFIG } from './flash-config';
import { applyFlashRules } from './flash-rules';

// id = "<competence>-<tube>-<level><variant>", e.g. "c1-t1-2a"; skill = "<competence>-<tube>-<level>".
function ch(id: string): Challenge {
  const [competence, tube, rest] = id.split('-');
  return buildChallenge({ id, competenceId: competence, skillId: `${competence}-${tube}-${rest.slice(0, -1)}` });
}
const tubeIdOfSkill = (skillId: string): string => skillId.split('-').slice(0, 2).join('-');
const ids = (challenges: Challenge[]): string[] => challenges.map((c) => c.id);

const available = ['c1-t1-1a', 'c1-t1-1b', 'c1-t1-2a', 'c1-t2-1a', 'c2-t3-1a', 'c2-t3-2a', 'c3-t4-1a'].map(ch);
const allCompetences = new Set(['c1', 'c2', 'c3']);
const off = { limitToOneQuestionPerTube: false, enablePassageByAllCompetences: false, challengesBetweenSameCompetence: 0 };

describe('applyFlashRules', () => {
  it.each<{ label: string; answered: string[]; config: typeof off; targets?: Set<string>; expected: string[] }>([
    {
      label: 'never the same challenge or skill twice',
      answered: ['c1-t1-1a'], config: off,
      expected: ['c1-t1-2a', 'c1-t2-1a', 'c2-t3-1a', 'c2-t3-2a', 'c3-t4-1a'],
    },
    {
      label: 'one question per tube',
      answered: ['c1-t1-1a'], config: { ...off, limitToOneQuestionPerTube: true },
      expected: ['c1-t2-1a', 'c2-t3-1a', 'c2-t3-2a', 'c3-t4-1a'],
    },
    {
      label: 'passage by all competences: unseen competences first',
      answered: ['c1-t1-1a', 'c2-t3-1a'], config: { ...off, enablePassageByAllCompetences: true },
      expected: ['c3-t4-1a'],
    },
    {
      label: 'passage by all competences: an unseen competence with no challenge left does not block',
      answered: ['c1-t1-1a', 'c2-t3-1a'], config: { ...off, enablePassageByAllCompetences: true }, targets: new Set(['c1', 'c2', 'c4']),
      expected: ['c1-t1-2a', 'c1-t2-1a', 'c2-t3-2a', 'c3-t4-1a'],
    },
    {
      label: 'all competences seen: no restriction',
      answered: ['c1-t1-1a', 'c2-t3-1a', 'c3-t4-1a'], config: { ...off, enablePassageByAllCompetences: true },
      expected: ['c1-t1-2a', 'c1-t2-1a', 'c2-t3-2a'],
    },
    {
      // c1 and c2 are recent and c3 is exhausted: nothing outside them, so the rule gives way.
      label: 'avoid the competences of the last 2 answers: nothing else left',
      answered: ['c3-t4-1a', 'c1-t1-1a', 'c2-t3-1a'], config: { ...off, challengesBetweenSameCompetence: 2 },
      expected: ['c1-t1-2a', 'c1-t2-1a', 'c2-t3-2a'],
    },
    {
      label: 'avoid the last 2 answers’ competences when possible',
      answered: ['c1-t1-1a', 'c2-t3-1a'], config: { ...off, challengesBetweenSameCompetence: 2 },
      expected: ['c3-t4-1a'],
    },
    {
      label: 'avoid… falls back when only recent competences remain',
      answered: ['c3-t4-1a', 'c1-t1-1a', 'c2-t3-1a'], config: { ...off, challengesBetweenSameCompetence: 1 },
      expected: ['c1-t1-2a', 'c1-t2-1a'],
    },
  ])('$label', ({ answered, config, targets, expected }) => {
    const result = applyFlashRules({
      available, answered: answered.map(ch), targetCompetenceIds: targets ?? allCompetences, tubeIdOfSkill, config,
    });
    expect(ids(result)).toEqual(expected);
  });

  it('the default configuration combines all rules', () => {
    const result = applyFlashRules({
      available, answered: ['c1-t1-1a'].map(ch), targetCompetenceIds: allCompetences, tubeIdOfSkill, config: DEFAULT_FLASH_CONFIG,
    });
    // tube t1 done, c1 seen and recent → c2 and c3 only
    expect(ids(result)).toEqual(['c2-t3-1a', 'c2-t3-2a', 'c3-t4-1a']);
  });
});
