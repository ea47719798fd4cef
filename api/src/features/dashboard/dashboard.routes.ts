import { apiErrorSchema, dashboardSummarySchema, salesDashboardQuerySchema, salesDashboardSchema } from '@shopbook/shared';
import { defineRoute, jsonResponse } from '../../http/route.ts';

export const getSummary = defineRoute('dashboard.view', {
  method: 'get',
  path: '/api/dashboard/summary',
  tags: ['dashboard'],
  summary: 'Company, master-data counts and products per top-level category',
  responses: { 200: jsonResponse(dashboardSummarySchema, 'Summary') },
});

export const getSales = defineRoute('reports.read', {
  method: 'get',
  path: '/api/dashboard/sales',
  tags: ['dashboard'],
  summary: "Today's and this month's sales against last year, the margin trend, top products, sales by hour, and what is due",
  request: { query: salesDashboardQuerySchema },
  responses: { 200: jsonResponse(salesDashboardSchema, 'Sales dashboard'), 400: jsonResponse(apiErrorSchema, 'Invalid') },
});
