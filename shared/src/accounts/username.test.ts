import { describe, expect, it } from 'vitest';
import { generateTemporaryPassword, generateUsername, isValidPassword, standardiseName } from './username';

describe('standardiseName', () => {
  it.each([
    ['Éloïse', 'eloise'],
    ['Jean-Baptiste', 'jeanbaptiste'],
    ["N'Diaye", 'ndiaye'],
    ['Le Gall', 'legall'],
    ['ÇA', 'ca'],
  ])('%s → %s', (input, expected) => {
    expect(standardiseName(input)).toBe(expected);
  });
});

describe('generateUsername', () => {
  const person = { firstName: 'Léa', lastName: 'Martin-Dupré', birthdate: '2012-03-07' };
  it('uses first.last + DDMM of birth', () => {
    expect(generateUsername(person, () => false, () => 0)).toBe('lea.martindupre0703');
  });
  it('replaces DDMM by 4 random digits when taken, until free', () => {
    const taken = new Set(['lea.martindupre0703', 'lea.martindupre0042']);
    const draws = [42, 7];
    expect(generateUsername(person, (u) => taken.has(u), () => draws.shift() ?? 0)).toBe('lea.martindupre0007');
  });
});

describe('passwords', () => {
  it('temporary password: 6 letters from the readable alphabet then 2 digits', () => {
    let i = 0;
    const password = generateTemporaryPassword((n) => (i++ * 7) % n);
    expect(password).toMatch(/^[abcdefghjkmnpqrstuvwxyz]{6}\d{2}$/);
  });
  it.each([
    ['Pix12345', true],
    ['pix12345', false],
    ['PIX12345', false],
    ['Pixpixpix', false],
    ['Pix1234', false],
  ])('policy %s → %s', (password, ok) => {
    expect(isValidPassword(password)).toBe(ok);
  });
});
