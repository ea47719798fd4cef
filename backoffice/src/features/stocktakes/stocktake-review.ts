import { parseQuantity, type StockTake, type StockTakeLine } from '@shopbook/shared';

/**
 * What a manager looks at before approving a count: which lines differ, which were
 * counted by more than one person, which nobody counted (they go in as zero).
 */
export const REVIEW_FILTERS = ['all', 'differences', 'needsReview', 'uncounted'] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

const milli = (q: string | null): number | null => {
  if (q === null) return null;
  try {
    return parseQuantity(q);
  } catch {
    return null;
  }
};

export function hasVariance(line: Pick<StockTakeLine, 'varianceQty'>): boolean {
  const v = milli(line.varianceQty);
  return v !== null && v !== 0;
}

export function filterLines(lines: readonly StockTakeLine[], filter: ReviewFilter): StockTakeLine[] {
  switch (filter) {
    case 'differences':
      return lines.filter(hasVariance);
    case 'needsReview':
      return lines.filter((l) => l.needsReview);
    case 'uncounted':
      return lines.filter((l) => l.countedQty === null);
    default:
      return [...lines];
  }
}

export interface VarianceSummary {
  /** Value of stock found (positive variances), minor units. */
  gain: number;
  /** Value of stock missing (negative variances), minor units, as a negative number. */
  loss: number;
  net: number;
  differences: number;
  needsReview: number;
}

export function varianceSummary(doc: Pick<StockTake, 'lines'>): VarianceSummary {
  let gain = 0;
  let loss = 0;
  for (const l of doc.lines) {
    const v = l.varianceValue ?? 0;
    if (v > 0) gain += v;
    else loss += v;
  }
  return {
    gain,
    loss,
    net: gain + loss,
    differences: doc.lines.filter(hasVariance).length,
    needsReview: doc.lines.filter((l) => l.needsReview).length,
  };
}

/** "zhao 20, li 8": who counted what, for the review's counter column. */
export function countersText(line: Pick<StockTakeLine, 'counters'>, unknown: string): string {
  return line.counters.map((c) => `${c.username ?? unknown} ${c.qty}`).join(', ');
}
