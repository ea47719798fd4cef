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
};
