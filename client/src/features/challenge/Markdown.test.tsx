import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { isSafeUrl, Markdown, renderInline } from './Markdown';

const html = (source: string) => renderToStaticMarkup(<Markdown source={source} />);

describe('Markdown', () => {
  it.each([
    ['Un **mot** et un *autre* et `code`', '<p>Un <strong>mot</strong> et un <em>autre</em> et <code>code</code></p>'],
    ['- a\n- b', '<ul><li>a</li><li>b</li></ul>'],
    ['1. un\n2. deux', '<ol start="1"><li>un</li><li>deux</li></ol>'],
    ['ligne 1\nligne 2', '<p>ligne 1<br/>ligne 2</p>'],
    ['para 1\n\npara 2', '<p>para 1</p><p>para 2</p>'],
    ['du **gras\nsur deux lignes**', '<p>du <strong>gras<br/>sur deux lignes</strong></p>'],
    ['# Titre', '<p class="fr-text--bold fr-mb-1w">Titre</p>'],
  ])('%j', (source, expected) => {
    expect(html(source)).toBe(`<div>${expected}</div>`);
  });

  it('renders tables in a DSFR fr-table and code fences with their indentation', () => {
    expect(html('| a | b |\n|---|---|\n| 1 | 2 |')).toContain('<div class="fr-table"><table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></div>');
    expect(html('```python\nfor i in range(3):\n    print(i)\n```')).toContain('<pre><code class="language-python lang-python">for i in range(3):\n    print(i)</code></pre>');
  });

  it('renders links (external in a new window) and images with their alt', () => {
    const out = html('Voir [le site](https://pix.fr) et ![un chat](/content/files/chat.png)');
    expect(out).toContain('<a href="https://pix.fr" target="_blank" rel="noopener noreferrer"');
    expect(out).toContain('<img src="/content/files/chat.png" alt="un chat"');
    expect(html('[la page](/competences)')).toContain('<a href="/competences">la page</a>');
  });

  it('never injects markup nor unsafe URLs', () => {
    const out = html('<script>alert(1)</script> [x](javascript:alert(1)) [y](//evil.example/a) [z](http://a.fr) ![i](data:image/png;base64,AA)');
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;');
    expect(out).not.toMatch(/javascript:|evil\.example|http:|data:|<a |<img /);
    expect(html('<img src=x onerror="alert(1)">')).not.toContain('<img');
  });

  it('isSafeUrl: only relative or https', () => {
    expect(['/a.png', 'a.png', '../b', '#ancre', '?q=1', 'https://pix.fr'].every(isSafeUrl)).toBe(true);
    expect(['http://pix.fr', '//pix.fr', 'javascript:alert(1)', 'JAVASCRIPT:x', 'data:image/png,AA', 'mailto:a@b.fr', '\\\\host'].some(isSafeUrl)).toBe(false);
  });

  it('renderInline has no paragraph wrapper', () => {
    expect(renderToStaticMarkup(<span>{renderInline('une **option**')}</span>)).toBe('<span>une <strong>option</strong></span>');
  });
});
