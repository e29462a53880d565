/** The device records the end of a test once per answer history: no push loop when the node turns it back. */
import { describe, expect, it } from 'vitest';
import { answerHistoryKey, shouldRecordCompletion } from './completion';

const answers = [{ id: 'a1', receivedAt: '2026-11-23T10:00:00.000Z' }, { id: 'a2' }];

describe('recording the end of a test', () => {
  it('records it when the engine says done on a started test', () => {
    expect(shouldRecordCompletion({ done: true, state: 'started', history: answerHistoryKey(answers), recordedFor: null })).toBe(true);
  });

  it('not while the test goes on, nor once completed or aborted', () => {
    const history = answerHistoryKey(answers);
    expect(shouldRecordCompletion({ done: false, state: 'started', history, recordedFor: null })).toBe(false);
    expect(shouldRecordCompletion({ done: true, state: 'completed', history, recordedFor: null })).toBe(false);
    expect(shouldRecordCompletion({ done: true, state: 'aborted', history, recordedFor: null })).toBe(false);
  });

  it('the node turned it back to started: not again on the same answers (no push loop)', () => {
    const history = answerHistoryKey(answers);
    expect(shouldRecordCompletion({ done: true, state: 'started', history, recordedFor: history })).toBe(false);
  });

  it('again once the history changed: a stamp of the node arrived, or another answer', () => {
    const recordedFor = answerHistoryKey(answers);
    const stamped = answerHistoryKey([answers[0], { id: 'a2', receivedAt: '2026-11-23T10:00:05.000Z' }]);
    expect(stamped).not.toBe(recordedFor);
    expect(shouldRecordCompletion({ done: true, state: 'started', history: stamped, recordedFor })).toBe(true);
    expect(shouldRecordCompletion({ done: true, state: 'started', history: answerHistoryKey([...answers, { id: 'a3' }]), recordedFor })).toBe(true);
  });
});
