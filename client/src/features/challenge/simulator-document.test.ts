import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulatorAnswer, simulatorDocument } from './simulator-document';

const URL_ = 'http://127.0.0.1:3000/simulators/tableur/index.html?scenario=club&x="<';

describe('simulator document (srcdoc)', () => {
  it('puts a <base> with the simulator URL first in its head, attribute-escaped', () => {
    const doc = simulatorDocument('<!doctype html><html lang="fr"><head>\n<meta charset="utf-8"><script>run()</script></head></html>', URL_);
    expect(doc).toBe(
      '<!doctype html><html lang="fr"><head><base href="http://127.0.0.1:3000/simulators/tableur/index.html?scenario=club&amp;x=&quot;&lt;">\n<meta charset="utf-8"><script>run()</script></head></html>',
    );
  });

  it('keeps the inline code byte for byte (its CSP hash must still match) and copes with no <head>', () => {
    const html = '<head data-x="1"><script>\n  go();\n</script>';
    expect(simulatorDocument(html, 'http://a/s.html')).toContain('<script>\n  go();\n</script>');
    expect(simulatorDocument('<p>x</p>', 'http://a/s.html')).toBe('<base href="http://a/s.html"><p>x</p>');
  });

  it('takes only the answer string of a pix-simulator answer message', () => {
    expect(simulatorAnswer({ from: 'pix-simulator', type: 'answer', answer: '213', extra: { html: '<img>' } })).toBe('213');
    for (const data of [null, 'answer', { from: 'pix-simulator', type: 'answer', answer: 213 }, { from: 'other', type: 'answer', answer: 'x' }, { from: 'pix-simulator', type: 'ready' }]) {
      expect(simulatorAnswer(data)).toBeNull();
    }
  });
});

// What a simulator may do once in an opaque-origin, service-worker-less sandbox (ADR 0006).
describe('the simulators of public/ fit their sandbox', () => {
  const root = join(import.meta.dirname, '..', '..', '..', '..', 'public', 'simulators');
  const simulators = readdirSync(root).map((name) => ({ name, html: readFileSync(join(root, name, 'index.html'), 'utf8') }));

  it.each(simulators.map((s) => [s.name, s.html]))('%s: one file, no Web Storage, cookies, IndexedDB or service worker, parameters from document.baseURI', (_name, html) => {
    expect(readdirSync(join(root, _name))).toEqual(['index.html']);
    // an opaque origin throws on these
    expect(html).not.toMatch(/localStorage|sessionStorage|document\.cookie|indexedDB|serviceWorker|caches\./);
    // nothing to fetch: the frame is not served by the service worker, so offline it would fail
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|href|action|srcset|poster)\s*=/i);
    expect(html).not.toMatch(/\.(src|href|action)\s*=[^=]|setAttribute\(\s*['"](src|href)|['"]?\b(src|href)['"]?\s*:\s*['"`]/);
    expect(html).not.toMatch(/url\(|@import|fetch\(|XMLHttpRequest|new Worker|import\(/);
    // no inline event handler attributes (the CSP allows scripts by hash only)
    expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/[^.\w]location\.search/);
    expect(html).toContain('new URL(document.baseURI).search');
  });
});
