/**
 * The content pack a node scores against: content/dist/pack.json (built by `npm start` and
 * `npm run content:build`), loaded once at start through the shared loader, so the node and the
 * devices use the same challenges and solutions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPack } from '../../../shared/src/model/load-pack';
import type { PackIndex } from '../../../shared/src/model/pack-index';

export const PACK_PATH = join('content', 'dist', 'pack.json');

export class ContentPackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentPackError';
  }
}

/** Loads and validates a pack file; throws ContentPackError with a French message. */
export function loadContentPackFile(file: string): PackIndex {
  if (!existsSync(file)) throw new ContentPackError(`Paquet de contenu introuvable : ${file} (lancez npm run content:build).`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new ContentPackError(`Paquet de contenu illisible (JSON invalide) : ${file}`);
  }
  const loaded = loadPack(raw);
  if (!loaded.ok) {
    const first = loaded.errors.slice(0, 3).map((e) => `${e.path} : ${e.message}`).join(' ; ');
    throw new ContentPackError(`Paquet de contenu invalide (${loaded.errors.length} erreur(s)) : ${first}`);
  }
  return loaded.index;
}
