import { describe, expect, it } from 'vitest';
import type { AssessmentMethod } from '../model/types';
import { CAMPAIGN_METHODS, DEFAULT_CAMPAIGN_METHOD, DEFAULT_COMPETENCE_EVALUATION_METHOD, campaignMethod } from './engine-choice';

describe('engine choice', () => {
  it.each<[AssessmentMethod | null | undefined, AssessmentMethod]>([
    [undefined, DEFAULT_CAMPAIGN_METHOD],
    [null, DEFAULT_CAMPAIGN_METHOD],
    ['BAYES', 'BAYES'],
    ['SMART_RANDOM', 'SMART_RANDOM'],
    ['FLASH', 'FLASH'],
    ['CERTIFICATION_V2', DEFAULT_CAMPAIGN_METHOD],
  ])('campaign configured with %s runs %s', (configured, expected) => {
    expect(campaignMethod(configured)).toBe(expected);
  });

  it('new competence evaluations and campaigns run the Bayesian engine (issue 8, round 4)', () => {
    expect([DEFAULT_COMPETENCE_EVALUATION_METHOD, DEFAULT_CAMPAIGN_METHOD]).toEqual(['BAYES', 'BAYES']);
  });

  it('defaults are adaptive campaign methods', () => {
    expect(CAMPAIGN_METHODS).toContain(DEFAULT_CAMPAIGN_METHOD);
    expect(CAMPAIGN_METHODS).toContain(DEFAULT_COMPETENCE_EVALUATION_METHOD);
  });
});
