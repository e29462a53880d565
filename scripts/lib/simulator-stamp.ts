/**
 * Vite plugin: stamps index.html with a digest of the simulators' CSP hashes. The app loads each simulator
 * into a srcdoc iframe that inherits the CSP of index.html, and the service worker serves index.html from
 * its precache with the headers it was first fetched with: the page must be fetched again (a new precache
 * revision) whenever those hashes change, even when nothing else in index.html did (ADR 0006).
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
// with an extension, as Vite's config loader asks (`.js` resolves to the .ts module)
import { readInlineHashes } from '../../server/src/http/inline-hashes.js';

export const SIMULATORS_META = 'pix-simulators-csp';

export function simulatorStamp(simulatorsDir: string): Plugin {
  return {
    name: 'pix-simulator-stamp',
    apply: 'build',
    transformIndexHtml() {
      const hashes = readInlineHashes(simulatorsDir);
      const digest = createHash('sha256').update(JSON.stringify(hashes)).digest('base64url').slice(0, 16);
      return [{ tag: 'meta', attrs: { name: SIMULATORS_META, content: digest }, injectTo: 'head' }];
    },
  };
}
