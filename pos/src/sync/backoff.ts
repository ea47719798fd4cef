/** First retry after about this long… */
export const BACKOFF_BASE_MS = 2_000;
/** …doubling per attempt up to this ceiling: a till offline all day retries every few minutes. */
export const BACKOFF_MAX_MS = 5 * 60_000;

/**
 * Delay before retry number `attempts` (1 = the first attempt failed): exponential, capped,
 * with "equal jitter" (half fixed, half random). The jitter matters when a store's network
 * comes back: without it, every till that went offline together retries in lockstep and
 * hits the server at the same instant, again and again.
 */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const exp = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}
