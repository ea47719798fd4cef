import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';

/**
 * Raw SQL results differ by driver (postgres.js returns an array, PGlite an object
 * with `rows`); every raw query goes through here so callers see one shape.
 */
export async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
