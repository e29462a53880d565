/**
 * The content pack a node scores against: content/dist/pack.json (built by `npm start` and
 * `npm run content:build`), loaded once at start through the shared loader, so the node and the
 * devices use the same challenges and solutions.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadPack } from '../../../shared/src/model/load-pack';
import type { PackIndex } from '../../../shared/src/model/pack-index';

export const PACK_PATH = join('content', 'dist', 'pack.json');

export class ContentPackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentPackError';
  }
}

/**
 * The pack as devices download it (GET /content/pack.json, logged-in users only): the very bytes the node
 * scores against, gzipped once, with a strong ETag so that a device that has it revalidates for a 304.
 */
export interface PackDownload {
  json: string;
  gzip: Buffer;
  etag: string;
}

export function packDownload(json: string): PackDownload {
  return { json, gzip: gzipSync(json), etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"` };
}

/** Loads and validates a pack file; throws ContentPackError with a French message. */
export function loadContentPackFile(file: string): PackIndex {
  return loadContentPackWithDownload(file).index;
}

/** `loadContentPackFile`, plus the file's text ready to serve. */
export function loadContentPackWithDownload(file: string): { index: PackIndex; download: PackDownload } {
  if (!existsSync(file)) throw new ContentPackError(`Paquet de contenu introuvable : ${file} (lancez npm run content:build).`);
  let raw: unknown;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
    raw = JSON.parse(text);
  } catch {
    throw new ContentPackError(`Paquet de contenu illisible (JSON invalide) : ${file}`);
  }
  const loaded = loadPack(raw);
  if (!loaded.ok) {
    const first = loaded.errors.slice(0, 3).map((e) => `${e.path} : ${e.message}`).join(' ; ');
    throw new ContentPackError(`Paquet de contenu invalide (${loaded.errors.length} erreur(s)) : ${first}`);
  }
  return { index: loaded.index, download: packDownload(text) };
}
