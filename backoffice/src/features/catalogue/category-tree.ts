import type { Category } from '@shopbook/shared';

/** A category with its children, as el-tree and el-tree-select want it. */
export interface CategoryNode {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  /** Products filed directly in this category. */
  productCount: number;
  /** Products in this category and everything below it. */
  totalCount: number;
  /** Names from the root down: "Beverages / Soft drinks". */
  path: string;
  depth: number;
  children: CategoryNode[];
}

const byCode = (a: CategoryNode, b: CategoryNode) => a.code.localeCompare(b.code);

/**
 * Builds the tree from the API's flat list. Siblings sort by code. A category whose
 * parent is missing from the list (or that sits in a parent cycle, which the API
 * should never allow) is shown as a root rather than dropped, so nothing disappears.
 */
export function buildCategoryTree(categories: readonly Category[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>();
  for (const c of categories) {
    nodes.set(c.id, { ...c, totalCount: c.productCount, path: c.name, depth: 0, children: [] });
  }
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent && !isAncestor(node, parent, nodes)) parent.children.push(node);
    else roots.push(node);
  }
  const finish = (list: CategoryNode[], parent: CategoryNode | null): number => {
    list.sort(byCode);
    let sum = 0;
    for (const node of list) {
      node.depth = parent ? parent.depth + 1 : 0;
      node.path = parent ? `${parent.path} / ${node.name}` : node.name;
      node.totalCount = node.productCount + finish(node.children, node);
      sum += node.totalCount;
    }
    return sum;
  };
  finish(roots, null);
  return roots;
}

/** True when `node` is `candidate` or one of its ancestors: linking would close a cycle. */
function isAncestor(node: CategoryNode, candidate: CategoryNode, nodes: Map<string, CategoryNode>): boolean {
  const seen = new Set<string>();
  for (let c: CategoryNode | undefined = candidate; c && !seen.has(c.id); c = c.parentId ? nodes.get(c.parentId) : undefined) {
    if (c.id === node.id) return true;
    seen.add(c.id);
  }
  return false;
}

/** Every node, depth first in display order. */
export function flattenTree(roots: readonly CategoryNode[]): CategoryNode[] {
  const out: CategoryNode[] = [];
  const walk = (list: readonly CategoryNode[]) => {
    for (const n of list) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(roots);
  return out;
}
