import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SIMULATORS_META, simulatorStamp } from './simulator-stamp';

const dir = mkdtempSync(join(tmpdir(), 'pix-stamp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function stamp(): unknown {
  const hook = simulatorStamp(dir).transformIndexHtml as () => unknown;
  return hook();
}

describe('simulator stamp in index.html', () => {
  it("changes when a simulator's inline code changes (a new precache revision of the page and its CSP), not otherwise", () => {
    mkdirSync(join(dir, 'demo'));
    writeFileSync(join(dir, 'demo', 'index.html'), '<script>a()</script><p>texte</p>');
    const first = stamp();
    expect(first).toEqual([{ tag: 'meta', attrs: { name: SIMULATORS_META, content: expect.any(String) }, injectTo: 'head' }]);
    writeFileSync(join(dir, 'demo', 'index.html'), '<script>a()</script><p>autre texte</p>');
    expect(stamp()).toEqual(first);
    writeFileSync(join(dir, 'demo', 'index.html'), '<script>b()</script><p>autre texte</p>');
    expect(stamp()).not.toEqual(first);
  });
});
