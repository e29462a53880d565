import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';

const html = (source: string) => renderToStaticMarkup(<Markdown source={source} />);

describe('Markdown', () => {
  it.each([
    ['Un **mot** et un *autre* et `code`', '<p><span>Un <strong>mot</strong> et un <em>autre</em> et <code>code</code></span></p>'],
    ['- a\n- b', '<ul><li>a</li><li>b</li></ul>'],
    ['1. un\n2. deux', '<ol><li>un</li><li>deux</li></ol>'],
    ['ligne 1\nligne 2', '<p><span>ligne 1</span><span><br/>ligne 2</span></p>'],
    ['para 1\n\npara 2', '<p><span>para 1</span></p><p><span>para 2</span></p>'],
  ])('%j', (source, expected) => {
    expect(html(source)).toBe(`<div>${expected}</div>`);
  });

  it('renders links (external in a new window) and images with their alt', () => {
    const out = html('Voir [le site](https://pix.fr) et ![un chat](/content/files/chat.png)');
    expect(out).toContain('<a href="https://pix.fr" target="_blank" rel="noopener noreferrer"');
    expect(out).toContain('<img src="/content/files/chat.png" alt="un chat"');
  });

  it('never injects markup nor unsafe URLs', () => {
    const out = html('<script>alert(1)</script> [x](javascript:alert(1))');
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;');
    expect(out).not.toContain('javascript:');
  });
});
