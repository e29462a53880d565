/**
 * The precache is derived from the content pack: the pure list of the pack's files on a small fixture,
 * the entries and the French error for a missing file on a temporary public/ folder, and, on the real
 * build, every file of the shipped pack (.xml and .eml included) and every simulator file in dist/sw.js.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Challenge, ContentPack, Tutorial } from '../../shared/src/model/types';
import { packFiles, packPrecacheEntries, PackPrecacheError, precachedUrls, readPackFile } from './pack-precache';
import { ensurePwaBuilt, PACK_FILE } from './pwa-build';

const ROOT = join(import.meta.dirname, '..', '..');

function challenge(id: string, fields: Partial<Challenge> = {}): Challenge {
  return {
    id, skillId: 'skill', competenceId: 'c', type: 'QCU', instruction: 'Consigne', proposals: '- a\n- b',
    solution: { value: '1', deactivations: {} }, focused: false, attachments: [], status: 'validé', locales: ['fr-fr'],
    alternativeVersion: 1, difficulty: 0, discriminant: 1, ...fields,
  };
}

function tutorial(id: string, fields: Partial<Tutorial> = {}): Tutorial {
  return { id, title: 'Tuto', link: 'https://example.org/tuto', source: 'Web', format: 'page', duration: '00:01:00', summary: 'Résumé', ...fields };
}

const FIXTURE: Pick<ContentPack, 'challenges' | 'tutorials'> = {
  challenges: [
    challenge('rec1', { attachments: ['/content/files/1.1/flux-cdi.xml', '/content/files/2.1/message%20sortie.eml'] }),
    challenge('rec2', { illustrationUrl: '/content/files/1.1/photo.jpg', attachments: ['/content/files/1.1/flux-cdi.xml'] }),
    challenge('rec3', { embedUrl: '/simulators/tableur/index.html?scenario=club', instruction: 'Voir ![plan](/content/files/plan.svg) et [le site](https://example.org/page.html).' }),
    challenge('rec4', { proposals: '- [fiche](/content/files/fiche.odt#page=2)\n- b', solutionToDisplay: 'Écrire /pas-un-lien.html' }),
  ],
  tutorials: [tutorial('tuto-1'), tutorial('tuto-2', { link: '/content/tutos/guide.pdf', summary: 'Voir ![schéma](/content/files/schema.png)' })],
};

describe('packFiles (fixture)', () => {
  it('lists every local file of the pack once, decoded, without query or hash, with what uses it', () => {
    expect(packFiles(FIXTURE)).toEqual([
      { path: '/content/files/1.1/flux-cdi.xml', usedBy: ['épreuve rec1 (pièce jointe)', 'épreuve rec2 (pièce jointe)'] },
      { path: '/content/files/1.1/photo.jpg', usedBy: ['épreuve rec2 (illustration)'] },
      { path: '/content/files/2.1/message sortie.eml', usedBy: ['épreuve rec1 (pièce jointe)'] },
      { path: '/content/files/fiche.odt', usedBy: ['épreuve rec4 (propositions)'] },
      { path: '/content/files/plan.svg', usedBy: ['épreuve rec3 (consigne)'] },
      { path: '/content/files/schema.png', usedBy: ['tuto tuto-2 (résumé)'] },
      { path: '/content/tutos/guide.pdf', usedBy: ['tuto tuto-2 (lien)'] },
      { path: '/simulators/tableur/index.html', usedBy: ['épreuve rec3 (simulateur)'] },
    ]);
  });

  it('an empty pack uses no file', () => {
    expect(packFiles({ challenges: [], tutorials: [] })).toEqual([]);
  });
});

describe('packPrecacheEntries (temporary public/ folder)', () => {
  let publicDir: string;
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(publicDir, path)), { recursive: true });
    writeFileSync(join(publicDir, path), text);
  };
  const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

  beforeAll(() => {
    publicDir = mkdtempSync(join(tmpdir(), 'pix-precache-'));
    write('content/files/1.1/flux-cdi.xml', '<rss/>');
    write('content/files/2.1/message sortie.eml', 'Subject: sortie');
    write('content/files/unused.txt', 'personne ne me cite');
    write('simulators/tableur/index.html', '<html>tableur</html>');
    write('simulators/tableur/data/club.csv', 'a;b');
    write('simulators/autre/index.html', '<html>autre</html>');
  });
  afterAll(() => rmSync(publicDir, { recursive: true, force: true }));

  it('precaches the pack files whatever their extension and every simulator file, revision = MD5', () => {
    const pack = { challenges: [FIXTURE.challenges[0], FIXTURE.challenges[2]].map((c) => ({ ...c, instruction: '' })), tutorials: [] };
    expect(packPrecacheEntries(pack, publicDir)).toEqual([
      { url: 'content/files/1.1/flux-cdi.xml', revision: md5('<rss/>') },
      { url: 'content/files/2.1/message sortie.eml', revision: md5('Subject: sortie') },
      { url: 'simulators/autre/index.html', revision: md5('<html>autre</html>') },
      { url: 'simulators/tableur/data/club.csv', revision: md5('a;b') },
      { url: 'simulators/tableur/index.html', revision: md5('<html>tableur</html>') },
    ]);
  });

  it('a file the pack references but missing on disk is a French error naming it and its users', () => {
    let error: unknown;
    try {
      packPrecacheEntries(FIXTURE, publicDir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PackPrecacheError);
    const message = (error as Error).message;
    expect(message).toMatch(/^5 fichier\(s\) utilisé\(s\) par le paquet de contenu introuvable\(s\) dans .* : impossible de les rendre disponibles hors ligne\./);
    expect(message).toContain('  - /content/files/1.1/photo.jpg : épreuve rec2 (illustration)');
    expect(message).toContain('  - /content/tutos/guide.pdf : tuto tuto-2 (lien)');
    expect(message).not.toContain('flux-cdi.xml');
    expect(message).toContain('npm run content:build');
  });

  it('a missing or malformed pack file is a French error', () => {
    expect(() => readPackFile(join(publicDir, 'absent.json'))).toThrow(/absent : lancez npm run content:build/);
    write('not-a-pack.json', '{"areas": []}');
    expect(() => readPackFile(join(publicDir, 'not-a-pack.json'))).toThrow(/n'est pas un paquet de contenu/);
  });
});

describe('the built service worker (dist/sw.js) precaches the whole shipped pack', () => {
  let precached: Map<string, string | null>;

  beforeAll(async () => {
    await ensurePwaBuilt(ROOT, () => {});
    precached = precachedUrls(readFileSync(join(ROOT, 'dist', 'sw.js'), 'utf8'));
  }, 180_000);

  it('every file referenced by content/dist/pack.json is in the precache manifest', () => {
    const files = packFiles(readPackFile(join(ROOT, PACK_FILE)));
    expect(files.length).toBeGreaterThan(50);
    const missing = files.map((file) => file.path.slice(1)).filter((url) => !precached.has(url));
    expect(missing).toEqual([]);
  });

  it('the .xml and .eml attachments of validated challenges are precached with the MD5 of their file', () => {
    for (const url of ['content/files/1.1/flux-cdi.xml', 'content/files/2.1/message-sortie-musee.eml']) {
      expect(precached.get(url), url).toBe(createHash('md5').update(readFileSync(join(ROOT, 'public', url))).digest('hex'));
    }
  });

  it('every file under public/simulators is precached, and the app shell too', () => {
    const simulators = join(ROOT, 'public', 'simulators');
    const files = readdirSync(simulators, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(join(ROOT, 'public'), join(entry.parentPath, entry.name)).split(sep).join('/'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    expect(files.filter((url) => !precached.has(url))).toEqual([]);
    for (const url of ['index.html', 'manifest.webmanifest']) expect(precached.has(url), url).toBe(true);
    // The pack carries the solutions: served after login only, never a file of the build nor precached.
    expect(precached.has('content/pack.json')).toBe(false);
    expect(existsSync(join(ROOT, 'dist', 'content', 'pack.json'))).toBe(false);
    expect([...precached.keys()].some((url) => url.endsWith('.woff2'))).toBe(true);
  });
});
