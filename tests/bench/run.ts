import postgres from 'postgres';
import { benchIngest } from './ingest.ts';
import { benchTillIndexedDb } from './till-idb.ts';
import { benchJournalPosting, openBenchDatabase, type BenchResult } from './journal-posting.ts';

/**
 * `pnpm bench`: each benchmark prints its figure beside a baseline measured in the same
 * run. PostgreSQL runs when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server;
 * a scratch database is created there and dropped afterwards.
 */
async function withPostgres<T>(url: string, fn: (dbUrl: string) => Promise<T>): Promise<T> {
  const name = `sb_bench_${Date.now()}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  try {
    return await fn(target.toString());
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

const results: BenchResult[] = [];
{
  const database = await openBenchDatabase();
  results.push(await benchJournalPosting(database, 'PGlite'));
  await database.close();
}
if (process.env.BENCH_SKIP_BROWSER !== '1') results.push(...(await benchTillIndexedDb()));
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  await withPostgres(pgUrl, async (url) => {
    const database = await openBenchDatabase(url);
    results.push(await benchJournalPosting(database, 'PostgreSQL'));
    results.push(await benchIngest(database, 'PostgreSQL'));
    await database.close();
  });
} else {
  console.warn('no BENCH_DATABASE_URL: PostgreSQL benchmarks skipped');
}

console.log('\n| benchmark | figure | baseline (same run) | ratio |\n|---|---|---|---|');
for (const r of results) console.log(`| ${r.name} | ${r.figure} | ${r.baseline} | ${r.ratio.toFixed(2)} |`);
