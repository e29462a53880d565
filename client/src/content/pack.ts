/**
 * The content pack in the browser. It carries the solutions, so the node serves it to logged-in users only
 * (GET /content/pack.json) and the service worker does not precache it (a first visit is anonymous). The
 * device keeps the copy it downloaded after login in Cache Storage (`pix-contenu`), so the app works offline
 * afterwards, whoever signs in on this computer (the pack is the same for everyone).
 *
 * Loading: with a kept copy, the network gets PACK_FRESH_WAIT_MS to answer (a 304 when the copy is current:
 * the HTTP cache revalidates by ETag); on a slow or absent link the kept copy is used and the download goes on
 * in the background for next time. Without a copy, the network is the only source. Validated and indexed with
 * the shared loader.
 */
import { loadPack } from '../../../shared/src/model/load-pack';
import type { PackIndex } from '../../../shared/src/model/pack-index';

export const PACK_URL = '/content/pack.json';
export const PACK_CACHE = 'pix-contenu';
/** How long a device with a kept copy waits for a fresher one before using it. */
export const PACK_FRESH_WAIT_MS = 3000;

export const PACK_OFFLINE_MESSAGE = "Le contenu pédagogique n'est pas disponible sur cet appareil. Connectez-vous une fois avec le réseau.";
export const PACK_SESSION_MESSAGE = 'Votre session a expiré : reconnectez-vous pour télécharger le contenu pédagogique.';

async function keptResponse(): Promise<Response | undefined> {
  if (typeof caches === 'undefined') return undefined;
  try {
    return (await (await caches.open(PACK_CACHE)).match(PACK_URL)) ?? undefined;
  } catch {
    return undefined;
  }
}

async function keep(response: Response): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    await (await caches.open(PACK_CACHE)).put(PACK_URL, response);
  } catch {
    // Storage full or refused: the pack still works for this visit.
  }
}

/** The network's pack, validated, kept for next time; a refusal or a failure is an Error with a French message. */
async function download(): Promise<PackIndex> {
  let response: Response;
  try {
    response = await fetch(PACK_URL, { credentials: 'same-origin' });
  } catch {
    throw new Error(PACK_OFFLINE_MESSAGE);
  }
  if (response.status === 401) throw new Error(PACK_SESSION_MESSAGE);
  if (!response.ok) throw new Error(PACK_OFFLINE_MESSAGE);
  const copy = response.clone();
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    throw new Error(PACK_OFFLINE_MESSAGE);
  }
  const index = indexOf(raw);
  await keep(copy);
  return index;
}

async function jsonOf(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function indexOf(raw: unknown): PackIndex {
  const result = loadPack(raw);
  if (!result.ok) throw new Error(`Le contenu pédagogique est invalide (${result.errors.length} erreur(s)).`);
  return result.index;
}

async function load(waitMs: number): Promise<PackIndex> {
  const kept = await keptResponse();
  const keptRaw = kept ? await jsonOf(kept) : undefined;
  const keptIndex = () => {
    const result = loadPack(keptRaw);
    return result.ok ? result.index : undefined;
  };
  if (keptRaw === undefined) return download();
  const fresh = download();
  fresh.catch(() => {});
  const winner = await Promise.race([
    fresh.then((index) => index, () => undefined),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), waitMs)),
  ]);
  // A kept copy that no longer loads (should not happen) waits for the network after all.
  return winner ?? keptIndex() ?? fresh;
}

let loading: Promise<PackIndex> | null = null;

export function loadContentPack(options: { waitMs?: number } = {}): Promise<PackIndex> {
  loading ??= load(options.waitMs ?? PACK_FRESH_WAIT_MS);
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** Tests: forget the pack loaded by this page. */
export function forgetLoadedPack(): void {
  loading = null;
}
