import { describe, expect, it } from 'vitest';
import type { Challenge } from '../model/types';
import { buildChallenge } from '../testing/builders';
import { matchQroc } from './match-qroc';
import { matchQrocmDep, matchQrocmInd } from './match-qrocm';
import { canonicalUnit, readComposite, readNumberWithUnit, unitsOfField } from './numbers';

describe('readNumberWithUnit', () => {
  it.each([
    ['23 Go', 23, 'go'],
    ['23Go', 23, 'go'],
    ['23,0 Go', 23, 'go'],
    ['23.5 gigaoctets', 23.5, 'go'],
    ['1 280', 1280, ''],
    ['1\u00A0280 px', 1280, 'px'],
    ['1\u202F280 pixels', 1280, 'px'],
    ['3 fichiers', 3, 'fichier'],
    ['  900 Mo. ', 900, 'mo'],
    ['-4', -4, ''],
  ])('%j → %d %j', (text, value, unit) => {
    expect(readNumberWithUnit(text)).toEqual({ value, unit });
  });
  it.each(['Go', '', 'vingt-trois', 'x 23'])('%j → null', (text) => {
    expect(readNumberWithUnit(text)).toBeNull();
  });
});

describe('canonicalUnit', () => {
  it.each([['Go', 'go'], ['Giga-octets', 'go'], ['GB', 'go'], ['Mo', 'mo'], ['pixels', 'px'], ['€', 'eur'], ['élèves', 'eleve'], ['cookies tiers', 'cookie tier'], ['mètres', 'm']])('%j → %j', (phrase, canonical) => {
    expect(canonicalUnit(phrase)).toBe(canonical);
  });
});

describe('unitsOfField: where the unit of a box is written', () => {
  it.each([
    { proposals: '${reponse} Go', instruction: '', expected: ['go'] },
    { proposals: 'Il manque : ${reponse} Mo', instruction: '', expected: ['mo'] },
    { proposals: 'Nombre de fichiers : ${reponse}', instruction: '', expected: ['fichier'] },
    { proposals: "Nombre d'élèves de 5e B : ${reponse}", instruction: '', expected: ['eleve'] },
    { proposals: 'Taille du python (en mètres) : ${reponse#nombre}', instruction: 'Combien de mètres mesure ce python ?', expected: ['m'] },
    { proposals: 'Montant non payé (€) : ${reponse}', instruction: '', expected: ['eur'] },
    { proposals: '${reponse} cookies tiers', instruction: '', expected: ['cookie tier', 'cookie'] },
    { proposals: 'Année : ${reponse}', instruction: "Quelle est l'année ?", expected: [] },
    { proposals: '${reponse}', instruction: 'Quelle place reste-t-il, **en Go** ?', expected: ['go'] },
  ])('$proposals / $instruction', ({ proposals, instruction, expected }) => {
    expect([...unitsOfField({ proposals, instruction })].sort()).toEqual([...expected].sort());
  });
  it('QROCM: the unit of the named box only', () => {
    expect([...unitsOfField({ proposals: 'A : ${a} Go\nB : ${b} Mo' }, 'b')]).toEqual(['mo']);
  });
});

describe('readComposite', () => {
  it.each([
    ['1280 x 720', [1280, 720]],
    ['1280×720 pixels', [1280, 720]],
    ['1280*720', [1280, 720]],
    ['1280 par 720 px', [1280, 720]],
  ])('%j → %j', (text, numbers) => {
    expect(readComposite(text)).toEqual(numbers);
  });
  it.each(['1280', '1280 x 720 Go', 'x 720'])('%j → null', (text) => {
    expect(readComposite(text)).toBeNull();
  });
});

const nombre = (value: string, proposals: string, instruction = ''): Challenge =>
  buildChallenge({ type: 'QROC', format: 'nombre', proposals, instruction, solution: { value, deactivations: {} } });

describe('QROC format nombre: a number followed by its unit', () => {
  const go = nombre('23', '${reponse} Go');
  const fichiers = nombre('3', 'Nombre de fichiers : ${reponse}');
  const px = nombre('1280', 'Largeur : ${reponse} pixels');
  const annee = nombre('2004', 'Année : ${reponse}');
  it.each([
    [go, '23 Go', true],
    [go, '23Go', true],
    [go, '23,0 Go', true],
    [go, '23 gigaoctets', true],
    [go, '23', true],
    [go, '23 Mo', false], // a different known unit: rejected, never converted
    [go, '23 pommes', false], // an unrelated word
    [go, '24 Go', false],
    [go, '23 M', false], // not a typo of « 23 »
    [fichiers, '3 fichiers', true],
    [fichiers, '3 fichier', true],
    [fichiers, '3 images', false],
    [px, '1 280', true],
    [px, '1\u00A0280 px', true],
    [px, '1280 pixels', true],
    [px, '1280 cm', false],
    [annee, '2004', true],
    [annee, '2004 ans', false],
  ] as const)('%#: %j', (challenge, answer, expected) => {
    expect(matchQroc(challenge, answer)).toBe(expected);
  });
});

describe('QROCM: numbers with units and composites', () => {
  const resolution = { value: 'actuelle:\n- 1280 x 720\n- 1280 × 720\nrecommandee:\n- 1920 x 1080', deactivations: {} };
  const proposals = 'Résolution actuelle : ${actuelle#largeur x hauteur}\n\nRésolution recommandée : ${recommandee#largeur x hauteur}';
  it.each([
    ['actuelle: 1280 x 720\nrecommandee: 1920x1080', true],
    ['actuelle: 1280 × 720 pixels\nrecommandee: 1920 x 1080 px', true],
    ['actuelle: 1280*720\nrecommandee: 1920 par 1080', true], // variants written with x / × only: * and « par » read as the same composite
    ['actuelle: 720 x 1280\nrecommandee: 1920 x 1080', false],
    ['actuelle: 1280 x 720 pommes\nrecommandee: 1920 x 1080', false],
  ])('%j → %s', (answer, expected) => {
    expect(matchQrocmInd(resolution, answer, { proposals }).ok).toBe(expected);
  });
  it('a numeric key accepts the unit printed after its box', () => {
    const solution = { value: 'reste: 2\nmanque: 900', deactivations: {} };
    const context = { proposals: 'Reste : ${reste} Mo\nIl manque : ${manque} Mo' };
    expect(matchQrocmInd(solution, 'reste: 2 Mo\nmanque: 900 Mo', context).ok).toBe(true);
    expect(matchQrocmInd(solution, 'reste: 2 Go\nmanque: 900 Mo', context).ok).toBe(false);
  });
});

describe('QROCM-dep: a duplicate answer never counts twice', () => {
  const same = { value: 'p1:\n- chiffrement\n- sauvegarde\np2:\n- chiffrement\n- sauvegarde', deactivations: {} };
  const numbers = { value: 'a:\n- 3\n- 5\nb:\n- 3\n- 5', deactivations: {} };
  it.each([
    { name: 'two distinct answers', solution: same, answer: 'p1: sauvegarde\np2: chiffrement', ok: true, details: { p1: true, p2: true } },
    { name: 'the same answer twice', solution: same, answer: 'p1: chiffrement\np2: chiffrement', ok: false, details: { p1: true, p2: false } },
    { name: 'the same answer, other case and accents', solution: same, answer: 'p1: Chiffrement\np2: chiffrément', ok: false, details: { p1: true, p2: false } },
    { name: 'a typo of the same answer (same variant hit)', solution: same, answer: 'p1: chiffrement\np2: chifrement', ok: false, details: { p1: true, p2: false } },
    { name: 'the same number twice', solution: numbers, answer: 'a: 3\nb: 3', ok: false, details: { a: true, b: false } },
    { name: 'the same number, with a unit', solution: numbers, answer: 'a: 3\nb: 3 fichiers', ok: false, details: { a: true, b: false } },
    { name: 'two distinct numbers', solution: numbers, answer: 'a: 5\nb: 3', ok: true, details: { a: true, b: true } },
  ])('$name', ({ solution, answer, ok, details }) => {
    const match = matchQrocmDep(solution, answer, { proposals: '${a} fichiers ${b} fichiers' });
    expect(match.ok).toBe(ok);
    expect(match.details).toEqual(details);
  });
});
