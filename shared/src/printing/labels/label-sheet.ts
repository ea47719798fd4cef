import { labelsPerPage, type LabelLayout } from './label-layouts.ts';

export interface LabelRequest<T> {
  item: T;
  /** How many copies; whole numbers from 0. */
  copies: number;
}

/** One printed page: `slots[i]` is the item in slot i, or null for a slot left blank. */
export interface LabelPage<T> {
  slots: (T | null)[];
}

/** At most this many labels in one job, so a mistyped quantity cannot hang the browser. */
export const MAX_LABELS = 2000;

/**
 * Lays the copies out page by page, in the order asked. `skip` leaves the first slots of
 * the first page blank, so a part-used A4 sheet can go through the printer again.
 */
export function labelPages<T>(requests: readonly LabelRequest<T>[], layout: LabelLayout, skip = 0): LabelPage<T>[] {
  const perPage = labelsPerPage(layout);
  const blank = Math.max(0, Math.min(Math.trunc(skip), perPage - 1));
  const flat: (T | null)[] = Array.from({ length: blank }, () => null);
  for (const r of requests) {
    if (!Number.isInteger(r.copies) || r.copies < 0) throw new RangeError('copies must be a whole number from 0');
    for (let i = 0; i < r.copies; i++) flat.push(r.item);
    if (flat.length - blank > MAX_LABELS) throw new RangeError(`at most ${MAX_LABELS} labels in one job`);
  }
  const pages: LabelPage<T>[] = [];
  for (let start = 0; start < flat.length; start += perPage) {
    const slots = flat.slice(start, start + perPage);
    while (slots.length < perPage) slots.push(null);
    pages.push({ slots });
  }
  return flat.length > blank ? pages : [];
}

/** The price a store's label shows: its own price when it has one, else the product's. */
export function labelPrice(product: { salePrice: number; storePrices: readonly { storeId: string; price: number }[] }, storeId: string | null): number {
  const own = storeId ? product.storePrices.find((p) => p.storeId === storeId) : undefined;
  return own ? own.price : product.salePrice;
}
