/**
 * The PWA build: React app in client/, static files in public/, output in dist/ (served by the node).
 * Workbox precaches the app shell, DSFR fonts, content files and simulators so that after one visit the
 * app starts with no network.
 */
import react from '@vitejs/plugin-react';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const PACK = resolve(import.meta.dirname, 'content/dist/pack.json');

/** Ships the runtime content pack (built by `npm run content:build`) as /content/pack.json. */
function contentPack(): Plugin {
  return {
    name: 'pix-content-pack',
    generateBundle() {
      if (!existsSync(PACK)) {
        this.warn('content/dist/pack.json absent : lancez npm run content:build');
        return;
      }
      this.emitFile({ type: 'asset', fileName: 'content/pack.json', source: readFileSync(PACK, 'utf8') });
    },
    configureServer(server) {
      server.middlewares.use('/content/pack.json', (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(existsSync(PACK) ? readFileSync(PACK) : '{}');
      });
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
    proxy: { '/api': 'http://localhost:3000' },
  },
  plugins: [
    react(),
    contentPack(),
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
        globPatterns: ['**/*.{js,css,html,svg,png,jpg,jpeg,ico,woff2,json,csv,txt,pdf,md,ods,odt}'],
        globIgnores: ['**/node_modules/**'],
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
