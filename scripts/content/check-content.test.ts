/**
 * The validator on a small valid fixture copied to a temp dir, then deliberately broken: each broken
 * copy must produce its readable message at the right file and YAML path.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from './check-content';

const FIXTURE = path.join(import.meta.dirname, 'fixtures');
const COMPETENCE = 'content/competences/1.1-fixture.yaml';
const PROFILES = 'content/target-profiles.yaml';
const temps: string[] = [];

function copyFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pix-content-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  temps.push(dir);
  return dir;
}

/** Replaces text in a file of the copy; fails loudly if the text is absent (the break must happen). */
function edit(dir: string, file: string, from: string, to: string): void {
  const full = path.join(dir, file);
  const text = fs.readFileSync(full, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture text not found in ${file}: ${from}`);
  fs.writeFileSync(full, text.replace(from, to));
}

/** Cuts a file of the copy from the marker to its end. */
function truncateFrom(dir: string, file: string, marker: string): void {
  const full = path.join(dir, file);
  const text = fs.readFileSync(full, 'utf8');
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`fixture text not found in ${file}: ${marker}`);
  fs.writeFileSync(full, text.slice(0, at));
}

function check(dir: string, coverage = false) {
  return checkContent({ contentDir: path.join(dir, 'content'), publicDir: path.join(dir, 'public'), coverage });
}

/** Errors as "basename: path: message" for readable assertions. */
function messages(dir: string, coverage = false): string[] {
  return check(dir, coverage).errors.map((e) => `${path.basename(e.file)}: ${e.path}: ${e.message}`);
}

afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('content check on the valid fixture', () => {
  it('passes with coverage rules relaxed and counts what it holds', () => {
    const result = check(copyFixture());
    expect(result.errors).toEqual([]);
    expect(result.stats).toEqual({
      competences: 1, tubes: 2, skills: 3, challenges: 6,
      byType: { QCU: 1, QCM: 1, QROC: 2, 'QROCM-ind': 1, 'QROCM-dep': 1 },
      byLevel: { '1': 2, '2': 2, '3': 2 },
      timed: 1, focused: 1, withAttachment: 1, withSimulator: 1, simulators: 1, tutorials: 2, targetProfiles: 1,
    });
  });

  it('fails the coverage rules when they apply', () => {
    const all = messages(copyFixture(), true);
    expect(all).toContain('1.1-fixture.yaml: : couverture : compétence 1.1 : 2 sujets, au moins 4 attendus');
    expect(all).toContain('1.1-fixture.yaml: : couverture : compétence 1.1 : aucun acquis de niveau 4, 5, 6');
    expect(all).toContain('competences: : couverture : compétence 5.2 : aucun contenu');
    expect(all).toContain('competences: : couverture : épreuves : 6, au moins 500 attendus');
  });
});

const CH = 'thematics[0].tubes[0].skills';
const SOURCE = 'thematics[0].tubes[1].skills[0].challenges';

describe('content check on broken copies', () => {
  const cases: { name: string; breakIt: (dir: string) => void; expected: string }[] = [
    {
      name: 'target profile on a missing tube',
      breakIt: (d) => edit(d, PROFILES, '"@sourceFixture", level: 3', '"@sourceInconnue", level: 3'),
      expected: 'target-profiles.yaml: [0].tubes[1].tube: sujet « @sourceInconnue » introuvable dans les compétences',
    },
    {
      name: 'target profile capped below the tube\'s skills',
      breakIt: (d) => edit(d, PROFILES, '"@sourceFixture", level: 3', '"@sourceFixture", level: 2'),
      expected: 'target-profiles.yaml: [0].tubes[1].level: aucun acquis de « @sourceFixture » au niveau 2 ou en dessous (niveaux : 3)',
    },
    {
      name: 'skill without its hint',
      breakIt: (d) => edit(d, COMPETENCE, '            hint: Un résultat sponsorisé est une publicité.\n', ''),
      expected: `1.1-fixture.yaml: ${CH}[1].hint: champ obligatoire manquant`,
    },
    {
      name: 'unknown field',
      breakIt: (d) => edit(d, COMPETENCE, '              - id: ch-fix-moteur-1-b\n                type: QCM', '              - id: ch-fix-moteur-1-b\n                typo: QCM'),
      expected: `1.1-fixture.yaml: ${CH}[0].challenges[1].typo: champ inconnu « typo »`,
    },
    {
      name: 'skill with a single challenge',
      breakIt: (d) => truncateFrom(d, COMPETENCE, '              - id: ch-fix-source-3-b'),
      expected: '1.1-fixture.yaml: thematics[0].tubes[1].skills[0].challenges: au moins 2 épreuves (déclinaisons) par acquis : 1 pour @sourceFixture3',
    },
    {
      name: 'skill linked to a missing tutorial',
      breakIt: (d) => edit(d, COMPETENCE, 'learningMore: [tuto-fixture-mots-cles]', 'learningMore: [tuto-absent]'),
      expected: `1.1-fixture.yaml: ${CH}[1].learningMore[0]: tutoriel « tuto-absent » introuvable`,
    },
    {
      name: 'QCU solution out of the proposals',
      breakIt: (d) => edit(d, COMPETENCE, 'solution: "1"\n                timer: 60', 'solution: "4"\n                timer: 60'),
      expected: `1.1-fixture.yaml: ${CH}[0].challenges[0].solution: la proposition 4 n'existe pas (3 propositions)`,
    },
    {
      name: 'solution that refuses its accepted example',
      breakIt: (d) => edit(d, COMPETENCE, 'solution: "12"', 'solution: "21"'),
      expected: `1.1-fixture.yaml: ${CH}[1].challenges[1].examples.accepted[0]: la solution refuse « 12 » (résultat : ko)`,
    },
    {
      name: 'solution that accepts its rejected example',
      breakIt: (d) => edit(d, COMPETENCE, 'rejected: ["Aquaparc"]', 'rejected: ["Piscine municipale"]'),
      expected: `1.1-fixture.yaml: ${CH}[1].challenges[0].examples.rejected[0]: la solution accepte « Piscine municipale », qui devrait être refusée`,
    },
    {
      name: 'QROCM solution keys that are not the block keys',
      breakIt: (d) => edit(d, COMPETENCE, '                  annee:\n                  - "2022"', '                  date:\n                  - "2022"'),
      expected: `1.1-fixture.yaml: ${SOURCE}[0].solution: les clés de la solution (auteur, date) doivent être celles des blocs (auteur, annee)`,
    },
    {
      name: 'select answer that is not one of its options',
      breakIt: (d) => edit(d, COMPETENCE, '                  - "2022"', '                  - "2020"'),
      expected: `1.1-fixture.yaml: ${SOURCE}[0].solution: la réponse « 2020 » de la liste « annee » n'est pas une de ses options`,
    },
    {
      name: 'duplicate challenge id',
      breakIt: (d) => edit(d, COMPETENCE, 'id: ch-fix-source-3-b', 'id: ch-fix-moteur-1-a'),
      expected: `1.1-fixture.yaml: ${SOURCE}[1].id: identifiant d'épreuve « ch-fix-moteur-1-a » en double (déjà dans `,
    },
    {
      name: 'duplicate tube name',
      breakIt: (d) => edit(d, COMPETENCE, 'name: "@sourceFixture"', 'name: "@moteurFixture"'),
      expected: '1.1-fixture.yaml: thematics[0].tubes[1].name: sujet « @moteurFixture » déjà défini dans',
    },
    {
      name: 'missing attachment',
      breakIt: (d) => fs.rmSync(path.join(d, 'public/content/files/1.1/tableau.csv')),
      expected: `1.1-fixture.yaml: ${CH}[1].challenges[1].attachments[0]: pièce jointe introuvable : `,
    },
    {
      name: 'missing simulator',
      breakIt: (d) => fs.rmSync(path.join(d, 'public/simulators/demo'), { recursive: true }),
      expected: `1.1-fixture.yaml: ${CH}[1].challenges[0].embed.url: simulateur introuvable : `,
    },
    {
      name: 'YAML syntax error',
      breakIt: (d) => edit(d, COMPETENCE, 'competence: "1.1"', 'competence: "1.1\n  oops: ['),
      expected: '1.1-fixture.yaml: ligne',
    },
    {
      name: 'file name that does not match its competence',
      breakIt: (d) => edit(d, COMPETENCE, 'competence: "1.1"', 'competence: "1.2"'),
      expected: '1.1-fixture.yaml: competence: le nom du fichier doit commencer par « 1.2- »',
    },
  ];

  it.each(cases)('$name', ({ breakIt, expected }) => {
    const dir = copyFixture();
    breakIt(dir);
    const all = messages(dir);
    expect(all.some((m) => m.startsWith(expected)), `expected « ${expected} » among:\n${all.join('\n')}`).toBe(true);
  });

  it('reports every error of several broken files in one run', () => {
    const dir = copyFixture();
    const chosen = cases.filter((c) => ['target profile on a missing tube', 'skill without its hint', 'QCU solution out of the proposals', 'missing attachment', 'duplicate tube name'].includes(c.name));
    expect(chosen).toHaveLength(5);
    for (const { breakIt } of chosen) breakIt(dir);
    const all = messages(dir);
    for (const { expected } of chosen) expect(all.some((m) => m.startsWith(expected)), expected).toBe(true);
  });
});
