import { LABEL_LAYOUT_IDS, type LabelLayoutId } from '@shopbook/shared';
import type { LocationQuery } from 'vue-router';

/**
 * A label print job as it travels in the address of the print page, so the sheet can be
 * reloaded, bookmarked or opened in a new tab and still show the same labels.
 */
export interface LabelJob {
  layout: LabelLayoutId;
  storeId: string | null;
  /** Slots of the first sheet already used. */
  skip: number;
  items: { productId: string; copies: number }[];
}

const ID = /^[0-9a-f-]{36}$/i;

export function labelJobToQuery(job: LabelJob): Record<string, string> {
  const query: Record<string, string> = {
    layout: job.layout,
    items: job.items.filter((i) => i.copies > 0).map((i) => `${i.productId}*${i.copies}`).join(','),
  };
  if (job.storeId) query.store = job.storeId;
  if (job.skip > 0) query.skip = String(job.skip);
  return query;
}

function one(value: LocationQuery[string] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** Reads a job back, dropping what does not parse rather than failing the whole sheet. */
export function labelJobFromQuery(query: LocationQuery): LabelJob {
  const layoutText = one(query.layout);
  const layout = (LABEL_LAYOUT_IDS as readonly string[]).includes(layoutText) ? (layoutText as LabelLayoutId) : 'a4-3x8';
  const store = one(query.store);
  const skip = Number.parseInt(one(query.skip), 10);
  const items = one(query.items)
    .split(',')
    .map((part) => {
      const [productId = '', copiesText = ''] = part.split('*');
      return { productId, copies: Number(copiesText) };
    })
    .filter((i) => ID.test(i.productId) && Number.isInteger(i.copies) && i.copies > 0);
  return { layout, storeId: ID.test(store) ? store : null, skip: Number.isFinite(skip) && skip > 0 ? skip : 0, items };
}

/** `ids=a,b,c` from the product list's selection: one label each to start with. */
export function idsFromQuery(query: LocationQuery): string[] {
  return one(query.ids).split(',').filter((id) => ID.test(id));
}
