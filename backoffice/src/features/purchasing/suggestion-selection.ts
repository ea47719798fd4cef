import type { SuggestionOrdersInput, Suggestions } from '@shopbook/shared';
import { trimZeros } from '../../forms/money-input.ts';

/** A suggestion row as the page edits it: ticked, and the purchase quantity as typed. */
export interface SuggestionRow {
  key: string;
  supplierId: string | null;
  productId: string;
  checked: boolean;
  qty: string;
}

export function rowsFromSuggestions(s: Suggestions): SuggestionRow[] {
  return s.groups.flatMap((g) =>
    g.items.map((it) => ({
      key: `${g.supplierId ?? '-'}|${it.productId}`,
      supplierId: g.supplierId,
      productId: it.productId,
      checked: g.supplierId !== null,
      qty: trimZeros(it.purchaseQty),
    })),
  );
}

/** Ticked rows with a supplier; an emptied quantity leaves it to the suggestion. */
export function toSuggestionOrders(warehouseId: string, rows: readonly SuggestionRow[]): SuggestionOrdersInput {
  return {
    warehouseId,
    items: rows
      .filter((r) => r.checked && r.supplierId)
      .map((r) => ({ productId: r.productId, supplierId: r.supplierId!, ...(r.qty.trim() ? { qty: r.qty.trim() } : {}) })),
  };
}
