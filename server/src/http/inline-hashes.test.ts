import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspHash, inlineHashes, readInlineHashes } from './inline-hashes';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('inline hashes', () => {
  it('hashes the text of inline scripts and style elements, not external scripts', () => {
    const html = '<style>\n p { color: red }\n</style><script src="/a.js"></script><SCRIPT type="module">\nrun();\n</SCRIPT><script>go()</script>';
    expect(inlineHashes(html)).toEqual({ scripts: [sha('\nrun();\n'), sha('go()')].sort(), styles: [sha('\n p { color: red }\n')] });
  });

  it('hashes as the browser does: UTF-8, CRLF read as LF', () => {
    expect(cspHash('é\r\nx')).toBe(sha('é\nx'));
  });

  it('reads every simulator of public/: at least one script each, none twice', () => {
    const hashes = readInlineHashes(join(import.meta.dirname, '..', '..', '..', 'public', 'simulators'));
    expect(hashes.scripts.length).toBeGreaterThanOrEqual(7);
    expect(new Set(hashes.scripts).size).toBe(hashes.scripts.length);
    expect(readInlineHashes('/nonexistent')).toEqual({ scripts: [], styles: [] });
  });
});
