/**
 * The content part of the PWA precache, derived from the content pack instead of a list of extensions:
 * every public file the pack uses (attachments, illustrations, simulators, local Markdown images and
 * links of challenges and tutorials), whatever its extension, the whole folder of each embedded
 * simulator, and every file under public/simulators. A file the pack references but that is missing
 * from public/ fails the build with a French message naming the challenges that use it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import type { ContentPack } from '../../shared/src/model/types';

/** A public file used by the pack: `/content/files/1.1/flux-cdi.xml` (decoded, no query or hash). */
export interface PackFile {
  path: string;
  /** `épreuve rec123 (pièce jointe)`, `tuto tuto-1 (lien)`… */
  usedBy: string[];
}

/** A Workbox precache entry (`additionalManifestEntries`), URL relative to the build root like its globs. */
export interface PrecacheEntry {
  url: string;
  revision: string;
}

export class PackPrecacheError extends Error {
  override name = 'PackPrecacheError';
}

/** `![alt](url)` and `[text](url)`, as the client's Markdown renderer reads them. */
const MARKDOWN_URL = /!?\[[^\]]*\]\(([^)\s]+)\)/g;

/** `/simulators/x/index.html?scenario=2` → `/simulators/x/index.html`; external URLs → null. */
export function localPath(url: string): string | null {
  if (!url.startsWith('/') || url.startsWith('//')) return null;
  const path = url.split(/[?#]/)[0];
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Every local public file the pack references, sorted, each with what uses it. Pure. */
export function packFiles(pack: Pick<ContentPack, 'challenges' | 'tutorials'>): PackFile[] {
  const files = new Map<string, Set<string>>();
  const add = (url: string | undefined, user: string): void => {
    const path = url === undefined ? null : localPath(url);
    if (path === null || path === '/') return;
    if (!files.has(path)) files.set(path, new Set());
    files.get(path)?.add(user);
  };
  const addMarkdown = (text: string | undefined, user: string): void => {
    for (const match of (text ?? '').matchAll(MARKDOWN_URL)) add(match[1], user);
  };
  for (const challenge of pack.challenges) {
    const user = (what: string): string => `épreuve ${challenge.id} (${what})`;
    for (const url of challenge.attachments) add(url, user('pièce jointe'));
    add(challenge.illustrationUrl, user('illustration'));
    add(challenge.embedUrl, user('simulateur'));
    addMarkdown(challenge.instruction, user('consigne'));
    addMarkdown(challenge.alternativeInstruction, user('consigne alternative'));
    addMarkdown(challenge.proposals, user('propositions'));
    addMarkdown(challenge.solutionToDisplay, user('solution affichée'));
  }
  for (const tutorial of pack.tutorials) {
    add(tutorial.link, `tuto ${tutorial.id} (lien)`);
    addMarkdown(tutorial.summary, `tuto ${tutorial.id} (résumé)`);
  }
  return [...files.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, users]) => ({ path, usedBy: [...users].sort() }));
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

/** `/simulators/tableur/index.html` → `<publicDir>/simulators/tableur`; other files → null. */
function simulatorFolder(publicDir: string, path: string): string | null {
  const match = /^\/simulators\/([^/]+)\//.exec(path);
  return match ? join(publicDir, 'simulators', match[1]) : null;
}

/**
 * The precache entries of the pack's files under `publicDir` (the PWA's public/ folder, copied as is
 * to the build root). The revision is the MD5 of the file, as Workbox computes it for its globs, so an
 * entry that a glob also lists gets the same cache key and does not conflict.
 * Throws a PackPrecacheError listing every referenced file that is missing.
 */
export function packPrecacheEntries(pack: Pick<ContentPack, 'challenges' | 'tutorials'>, publicDir: string): PrecacheEntry[] {
  const referenced = packFiles(pack);
  const missing = referenced.filter((file) => !isFile(join(publicDir, file.path)));
  if (missing.length > 0) {
    const lines = missing.map((file) => `  - ${file.path} : ${file.usedBy.slice(0, 3).join(', ')}${file.usedBy.length > 3 ? `, et ${file.usedBy.length - 3} autre(s)` : ''}`);
    throw new PackPrecacheError(
      [
        `${missing.length} fichier(s) utilisé(s) par le paquet de contenu introuvable(s) dans ${relative(process.cwd(), publicDir) || publicDir} : impossible de les rendre disponibles hors ligne.`,
        ...lines,
        'Ajoutez ces fichiers ou corrigez leurs chemins dans content/ (npm run content:check), puis relancez npm run content:build.',
      ].join('\n'),
    );
  }
  const absolute = new Set(referenced.map((file) => join(publicDir, file.path)));
  for (const file of referenced) {
    const folder = simulatorFolder(publicDir, file.path);
    if (folder) for (const path of filesUnder(folder)) absolute.add(path);
  }
  for (const path of filesUnder(join(publicDir, 'simulators'))) absolute.add(path);
  return [...absolute]
    .map((path) => ({
      url: relative(publicDir, path).split(sep).join(posix.sep),
      revision: createHash('md5').update(readFileSync(path)).digest('hex'),
    }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** Reads a built pack (content/dist/pack.json); a missing or unreadable one is a French error. */
export function readPackFile(packFile: string): Pick<ContentPack, 'challenges' | 'tutorials'> {
  if (!existsSync(packFile)) throw new PackPrecacheError(`${packFile} absent : lancez npm run content:build avant de construire l'application.`);
  let pack: unknown;
  try {
    pack = JSON.parse(readFileSync(packFile, 'utf8'));
  } catch (error) {
    throw new PackPrecacheError(`${packFile} illisible (${error instanceof Error ? error.message : String(error)}) : relancez npm run content:build.`);
  }
  const { challenges, tutorials } = (pack ?? {}) as Partial<ContentPack>;
  if (!Array.isArray(challenges) || !Array.isArray(tutorials)) {
    throw new PackPrecacheError(`${packFile} n'est pas un paquet de contenu (challenges / tutorials absents) : relancez npm run content:build.`);
  }
  return { challenges, tutorials };
}

/** URL → revision of the precache manifest of a built Workbox service worker (dist/sw.js, minified or not). */
export function precachedUrls(swSource: string): Map<string, string | null> {
  const urls = new Map<string, string | null>();
  for (const match of swSource.matchAll(/\{\s*"?url"?\s*:\s*"((?:[^"\\]|\\.)*)"\s*,\s*"?revision"?\s*:\s*(?:"([^"]*)"|null)\s*\}/g)) {
    urls.set(JSON.parse(`"${match[1]}"`) as string, match[2] ?? null);
  }
  return urls;
}
