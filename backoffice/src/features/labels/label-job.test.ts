import { describe, expect, it } from 'vitest';
import { idsFromQuery, labelJobFromQuery, labelJobToQuery } from './label-job.ts';

const A = '0190f5e8-3b2a-7c41-9d2e-5f6a7b8c9d0e';
const B = '0190f5e8-3b2a-7c41-9d2e-5f6a7b8c9d0f';

describe('label job in the address', () => {
  it('goes there and back, leaving out products with no copies', () => {
    const job = { layout: 'roll-40x30' as const, storeId: A, skip: 3, items: [{ productId: A, copies: 2 }, { productId: B, copies: 0 }] };
    const query = labelJobToQuery(job);
    expect(query).toEqual({ layout: 'roll-40x30', items: `${A}*2`, store: A, skip: '3' });
    expect(labelJobFromQuery(query)).toEqual({ ...job, items: [{ productId: A, copies: 2 }] });
  });

  it('falls back to A4 3 × 8 and drops parts that do not parse', () => {
    expect(labelJobFromQuery({ layout: 'poster', items: `${A}*x,${B}*4,nope*2,${A}*-1`, skip: '-2', store: 'x' })).toEqual({
      layout: 'a4-3x8',
      storeId: null,
      skip: 0,
      items: [{ productId: B, copies: 4 }],
    });
  });

  it('reads the ids a product list selection sends', () => {
    expect(idsFromQuery({ ids: `${A},bad,${B}` })).toEqual([A, B]);
    expect(idsFromQuery({})).toEqual([]);
  });
});
