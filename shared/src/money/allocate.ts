import { assertMoney, assertSafeInteger, toSafeNumber } from './money.ts';

/**
 * Splits an integer `total` into parts proportional to `weights` that add up to
 * exactly `total` (largest-remainder method). Each part is its exact share rounded
 * down or up, so it is always within one minor unit of that share.
 *
 * Leftover units go to the largest remainders; equal remainders go to the lower
 * index, so every till and the server split a discount identically.
 * All-zero weights split evenly. A negative total is split as the mirror image of
 * its positive, so a refund reverses the very parts of the sale.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assertMoney(total, 'total');
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  for (const [i, w] of weights.entries()) {
    assertSafeInteger(w, `weight ${i}`);
    if (w < 0) throw new RangeError(`weight ${i} must not be negative, got ${w}`);
  }
  const big = weights.some((w) => w > 0) ? weights.map(BigInt) : weights.map(() => 1n);
  const sumWeights = big.reduce((s, w) => s + w, 0n);
  const magnitude = BigInt(Math.abs(total));

  const parts = big.map((w) => (magnitude * w) / sumWeights);
  const remainders = big.map((w, index) => ({ index, rem: (magnitude * w) % sumWeights }));
  let leftover = magnitude - parts.reduce((s, p) => s + p, 0n);

  remainders.sort((a, b) => (a.rem === b.rem ? a.index - b.index : a.rem > b.rem ? -1 : 1));
  for (const { index } of remainders) {
    if (leftover === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return parts.map((p) => toSafeNumber(total < 0 ? -p : p, 'allocated part'));
}
