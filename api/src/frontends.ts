import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Serves the built till at /pos and the back office at /backoffice from one port.
 * Unknown paths inside an app get its index.html so client-side routes survive a reload.
 */
export function mountFrontends(app: Hono<any>) {
  const apps = [
    { base: '/pos', dist: `${repoRoot}pos/dist` },
    { base: '/backoffice', dist: `${repoRoot}backoffice/dist` },
  ];
  for (const { base, dist } of apps) {
    if (!existsSync(`${dist}/index.html`)) {
      console.warn(`${base}: ${dist} is not built; run pnpm build`);
      continue;
    }
    const index = readFileSync(`${dist}/index.html`, 'utf8');
    app.get(base, (c) => c.redirect(`${base}/`));
    app.use(
      `${base}/*`,
      serveStatic({
        root: dist,
        rewriteRequestPath: (p) => p.slice(base.length) || '/',
        onFound: (path, c) => {
          // The service worker and the HTML must never be stale; hashed assets may be cached forever.
          const immutable = /\/assets\//.test(path);
          c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      }),
    );
    app.get(`${base}/*`, (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.html(index);
    });
  }
  app.get('/', (c) => c.redirect('/backoffice/'));
}
