import type { Category } from '@shopbook/shared';
import { describe, expect, it } from 'vitest';
import { buildCategoryTree, flattenTree } from './category-tree.ts';

const cat = (id: string, code: string, parentId: string | null, productCount = 0): Category => ({
  id,
  code,
  name: code.toLowerCase(),
  parentId,
  productCount,
});

describe('buildCategoryTree', () => {
  it('nests children under parents, sorted by code, with paths and depths', () => {
    const tree = buildCategoryTree([
      cat('3', 'SNK', null),
      cat('2', 'BEV-TEA', '1', 4),
      cat('1', 'BEV', null, 1),
      cat('4', 'BEV-SOFT', '1', 6),
      cat('5', 'BEV-SOFT-ZERO', '4', 2),
    ]);
    expect(tree.map((n) => n.code)).toEqual(['BEV', 'SNK']);
    const bev = tree[0]!;
    expect(bev.children.map((n) => n.code)).toEqual(['BEV-SOFT', 'BEV-TEA']);
    const zero = bev.children[0]!.children[0]!;
    expect(zero.path).toBe('bev / bev-soft / bev-soft-zero');
    expect(zero.depth).toBe(2);
  });

  it('adds up product counts through the subtree', () => {
    const [bev] = buildCategoryTree([cat('1', 'BEV', null, 1), cat('2', 'TEA', '1', 4), cat('4', 'SOFT', '1', 6), cat('5', 'ZERO', '4', 2)]);
    expect(bev!.productCount).toBe(1);
    expect(bev!.totalCount).toBe(13);
    expect(bev!.children.find((c) => c.code === 'SOFT')!.totalCount).toBe(8);
  });

  it('keeps orphans and cycles visible as roots instead of losing them', () => {
    const tree = buildCategoryTree([cat('a', 'A', 'missing'), cat('b', 'B', 'c'), cat('c', 'C', 'b')]);
    const all = flattenTree(tree).map((n) => n.code).sort();
    expect(all).toEqual(['A', 'B', 'C']);
    expect(tree.some((n) => n.code === 'A')).toBe(true);
  });

  it('returns an empty forest for no categories', () => {
    expect(buildCategoryTree([])).toEqual([]);
  });
});
