import { describe, expect, it } from 'vitest';
import type { AnswerStatus, Challenge } from '../model/types';
import { buildChallenge } from '../testing/builders';
import { matchAnswer, type MatchContext } from './match-answer';

const plain: MatchContext = { timeout: null, focusedOut: false, isCertification: false };
const status = (challenge: Challenge, value: string, ctx: MatchContext = plain): AnswerStatus => matchAnswer(challenge, value, ctx).result;

const qcu = buildChallenge({ type: 'QCU', solution: { value: '2', deactivations: {} } });
const qcm = buildChallenge({ type: 'QCM', solution: { value: '1,3', deactivations: {} } });
const qroc = (value: string, extra: Partial<Challenge> = {}, deactivations = {}): Challenge =>
  buildChallenge({ type: 'QROC', proposals: '${reponse}', solution: { value, deactivations }, ...extra });

describe('QCU: exact', () => {
  it.each([['2', 'ok'], ['1', 'ko'], [' 2', 'ko'], ['', 'ko']] as const)('%j → %s', (value, expected) => {
    expect(status(qcu, value)).toBe(expected);
  });
});

describe('QCM: unordered comma sets, no partial credit', () => {
  it.each([['1,3', 'ok'], ['3, 1', 'ok'], [' 3 ,1 ', 'ok'], ['1', 'ko'], ['1,2,3', 'ko'], ['1,1,3', 'ko']] as const)('%j → %s', (value, expected) => {
    expect(status(qcm, value)).toBe(expected);
  });
});

describe('QROC: treatments', () => {
  const cases: { name: string; challenge: Challenge; value: string; expected: AnswerStatus }[] = [
    { name: 'accents and case ignored (t1)', challenge: qroc('Noël'), value: 'noel', expected: 'ok' },
    { name: 'non-breaking spaces', challenge: qroc('mot de passe'), value: 'mot\u00A0de\u00A0passe', expected: 'ok' },
    { name: 'punctuation ignored (t2)', challenge: qroc('Qwant'), value: 'Qwant !', expected: 'ok' },
    { name: 'one typo in 4 letters accepted (ratio 0.25)', challenge: qroc('pomme'), value: 'pome', expected: 'ok' },
    { name: 'two typos in 5 letters refused (ratio 0.4)', challenge: qroc('pomme'), value: 'pxmmx', expected: 'ko' },
    { name: 'second accepted line', challenge: qroc('Firefox\nChrome'), value: 'chrome', expected: 'ok' },
    { name: 't3 deactivated: typo refused', challenge: qroc('pomme', {}, { t3: true }), value: 'pome', expected: 'ko' },
    { name: 't1 deactivated: case matters', challenge: qroc('Brest', {}, { t1: true, t3: true }), value: 'brest', expected: 'ko' },
    { name: 'empty answer refused', challenge: qroc('a'), value: '', expected: 'ko' },
    { name: 'select block: exact, no treatment', challenge: qroc('Oui', { solution: { value: 'Oui', deactivations: {}, qrocBlocksTypes: { reponse: 'select' } } }), value: 'oui', expected: 'ko' },
    { name: 'select block: exact value accepted', challenge: qroc('Oui', { solution: { value: 'Oui', deactivations: {}, qrocBlocksTypes: { reponse: 'select' } } }), value: 'Oui', expected: 'ok' },
  ];
  it.each(cases)('$name', ({ challenge, value, expected }) => {
    expect(status(challenge, value)).toBe(expected);
  });
});

describe('QROC format nombre', () => {
  const nombre = qroc('3.5', { format: 'nombre' }, { t3: true });
  const thousands = qroc('1000', { format: 'nombre' }, { t3: true });
  it.each([
    [nombre, '3,5', 'ok'], [nombre, '3.50', 'ok'], [nombre, ' 3,5 ', 'ok'], [nombre, '35', 'ko'], [nombre, '3,6', 'ko'],
    [thousands, '1 000', 'ok'], [thousands, '1\u00A0000', 'ok'], [thousands, '1000,0', 'ok'], [thousands, '100', 'ko'],
  ] as const)('%#: %j', (challenge, value, expected) => {
    expect(status(challenge, value)).toBe(expected);
  });
});

describe('QROCM-ind: per key, with details', () => {
  const challenge = buildChallenge({
    type: 'QROCM-ind',
    solution: { value: 'nom:\n- Dupont\nville:\n- Brest\n- Brest-Ville\nchoix:\n- Oui', deactivations: {}, qrocBlocksTypes: { nom: 'text', ville: 'text', choix: 'select' } },
  });
  const cases: { value: string; result: AnswerStatus; details: Record<string, boolean> }[] = [
    { value: 'nom: dupont\nville: brest\nchoix: Oui', result: 'ok', details: { nom: true, ville: true, choix: true } },
    { value: 'nom: Durand\nville: Brest\nchoix: Oui', result: 'ko', details: { nom: false, ville: true, choix: true } },
    { value: 'ville: Brest\nnom: Dupont\nchoix: oui', result: 'ko', details: { nom: true, ville: true, choix: false } },
    { value: 'nom: Dupont\nville: Brest', result: 'ko', details: { nom: true, ville: true, choix: false } },
    { value: 'nom: Dupont\nville: Brest\nchoix: Oui\nautre: x', result: 'ko', details: { nom: true, ville: true, choix: true, autre: false } },
  ];
  it.each(cases)('$value', ({ value, result, details }) => {
    expect(matchAnswer(challenge, value, plain)).toEqual({ result, resultDetails: details });
  });
  it('does not match a value against another key', () => {
    expect(status(challenge, 'nom: Brest\nville: Dupont\nchoix: Oui')).toBe('ko');
  });
});

describe('QROCM-dep: order-free, each solution key consumed once', () => {
  const challenge = buildChallenge({
    type: 'QROCM-dep',
    solution: { value: 'n1:\n- Firefox\n- Mozilla Firefox\nn2:\n- Chrome\n- Chromium\nn3:\n- Edge', deactivations: {} },
  });
  it.each([
    ['n1: Firefox\nn2: Chrome', 'ok'],
    ['n1: Chrome\nn2: firefox', 'ok'],
    ['n1: Edge\nn2: Chromium', 'ok'],
    ['n1: Chrome\nn2: Chromium', 'ko'],
    ['n1: Firefox\nn2: Firefox', 'ko'],
    ['n1: Firefox\nn2: Opera', 'ko'],
    ['n1: Firefox\nn2:', 'ko'],
  ] as const)('%j → %s', (value, expected) => {
    expect(status(challenge, value)).toBe(expected);
  });
});

describe('skip, timer and focus (§1.4)', () => {
  const focused = buildChallenge({ type: 'QCU', solution: { value: '1', deactivations: {} }, focused: true, timer: 30 });
  const cases: { name: string; value: string; ctx: MatchContext; expected: AnswerStatus }[] = [
    { name: 'skip', value: '#ABAND#', ctx: plain, expected: 'aband' },
    { name: 'skip even when timed out', value: '#ABAND#', ctx: { ...plain, timeout: -3 }, expected: 'aband' },
    { name: 'wrong and timed out ⇒ ko', value: '2', ctx: { ...plain, timeout: -3 }, expected: 'ko' },
    { name: 'wrong and focus lost ⇒ ko', value: '2', ctx: { ...plain, focusedOut: true, isCertification: true }, expected: 'ko' },
    { name: 'correct, time left', value: '1', ctx: { ...plain, timeout: 5 }, expected: 'ok' },
    { name: 'correct, timer at 0 is not elapsed', value: '1', ctx: { ...plain, timeout: 0 }, expected: 'ok' },
    { name: 'correct but timed out', value: '1', ctx: { ...plain, timeout: -1 }, expected: 'timedout' },
    { name: 'correct, focus lost outside certification', value: '1', ctx: { ...plain, focusedOut: true }, expected: 'ok' },
    { name: 'correct, focus lost in certification', value: '1', ctx: { ...plain, focusedOut: true, isCertification: true }, expected: 'focusedOut' },
    { name: 'correct, timed out and focus lost ⇒ timedout', value: '1', ctx: { timeout: -1, focusedOut: true, isCertification: true }, expected: 'timedout' },
  ];
  it.each(cases)('$name', ({ value, ctx, expected }) => {
    expect(status(focused, value, ctx)).toBe(expected);
  });
});
