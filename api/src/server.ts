import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { openDatabase } from './db/client.ts';
import { loadEnv } from './env.ts';
import { ensureChart } from './features/finance/ensure-chart.ts';
import { mountFrontends } from './frontends.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './seed/demo.ts';

const env = loadEnv();
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.dataDir });
await database.migrate();
const seeded = env.DEMO_DATA ? await seedDemo(database.db, new Date()) : false;
await ensureChart(database.db);

const app = createApp({
  db: database.db,
  driver: database.driver,
  config: { secureCookies: env.SECURE_COOKIES, trustProxy: env.TRUST_PROXY },
});
mountFrontends(app);

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  const origin = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${info.port}`;
  const where = database.driver === 'pglite' ? `embedded PGlite at ${env.dataDir}` : 'PostgreSQL';
  console.log(`Shopbook is running on ${where}${seeded ? ' (demo data seeded)' : ''}`);
  console.log(`  back office  ${origin}/backoffice/`);
  console.log(`  till         ${origin}/pos/`);
  console.log(`  API          ${origin}/api/health   (OpenAPI: ${origin}/api/openapi.json)`);
  if (env.DEMO_DATA) console.log(`  demo logins  ${DEMO_USERS.map((u) => u.username).join(', ')} / password ${DEMO_PASSWORD}`);
});

// Close the database cleanly so PGlite flushes its files before the process exits.
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  server.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
