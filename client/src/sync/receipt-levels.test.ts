/**
 * The two receipts as pure rules: which documents a receipts answer confirms as « transmis » (the race
 * with a push acknowledged while the request runs, central vs relay, parking), and what the header says.
 */
import { describe, expect, it } from 'vitest';
import type { ReceiptsResponse } from '../../../shared/src/sync/schemas';
import type { SyncReceiptDoc, TransmissionDoc } from '../db/schemas';
import { answersState, awaitingTransmission, headline, levelOf, secondReceipts } from './receipt-levels';

const v1 = '2026-11-23T09:00:00.000Z';
const v2 = '2026-11-23T09:30:00.000Z';
const receipt = (id: string, at: string, updatedAt = v1): SyncReceiptDoc => ({ id: `answers:${id}`, syncCollection: 'answers', updatedAt, at });
const transmission = (id: string, state: TransmissionDoc['state'], updatedAt = v1, reason: string | null = null): TransmissionDoc => ({
  id: `answers:${id}`, syncCollection: 'answers', updatedAt, state, reason, at: '2026-11-23T09:59:00.000Z',
});
const byId = <T extends { id: string }>(docs: T[]) => new Map(docs.map((d) => [d.id, d]));
const relayAnswer = (pending: string[] = [], parked: [string, string][] = []): ReceiptsResponse => ({
  node: 'relay',
  checkedAt: '2026-11-23T10:00:00.500Z',
  upstreamPending: pending.map((id) => ({ collection: 'answers', id })),
  upstreamParked: parked.map(([id, reason]) => ({ collection: 'answers', id, code: 'UNKNOWN_CHALLENGE', reason })),
});
const REQUESTED = '2026-11-23T10:00:00.000Z';
const NOW = '2026-11-23T10:00:01.000Z';
const BEFORE = '2026-11-23T09:59:59.000Z';
const AFTER = '2026-11-23T10:00:00.200Z';

describe('secondReceipts', () => {
  it('a relay confirms the receipts written before the request that are not in its outbox', () => {
    const receipts = [receipt('a', BEFORE), receipt('b', BEFORE), receipt('late', AFTER), receipt('same-ms', REQUESTED)];
    const { upserts, removals } = secondReceipts(receipts, new Map(), relayAnswer(['b']), REQUESTED, NOW);
    expect(upserts).toEqual([{ id: 'answers:a', syncCollection: 'answers', updatedAt: v1, state: 'transmitted', reason: null, at: NOW }]);
    expect(removals).toEqual([]);
  });

  it('a push acknowledged while the request ran is not confirmed by that answer, but by the next one', () => {
    // the relay computed its outbox list before this push committed: `late` is missing from it although not forwarded
    const late = receipt('late', AFTER);
    expect(secondReceipts([late], new Map(), relayAnswer([]), REQUESTED, NOW).upserts).toEqual([]);
    const next = secondReceipts([late], new Map(), relayAnswer([]), '2026-11-23T10:00:03.000Z', NOW);
    expect(next.upserts.map((t) => [t.id, t.state])).toEqual([['answers:late', 'transmitted']]);
  });

  it('central confirms every receipt, even one written during the request', () => {
    const answer: ReceiptsResponse = { node: 'central', checkedAt: NOW, upstreamPending: [], upstreamParked: [] };
    const { upserts } = secondReceipts([receipt('a', BEFORE), receipt('late', AFTER)], new Map(), answer, REQUESTED, NOW);
    expect(upserts.map((t) => t.id)).toEqual(['answers:a', 'answers:late']);
  });

  it('parked documents are parked with the reason; parked again with the same reason writes nothing; pending again un-parks', () => {
    const receipts = [receipt('refused', BEFORE)];
    const parkedAnswer = relayAnswer([], [['refused', "Cette épreuve n'existe pas."]]);
    const first = secondReceipts(receipts, new Map(), parkedAnswer, REQUESTED, NOW);
    expect(first.upserts).toEqual([{ id: 'answers:refused', syncCollection: 'answers', updatedAt: v1, state: 'parked', reason: "Cette épreuve n'existe pas.", at: NOW }]);
    const stored = byId(first.upserts);
    expect(secondReceipts(receipts, stored, parkedAnswer, REQUESTED, NOW)).toEqual({ upserts: [], removals: [] });
    expect(secondReceipts(receipts, stored, relayAnswer(['refused']), REQUESTED, NOW)).toEqual({ upserts: [], removals: ['answers:refused'] });
    expect(secondReceipts(receipts, stored, relayAnswer([]), REQUESTED, NOW).upserts.map((t) => t.state)).toEqual(['transmitted']);
  });

  it('a transmitted version never goes back; a newer version needs its own second receipt', () => {
    const done = byId([transmission('a', 'transmitted')]);
    expect(secondReceipts([receipt('a', BEFORE)], done, relayAnswer(['a']), REQUESTED, NOW)).toEqual({ upserts: [], removals: [] });
    // the node re-scored the answer: version v2 acknowledged, still in the relay's outbox
    expect(secondReceipts([receipt('a', BEFORE, v2)], done, relayAnswer(['a']), REQUESTED, NOW)).toEqual({ upserts: [], removals: [] });
    expect(secondReceipts([receipt('a', BEFORE, v2)], done, relayAnswer([]), REQUESTED, NOW).upserts.map((t) => t.updatedAt)).toEqual([v2]);
  });
});

describe('levels', () => {
  it('pending without a receipt of this version; stored, transmitted or parked after', () => {
    const doc = { updatedAt: v1 };
    expect(levelOf(doc, undefined, undefined, 'relay')).toBe('pending');
    expect(levelOf({ updatedAt: v2 }, receipt('a', BEFORE), transmission('a', 'transmitted'), 'relay')).toBe('pending');
    expect(levelOf(doc, receipt('a', BEFORE), undefined, 'relay')).toBe('stored');
    expect(levelOf(doc, receipt('a', BEFORE), undefined, null)).toBe('stored');
    expect(levelOf(doc, receipt('a', BEFORE), undefined, 'central')).toBe('transmitted');
    expect(levelOf(doc, receipt('a', BEFORE), transmission('a', 'transmitted'), 'relay')).toBe('transmitted');
    expect(levelOf(doc, receipt('a', BEFORE), transmission('a', 'parked', v1, 'non'), 'relay')).toBe('parked');
    expect(levelOf({ updatedAt: v2 }, receipt('a', BEFORE, v2), transmission('a', 'transmitted', v1), 'relay')).toBe('stored');
  });

  it('awaiting a second receipt: parked ones only when asked', () => {
    const receipts = [receipt('a', BEFORE), receipt('b', BEFORE), receipt('c', BEFORE)];
    const transmissions = byId([transmission('a', 'transmitted'), transmission('b', 'parked', v1, 'non')]);
    expect(awaitingTransmission(receipts, transmissions, { includeParked: true })).toBe(2);
    expect(awaitingTransmission(receipts, transmissions, { includeParked: false })).toBe(1);
  });
});

describe('headline', () => {
  const answers = ['p', 's', 't', 'x'].map((id) => ({ id, updatedAt: v1 }));
  const receipts = byId([receipt('s', BEFORE), receipt('t', BEFORE), receipt('x', BEFORE)]);
  const transmissions = byId([transmission('t', 'transmitted'), transmission('x', 'parked', v1, "Cette épreuve n'existe pas.")]);

  it('counts the answers by level', () => {
    expect(answersState(answers, receipts, transmissions, 'relay')).toEqual({ pending: 1, stored: 1, transmitted: 1, parked: [{ id: 'x', reason: "Cette épreuve n'existe pas." }] });
    expect(answersState(answers, receipts, transmissions, 'central')).toEqual({ pending: 1, stored: 0, transmitted: 3, parked: [] });
  });

  it('says what the pupil needs to know first', () => {
    const state = (pending: number, stored: number, transmitted: number, parked: string[] = []) => ({ pending, stored, transmitted, parked: parked.map((reason, i) => ({ id: String(i), reason })) });
    expect(headline(state(2, 1, 0), true, 'relay').label).toBe('2 réponses en attente');
    expect(headline(state(0, 0, 1, ['Épreuve inconnue', 'Épreuve inconnue']), true, 'relay')).toEqual({
      label: '2 réponses refusées par le serveur central', detail: 'Motif : Épreuve inconnue', tone: 'error',
    });
    expect(headline(state(0, 3, 1), true, 'relay')).toEqual({
      label: "Enregistré dans l'établissement", detail: '3 réponses en attente de transmission au serveur central', tone: 'info',
    });
    expect(headline(state(0, 0, 4), true, 'relay').label).toBe('Transmis');
    expect(headline(state(0, 0, 4), true, 'central').label).toBe('Synchronisé');
    expect(headline(state(0, 0, 0), true, 'relay').label).toBe('Synchronisé');
    expect(headline(state(1, 0, 0), false, 'relay').label).toBe('Hors ligne — 1 réponse en attente');
    expect(headline(state(0, 2, 0), false, 'relay').label).toBe("Hors ligne — enregistré dans l'établissement");
    expect(headline(state(0, 0, 2), false, null).label).toBe('Hors ligne');
  });
});
