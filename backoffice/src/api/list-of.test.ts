import { warehouseSchema } from '@shopbook/shared';
import { describe, expect, it } from 'vitest';
import { listOf, pageOf } from './list-of.ts';

const wh = { id: 'w1', code: 'S01', name: 'Stockroom', storeId: null };

describe('list schemas', () => {
  it('parses { items } and { items, total }', () => {
    expect(listOf(warehouseSchema).parse({ items: [wh] })).toEqual({ items: [wh] });
    expect(pageOf(warehouseSchema).parse({ items: [wh], total: 7 })).toEqual({ items: [wh], total: 7 });
  });

  it('refuses bodies of another shape', () => {
    expect(() => listOf(warehouseSchema).parse({})).toThrow();
    expect(() => listOf(warehouseSchema).parse({ items: [{ id: 1 }] })).toThrow();
    expect(() => pageOf(warehouseSchema).parse({ items: [] })).toThrow();
  });
});
