/**
 * What earlier versions left in Web Storage is handed over once (signed-in user, well-formed campaigns)
 * and deleted, on both storages; keys that are not ours stay.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  keys() {
    return [...this.items.keys()].sort();
  }
}

const campaign = {
  id: 'c1', code: 'CLGJMB302', name: 'Parcours de rentrée 3e — 3e B', title: null, type: 'ASSESSMENT', targetProfileId: 'tp-rentree-3e',
  customLandingMessage: null, idPixLabel: null, organizationName: 'Collège Jean Moulin (démo)',
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('legacy Web Storage', () => {
  it('hands over the user and the campaigns, then deletes every key of earlier versions', async () => {
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    local.setItem('pix.currentUserId', 'u1');
    local.setItem('pix.campaigns', JSON.stringify({ c1: campaign, broken: { id: 'x' } }));
    local.setItem('pix.rules-seen.u1', '1');
    local.setItem('pix.checkpoint-seen.a1', '5');
    local.setItem('pix.started.a1.rec1', '1767261600000');
    local.setItem('pix.started.a1.rec1.focus', '1');
    local.setItem('autre.application', 'garde');
    session.setItem('pix.started.a1.rec2', '1767261600000');
    vi.stubGlobal('localStorage', local);
    vi.stubGlobal('sessionStorage', session);
    const { takeLegacyState } = await import('./legacy-storage');

    const state = takeLegacyState();
    expect(state.userId).toBe('u1');
    expect(state.campaigns).toEqual([campaign]);
    expect(local.keys()).toEqual(['autre.application']);
    expect(session.keys()).toEqual([]);
    // a second call in the same page (React's double effects) sees the same hand-over
    expect(takeLegacyState()).toEqual(state);
  });

  it('nothing left, or no Web Storage at all: nothing to hand over', async () => {
    const { takeLegacyState } = await import('./legacy-storage');
    expect(takeLegacyState()).toEqual({ userId: null, campaigns: [] });
  });
});
