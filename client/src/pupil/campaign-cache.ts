/**
 * What the pupil's device knows about the campaigns it joined (title, target profile, external id label):
 * fetched from the node by code and kept in localStorage so that a campaign resumes offline.
 */
export interface CampaignInfo {
  id: string;
  code: string;
  name: string;
  title: string | null;
  type: 'ASSESSMENT' | 'PROFILES_COLLECTION';
  targetProfileId: string | null;
  customLandingMessage: string | null;
  idPixLabel: string | null;
  organizationName: string;
  method?: string;
}

const KEY = 'pix.campaigns';

function readAll(): Record<string, CampaignInfo> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, CampaignInfo>;
  } catch {
    return {};
  }
}

export function cachedCampaign(idOrCode: string): CampaignInfo | null {
  const all = readAll();
  return all[idOrCode] ?? Object.values(all).find((c) => c.code === idOrCode.toUpperCase()) ?? null;
}

export function cacheCampaign(campaign: CampaignInfo): void {
  const all = readAll();
  all[campaign.id] = campaign;
  localStorage.setItem(KEY, JSON.stringify(all));
}
