/**
 * CSP hashes of the inline `<script>` and `<style>` elements of the offline simulators. A simulator is one
 * HTML file with its code inline; the PWA loads it into a sandboxed `srcdoc` iframe, which inherits the
 * app's Content-Security-Policy, so that policy allows exactly these elements by hash (ADR 0006).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** CSP source expressions, e.g. `'sha256-…'`, sorted and without duplicates. */
export interface InlineHashes {
  scripts: string[];
  styles: string[];
}

export const NO_INLINE_HASHES: InlineHashes = { scripts: [], styles: [] };

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;

/** `'sha256-<base64>'` of an element's text as the browser hashes it (UTF-8, newlines normalised by the parser). */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`;
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** The hashes of one HTML document's inline scripts (those without `src`) and style elements. Pure. */
export function inlineHashes(html: string): InlineHashes {
  const scripts = [...html.matchAll(SCRIPT)].filter((m) => !/\ssrc\s*=/i.test(m[1] ?? '')).map((m) => cspHash(m[2] ?? ''));
  const styles = [...html.matchAll(STYLE)].map((m) => cspHash(m[1] ?? ''));
  return { scripts: sorted(scripts), styles: sorted(styles) };
}

function htmlFilesUnder(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? htmlFilesUnder(join(dir, entry.name)) : entry.name.endsWith('.html') ? [join(dir, entry.name)] : []))
    .sort();
}

/** The union of the hashes of every HTML file under `dir` (the built `simulators/` folder); none if it is absent. */
export function readInlineHashes(dir: string): InlineHashes {
  const all = htmlFilesUnder(dir).map((file) => inlineHashes(readFileSync(file, 'utf8')));
  return { scripts: sorted(all.flatMap((h) => h.scripts)), styles: sorted(all.flatMap((h) => h.styles)) };
}
