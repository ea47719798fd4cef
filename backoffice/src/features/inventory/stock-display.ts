import { parseQuantity, type StockLevel } from '@shopbook/shared';
import { trimZeros } from '../../forms/money-input.ts';

/** '20.000' → '20', '-1.500' → '-1.5'. Quantities arrive as decimal strings; no float on the way. */
export function formatQty(qty: string): string {
  return trimZeros(qty.trim());
}

/** A move's quantity with its sign, so "in" and "out" read at a glance: '+20', '-2'. */
export function signedQty(qty: string): string {
  const q = formatQty(qty);
  return q.startsWith('-') ? q : `+${q}`;
}

export function isNegative(qty: string): boolean {
  const q = qty.trim();
  return q.startsWith('-') && /[1-9]/.test(q);
}

function milli(qty: string): number | null {
  try {
    return parseQuantity(qty.trim());
  } catch {
    return null;
  }
}

/** Low: at or below the reorder point. Negative stock is worse than low and reported as such. */
export function levelState(level: Pick<StockLevel, 'qty' | 'reorderPoint'>): 'negative' | 'low' | 'ok' {
  if (isNegative(level.qty)) return 'negative';
  if (level.reorderPoint === null) return 'ok';
  const q = milli(level.qty);
  const r = milli(level.reorderPoint);
  return q !== null && r !== null && q <= r ? 'low' : 'ok';
}
