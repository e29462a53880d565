/**
 * One-time clean-up of what earlier versions kept in localStorage/sessionStorage, shared by every pupil
 * of a PC and never cleared: the signed-in user id and the campaigns are handed over (to db/device.ts and
 * the user's database), then every such key is deleted. The only module allowed to touch Web Storage.
 */
/* eslint-disable no-restricted-globals -- reads and deletes the keys of earlier versions, nothing else */
import { campaignInfoSchema, type CampaignInfo } from '../../../shared/src/api/schemas';

const USER_KEY = 'pix.currentUserId';
const CAMPAIGNS_KEY = 'pix.campaigns';
const LEGACY_PREFIXES = [USER_KEY, CAMPAIGNS_KEY, 'pix.rules-seen.', 'pix.checkpoint-seen.', 'pix.started.'];

export interface LegacyState {
  userId: string | null;
  campaigns: CampaignInfo[];
}

function legacyCampaigns(raw: string | null): CampaignInfo[] {
  try {
    const all: unknown = JSON.parse(raw ?? '{}');
    if (typeof all !== 'object' || all === null) return [];
    return Object.values(all).flatMap((value) => {
      const parsed = campaignInfoSchema.safeParse(value);
      return parsed.success ? [parsed.data] : [];
    });
  } catch {
    return [];
  }
}

function removeLegacyKeys(storage: Storage): void {
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key): key is string => key !== null);
  for (const key of keys) if (LEGACY_PREFIXES.some((prefix) => key.startsWith(prefix))) storage.removeItem(key);
}

let taken: LegacyState | null = null;

/** What earlier versions left on this device (read at the first call of the page: the keys are gone afterwards). */
export function takeLegacyState(): LegacyState {
  taken ??= readAndClear();
  return taken;
}

function readAndClear(): LegacyState {
  try {
    if (typeof localStorage === 'undefined') return { userId: null, campaigns: [] };
    const state = { userId: localStorage.getItem(USER_KEY), campaigns: legacyCampaigns(localStorage.getItem(CAMPAIGNS_KEY)) };
    removeLegacyKeys(localStorage);
    if (typeof sessionStorage !== 'undefined') removeLegacyKeys(sessionStorage);
    return state;
  } catch {
    // storage disabled by the browser: nothing to hand over
    return { userId: null, campaigns: [] };
  }
}
