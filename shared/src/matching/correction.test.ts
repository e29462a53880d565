import { describe, expect, it } from 'vitest';
import { buildChallenge } from '../testing/builders';
import { correctionFor } from './correction';

describe('correctionFor', () => {
  it('shows the option text of a QCU and the options of a QCM', () => {
    const proposals = '- Firefox\n- Word\n- Chrome';
    expect(correctionFor(buildChallenge({ type: 'QCU', proposals, solution: { value: '3', deactivations: {} } }), '1').solutionToDisplay).toBe('Chrome');
    expect(correctionFor(buildChallenge({ type: 'QCM', proposals, solution: { value: '1,3', deactivations: {} } }), '1').solutionToDisplay).toBe('Firefox ; Chrome');
  });

  it('prefers the authored solutionToDisplay, else the first QROC line', () => {
    expect(correctionFor(buildChallenge({ type: 'QROC', solution: { value: 'a\nb', deactivations: {} }, solutionToDisplay: 'A ou B' }), 'x').solutionToDisplay).toBe('A ou B');
    expect(correctionFor(buildChallenge({ type: 'QROC', solution: { value: 'Brest\nbrest', deactivations: {} } }), 'x')).toEqual({ solutionToDisplay: 'Brest' });
  });

  it('QROCM-ind: one block per solution key', () => {
    const challenge = buildChallenge({ type: 'QROCM-ind', solution: { value: 'nom:\n- Dupont\nville:\n- Brest', deactivations: {} } });
    expect(correctionFor(challenge, 'nom: Durand\nville: brest')).toEqual({
      solutionToDisplay: 'nom : Dupont\nville : Brest',
      blocks: [
        { key: 'nom', answer: 'Durand', ok: false, expected: 'Dupont' },
        { key: 'ville', answer: 'brest', ok: true, expected: 'Brest' },
      ],
    });
  });

  it('QROCM-dep: wrong blocks get examples from unconsumed solution keys', () => {
    const challenge = buildChallenge({ type: 'QROCM-dep', solution: { value: 'a:\n- Firefox\nb:\n- Chrome\nc:\n- Edge', deactivations: {} } });
    expect(correctionFor(challenge, 'n1: Chrome\nn2: Opera').blocks).toEqual([
      { key: 'n1', answer: 'Chrome', ok: true, expected: 'Chrome' },
      { key: 'n2', answer: 'Opera', ok: false, expected: 'Firefox' },
    ]);
    expect(correctionFor(challenge, '#ABAND#').blocks?.map((b) => b.expected)).toEqual(['Firefox', 'Chrome', 'Edge']);
  });
});
