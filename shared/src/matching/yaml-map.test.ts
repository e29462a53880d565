import { describe, expect, it } from 'vitest';
import { parseYamlMap, stringifyYamlMap, type YamlValue } from './yaml-map';

describe('parseYamlMap (failsafe subset)', () => {
  const cases: { name: string; text: string; entries: [string, YamlValue][] }[] = [
    { name: 'scalars', text: 'nom: Dupont\nville: Brest', entries: [['nom', 'Dupont'], ['ville', 'Brest']] },
    { name: 'numbers stay strings', text: 'age: 12', entries: [['age', '12']] },
    { name: 'flow list', text: 'nom: [Dupont, "DUPONT"]', entries: [['nom', ['Dupont', 'DUPONT']]] },
    { name: 'block list', text: 'nom:\n- Dupont\n- DUPONT\nville:\n  - Brest', entries: [['nom', ['Dupont', 'DUPONT']], ['ville', ['Brest']]] },
    { name: 'double quotes with escapes', text: 'a: "x: \\"y\\""', entries: [['a', 'x: "y"']] },
    { name: 'single quotes', text: "a: 'l''été'", entries: [['a', "l'été"]] },
    { name: 'empty value', text: 'a:\nb: ""', entries: [['a', ''], ['b', '']] },
    { name: 'comments and blank lines', text: '# c\n\na: 1 # note\n', entries: [['a', '1']] },
    { name: 'colon inside a plain value', text: 'heure: 10:30', entries: [['heure', '10:30']] },
    { name: 'quoted comma in a flow list', text: 'a: ["1,5", 2]', entries: [['a', ['1,5', '2']]] },
  ];
  it.each(cases)('$name', ({ text, entries }) => {
    expect(parseYamlMap(text)).toEqual({ ok: true, entries });
  });

  const errors: [string, string][] = [
    ['list item without key', '- a'],
    ['no separator', 'juste du texte'],
    ['duplicate key', 'a: 1\na: 2'],
  ];
  it.each(errors)('rejects %s', (_name, text) => {
    expect(parseYamlMap(text).ok).toBe(false);
  });

  it('round-trips what the client sends', () => {
    const sent = stringifyYamlMap({ nom: 'Dupont: "Jean"', ville: "l'Île" });
    expect(parseYamlMap(sent)).toEqual({ ok: true, entries: [['nom', 'Dupont: "Jean"'], ['ville', "l'Île"]] });
  });
});
