/**
 * Property test of the merge rules: any permutation of a batch, with random duplications, folded
 * into a store by the collection's rule, gives the same stored documents and the same derived state
 * (effective answers, superseded flags, knowledge elements).
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../random/seeded-rng';
import { knowledgeElementsForAnswers } from '../scoring/knowledge-elements';
import { buildIndex, challengeIdOf, skillIdOf } from '../testing/builders';
import { mergeAnswer, mergeCampaignParticipation, mergeUserTutorial, orderAssessmentAnswers } from './merge';
import type { AnswerDoc, CampaignParticipationDoc, UserTutorialDoc } from './protocol';

const index = buildIndex({ competences: [{ tubes: [{ name: '@a', levels: [1, 2, 3, 4] }, { name: '@b', levels: [1, 3, 5] }] }] });
const challenges = [1, 2, 3, 4].flatMap((l) => [challengeIdOf('@a', l, 0), challengeIdOf('@a', l, 1)]).concat([1, 3, 5].map((l) => challengeIdOf('@b', l)));
const targets = new Set([1, 2, 3, 4].map((l) => skillIdOf('@a', l)).concat([1, 3, 5].map((l) => skillIdOf('@b', l))));

function shuffledWithDuplicates<T>(items: T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = 0; i < items.length; i++) if (rng.nextInt(3) === 0) out.push(items[rng.nextInt(items.length)]);
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function fold<T extends { id: string }>(docs: T[], merge: (m: T | undefined, d: T) => T): Map<string, T> {
  const store = new Map<string, T>();
  for (const doc of docs) store.set(doc.id, merge(store.get(doc.id), doc));
  return new Map([...store].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Two devices answering the same assessment, sometimes the same challenge, with clashing clocks. */
function answersOfTwoDevices(rng: Rng): AnswerDoc[] {
  const answers: AnswerDoc[] = [];
  for (let i = 0; i < 14; i++) {
    const minute = rng.nextInt(20);
    const createdAt = `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
    answers.push({
      id: `ans-${rng.nextInt(1_000_000)}-${i}`, userId: 'u', assessmentId: 'as', challengeId: challenges[rng.nextInt(challenges.length)],
      value: rng.nextInt(2) === 0 ? '1' : '2', timeout: null, focusedOut: false, timeSpent: 5, createdAt,
      result: 'ok', updatedAt: createdAt, _deleted: false,
    });
  }
  return answers.map((a) => ({ ...a, result: a.value === '1' ? 'ok' : 'ko' }));
}

function derived(store: Map<string, AnswerDoc>) {
  const { ordered, effective, superseded } = orderAssessmentAnswers([...store.values()]);
  return {
    ordered: ordered.map((a) => a.id),
    superseded: [...superseded].sort(),
    kes: knowledgeElementsForAnswers(index, targets, [], effective),
  };
}

describe('merge rules are order-free and idempotent (property)', () => {
  it('answers: 200 random batches, each replayed in 5 shuffled/duplicated orders', () => {
    for (let run = 0; run < 200; run++) {
      const rng = createRng(`answers-${run}`);
      const batch = answersOfTwoDevices(rng);
      const reference = derived(fold(batch, mergeAnswer));
      expect(reference.ordered).toHaveLength(batch.length);
      for (let k = 0; k < 5; k++) {
        const store = fold(shuffledWithDuplicates(batch, rng), mergeAnswer);
        expect(store.size).toBe(batch.length);
        expect(derived(store)).toEqual(reference);
      }
    }
  });

  it('a second answer to a challenge is kept but superseded, whatever the arrival order', () => {
    const first = { id: 'b', challengeId: 'c1', createdAt: '2026-03-01T10:00:00.000Z' };
    const second = { id: 'a', challengeId: 'c1', createdAt: '2026-03-01T10:05:00.000Z' };
    const tie = { id: 'c', challengeId: 'c1', createdAt: '2026-03-01T10:00:00.000Z' };
    for (const order of [[first, second, tie], [tie, second, first], [second, tie, first]]) {
      const result = orderAssessmentAnswers(order);
      expect(result.effective.map((a) => a.id)).toEqual(['b']);
      expect([...result.superseded].sort()).toEqual(['a', 'c']);
      expect(result.ordered.map((a) => a.id)).toEqual(['b', 'c', 'a']);
    }
  });

  it('stamped answers with forged device dates: the first RECEIVED answer to a challenge counts, in any arrival order', () => {
    for (let run = 0; run < 200; run++) {
      const rng = createRng(`stamped-${run}`);
      // Device dates are noise (a pupil may back-date anything); reception stamps are the node's, 1 s apart.
      const batch = answersOfTwoDevices(rng).map((a, i) => ({
        ...a,
        createdAt: `20${10 + rng.nextInt(15)}-01-01T00:00:00.000Z`,
        receivedAt: `2026-03-01T10:00:${String(i).padStart(2, '0')}.000Z`,
      }));
      const reference = derived(fold(batch, mergeAnswer));
      const firstByChallenge = new Map<string, string>();
      for (const a of batch) if (!firstByChallenge.has(a.challengeId)) firstByChallenge.set(a.challengeId, a.id);
      const effective = orderAssessmentAnswers(batch).effective.map((a) => a.id);
      expect(effective.sort()).toEqual([...firstByChallenge.values()].sort());
      for (let k = 0; k < 5; k++) expect(derived(fold(shuffledWithDuplicates(batch, rng), mergeAnswer))).toEqual(reference);
    }
  });

  it('the same answer stamped by two nodes keeps the earliest stamp, whatever the order (mergeAnswer)', () => {
    const base = answersOfTwoDevices(createRng('twice'))[0];
    const atRelay = { ...base, receivedAt: '2026-03-01T10:00:00.000Z' };
    const atCentral = { ...base, receivedAt: '2026-03-01T18:00:00.000Z' };
    const unstamped = { ...base, receivedAt: undefined };
    for (const order of [[atRelay, atCentral, unstamped], [atCentral, unstamped, atRelay], [unstamped, atCentral, atRelay]]) {
      expect(fold(order, mergeAnswer).get(base.id)?.receivedAt).toBe('2026-03-01T10:00:00.000Z');
    }
  });

  it('an answer the node has not stamped yet (still on the device) comes after every stamped one', () => {
    const stamped = { id: 'z', challengeId: 'c1', createdAt: '2026-03-01T10:05:00.000Z', receivedAt: '2026-03-01T10:06:00.000Z' };
    const local = { id: 'a', challengeId: 'c1', createdAt: '2020-01-01T00:00:00.000Z' };
    expect(orderAssessmentAnswers([local, stamped]).effective.map((a) => a.id)).toEqual(['z']);
  });

  it('campaign participations: status only moves forward, earliest sharing kept', () => {
    const statuses = ['STARTED', 'TO_SHARE', 'SHARED'] as const;
    for (let run = 0; run < 200; run++) {
      const rng = createRng(`participations-${run}`);
      const versions: CampaignParticipationDoc[] = Array.from({ length: 4 }, (_, i) => {
        const status = statuses[rng.nextInt(3)];
        const minute = String(10 + rng.nextInt(40)).padStart(2, '0');
        return {
          id: 'cp', campaignId: 'camp', userId: 'u', status, participantExternalId: rng.nextInt(2) ? null : `ext-${i}`,
          createdAt: `2026-03-01T09:${String(rng.nextInt(10)).padStart(2, '0')}:00.000Z`,
          sharedAt: status === 'SHARED' ? `2026-03-01T11:${minute}:00.000Z` : null, updatedAt: `2026-03-01T12:${minute}:00.000Z`, _deleted: false,
        };
      });
      const reference = fold(versions, mergeCampaignParticipation).get('cp');
      const best = Math.max(...versions.map((v) => statuses.indexOf(v.status)));
      expect(reference?.status).toBe(statuses[best]);
      for (let k = 0; k < 5; k++) expect(fold(shuffledWithDuplicates(versions, rng), mergeCampaignParticipation).get('cp')).toEqual(reference);
    }
  });

  it('user tutorials: last writer wins, ties resolved by content, whatever the order', () => {
    for (let run = 0; run < 200; run++) {
      const rng = createRng(`tutorials-${run}`);
      const versions: UserTutorialDoc[] = Array.from({ length: 5 }, () => ({
        id: 'u:t', userId: 'u', tutorialId: 't', saved: rng.nextInt(2) === 0, useful: [true, false, null][rng.nextInt(3)],
        updatedAt: `2026-03-01T12:0${rng.nextInt(4)}:00.000Z`, _deleted: rng.nextInt(4) === 0,
      }));
      const reference = fold(versions, mergeUserTutorial).get('u:t');
      const newest = Math.max(...versions.map((v) => Date.parse(v.updatedAt)));
      expect(Date.parse(reference?.updatedAt ?? '')).toBe(newest);
      for (let k = 0; k < 5; k++) expect(fold(shuffledWithDuplicates(versions, rng), mergeUserTutorial).get('u:t')).toEqual(reference);
    }
  });
});
