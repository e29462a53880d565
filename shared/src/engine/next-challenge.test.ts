import { describe, expect, it } from 'vitest';
import type { AssessmentMethod } from '../model/types';
import { buildIndex } from '../testing/builders';
import { nextBayesChallenge } from './bayes/bayes';
import { nextFlashChallenge } from './flash/flash';
import { nextChallenge } from './next-challenge';
import { nextSmartRandomChallenge } from './smart-random/smart-random';
import type { EngineContext } from './types';

const index = buildIndex({ competences: [{ tubes: [{ name: '@a', levels: [1, 2, 3, 5] }, { name: '@b', levels: [2, 4, 6] }] }] });

describe('nextChallenge', () => {
  it.each<{ method: AssessmentMethod | undefined; engine: 'smart' | 'flash' | 'bayes' }>([
    { method: undefined, engine: 'smart' },
    { method: 'SMART_RANDOM', engine: 'smart' },
    { method: 'FLASH', engine: 'flash' },
    { method: 'BAYES', engine: 'bayes' },
  ])('method $method → $engine', ({ method, engine }) => {
    // Ids where the two engines disagree prove which one ran.
    for (let i = 0; i < 10; i++) {
      const context: EngineContext = {
        assessmentId: `dispatch-${i}`, userId: 'u', targetSkillIds: index.pack.skills.map((s) => s.id), previousKnowledgeElements: [], method,
      };
      const expected = engine === 'flash' ? nextFlashChallenge(index, context, [])
        : engine === 'bayes' ? nextBayesChallenge(index, context, []) : nextSmartRandomChallenge(index, context, []);
      expect(nextChallenge(index, context, [])).toEqual(expected);
    }
    const smart = nextSmartRandomChallenge(index, { assessmentId: 'x', userId: 'u', targetSkillIds: index.pack.skills.map((s) => s.id), previousKnowledgeElements: [] }, []);
    const flash = nextFlashChallenge(index, { assessmentId: 'x', userId: 'u', targetSkillIds: index.pack.skills.map((s) => s.id), previousKnowledgeElements: [] }, []);
    // smart random reports level 2 first, flash its start capacity 0: the dispatch is observable.
    expect(!smart.done && smart.estimatedLevel).toBe(2);
    expect(!flash.done && flash.estimatedLevel).toBe(0);
  });
});
