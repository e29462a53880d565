/**
 * The campaigns a pupil joined, in their local database (`campaigns` collection), so that a campaign runs
 * and resumes offline and its target profile scopes the knowledge elements of its assessments. Fetched
 * from the node by code (« J'ai un code ») and, for every participation the pupil has on any device, from
 * `GET /api/me/campaigns`: at sign-in, and whenever a participation arrives whose campaign is missing.
 */
import { campaignInfoSchema, myCampaignsSchema, type CampaignInfo } from '../../../shared/src/api/schemas';
import { normaliseCampaignCode } from '../../../shared/src/campaign/campaign-code';
import { ApiFailure, api } from '../api/http';
import type { PupilDatabase } from '../db/database';
import type { CampaignDoc } from '../db/local-schemas';
import type { CampaignParticipationDoc } from '../db/schemas';

export type { CampaignInfo };

/** How long to wait before asking the node again for missing campaigns after a failure. */
export const MISSING_CAMPAIGNS_RETRY_MS = 30_000;

export function toCampaignInfo(doc: CampaignDoc): CampaignInfo {
  const { updatedAt: _updatedAt, ...info } = doc;
  return info;
}

const sameCampaign = (a: CampaignInfo, b: CampaignInfo) => JSON.stringify(a) === JSON.stringify(b);

/** Stores campaigns (only those that changed: unchanged ones keep their document, no needless re-render). */
export async function saveCampaigns(db: PupilDatabase, campaigns: readonly CampaignInfo[], now = new Date()): Promise<void> {
  if (campaigns.length === 0) return;
  const stored = await db.campaigns.findByIds(campaigns.map((c) => c.id)).exec();
  const changed = campaigns
    .map((c) => campaignInfoSchema.parse(c))
    .filter((c) => {
      const doc = stored.get(c.id);
      return !doc || !sameCampaign(toCampaignInfo(doc.toJSON() as CampaignDoc), c);
    });
  if (changed.length > 0) await db.campaigns.bulkUpsert(changed.map((c) => ({ ...c, updatedAt: now.toISOString() })));
}

export async function storedCampaignByCode(db: PupilDatabase, code: string): Promise<CampaignInfo | null> {
  const doc = await db.campaigns.findOne({ selector: { code: normaliseCampaignCode(code) } }).exec();
  return doc ? toCampaignInfo(doc.toJSON() as CampaignDoc) : null;
}

/** « J'ai un code »: the campaign as the node describes it now, stored for offline use. */
export async function fetchCampaignByCode(db: PupilDatabase, code: string): Promise<CampaignInfo> {
  const info = await api(`/api/campaigns/${encodeURIComponent(normaliseCampaignCode(code))}`, campaignInfoSchema);
  await saveCampaigns(db, [info]);
  return info;
}

/** The campaigns of the participations whose campaign this device does not hold. */
export function missingCampaignIds(participations: readonly CampaignParticipationDoc[], campaigns: readonly CampaignInfo[]): string[] {
  const known = new Set(campaigns.map((c) => c.id));
  return [...new Set(participations.map((p) => p.campaignId))].filter((id) => !known.has(id)).sort();
}

export interface CampaignRefresher {
  /** asks the node for all the pupil's campaigns (coalesced: one request at a time) */
  refresh: () => void;
  /** asks again only if some of these campaign ids were never asked for (no loop on a campaign the node lacks) */
  whenMissing: (campaignIds: readonly string[]) => void;
  stop: () => void;
}

export function campaignRefresher(
  db: PupilDatabase,
  options: { fetchMine?: () => Promise<CampaignInfo[]>; retryMs?: number } = {},
): CampaignRefresher {
  const fetchMine = options.fetchMine ?? (async () => (await api('/api/me/campaigns', myCampaignsSchema)).campaigns);
  const retryMs = options.retryMs ?? MISSING_CAMPAIGNS_RETRY_MS;
  const asked = new Set<string>();
  let running = false;
  let again = false;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | null = null;

  const run = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    void (async () => {
      try {
        const campaigns = await fetchMine();
        if (!stopped) await saveCampaigns(db, campaigns);
      } catch (error) {
        // Offline, or a node without the route yet: the campaigns stay as they are; ask again later.
        if (!(error instanceof ApiFailure)) console.warn('Parcours non mis à jour', error);
        // Only campaigns some participation needs are worth a retry (a sign-in refresh is not).
        if (!stopped && retry === null && asked.size > 0) {
          asked.clear();
          retry = setTimeout(() => {
            retry = null;
            run();
          }, retryMs);
        }
      } finally {
        running = false;
        if (again) {
          again = false;
          run();
        }
      }
    })();
  };

  return {
    refresh: run,
    whenMissing: (campaignIds) => {
      const fresh = campaignIds.filter((id) => !asked.has(id));
      if (fresh.length === 0) return;
      for (const id of fresh) asked.add(id);
      run();
    },
    stop: () => {
      stopped = true;
      if (retry !== null) clearTimeout(retry);
    },
  };
}
