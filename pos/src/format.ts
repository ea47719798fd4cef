import { formatQuantity, parseMoney, parseQuantity, toDecimalString } from '@shopbook/shared';

/**
 * Minor units (分) to a display string with `fractionDigits` decimals, using integer
 * arithmetic only.
 */
export function formatMinor(minor: number, fractionDigits = 2): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`money must be an integer of minor units: ${minor}`);
  return toDecimalString(minor, fractionDigits);
}

/** A quantity as the cashier reads it: "3" pieces, "0.425" kg (weighed goods keep 3 decimals). */
export function formatQty(qtyMilli: number, weighed: boolean): string {
  return weighed ? toDecimalString(qtyMilli, 3) : formatQuantity(qtyMilli);
}

/** 1300 basis points → "13%"; 550 → "5.5%". */
export function formatRate(bp: number): string {
  return `${toDecimalString(bp, 2).replace(/\.?0+$/, '')}%`;
}

/** What a cashier typed as money ("12", "12.5", "12.50", "¥12.50"), or null if it is not money. */
export function parseMoneyInput(text: string): number | null {
  const clean = text.trim().replace(/^[¥$€£]/, '').replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  try {
    return parseMoney(clean);
  } catch {
    return null;
  }
}

/** A quantity typed at the till, thousandths; null unless positive with at most 3 decimals. */
export function parseQtyInput(text: string): number | null {
  const clean = text.trim();
  if (!/^\d+(\.\d{1,3})?$/.test(clean)) return null;
  try {
    const q = parseQuantity(clean);
    return q > 0 ? q : null;
  } catch {
    return null;
  }
}

/** A percentage typed at the till ("10", "12.5") as basis points, 0–10000; null otherwise. */
export function parsePercentInput(text: string): number | null {
  const clean = text.trim().replace(/%$/, '');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  const bp = parseMoney(clean); // two decimals: "12.5" → 1250 basis points
  return bp <= 10_000 ? bp : null;
}
