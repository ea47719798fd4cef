/** Share of the quota that must stay free before the till warns. */
export const LOW_STORAGE_THRESHOLD = 0.1;

export interface StorageEstimateLike {
  usage?: number;
  quota?: number;
}

/** Bytes still free, or null when the browser does not say. */
export function freeBytes(estimate: StorageEstimateLike | null): number | null {
  if (!estimate || !estimate.quota || estimate.usage === undefined) return null;
  return Math.max(0, estimate.quota - estimate.usage);
}

/** True when less than 10 % of the quota is left: the outbox may soon fail to write. */
export function isLowOnStorage(estimate: StorageEstimateLike | null, threshold = LOW_STORAGE_THRESHOLD): boolean {
  const free = freeBytes(estimate);
  if (free === null || !estimate?.quota) return false;
  return free / estimate.quota < threshold;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/**
 * Asks the browser not to evict the till's IndexedDB under storage pressure; unsent sales
 * live there. Returns whether storage is persistent, or null when the API is missing.
 * Chromium grants it silently to installed or frequently used sites; a refusal is not
 * an error.
 */
export async function requestPersistentStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean | null> {
  if (!storage?.persist) return null;
  try {
    return await storage.persist();
  } catch {
    return null;
  }
}

export async function estimateStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<StorageEstimateLike | null> {
  if (!storage?.estimate) return null;
  try {
    return await storage.estimate();
  } catch {
    return null;
  }
}
