import vue from '@vitejs/plugin-vue';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [vue()],
  test: {
    name: 'backoffice',
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
});
