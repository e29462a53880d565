import { describe, expect, it } from 'vitest';
import { parseYamlMap } from '../../../../shared/src/matching/yaml-map';
import { parseProposals } from '../../../../shared/src/model/proposals';
import { answerValue, emptyDraft, missingAnswerMessage } from './answer-value';

describe('answer value', () => {
  const qcm = parseProposals('- a\n- b\n- c');
  const qroc = parseProposals('Réponse : ${reponse#ex. 12}');
  const qrocm = parseProposals('Nom : ${nom}\nVille : ${ville options=["Brest","Quimper"]}');

  it.each([
    ['QCU', qcm, { ...emptyDraft(), choice: 2 }, '2'],
    ['QCM', qcm, { ...emptyDraft(), choices: [3, 1] }, '1,3'],
    ['QROC', qroc, { ...emptyDraft(), blocks: { reponse: '  42 ' } }, '42'],
  ] as const)('%s → %j', (type, parsed, draft, expected) => {
    expect(answerValue(type, parsed, { ...draft, choices: [...draft.choices] })).toBe(expected);
  });

  it('QROCM → a YAML map the matcher reads back, even with a colon in a value', () => {
    const value = answerValue('QROCM-ind', qrocm, { ...emptyDraft(), blocks: { nom: 'Dupont: Jean', ville: 'Brest' } });
    const parsed = parseYamlMap(value);
    expect(parsed).toEqual({ ok: true, entries: [['nom', 'Dupont: Jean'], ['ville', 'Brest']] });
  });

  it.each([
    ['QCU', qcm, emptyDraft(), 'sélectionnez une réponse'],
    ['QCM', qcm, emptyDraft(), 'au moins une réponse'],
    ['QROC', qroc, { ...emptyDraft(), blocks: { reponse: '   ' } }, 'remplir le champ texte'],
    ['QROCM-ind', qrocm, { ...emptyDraft(), blocks: { nom: 'x' } }, 'remplir tous les champs'],
  ] as const)('empty %s is refused with a French message', (type, parsed, draft, fragment) => {
    expect(missingAnswerMessage(type, parsed, { ...draft, choices: [...draft.choices] })).toContain(fragment);
  });

  it('a complete answer passes', () => {
    expect(missingAnswerMessage('QROCM-dep', qrocm, { ...emptyDraft(), blocks: { nom: 'x', ville: 'Brest' } })).toBeNull();
  });
});
