import { describe, expect, it } from 'vitest';
import { buildKnowledgeElement } from '../testing/builders';
import {
  canImprove, canReset, knowledgeElementsForImprovement, lastKnowledgeElementDate, remainingDaysBeforeImproving,
  remainingDaysBeforeReset,
} from './delays';

const last = '2025-01-01T12:00:00.000Z';
const after = (days: number): string => new Date(Date.parse(last) + days * 86_400_000).toISOString();

describe('reset delay: 7 days (§2.4)', () => {
  it.each([
    [0, 7, false], [1, 6, false], [6.9, 1, false], [7, 0, true], [10, 0, true],
  ] as const)('after %d days → %d days left, allowed %s', (days, remaining, allowed) => {
    expect(remainingDaysBeforeReset(last, after(days))).toBe(remaining);
    expect(canReset(last, after(days))).toBe(allowed);
  });
  it('cannot reset a competence never started', () => {
    expect(canReset(null, after(30))).toBe(false);
  });
});

describe('no answered KE (never started, or reset with nothing answered since): no delay to count', () => {
  it.each([
    ['remaining days before reset', () => remainingDaysBeforeReset(null, after(0)), null],
    ['remaining days before improving', () => remainingDaysBeforeImproving(null, after(0)), null],
    ['remaining days before reset, much later', () => remainingDaysBeforeReset(null, after(30)), null],
    ['remaining days before improving, much later', () => remainingDaysBeforeImproving(null, after(30)), null],
    ['reset allowed', () => canReset(null, after(30)), false],
    ['improve allowed', () => canImprove(null, after(30), 1, 6), false],
  ] as const)('%s → %s', (_label, compute, expected) => {
    expect(compute()).toBe(expected);
  });
});

describe('improve delay: 4 days and not at max level', () => {
  it.each([
    [3.9, 1, 2, false], [4, 0, 2, true], [5, 0, 6, false], [5, 0, 5, true],
  ] as const)('after %d days → %d left; level %d → %s', (days, remaining, level, allowed) => {
    expect(remainingDaysBeforeImproving(last, after(days))).toBe(remaining);
    expect(canImprove(last, after(days), level, 6)).toBe(allowed);
  });
});

describe('knowledgeElementsForImprovement', () => {
  it('keeps validated KEs and invalidated ones younger than 4 days', () => {
    const assessmentCreatedAt = after(10);
    const kes = [
      buildKnowledgeElement({ id: 'old-ok', status: 'validated', createdAt: after(0) }),
      buildKnowledgeElement({ id: 'old-ko', status: 'invalidated', createdAt: after(0) }),
      buildKnowledgeElement({ id: 'ko-4-days', status: 'invalidated', createdAt: after(6) }),
      buildKnowledgeElement({ id: 'ko-3.9-days', status: 'invalidated', createdAt: after(6.1) }),
    ];
    expect(knowledgeElementsForImprovement(kes, assessmentCreatedAt).map((ke) => ke.id)).toEqual(['old-ok', 'ko-3.9-days']);
  });

  it('finds the last KE date', () => {
    expect(lastKnowledgeElementDate([buildKnowledgeElement({ createdAt: after(2) }), buildKnowledgeElement({ createdAt: after(1) })])).toBe(after(2));
    expect(lastKnowledgeElementDate([])).toBeNull();
  });
});
