import { describe, expect, it } from 'vitest';
import { createRng } from '../random/seeded-rng';
import { CAMPAIGN_CODE_INPUT, CAMPAIGN_CODE_PATTERN, generateCampaignCode, normaliseCampaignCode } from './campaign-code';

/** a random source that always draws the same index, clamped to the range it is asked for */
const always = (index: number) => (n: number) => Math.min(index, n - 1);

describe('campaign codes', () => {
  it.each(['codes', 'autre graine', 'CLGJMA501'])('generated with seed %j: 6 readable letters then 3 digits from 2–9', (seed) => {
    const rng = createRng(seed);
    for (let i = 0; i < 500; i++) {
      const code = generateCampaignCode(() => false, (n) => rng.nextInt(n));
      expect(code).toMatch(CAMPAIGN_CODE_PATTERN);
      expect(code).toMatch(/^[A-HJKMNP-Z]{6}[2-9]{3}$/);
      expect(code).not.toMatch(/[01ILO]/);
    }
  });

  it.each([
    ['the first index of each alphabet', always(0), 'AAAAAA222'],
    ['the last index of each alphabet', always(Number.MAX_SAFE_INTEGER), 'ZZZZZZ999'],
    ['index 1 (the old digit 2)', always(1), 'BBBBBB333'],
  ])('with %s the code is %s', (_label, randomInt, expected) => {
    expect(generateCampaignCode(() => false, randomInt)).toBe(expected);
  });

  it('draws each digit among exactly 8 values (2–9)', () => {
    const asked: number[] = [];
    generateCampaignCode(() => false, (n) => (asked.push(n), 0));
    expect(asked).toEqual([23, 23, 23, 23, 23, 23, 8, 8, 8]);
  });

  it('are regenerated until unused', () => {
    const draws = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const code = generateCampaignCode((c) => c === 'AAAAAA222', () => draws.shift() ?? 0);
    expect(code).toBe('BBBBBB333');
  });

  it.each([
    [' abcdef123 ', 'ABCDEF123', true],
    ['ABC DEF 123', 'ABCDEF123', true],
    // codes generated before the 2–9 rule (digits 0/1) are still accepted
    ['clgjma501', 'CLGJMA501', true],
    ['CLGJMB302', 'CLGJMB302', true],
    ['ABCDEF100', 'ABCDEF100', true],
    ['ABCDEF12', 'ABCDEF12', false],
    ['ABCDEF12!', 'ABCDEF12!', false],
  ])('normalises %j → %s (valid input: %s)', (input, normalised, valid) => {
    expect(normaliseCampaignCode(input)).toBe(normalised);
    expect(CAMPAIGN_CODE_INPUT.test(normalised)).toBe(valid);
  });
});
