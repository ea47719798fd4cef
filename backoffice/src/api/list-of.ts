import type { ResponseSchema } from './client.ts';

/**
 * `{ items: T[] }`, the API's shape for short lists, from the item's schema. Shared
 * exports the item schemas; the list wrappers live with the routes.
 */
export function listOf<T>(item: { array(): ResponseSchema<T[]> }): ResponseSchema<{ items: T[] }> {
  const items = item.array();
  return {
    parse(data: unknown) {
      const raw = typeof data === 'object' && data !== null ? (data as { items?: unknown }).items : undefined;
      return { items: items.parse(raw) };
    },
  };
}

/** `{ items: T[], total }`, the API's shape for paged lists. */
export function pageOf<T>(item: { array(): ResponseSchema<T[]> }): ResponseSchema<{ items: T[]; total: number }> {
  const list = listOf(item);
  return {
    parse(data: unknown) {
      const total = typeof data === 'object' && data !== null ? (data as { total?: unknown }).total : undefined;
      if (typeof total !== 'number' || !Number.isInteger(total)) throw new Error('total must be an integer');
      return { items: list.parse(data).items, total };
    },
  };
}
