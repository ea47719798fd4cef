import type { salesDashboardZh } from '../zh-CN/sales-dashboard.ts';

export const salesDashboardEn: typeof salesDashboardZh = {
  today: 'Sales today (before tax)',
  monthToDate: 'Month to date',
  lastYear: 'Last year {amount}',
  change: '{sign}{pct}%',
  marginTrend: 'Gross margin, last 30 days',
  revenue: 'Revenue',
  margin: 'Gross margin',
  topProducts: 'Top products this month',
  product: 'Product',
  qty: 'Qty',
  net: 'Sales',
  byHour: 'Sales by hour, last 4 weeks',
  receivablesDue: 'Receivables due',
  payablesDue: 'Payables due',
  weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  none: 'No sales yet.',
};
