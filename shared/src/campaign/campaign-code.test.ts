import { describe, expect, it } from 'vitest';
import { createRng } from '../random/seeded-rng';
import { CAMPAIGN_CODE_INPUT, CAMPAIGN_CODE_PATTERN, generateCampaignCode, normaliseCampaignCode } from './campaign-code';

describe('campaign codes', () => {
  it('are 6 readable letters then 3 digits without 0', () => {
    const rng = createRng('codes');
    for (let i = 0; i < 200; i++) {
      const code = generateCampaignCode(() => false, (n) => rng.nextInt(n));
      expect(code).toMatch(CAMPAIGN_CODE_PATTERN);
      expect(code).not.toMatch(/[0ILO]/);
    }
  });

  it('are regenerated until unused', () => {
    const draws = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const code = generateCampaignCode((c) => c === 'AAAAAA111', () => draws.shift() ?? 0);
    expect(code).toBe('BBBBBB222');
  });

  it.each([
    [' abcdef123 ', 'ABCDEF123', true],
    ['ABC DEF 123', 'ABCDEF123', true],
    ['ABCDEF12', 'ABCDEF12', false],
    ['ABCDEF12!', 'ABCDEF12!', false],
  ])('normalises %j → %s (valid input: %s)', (input, normalised, valid) => {
    expect(normaliseCampaignCode(input)).toBe(normalised);
    expect(CAMPAIGN_CODE_INPUT.test(normalised)).toBe(valid);
  });
});
