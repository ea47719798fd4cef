import type { stockReportsZh } from '../zh-CN/stock-reports.ts';

export const stockReportsEn: typeof stockReportsZh = {
  tabs: {
    levels: 'On hand',
    expiring: 'Expiring batches',
    asOf: 'Stock as of date',
  },
  expiring: {
    days: 'Expiring within',
    withinDays: '{n} days',
    expiryDate: 'Expires',
    daysLeft: 'Left',
    expired: 'Expired {n} days ago',
    today: 'Expires today',
    left: '{n} days',
    empty: 'No batch in stock expires within that time.',
    hint: 'Batches in stock that expire within the chosen days, or already have.',
  },
  asOf: {
    date: 'Date',
    datePlaceholder: 'Pick a date',
    run: 'Show',
    hint: 'Quantity and value at the end of the chosen day, rebuilt from the stock ledger.',
    pickDate: 'Pick a date first.',
    empty: 'No stock on that date.',
    totalValue: 'Total value',
  },
  rules: {
    title: 'Reorder rule',
    editTitle: 'Reorder rule: {product}',
    set: 'Set reorder rule',
    edit: 'Rule',
    product: 'Product',
    reorderPoint: 'Reorder at',
    minQty: 'Minimum',
    maxQty: 'Maximum',
    hint: 'Stock at or below the reorder point is listed as low; the suggested order is maximum − on hand.',
    unknownLimits: 'The current minimum and maximum cannot be read here: enter them again.',
    saved: 'Reorder rule saved',
    fixErrors: 'Fix the marked fields first.',
  },
};
