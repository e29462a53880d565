/**
 * The PWA build: React app in client/, static files in public/, output in dist/ (served by the node).
 * Workbox precaches the app shell and DSFR fonts (globs over the build output) and, derived from the
 * content pack, every file a challenge or tutorial uses plus the simulators (scripts/lib/pack-precache),
 * so that after one visit the app starts and every challenge works with no network. The pack itself
 * (solutions included) is not in the build: the node serves it after login and the device keeps that copy
 * (client/src/content/pack.ts).
 */
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA, type VitePluginPWAAPI } from 'vite-plugin-pwa';
// with an extension, as Vite's config loader asks (`.js` resolves to the .ts module)
import { packPrecacheEntries, readPackFile, type PrecacheEntry } from './scripts/lib/pack-precache.js';
import { simulatorStamp } from './scripts/lib/simulator-stamp.js';

const PACK = resolve(import.meta.dirname, 'content/dist/pack.json');
const PUBLIC = resolve(import.meta.dirname, 'public');

/**
 * Adds to the service worker's precache every public file the pack uses, whatever its extension, and
 * all simulator files (revision: MD5 of the file). A missing pack or referenced file fails the build
 * before vite empties dist/, so the previous build stays in place.
 */
function contentPrecache(): Plugin {
  let pwa: VitePluginPWAAPI | undefined;
  let entries: PrecacheEntry[] = [];
  return {
    name: 'pix-content-precache',
    apply: 'build',
    configResolved(config) {
      pwa = config.plugins.find((plugin) => plugin.name === 'vite-plugin-pwa')?.api as VitePluginPWAAPI | undefined;
      entries = packPrecacheEntries(readPackFile(PACK), PUBLIC);
    },
    buildStart() {
      if (!pwa) this.error('vite-plugin-pwa introuvable : le précache du contenu ne peut pas être ajouté.');
      const urls = new Set(entries.map((entry) => entry.url));
      pwa.extendManifestEntries((existing) => [...existing.filter((entry) => typeof entry === 'string' || !urls.has(entry.url)), ...entries]);
    },
  };
}

export default defineConfig({
  root: 'client',
  publicDir: '../public',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    // The pack carries the solutions: the node serves it to logged-in users only (never a file of the build).
    // changeOrigin: false keeps the page's Host (localhost:5173), which the node's origin check compares
    // with the Origin of each write (ADR 0006).
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
      '/content/pack.json': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  plugins: [
    react(),
    contentPrecache(),
    simulatorStamp(resolve(PUBLIC, 'simulators')),
    VitePWA({
      registerType: 'prompt',
      injectRegister: null,
      manifest: {
        name: 'Pix hors-ligne',
        short_name: 'Pix HL',
        description: 'Évaluer, développer et certifier ses compétences numériques, même sans internet.',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#000091',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // App shell only: the content files and simulators come from the pack (contentPrecache).
        globPatterns: ['**/*.{js,css,html,svg,png,jpg,jpeg,ico,woff2,json}'],
        globIgnores: ['**/node_modules/**', 'content/files/**', 'simulators/**'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        // A precached simulator is opened with ?scenario=…: match it whatever its query.
        ignoreURLParametersMatching: [/.*/],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/simulators\//, /^\/content\//],
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
