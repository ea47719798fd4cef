import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { nodeShims } from './node-shims.ts';

const THEME_COLOUR = '#0f766e';

export default defineConfig({
  // The API process serves the built till under /pos/ (and the back office under /backoffice/).
  base: '/pos/',
  resolve: { alias: nodeShims },
  plugins: [
    vue(),
    VitePWA({
      // 'prompt': a new service worker waits until the cashier applies it from the banner,
      // which the till refuses while a sale is open or the outbox holds unsent events.
      registerType: 'prompt',
      strategies: 'generateSW',
      // The app registers through `virtual:pwa-register/vue` (src/pwa/), not an injected script.
      injectRegister: false,
      // public/icons/*.png are precached by globPatterns already; listing them again
      // (includeAssets, manifest icons) would only duplicate precache entries.
      includeManifestIcons: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        // Any navigation inside /pos/ gets the app shell, so a reload offline still opens
        // the till. The API is never answered from the shell: a cached HTML page in reply
        // to a fetch would look like a server bug.
        navigateFallback: '/pos/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        // Element Plus and the pinyin dictionary make one large chunk; it must be
        // precached or the till cannot start offline.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        cleanupOutdatedCaches: true,
      },
      manifest: {
        name: 'Shopbook POS',
        short_name: 'Shopbook',
        description: 'Shopbook till: sells with or without the network.',
        lang: 'zh-CN',
        start_url: '/pos/',
        scope: '/pos/',
        display: 'standalone',
        orientation: 'any',
        theme_color: THEME_COLOUR,
        background_color: '#f4f6f8',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    chunkSizeWarningLimit: 2000,
  },
});
