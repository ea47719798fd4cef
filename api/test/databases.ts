import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { describe } from 'vitest';
import { openDatabase, type Database } from '../src/db/client.ts';

export type Driver = 'pglite' | 'postgres';

const url = process.env.TEST_DATABASE_URL;
if (!url && process.env.CI) {
  throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL suites must run in CI');
}
let warned = false;

/** PGlite always; a real PostgreSQL server too when TEST_DATABASE_URL names one. */
export function drivers(): Driver[] {
  if (!url && !warned) {
    warned = true;
    console.warn('TEST_DATABASE_URL is not set: API suites run on PGlite only, the PostgreSQL runs are SKIPPED');
  }
  return url ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh, migrated database. On PostgreSQL each call creates its own database on the
 * server and drops it on close, so suites never see each other's rows.
 */
export async function freshDatabase(driver: Driver): Promise<Database> {
  if (driver === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    await database.migrate();
    return database;
  }
  const name = `sb_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url!);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.toString() });
  await database.migrate();
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = postgres(url!, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** Runs the same suite once per available driver. */
export function describeEachDriver(name: string, suite: (driver: Driver) => void) {
  for (const driver of drivers()) describe(`${name} [${driver}]`, () => suite(driver));
}
