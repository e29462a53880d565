/**
 * The content pack in the browser: fetched once from the node (precached by the service worker, so it is
 * there offline), validated and indexed with the shared loader.
 */
import { loadPack } from '../../../shared/src/model/load-pack';
import type { PackIndex } from '../../../shared/src/model/pack-index';

let loading: Promise<PackIndex> | null = null;

export function loadContentPack(): Promise<PackIndex> {
  loading ??= (async () => {
    let raw: unknown;
    try {
      const response = await fetch('/content/pack.json');
      if (!response.ok) throw new Error(String(response.status));
      raw = await response.json();
    } catch {
      throw new Error("Le contenu pédagogique n'est pas disponible sur cet appareil. Connectez-vous une fois avec le réseau.");
    }
    const result = loadPack(raw);
    if (!result.ok) throw new Error(`Le contenu pédagogique est invalide (${result.errors.length} erreur(s)).`);
    return result.index;
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
