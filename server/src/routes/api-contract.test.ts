/**
 * The node's JSON answers match the zod schemas the browser parses them with (shared/src/api/schemas.ts):
 * a change on one side without the other fails here, not as « réponse inattendue » on a pupil's screen.
 */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import {
  campaignInfoSchema,
  errorBodySchema,
  loginResponseSchema,
  logoutResponseSchema,
  meSchema,
  myCampaignsSchema,
  organizationCampaignsSchema,
  relayStatusSchema,
  relayTokenSchema,
} from '../../../shared/src/api/schemas';
import { CAMPAIGN_METHODS } from '../../../shared/src/engine/engine-choice';
import { organizationIdOf, testIndex } from '../sync/sync-fixtures';
import { testNode } from '../testing/test-node';

async function matches(response: Response, schema: z.ZodMiniType, status = 200): Promise<void> {
  expect(response.status).toBe(status);
  const parsed = schema.safeParse(await response.json());
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
}

describe('API responses match the shared schemas', () => {
  it('accounts: login (browser and sync), me, logout, an error', async () => {
    const node = await testNode({ content: testIndex });
    await matches(await node.json('/api/auth/login', { login: 'eleve@demo.pix', password: 'Pix12345' }), loginResponseSchema);
    await matches(await node.json('/api/auth/login', { login: 'prof@demo.pix', password: 'Pix12345', client: 'sync' }), loginResponseSchema);
    const headers = await node.login('prof@demo.pix');
    await matches(await node.app.request('/api/me', { headers }), meSchema);
    await matches(await node.app.request('/api/auth/logout', { method: 'POST', headers }), logoutResponseSchema);
    await matches(await node.app.request('/api/me'), errorBodySchema, 401);
  });

  it('campaigns: by code, mine, the organisation’s, the engine switch', async () => {
    const node = await testNode({ content: testIndex });
    const admin = await node.login('prof@demo.pix');
    const organizationId = organizationIdOf(node.db);
    await matches(await node.app.request('/api/campaigns/CLGJMB302', { headers: admin }), campaignInfoSchema);
    await matches(await node.app.request('/api/me/campaigns', { headers: admin }), myCampaignsSchema);
    await matches(await node.app.request(`/api/organizations/${organizationId}/campaigns`, { headers: admin }), organizationCampaignsSchema);
    const [campaign] = node.db.prepare('SELECT id FROM campaigns ORDER BY id').all() as { id: string }[];
    const put = (method: string) => node.app.request(`/api/campaigns/${campaign.id}/method`, {
      method: 'PUT', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ method }),
    });
    for (const method of CAMPAIGN_METHODS) await matches(await put(method), campaignInfoSchema);
    // an engine no longer offered (FLASH), stored before: the school list says so, and choosing it again is refused
    node.db.prepare("UPDATE campaigns SET assessment_method = 'FLASH' WHERE id = ?").run(campaign.id);
    await matches(await node.app.request(`/api/organizations/${organizationId}/campaigns`, { headers: admin }), organizationCampaignsSchema);
    await matches(await put('FLASH'), errorBodySchema, 400);
  });

  it('relay administration: token, status (central and relay)', async () => {
    const central = await testNode({ content: testIndex });
    const admin = await central.login('prof@demo.pix');
    await matches(await central.app.request(`/api/organizations/${organizationIdOf(central.db)}/relay-tokens`, { method: 'POST', headers: admin }), relayTokenSchema, 201);
    await matches(await central.app.request('/api/relay/status', { headers: admin }), relayStatusSchema);
    const relay = await testNode({ content: testIndex, mode: 'relay' });
    await matches(await relay.app.request('/api/relay/status', { headers: await relay.login('prof@demo.pix') }), relayStatusSchema);
  });
});
