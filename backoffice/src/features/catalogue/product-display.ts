import type { Product } from '@shopbook/shared';
import { trimZeros } from '../../forms/money-input.ts';

/** 1300 → '13%', 650 → '6.5%': basis points shown as a percentage without a float. */
export function basisPointsToPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = String(Math.abs(bp % 100)).padStart(2, '0');
  return `${trimZeros(`${whole}.${rest}`)}%`;
}

/** A barcode for the list: the pack ones say how many units they stand for ("1690…×12"). */
export function barcodeLabel(b: Product['barcodes'][number]): string {
  const qty = trimZeros(b.packQty);
  return qty === '1' ? b.barcode : `${b.barcode} ×${qty}`;
}
