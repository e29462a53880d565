import { describe, expect, it } from 'vitest';
import { hashInt } from './hash-int';

describe('hashInt', () => {
  // Reference values are those of Java's String.hashCode().
  it.each([
    ['', 0],
    ['a', 97],
    ['abc', 96354],
    ['hello', 99162322],
    ['Hello World', -862545276],
  ])('hashInt(%j) = %i', (input, expected) => {
    expect(hashInt(input)).toBe(expected);
  });

  it('stays a signed 32-bit integer on long inputs', () => {
    const h = hashInt('7f3c2a10-5e1b-4c8f-9a2d-0b6e4f1c9d83'.repeat(20));
    expect(Number.isInteger(h)).toBe(true);
    expect(h).toBeGreaterThanOrEqual(-(2 ** 31));
    expect(h).toBeLessThan(2 ** 31);
  });

  it('is deterministic and differs for close inputs', () => {
    expect(hashInt('assessment-1')).toBe(hashInt('assessment-1'));
    expect(hashInt('assessment-1')).not.toBe(hashInt('assessment-2'));
  });
});
