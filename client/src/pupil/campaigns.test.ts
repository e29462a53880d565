/**
 * The campaigns of a pupil's participations: stored in their database (unchanged ones left alone), asked
 * for again only when a participation lacks its campaign (no loop on one the node does not know), retried
 * after a failure, and taken over from an earlier version's device-wide cache only for this pupil's own.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { CampaignInfo } from '../../../shared/src/api/schemas';
import { ApiFailure } from '../api/http';
import { openUserDatabase, removeUserDatabase } from '../db/database';
import { campaignRefresher, missingCampaignIds, saveCampaigns, storedCampaignByCode } from './campaigns';

const info = (id: string, code: string, extra: Partial<CampaignInfo> = {}): CampaignInfo => ({
  id, code, name: `Parcours ${code}`, title: null, type: 'ASSESSMENT', targetProfileId: 'tp-rentree-3e', customLandingMessage: null,
  idPixLabel: null, organizationName: 'Collège Jean Moulin (démo)', method: 'BAYES', ...extra,
});
const at = '2026-01-01T10:00:00.000Z';
const participation = (id: string, campaignId: string) => ({
  id, campaignId, userId: 'u', status: 'STARTED' as const, participantExternalId: null, createdAt: at, sharedAt: null, updatedAt: at,
});
let n = 0;
const freshUser = () => `4f8f5c2e-1111-4222-8333-9444455556${String(++n).padStart(2, '0')}`;

describe('campaigns of the pupil', () => {
  it('are stored, found by code, and rewritten only when they changed', async () => {
    const userId = freshUser();
    const db = await openUserDatabase(userId);
    await saveCampaigns(db, [info('c1', 'CLGJMB302')], new Date('2026-01-01T10:00:00Z'));
    await saveCampaigns(db, [info('c1', 'CLGJMB302')], new Date('2026-01-02T10:00:00Z'));
    expect((await db.campaigns.findOne('c1').exec())?.updatedAt).toBe('2026-01-01T10:00:00.000Z');
    await saveCampaigns(db, [info('c1', 'CLGJMB302', { method: 'SMART_RANDOM' })], new Date('2026-01-03T10:00:00Z'));
    expect((await db.campaigns.findOne('c1').exec())?.toJSON()).toMatchObject({ method: 'SMART_RANDOM', updatedAt: '2026-01-03T10:00:00.000Z' });
    expect(await storedCampaignByCode(db, ' clgjmb302 ')).toMatchObject({ id: 'c1', targetProfileId: 'tp-rentree-3e' });
    expect(await storedCampaignByCode(db, 'CLGJMA501')).toBeNull();
    await removeUserDatabase(userId);
  });

  it('missing ones are those of participations without their campaign', () => {
    expect(missingCampaignIds([participation('p1', 'c1'), participation('p2', 'c2'), participation('p3', 'c2')], [info('c1', 'CLGJMB302')])).toEqual(['c2']);
    expect(missingCampaignIds([], [])).toEqual([]);
  });

  it('the refresher asks once per missing campaign, coalesces requests, and stores what the node sends', async () => {
    const userId = freshUser();
    const db = await openUserDatabase(userId);
    let release: () => void = () => undefined;
    const fetchMine = vi.fn(() => new Promise<CampaignInfo[]>((resolve) => (release = () => resolve([info('c1', 'CLGJMB302')]))));
    const refresher = campaignRefresher(db, { fetchMine });
    refresher.refresh();
    refresher.whenMissing(['c1', 'c9']);
    refresher.whenMissing(['c1', 'c9']);
    expect(fetchMine).toHaveBeenCalledTimes(1);
    release();
    await vi.waitFor(() => expect(fetchMine).toHaveBeenCalledTimes(2)); // the one asked while the first ran
    release();
    await vi.waitFor(async () => expect(await db.campaigns.count().exec()).toBe(1));
    // c9 is unknown to the node: asking again for it would loop on every change of the collections
    refresher.whenMissing(['c9']);
    expect(fetchMine).toHaveBeenCalledTimes(2);
    refresher.stop();
    await removeUserDatabase(userId);
  });

  it('after a failure (offline), missing campaigns are asked for again later', async () => {
    const userId = freshUser();
    const db = await openUserDatabase(userId);
    const fetchMine = vi
      .fn<() => Promise<CampaignInfo[]>>()
      .mockRejectedValueOnce(new ApiFailure(0, 'NETWORK', 'Le serveur est injoignable.'))
      .mockResolvedValue([info('c2', 'CLGJMA501')]);
    const refresher = campaignRefresher(db, { fetchMine, retryMs: 50 });
    refresher.whenMissing(['c2']);
    expect(fetchMine).toHaveBeenCalledTimes(1);
    await vi.waitFor(async () => expect((await db.campaigns.findOne('c2').exec())?.code).toBe('CLGJMA501'));
    expect(fetchMine).toHaveBeenCalledTimes(2);
    refresher.stop();
    await removeUserDatabase(userId);
  });

  it('a failed sign-in refresh with nothing missing is not retried', async () => {
    const userId = freshUser();
    const db = await openUserDatabase(userId);
    const fetchMine = vi.fn<() => Promise<CampaignInfo[]>>().mockRejectedValue(new ApiFailure(0, 'NETWORK', 'Le serveur est injoignable.'));
    const refresher = campaignRefresher(db, { fetchMine, retryMs: 20 });
    refresher.refresh();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fetchMine).toHaveBeenCalledTimes(1);
    refresher.stop();
    await removeUserDatabase(userId);
  });
});
