import vue from '@vitejs/plugin-vue';
import { defineProject } from 'vitest/config';
import { nodeShims } from './node-shims.ts';

// Unit and component tests of the till. jsdom for the DOM, fake-indexeddb for Dexie:
// every test opens its own database name so tests never share state.
export default defineProject({
  plugins: [vue()],
  resolve: { alias: nodeShims },
  test: {
    name: 'pos',
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
  },
});
