/**
 * Answer keys of the domain-2 challenges that need an attachment are checked against the attachment itself:
 * each row recomputes the answer from the file (CSV, e-mail export, chat export, HTML, PDF) and expects the
 * challenge's solution to accept it. A file edited without its challenge (or the reverse) fails here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { filesRoot } from './domain2-assets';

interface SourceChallenge { id: string; type: string; solution: string; attachments?: string[] }
interface SourceFile { thematics: { tubes: { skills: { challenges: SourceChallenge[] }[] }[] }[] }

const competenceDir = join(filesRoot, '..', '..', '..', 'content', 'competences');
const challenges = new Map<string, SourceChallenge>();
for (const name of readdirSync(competenceDir).filter((n) => /^2\.[1-4]-.*\.yaml$/.test(n))) {
  const src = parse(readFileSync(join(competenceDir, name), 'utf8')) as SourceFile;
  for (const ch of src.thematics.flatMap((t) => t.tubes).flatMap((t) => t.skills).flatMap((s) => s.challenges)) challenges.set(ch.id, ch);
}

const norm = (s: string): string => s.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s/g, '');
const text = (rel: string): string => readFileSync(join(filesRoot, rel), 'utf8');
const csv = (rel: string): Record<string, string>[] => {
  const [head, ...rows] = text(rel).trim().split('\n').map((l) => l.split(';'));
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
};
/** Text shown by a PDF written by domain2-pdf (one `(…) Tj` per line, Latin-1). */
const pdf = (rel: string): string => [...readFileSync(join(filesRoot, rel)).toString('latin1').matchAll(/\((.*?)\) Tj/g)].map((m) => m[1]).join(' ');
const header = (eml: string, name: string): string => new RegExp(`^${name}: (.*(?:\\n .*)*)`, 'm').exec(eml)?.[1] ?? '';
const addr = (s: string): string[] => [...s.matchAll(/<([^>]+)>/g)].map((m) => m[1]);
const num = (re: RegExp, s: string): string => re.exec(s)?.[1] ?? '';

/** Accepted answers of a challenge, per block (`reponse` for a QROC). */
function accepted(id: string): Record<string, string[]> {
  const ch = challenges.get(id);
  if (!ch) throw new Error(`épreuve introuvable : ${id}`);
  if (ch.type === 'QROC') return { reponse: String(ch.solution).split('\n').filter(Boolean) };
  return parse(String(ch.solution)) as Record<string, string[]>;
}

const eml = () => text('2.1/message-sortie-musee.eml');
const chat = () => text('2.1/discussion-groupe-4eB.txt');
const images = () => csv('2.2/credits-images-expose-volcans.csv');
const rights = () => csv('2.3/droits-dossier-mini-entreprise.csv');
const history = () => csv('2.3/historique-versions-expose.csv');
const poll = () => csv('2.3/disponibilites-reunion-club.csv');
const commented = () => text('2.3/expose-energies-commentaires.html');
const profile = () => text('2.4/profil-reseau-social-tom.html');
const slots = () => Object.keys(poll()[0]).slice(1);
const yes = (slot: string) => poll().filter((r) => r[slot] === 'oui').length;

const rows: [string, string, () => string[]][] = [
  ['ch-2.1-mailEnTete-4-a', 'expediteur', () => addr(header(eml(), 'From'))],
  ['ch-2.1-mailEnTete-4-a', 'copie', () => [String(addr(header(eml(), 'Cc')).length)]],
  ['ch-2.1-mailEnTete-6-a', 'reponse', () => addr(header(eml(), 'Reply-To'))],
  ['ch-2.1-mailEnTete-7-b', 'reponse', () => [[...text('2.1/entete-complet-remboursement.txt').matchAll(/^Received: from .*\[([\d.]+)\]/gm)].at(-1)?.[1] ?? '']],
  ['ch-2.1-discussionInstantanee-3-a', 'reponse', () => [String(chat().split('\n').filter((l) => l.startsWith('[') && l.includes('@Jade')).length)]],
  ['ch-2.1-discussionInstantanee-3-b', 'auteur', () => [num(/SONDAGE créé par ([^:]+) :/, chat())]],
  ['ch-2.1-discussionInstantanee-3-b', 'salle', () => [[...chat().matchAll(/salle (\w+)/g)].at(-1)?.[1] ?? '']],
  ['ch-2.2-commentaireForum-3-a', 'delai', () => [num(/délai de (\d+) heures/, pdf('2.2/charte-forum-club-astro.pdf'))]],
  ['ch-2.2-commentaireForum-3-a', 'avertissements', () => [num(/Au bout de (\d+) avertissements/, pdf('2.2/charte-forum-club-astro.pdf'))]],
  ['ch-2.2-commentaireForum-3-b', 'reponse', () => [num(/([\w.]+@[\w.-]+)/, pdf('2.2/charte-forum-club-astro.pdf'))]],
  ['ch-2.2-licenceCreativeCommons-4-a', 'reponse', () => [String(images().filter((r) => /^(CC|Domaine public)/.test(r.licence) && !r.licence.includes('ND')).length)]],
  ['ch-2.2-licenceCreativeCommons-5-a', 'reponse', () => [String(images().filter((r) => /^(CC|Domaine public)/.test(r.licence) && !/ND|NC/.test(r.licence)).length)]],
  ['ch-2.2-licenceCreativeCommons-6-a', 'image1', () => images().filter((r) => r.licence.startsWith('CC') && r.licence.includes('ND')).map((r) => r.fichier)],
  ['ch-2.2-licenceCreativeCommons-6-a', 'image2', () => images().filter((r) => r.licence.startsWith('CC') && r.licence.includes('ND')).map((r) => r.fichier)],
  ['ch-2.3-documentPartageDroits-4-a', 'reponse', () => [String(rights().filter((r) => /Propriétaire|Éditeur/.test(r["droit d'accès"])).length)]],
  ['ch-2.3-documentPartageDroits-4-b', 'personne1', () => rights().filter((r) => r.remarque.includes('a quitté')).map((r) => r.nom)],
  ['ch-2.3-documentPartageDroits-4-b', 'personne2', () => rights().filter((r) => r.remarque.includes('a quitté')).map((r) => r.nom)],
  ['ch-2.3-historiqueVersions-3-b', 'reponse', () => history().filter((r) => r.modification === 'Suppression de la conclusion').map((r) => r.auteur)],
  ['ch-2.3-historiqueVersions-4-a', 'reponse', () => history().filter((r) => r.modification === 'Suppression de la conclusion').map((r) => String(Number(r.version) - 1))],
  ['ch-2.3-historiqueVersions-5-a', 'tom', () => [String(history().filter((r) => r.auteur === 'Tom Garnier').length)]],
  ['ch-2.3-historiqueVersions-5-a', 'orthographe', () => history().filter((r) => r.modification.includes('orthographe')).map((r) => r.auteur)],
  ['ch-2.3-historiqueVersions-6-a', 'version1', () => history().filter((r) => r['nom de la version']).map((r) => r.version)],
  ['ch-2.3-agendaPartage-4-a', 'reponse', () => [slots().reduce((a, b) => (yes(b) > yes(a) ? b : a))]],
  ['ch-2.3-agendaPartage-4-b', 'personne1', () => poll().filter((r) => slots().every((s) => !r[s])).map((r) => r.participant)],
  ['ch-2.3-suiviModifications-3-a', 'reponse', () => [String(commented().match(/class="etat ouvert"/g)?.length ?? 0)]],
  ['ch-2.3-suiviModifications-3-b', 'suggestions', () => [String(/<main>[\s\S]*<\/main>/.exec(commented())?.[0].match(/<(ins|del)>/g)?.length ?? 0)]],
  ['ch-2.4-identiteNumerique-3-a', 'reponse', () => [String([...profile().matchAll(/<article>[\s\S]*?<\/article>/g)].filter((a) => a[0].includes('vis public')).length)]],
  ['ch-2.4-identiteNumerique-3-b', 'info1', () => [...profile().matchAll(/<dt>([^<]+)<\/dt><dd>[^<]+<\/dd><dd><span class="vis public">/g)].map((m) => m[1])],
  ['ch-2.4-regleVieNumerique-3-a', 'historique', () => [num(/conservé (\d+) jours/, pdf('2.4/charte-ent-college.pdf'))]],
  ['ch-2.4-regleVieNumerique-3-a', 'suspension', () => [num(/pendant (\d+) jours/, pdf('2.4/charte-ent-college.pdf'))]],
  ['ch-2.4-regleVieNumerique-3-b', 'reponse', () => [num(/([\w.]+@[\w.-]+)/, pdf('2.4/charte-ent-college.pdf'))]],
];

describe('domain-2 answer keys match their attachments', () => {
  it.each(rows)('%s / %s', (id, key, compute) => {
    const found = compute();
    expect(found.length).toBeGreaterThan(0);
    const keys = Object.keys(accepted(id));
    // QROCM-dep: a value found in the file may be accepted by any block of the challenge.
    const variants = challenges.get(id)?.type === 'QROCM-dep' ? keys.flatMap((k) => accepted(id)[k]) : accepted(id)[key];
    expect(variants, `clé ${key} absente`).toBeDefined();
    for (const value of found) expect(variants.map((v) => norm(String(v)))).toContain(norm(value));
  });

  it('every domain-2 challenge with an attachment is covered by a row above', () => {
    const withFile = [...challenges.values()].filter((c) => c.attachments?.length).map((c) => c.id);
    const covered = new Set(rows.map((r) => r[0]));
    const uncovered = withFile.filter((id) => !covered.has(id));
    // Reading-only challenges (their answer is a judgement on the file, not a value computed from it).
    expect(uncovered.sort()).toEqual(['ch-2.2-droitAuteurOeuvre-4-a', 'ch-2.2-droitAuteurOeuvre-4-b', 'ch-2.4-regleVieNumerique-4-b']);
  });
});
