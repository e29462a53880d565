/**
 * buildPack on the valid fixture: the mapping from the source format to the runtime pack
 * (ids, alternative versions, IRT defaults, pix values, selects, target profiles, version hash).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPack, locate } from './build-pack';
import { solutionMapToYaml, solutionValue } from './compile-challenge';

const FIXTURE = path.join(import.meta.dirname, 'fixtures');
const { pack, errors } = buildPack(path.join(FIXTURE, 'content'), path.join(FIXTURE, 'public'));
const challenge = (id: string) => {
  const found = pack.challenges.find((c) => c.id === id);
  if (!found) throw new Error(`no challenge ${id}`);
  return found;
};

describe('buildPack on the fixture', () => {
  it('builds without error, with the referential', () => {
    expect(errors).toEqual([]);
    expect(pack.areas).toHaveLength(5);
    expect(pack.competences).toHaveLength(16);
  });

  it('derives tube, skill and thematic ids from names', () => {
    expect(pack.tubes.map((t) => t.id)).toEqual(['tube-moteurFixture', 'tube-sourceFixture']);
    expect(pack.skills.map((s) => [s.id, s.name, s.level, s.tubeId])).toEqual([
      ['skill-moteurFixture1', '@moteurFixture1', 1, 'tube-moteurFixture'],
      ['skill-moteurFixture2', '@moteurFixture2', 2, 'tube-moteurFixture'],
      ['skill-sourceFixture3', '@sourceFixture3', 3, 'tube-sourceFixture'],
    ]);
    expect(pack.thematics).toEqual([
      { id: 'thematic-1-1-1', name: 'Rechercher sur le web', index: 1, competenceId: 'competence-1-1', tubeIds: ['tube-moteurFixture', 'tube-sourceFixture'] },
    ]);
  });

  it('links tutorials and hints to skills', () => {
    const [first, second] = pack.skills;
    expect(first.tutorialIds).toEqual(['tuto-fixture-mots-cles']);
    expect(second.learningMoreTutorialIds).toEqual(['tuto-fixture-mots-cles']);
    expect(second.hint).toBe('Un résultat sponsorisé est une publicité.');
    expect(pack.tutorials.map((t) => t.id)).toEqual(['tuto-fixture-mots-cles', 'tuto-fixture-source']);
  });

  it('computes pix values: one skill per competence level is capped at 4', () => {
    expect(pack.skills.map((s) => s.pixValue)).toEqual([4, 4, 4]);
  });

  const table: { id: string; expected: Record<string, unknown> }[] = [
    { id: 'ch-fix-moteur-1-a', expected: { alternativeVersion: 1, difficulty: -2.25, discriminant: 1.4, timer: 60, focused: false, status: 'validé', locales: ['fr-fr', 'fr'] } },
    { id: 'ch-fix-moteur-1-b', expected: { alternativeVersion: 2, difficulty: -2.25, discriminant: 1.6, focused: true } },
    { id: 'ch-fix-moteur-2-a', expected: { embedUrl: '/simulators/demo/index.html?scenario=piscine', embedTitle: 'Moteur de recherche', embedHeight: 480, solution: { value: 'Piscine municipale\nPiscine de Brest', deactivations: {} } } },
    { id: 'ch-fix-moteur-2-b', expected: { format: 'nombre', attachments: ['/content/files/1.1/tableau.csv'], solution: { value: '12', deactivations: { t3: true } } } },
    { id: 'ch-fix-source-3-a', expected: { illustrationUrl: '/content/files/1.1/article.svg', illustrationAlt: "Capture d'un article de presse", solution: { value: 'auteur:\n- Marie Curie\n- M. Curie\nannee:\n- "2022"', deactivations: {}, qrocBlocksTypes: { auteur: 'text', annee: 'select' } } } },
    { id: 'ch-fix-source-3-b', expected: { difficulty: 0.5, discriminant: 1.2, competenceId: 'competence-1-1', skillId: 'skill-sourceFixture3' } },
  ];
  it.each(table)('maps challenge $id', ({ id, expected }) => {
    expect(challenge(id)).toMatchObject(expected);
  });

  it('maps target profiles: capped tubes by name, stage and badge ids', () => {
    expect(pack.targetProfiles).toHaveLength(1);
    const [tp] = pack.targetProfiles;
    expect(tp.cappedTubes).toEqual([{ tubeId: 'tube-moteurFixture', level: 2 }, { tubeId: 'tube-sourceFixture', level: 3 }]);
    expect(tp.stages.map((s) => [s.id, s.threshold])).toEqual([['tp-fixture-palier-0', 0], ['tp-fixture-palier-1', 50]]);
    expect(tp.badges[0]).toMatchObject({ id: 'badge-fixture-chercheur', key: 'FIXTURE_CHERCHEUR', criteria: [{ scope: 'CampaignParticipation', threshold: 70 }] });
    expect(tp.description).toBe('Recherche sur le web et évaluation des sources.');
  });
});

describe('pack version', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pix-version-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is a hash of the sources: same sources, same version; any change, another one', () => {
    fs.cpSync(FIXTURE, dir, { recursive: true });
    const build = () => buildPack(path.join(dir, 'content'), path.join(dir, 'public')).pack.version;
    const before = build();
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    expect(build()).toBe(before);
    const file = path.join(dir, 'content/target-profiles.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Parcours de test', 'Parcours de test 2'));
    expect(build()).not.toBe(before);
  });
});

describe('solution forms', () => {
  const cases: { type: Parameters<typeof solutionValue>[0]; source: Parameters<typeof solutionValue>[1]; expected: ReturnType<typeof solutionValue> }[] = [
    { type: 'QROC', source: 'Paris\n\n  Lutèce \n', expected: { value: 'Paris\nLutèce' } },
    { type: 'QROC', source: ['Paris', 'Lutèce'], expected: { value: 'Paris\nLutèce' } },
    { type: 'QROC', source: '\n', expected: { error: 'aucune réponse acceptée dans la solution' } },
    { type: 'QCU', source: ' 2 ', expected: { value: '2' } },
    { type: 'QCU', source: ['2'], expected: { error: "une solution sous forme de liste n'est possible que pour QROC, pas pour QCU" } },
    { type: 'QROC', source: { a: 'x' }, expected: { error: "une solution sous forme de carte n'est possible que pour QROCM-ind / QROCM-dep, pas pour QROC" } },
    { type: 'QROCM-dep', source: { a: ['x: y', '#1'], b: 'z' }, expected: { value: 'a:\n- "x: y"\n- "#1"\nb:\n- z' } },
  ];
  it.each(cases)('$type $source', ({ type, source, expected }) => {
    expect(solutionValue(type, source)).toEqual(expected);
  });

  it('writes maps in the block form the matcher reads', () => {
    expect(solutionMapToYaml({ nom: ['Dupont', 'DUPONT'], ville: 'Brest' })).toBe('nom:\n- Dupont\n- DUPONT\nville:\n- Brest');
  });
});

describe('locate', () => {
  const origins = new Map([[`challenges:ch-fix-moteur-2-b`, { file: 'f.yaml', path: 'thematics[0].tubes[0].skills[1].challenges[1]' }]]);
  const position = pack.challenges.findIndex((c) => c.id === 'ch-fix-moteur-2-b');
  it.each([
    [`challenges[${position}].timer`, { file: 'f.yaml', path: `thematics[0].tubes[0].skills[1].challenges[1] (paquet : challenges[${position}].timer)` }],
    [`challenges[${position}]`, { file: 'f.yaml', path: 'thematics[0].tubes[0].skills[1].challenges[1]' }],
    ['challenges[0].timer', { file: 'paquet', path: 'challenges[0].timer' }],
    ['version', { file: 'paquet', path: 'version' }],
  ])('maps the domain loader path %s back to its source', (packPath, expected) => {
    expect(locate(pack, packPath, origins)).toEqual(expected);
  });
});
