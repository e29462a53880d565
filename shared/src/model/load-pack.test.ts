import { describe, expect, it } from 'vitest';
import { buildPack, buildTargetProfile } from '../testing/builders';
import { loadPack } from './load-pack';
import type { ContentPack } from './types';

const base = (): ContentPack =>
  buildPack({
    competences: [{ index: '1.1', tubes: [{ name: '@web', levels: [1, 2, 3] }, { name: '@mail', levels: [1] }] }],
    targetProfiles: [buildTargetProfile({ cappedTubes: [{ tubeId: 'tube-web', level: 2 }] })],
  });

function errorsOf(pack: unknown): string[] {
  const result = loadPack(pack);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('loadPack', () => {
  it('loads a valid pack and recomputes pixValue, ignoring the input', () => {
    const pack = base();
    pack.skills = pack.skills.map((s) => ({ ...s, pixValue: 99 }));
    const result = loadPack(JSON.parse(JSON.stringify(pack)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.index.skillsByName.get('@web1')?.pixValue).toBe(4);
    expect(result.index.skillsByName.get('@web3')?.pixValue).toBe(4);
    expect(result.index.tubesById.get('tube-web')?.name).toBe('@web');
  });

  it('accepts a pack without pixValue', () => {
    const pack = base();
    const raw = JSON.parse(JSON.stringify(pack)) as { skills: Record<string, unknown>[] };
    for (const skill of raw.skills) delete skill.pixValue;
    expect(loadPack(raw).ok).toBe(true);
  });

  const cases: { name: string; mutate: (p: ContentPack) => void; expected: RegExp }[] = [
    { name: 'challenge on an unknown skill', mutate: (p) => { p.challenges[0].skillId = 'nope'; }, expected: /^challenges\[0\]\.skillId: acquis « nope » introuvable$/ },
    { name: 'two skills with one name', mutate: (p) => { p.skills[1] = { ...p.skills[1], name: '@web1', level: 1 }; }, expected: /^skills\[1\]\.name: nom d'acquis « @web1 » en double/ },
    { name: 'level out of 1..8', mutate: (p) => { p.skills[2].level = 9; }, expected: /^skills\[2\]\.level: niveau hors de 1\.\.8$/ },
    { name: 'level 0', mutate: (p) => { p.skills[0].level = 0; }, expected: /^skills\[0\]\.level: niveau hors de 1\.\.8$/ },
    { name: 'skill name not tube + level', mutate: (p) => { p.skills[1].name = '@web7'; }, expected: /^skills\[1\]\.name: nom d'acquis « @web7 » incohérent : « @web2 » attendu/ },
    { name: 'tube without competence', mutate: (p) => { p.tubes[0].competenceId = 'competence-9-9'; }, expected: /^tubes\[0\]\.competenceId: compétence « competence-9-9 » introuvable$/ },
    { name: 'duplicate challenge id', mutate: (p) => { p.challenges[1].id = p.challenges[0].id; }, expected: /^challenges\[1\]\.id: identifiant « ch-web1-a » en double \(déjà utilisé par challenges\[0\]\)$/ },
    { name: 'target profile with unknown tube', mutate: (p) => { p.targetProfiles[0].cappedTubes[0].tubeId = 'tube-x'; }, expected: /^targetProfiles\[0\]\.cappedTubes\[0\]\.tubeId: sujet « tube-x » introuvable$/ },
    { name: 'skill with unknown tutorial', mutate: (p) => { p.skills[0].tutorialIds = ['tuto-x']; }, expected: /^skills\[0\]\.tutorialIds\[0\]: tutoriel « tuto-x » introuvable$/ },
    { name: 'wrong enum value', mutate: (p) => { (p.challenges[0] as { type: string }).type = 'QCX'; }, expected: /^challenges\[0\]\.type: valeur invalide \(attendu : QCU, QCM/ },
    { name: 'missing field', mutate: (p) => { delete (p.challenges[0] as Partial<ContentPack['challenges'][0]>).instruction; }, expected: /^challenges\[0\]\.instruction: champ manquant/ },
    { name: 'unreadable QROCM solution', mutate: (p) => { p.challenges[0].type = 'QROCM-ind'; p.challenges[0].solution.value = '- a'; }, expected: /^challenges\[0\]\.solution\.value: solution QROCM illisible/ },
    { name: 'stage with neither threshold nor level', mutate: (p) => { p.targetProfiles[0].stages = [{ id: 's', title: 'T', message: 'M' }]; }, expected: /^targetProfiles\[0\]\.stages\[0\]: un palier/ },
    { name: 'skill and tube in different competences', mutate: (p) => { p.skills[0].competenceId = 'competence-2-1'; }, expected: /^skills\[0\]\.competenceId: l'acquis est dans la compétence « competence-2-1 »/ },
  ];
  it.each(cases)('reports $name', ({ mutate, expected }) => {
    const pack = base();
    mutate(pack);
    const errors = errorsOf(pack);
    expect(errors.some((e) => expected.test(e)), errors.join('\n')).toBe(true);
  });

  it('reports several errors at once, without cascading from a rejected item', () => {
    const pack = base();
    pack.challenges[0].skillId = 'nope';
    pack.skills[2].level = 9; // schema error on skill-web3: its challenges must not be reported as orphans
    pack.tubes[1].competenceId = 'competence-9-9';
    pack.targetProfiles[0].cappedTubes[0].tubeId = 'tube-x';
    const errors = errorsOf(pack);
    expect(errors).toHaveLength(4);
    expect(errors.map((e) => e.split(':')[0]).sort()).toEqual(
      ['challenges[0].skillId', 'skills[2].level', 'targetProfiles[0].cappedTubes[0].tubeId', 'tubes[1].competenceId'],
    );
  });

  it('rejects what is not a pack', () => {
    expect(errorsOf(null)).toEqual([': paquet de contenu attendu (objet JSON)']);
    expect(errorsOf({ version: 'x' })).toContain('skills: liste attendue');
  });
});
