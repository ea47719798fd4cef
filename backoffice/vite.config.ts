import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The API serves the built app under /backoffice/; in development Vite serves it and
// forwards /api to a locally running API so cookies stay same-origin.
export default defineConfig({
  base: '/backoffice/',
  plugins: [vue()],
  define: {
    // vue-i18n feature flags: Composition API only, no devtools in production.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    // Relative to the package folder: build with `vite build` from backoffice/.
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
});
