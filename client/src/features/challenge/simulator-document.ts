/**
 * A simulator as the app embeds it: its HTML (fetched by the page, hence served by the service worker's
 * precache offline) becomes the `srcdoc` of an iframe sandboxed WITHOUT allow-same-origin. Chromium does
 * not let a service worker serve the navigation of such a frame (opaque origin), so `src=` would show
 * "No internet" offline; a srcdoc document needs no navigation. It inherits the app's CSP, which allows
 * the simulators' inline scripts and styles by hash (server/src/http/secure-headers.ts, ADR 0006).
 */

/** The sandbox of a simulator frame: scripts and form events, an opaque origin (no cookie, storage, API). */
export const SIMULATOR_SANDBOX = 'allow-scripts allow-forms';

const HEAD = /<head(\s[^>]*)?>/i;

const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The srcdoc for the simulator `html` served at `url` (absolute): a `<base href>` first in its head, so
 * that `document.baseURI` is the simulator's URL with its `?scenario=…` (a srcdoc's own URL is
 * about:srcdoc) and relative URLs resolve against its folder. Pure.
 */
export function simulatorDocument(html: string, url: string): string {
  const base = `<base href="${escapeAttribute(url)}">`;
  const head = HEAD.exec(html);
  if (!head) return base + html;
  const end = head.index + head[0].length;
  return html.slice(0, end) + base + html.slice(end);
}

/** The message a simulator posts when the pupil reaches an answer; anything else is ignored. */
export function simulatorAnswer(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as { from?: unknown; type?: unknown; answer?: unknown };
  if (message.from !== 'pix-simulator' || message.type !== 'answer' || typeof message.answer !== 'string') return null;
  return message.answer;
}
