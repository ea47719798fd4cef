import type { salesTargetsZh } from '../zh-CN/sales-targets.ts';

export const salesTargetsEn: typeof salesTargetsZh = {
  cardTitle: "This month's sales targets",
  storeTarget: 'Store target',
  mine: 'My target',
  target: 'Target',
  actual: 'Sold (net of tax)',
  expected: 'Expected by today',
  noTarget: 'No target set',
  status: {
    reached: 'Reached',
    on_pace: 'On pace',
    behind: 'Behind',
    no_target: 'No target',
  },
  empty: 'No targets this month',
  page: {
    title: 'Sales targets',
    month: 'Month',
    hint: "Each month's target of net sales before tax: the store's own, and each salesperson's in the store.",
    who: 'For',
    amount: 'Target (net of tax)',
    progress: 'Progress',
    pickSalesperson: 'Choose a salesperson',
    addSalesperson: 'Add salesperson',
    remove: 'Remove target',
    confirmRemove: 'Remove this target? Sales already made are not affected.',
    saved: 'Target saved',
    removed: 'Target removed',
    noStores: 'No stores to set targets for',
  },
};
